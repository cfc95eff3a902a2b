#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "lib/fsutil.h"
#include "lib/jpinput.h"
#include "lib/strbuf.h"
#include "service/attachments.h"

static int attach_add(struct cli_ctx *ctx, int argc, char **argv);
static int attach_list(struct cli_ctx *ctx, int argc, char **argv);
static int attach_set(struct cli_ctx *ctx, int argc, char **argv);
static int attach_remove(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_add = {
	.name = "attach add",
	.args = "--org CONNECTOR --item N [--item M...] FILE [--title T] [--valid-until DATE]",
	.summary = "attach a file to the connector's items", .help = "", .exec = attach_add,
};
static const struct cli_command sub_list = {
	.name = "attach list", .args = "--org CONNECTOR [--json]", .summary = "the connector's attached files",
	.help = "", .exec = attach_list,
};
static const struct cli_command sub_set = {
	.name = "attach set", .args = "--org CONNECTOR ID [--title T] [--item N...] [--valid-until DATE|none]",
	.summary = "change an attachment's title, items or validity", .help = "", .exec = attach_set,
};
static const struct cli_command sub_remove = {
	.name = "attach remove", .args = "--org CONNECTOR ID", .summary = "remove an attachment (its file is kept)",
	.help = "", .exec = attach_remove,
};

/* Takes every --item N (and --item=N) out of argv, which cli_parse() takes
 * once only, and reads them together as jpinput_numbers() reads a list
 * ("--item 2 --item ３、４"). *argc shrinks; *found says whether any was
 * given. -1 with e for a value that is no list, or --item last. */
static int take_items(int *argc, char **argv, int **items, size_t *n, bool *found, struct err *e)
{
	struct strbuf sb = STRBUF_INIT;
	int out = 0;
	*found = false;
	for (int i = 0; i < *argc; i++) {
		const char *v = NULL;
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--item")) {
			if (i + 1 >= *argc) {
				strbuf_release(&sb);
				err_set(e, "--item wants an item number");
				return -1;
			}
			v = argv[i + 1];
			memmove(&argv[i], &argv[i + 2], (size_t)(*argc - i - 2) * sizeof *argv);
			*argc -= 2;
			i--;
		} else if (!strncmp(argv[i], "--item=", 7)) {
			v = argv[i] + 7;
			memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i - 1) * sizeof *argv);
			*argc -= 1;
			i--;
		}
		if (v) {
			strbuf_addf(&sb, "%s%s", *found ? "," : "", v);
			*found = true;
		}
	}
	char *text = strbuf_detach(&sb);
	*items = NULL;
	*n = 0;
	if (*found && jpinput_numbers(text, items, n, e) < 0)
		out = -1;
	free(text);
	return out;
}

/* Parses the options of a subcommand that wants --org and npos_want
 * positional arguments. */
static int parse(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		 const struct cli_opt *opts, int npos_want, const char *what)
{
	int npos;
	int rc = cli_parse(ctx, cmd->name, cmd, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? -1 : rc;
	if (npos != npos_want)
		return cli_usage(cmd->name, cmd, "name %s", what);
	if (!*opts[0].value)
		return cli_usage(cmd->name, cmd, "--org is required");
	return 0;
}

static void print_attachment(const struct attachment *a)
{
	printf("%lld  %s  %s  %lld bytes  items", a->id, a->name, a->type, a->size);
	for (size_t i = 0; i < a->n_items; i++)
		printf("%s%d", i ? "," : " ", a->items[i]);
	if (a->title[0])
		printf("  「%s」", a->title);
	if (a->valid_until)
		printf("  valid until %s", a->valid_until);
	printf("\n    sha256 %s, added %s by %s\n", a->sha256, a->created_at, a->created_by);
}

/* The file's name without its directories: what is stored. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int attach_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err e = { 0 };
	int *items = NULL;
	size_t n_items = 0;
	bool any;
	if (take_items(&argc, argv, &items, &n_items, &any, &e) < 0)
		return cli_usage(sub_add.name, &sub_add, "%s", e.msg);
	const char *org_name = NULL, *title = NULL, *valid = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "title", 0, &title, NULL },
					{ "valid-until", 0, &valid, NULL }, { 0 } };
	int rc = parse(ctx, &sub_add, argc, argv, opts, 1, "one file");
	if (rc) {
		free(items);
		return rc < 0 ? CLI_OK : rc;
	}
	struct store *st = NULL;
	struct org *org = NULL;
	char *data = NULL, *actor = cli_audit_actor();
	size_t len = 0;
	struct stat sb;
	struct attachment a = { 0 };
	struct attachment_new in = { .name = base_name(argv[0]), .title = title, .valid_until = valid,
				     .items = items, .n_items = n_items };
	/* A file over the limit is not read: the service refuses it by its
	 * size alone, before it looks at the bytes. */
	bool big = stat(argv[0], &sb) == 0 && sb.st_size > ATTACHMENTS_FILE_MAX;
	if (big)
		len = (size_t)sb.st_size;
	else if (fs_read_file(argv[0], ATTACHMENTS_FILE_MAX, &data, &len, &e) < 0)
		rc = cli_fail("%s", e.msg);
	in.data = data;
	in.len = len;
	enum outcome oc;
	if (!rc && (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) != 0))
		rc = cli_fail("%s", e.msg);
	else if (!rc && (oc = attachments_add(st, actor, org, &in, &a, &e)) != OUTCOME_OK)
		rc = cli_refused(oc, &e, NULL);
	else if (!rc)
		print_attachment(&a);
	attachment_clear(&a);
	free(data);
	free(items);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int attach_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int rc = parse(ctx, &sub_list, argc, argv, opts, 0, "no file: attach list takes options only");
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct attachment *list = NULL;
	size_t n = 0;
	enum outcome oc;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else if ((oc = attachments_current(st, org, &list, &n, &e)) != OUTCOME_OK) {
		rc = cli_refused(oc, &e, NULL);
	} else {
		if (json)
			cli_print_json(attachments_json(list, n));
		else if (!n)
			printf("%s has no attached files\n", org->name);
		for (size_t i = 0; !json && i < n; i++)
			print_attachment(&list[i]);
	}
	attachments_free(list, n);
	org_free(org);
	store_close(st);
	return rc;
}

