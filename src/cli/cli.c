#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "service/lookup.h"

const struct cli_command *const cli_commands[] = {
	&cmd_init,
	&cmd_catalog,
	&cmd_form,
	&cmd_org,
	&cmd_user,
	&cmd_token,
	&cmd_answers,
	&cmd_submit,
	&cmd_submission,
	&cmd_verify,
	&cmd_diff,
	&cmd_share,
	&cmd_inbox,
	&cmd_criteria,
	&cmd_review,
	&cmd_plans,
	&cmd_cycles,
	&cmd_reminders,
	&cmd_portfolio,
	&cmd_questions,
	&cmd_attach,
	&cmd_audit,
	&cmd_backup,
	&cmd_restore,
	&cmd_serve,
	&cmd_help,
	NULL,
};

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; cli_commands[i]; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

void cli_print_help(const char *prog, const struct cli_command *cmd)
{
	printf("usage: shinsa %s%s%s\n\n%s\n", prog, cmd->args[0] ? " " : "", cmd->args, cmd->summary);
	if (cmd->help && cmd->help[0])
		printf("\n%s", cmd->help);
	printf("\nEvery command also takes --db PATH (default: $SHINSA_DB, else %s) and --help.\n", CLI_DEFAULT_DB);
}

int cli_usage(const char *prog, const struct cli_command *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof msg)
		strcpy(msg + sizeof msg - 4, "...");
	/* One line, so scripts that log stderr keep message and usage together. */
	fprintf(stderr, "shinsa: %s: %s (usage: shinsa %s%s%s)\n", prog, msg, prog, cmd->args[0] ? " " : "", cmd->args);
	return CLI_USAGE;
}

int cli_fail(const char *fmt, ...)
{
	va_list ap;
	fputs("shinsa: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int cli_refused(enum outcome rc, const struct err *e, const char *choose)
{
	if (rc == OUTCOME_CHOOSE && choose)
		return cli_fail("%s: say which with --%s ID", e->msg, choose);
	return cli_fail("%s", e->msg);
}

static const char *last_word(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

int cli_dispatch(struct cli_ctx *ctx, const struct cli_command *cmd, const struct cli_command *const *subs, int argc,
		 char **argv)
{
	if (argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
		cli_print_help(cmd->name, cmd);
		return CLI_OK;
	}
	for (size_t i = 0; argc >= 1 && subs[i]; i++)
		if (strcmp(last_word(subs[i]->name), argv[0]) == 0)
			return subs[i]->exec(ctx, argc - 1, argv + 1);
	char choices[128] = "";
	size_t n = 0, len = 0;
	while (subs[n])
		n++;
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(choices + len, sizeof choices - len, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
				 last_word(subs[i]->name));
		if (w < 0 || (size_t)w >= sizeof choices - len)
			break; /* our own short names always fit */
		len += (size_t)w;
	}
	if (argc < 1)
		return cli_usage(cmd->name, cmd, "which one? %s", choices);
	return cli_usage(cmd->name, cmd, "unknown subcommand \"%s\" (want %s)", argv[0], choices);
}

static const struct cli_opt *find_long(const struct cli_opt *opts, const char *name, size_t len)
{
	for (size_t i = 0; opts && opts[i].name; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return &opts[i];
	return NULL;
}

static const struct cli_opt *find_short(const struct cli_opt *opts, char c)
{
	for (size_t i = 0; opts && opts[i].name; i++)
		if (opts[i].short_name && opts[i].short_name == c)
			return &opts[i];
	return NULL;
}

int cli_parse(struct cli_ctx *ctx, const char *prog, const struct cli_command *cmd, int argc, char **argv,
	      const struct cli_opt *opts, int *npos)
{
	*npos = 0;
	bool options_done = false;
	for (int i = 0; i < argc; i++) {
		char *a = argv[i];
		if (options_done || a[0] != '-' || a[1] == '\0') {
			argv[(*npos)++] = a; /* never ahead of i, so in place is safe */
			continue;
		}
		if (strcmp(a, "--") == 0) {
			options_done = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_print_help(prog, cmd);
			return -1;
		}
		const struct cli_opt *o;
		const char *inline_value = NULL;
		const char *db_value = NULL;
		struct cli_opt db_opt = { "db", 0, &db_value, NULL };
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			inline_value = eq ? eq + 1 : NULL;
			o = len == 2 && strncmp(name, "db", 2) == 0 ? &db_opt : find_long(opts, name, len);
		} else {
			o = a[2] == '\0' ? find_short(opts, a[1]) : NULL;
		}
		if (!o)
			return cli_usage(prog, cmd, "unknown option %s", a);
		if (o->flag) {
			if (inline_value)
				return cli_usage(prog, cmd, "option --%s takes no value", o->name);
			*o->flag = true;
			continue;
		}
		if (!inline_value) {
			if (i + 1 >= argc)
				return cli_usage(prog, cmd, "option %s needs a value", a);
			inline_value = argv[++i];
		}
		*o->value = inline_value;
		if (o == &db_opt)
			ctx->db_path = db_value;
	}
	return 0;
}

int cli_open_store(struct cli_ctx *ctx, struct store **out, struct err *e)
{
	return store_open(ctx->db_path, STORE_EXISTING, out, e);
}

int cli_load_catalog(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	return lookup_catalog(st, id, out, e);
}

int cli_load_checklist(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	return lookup_checklist(st, id, out, e);
}

int cli_load_org(struct store *st, const char *name, struct org **out, struct err *e)
{
	return lookup_org(st, name, out, e);
}

int cli_org_list(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		 int (*list)(struct store *st, const struct org *org, json_t **out, struct err *e),
		 void (*print_row)(const json_t *row, const struct org *org), void (*empty)(const struct org *org))
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, cmd->name, cmd, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage(cmd->name, cmd, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage(cmd->name, cmd, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	json_t *rows = NULL;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0 ||
	    list(st, org, &rows, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else if (json) {
		cli_print_json(rows);
		rows = NULL;
		rc = CLI_OK;
	} else {
		size_t i;
		json_t *row;
		json_array_foreach(rows, i, row)
			print_row(row, org);
		if (json_array_size(rows) == 0)
			empty(org);
		rc = CLI_OK;
	}
	json_decref(rows);
	org_free(org);
	store_close(st);
	return rc;
}

char *cli_secret_path(const struct cli_ctx *ctx)
{
	const char *env = getenv("SHINSA_SECRET_FILE");
	if (env && *env)
		return xstrdup(env);
	char *copy = xstrdup(ctx->db_path);
	char *path = xasprintf("%s/secret.key", dirname(copy));
	free(copy);
	return path;
}

void cli_print_json(json_t *root)
{
	/* Reals are suggestion scores, rounded to 3 decimals: 12 digits print
	 * them as rounded, not as the nearest double's 17. */
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(12));
	fputc('\n', stdout);
	json_decref(root);
}
