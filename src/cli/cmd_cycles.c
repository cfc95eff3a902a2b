#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "service/cycles.h"
#include "service/plans.h"

static int cycles_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int cycles_set_cmd(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_list = {
	.name = "cycles list", .args = "--org ORG [--json]", .summary = "an organisation's re-assessment cycles",
	.help = "", .exec = cycles_list_cmd,
};
static const struct cli_command sub_set = {
	.name = "cycles set", .args = "--org BANK --connector NAME [--months N] [--next-due DATE|none]",
	.summary = "a bank sets its re-assessment cycle with a connector", .help = "", .exec = cycles_set_cmd,
};

/* "X銀行 × 接続先A  every 12 months  last 2026-04-01  next 2027-04-01  upcoming". */
static void print_cycle(const json_t *c)
{
	const char *last = json_string_value(json_object_get(c, "last_assessed"));
	const char *next = json_string_value(json_object_get(c, "next_due"));
	printf("%s × %s  every %lld months  last %s  next %s  %s\n", json_string_value(json_object_get(c, "bank")),
	       json_string_value(json_object_get(c, "connector")),
	       (long long)json_integer_value(json_object_get(c, "months")), last ? last : "none", next ? next : "none",
	       json_string_value(json_object_get(c, "state")));
}

/* --org ORG, loaded, and today: 0, or the command's exit code. */
static int open_org(struct cli_ctx *ctx, const char *org_name, struct store **st, struct org **org, char *today)
{
	struct err e = { 0 };
	if (cli_open_store(ctx, st, &e) < 0 || cli_load_org(*st, org_name, org, &e) < 0 || plans_today(today, &e) < 0)
		return cli_fail("%s", e.msg);
	return CLI_OK;
}

static int cycles_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "cycles list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("cycles list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("cycles list", &sub_list, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct cycle **list = NULL;
	size_t n = 0;
	char today[PLAN_DATE_LEN + 1];
	rc = open_org(ctx, org_name, &st, &org, today);
	if (rc == CLI_OK && cycles_list(st, org, &list, &n, &e) < 0)
		rc = cli_fail("%s", e.msg);
	if (rc == CLI_OK) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, cycles_json(list[i], today));
		if (json) {
			cli_print_json(arr);
		} else {
			for (size_t i = 0; i < n; i++)
				print_cycle(json_array_get(arr, i));
			if (n == 0)
				printf("%s has no re-assessment cycles yet (a pair starts with its first share)\n",
				       org->name);
			json_decref(arr);
		}
	}
	cycle_list_free(list, n);
	org_free(org);
	store_close(st);
	return rc;
}

static int cycles_set_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *connector = NULL, *months = NULL, *next_due = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL },
					{ "connector", 0, &connector, NULL },
					{ "months", 0, &months, NULL },
					{ "next-due", 0, &next_due, NULL },
					{ 0 } };
	int npos;
	int rc = cli_parse(ctx, "cycles set", &sub_set, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("cycles set", &sub_set, "unexpected argument \"%s\"", argv[0]);
	if (!org_name || !connector)
		return cli_usage("cycles set", &sub_set, "%s is required", !org_name ? "--org" : "--connector");
	struct cycle_update u = { 0 };
	if (months) {
		/* Not a number: 0, which the service refuses with the API's
		 * message. */
		char *end;
		errno = 0;
		long long m = strtoll(months, &end, 10);
		u.months_set = true;
		u.months = *months && !*end && errno == 0 ? m : 0;
	}
	if (next_due) {
		u.next_due_set = true;
		u.next_due = strcmp(next_due, "none") == 0 ? NULL : next_due;
	}
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct cycle *c = NULL;
	char today[PLAN_DATE_LEN + 1];
	char *actor = cli_audit_actor();
	rc = open_org(ctx, org_name, &st, &org, today);
	if (rc == CLI_OK && cycles_set(st, actor, org, connector, &u, &c, &e) != 0)
		rc = cli_fail("%s", e.msg);
	if (rc == CLI_OK) {
		json_t *j = cycles_json(c, today);
		print_cycle(j);
		json_decref(j);
	}
	cycle_free(c);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int cycles_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_list, &sub_set, NULL };
	return cli_dispatch(ctx, &cmd_cycles, subs, argc, argv);
}

const struct cli_command cmd_cycles = {
	.name = "cycles",
	.args = "list --org ORG [--json] | set --org BANK --connector NAME [--months N] [--next-due DATE|none]",
	.summary = "periodic re-assessment: list the cycles, set one",
	.help = "  shinsa cycles list --org ORG [--json]\n"
		"      a bank's cycle with each connector that has shared with it, or a\n"
		"      connector's with each bank; --json prints what GET /api/v1/cycles answers\n"
		"  shinsa cycles set --org BANK --connector NAME [--months N] [--next-due DATE|none]\n"
		"      N from 1 to 60 (default 12); --next-due none goes back to the last\n"
		"      assessment + N months\n",
	.exec = cycles_exec,
};