/* An attachment's id as typed: a positive number. */
static bool read_id(const char *text, long long *id)
{
	char *end;
	*id = strtoll(text, &end, 10);
	return *text >= '1' && *text <= '9' && !*end && *id > 0;
}

static int attach_set(struct cli_ctx *ctx, int argc, char **argv)
{
	struct err e = { 0 };
	int *items = NULL;
	size_t n_items = 0;
	bool any;
	if (take_items(&argc, argv, &items, &n_items, &any, &e) < 0)
		return cli_usage(sub_set.name, &sub_set, "%s", e.msg);
	const char *org_name = NULL, *title = NULL, *valid = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "title", 0, &title, NULL },
					{ "valid-until", 0, &valid, NULL }, { 0 } };
	int rc = parse(ctx, &sub_set, argc, argv, opts, 1, "one attachment by its id");
	long long id = 0;
	if (!rc && !read_id(argv[0], &id))
		rc = cli_usage(sub_set.name, &sub_set, "\"%s\" is not an attachment id", argv[0]);
	else if (!rc && !title && !valid && !any)
		rc = cli_usage(sub_set.name, &sub_set, "say what to change: --title, --item or --valid-until");
	if (rc) {
		free(items);
		return rc < 0 ? CLI_OK : rc;
	}
	/* --item with an empty list is "no items", which the service refuses
	 * in its words: items non-NULL says the option was given. */
	static const int none[1];
	struct attachment_change c = { .title = title, .valid_until = valid, .items = any ? (items ? items : none) : NULL,
				       .n_items = n_items };
	struct store *st = NULL;
	struct org *org = NULL;
	struct attachment a = { 0 };
	char *actor = cli_audit_actor();
	enum outcome oc;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) != 0)
		rc = cli_fail("%s", e.msg);
	else if ((oc = attachments_set(st, actor, org, id, &c, &a, &e)) != OUTCOME_OK)
		rc = cli_refused(oc, &e, NULL);
	else
		print_attachment(&a);
	attachment_clear(&a);
	free(items);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int attach_remove(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { 0 } };
	int rc = parse(ctx, &sub_remove, argc, argv, opts, 1, "one attachment by its id");
	long long id = 0;
	if (!rc && !read_id(argv[0], &id))
		rc = cli_usage(sub_remove.name, &sub_remove, "\"%s\" is not an attachment id", argv[0]);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	char *actor = cli_audit_actor();
	enum outcome oc;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) != 0)
		rc = cli_fail("%s", e.msg);
	else if ((oc = attachments_remove(st, actor, org, id, &e)) != OUTCOME_OK)
		rc = cli_refused(oc, &e, NULL);
	else
		printf("removed attachment %lld (its file is kept: a submission may name it)\n", id);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int attach_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_add, &sub_list, &sub_set, &sub_remove, NULL };
	return cli_dispatch(ctx, &cmd_attach, subs, argc, argv);
}

const struct cli_command cmd_attach = {
	.name = "attach",
	.args = "add|list|set|remove --org CONNECTOR ...",
	.summary = "files attached to a connector's answers as evidence",
	.help = "  shinsa attach add --org CONNECTOR --item N [--item M...] FILE [--title T]\n"
		"                    [--valid-until DATE]\n"
		"      attaches FILE (at most 20 MiB: PDF, PNG, JPEG, .xlsx, .docx, .pptx, UTF-8\n"
		"      text or CSV; the content decides, the name's extension must agree) to the\n"
		"      connector's items and common ones; --item takes lists too (2,3 or ２、３);\n"
		"      DATE as typed in Japan: 2027-07-31, 2027/7/31, 令和9年7月31日\n"
		"  shinsa attach list --org CONNECTOR [--json]\n"
		"      --json prints [{id, name, title, sha256, type, size, valid_until, items,\n"
		"      created_by, created_at}], by name\n"
		"  shinsa attach set --org CONNECTOR ID [--title T] [--item N...]\n"
		"                    [--valid-until DATE|none]\n"
		"      changes what is given; --item replaces the items\n"
		"  shinsa attach remove --org CONNECTOR ID\n"
		"      the attachment goes from the list; its file is kept, as a submission may\n"
		"      name it\n",
	.exec = attach_exec,
};
