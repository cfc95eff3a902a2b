#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "service/plan_view.h"
#include "service/plans.h"

static int plans_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int plans_update_cmd(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_list = {
	.name = "plans list", .args = "--org ORG [--json]", .summary = "the plans an organisation sees", .help = "",
	.exec = plans_list_cmd,
};
static const struct cli_command sub_update = {
	.name = "plans update", .args = "ID --org CONNECTOR [--status S] [--due DATE|none] [--note TEXT] [--milestones JSON]",
	.summary = "update a connector's plan", .help = "", .exec = plans_update_cmd,
};

/* One plan for people: "plan 1  item 3  in_progress  due 2026-06-30  OVERDUE". */
static void print_plan(const json_t *p, const struct org *org)
{
	bool bank = org->kind == ORG_BANK;
	const char *due = json_string_value(json_object_get(p, "due"));
	printf("plan %lld  ", (long long)json_integer_value(json_object_get(p, "id")));
	if (bank)
		printf("%s  ", json_string_value(json_object_get(p, "connector")));
	printf("item %lld  %s  due %s%s\n", (long long)json_integer_value(json_object_get(p, "no")),
	       json_string_value(json_object_get(p, "status")), due ? due : "none",
	       json_is_true(json_object_get(p, "overdue")) ? "  OVERDUE" : "");
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(p, "required"), i, r)
		printf("  %s requires %s%s\n", json_string_value(json_object_get(r, "bank")),
		       json_string_value(json_object_get(r, "due")),
		       json_is_true(json_object_get(r, "overdue")) ? "  OVERDUE" : "");
}

static void print_no_plans(const struct org *org)
{
	printf("%s has no plans to see\n", org->name);
}

/* Every plan the organisation sees (no filter). */
static int all_plans(struct store *st, const struct org *org, json_t **out, struct err *e)
{
	return plan_view_list(st, org, NULL, NULL, out, e);
}

static int plans_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_org_list(ctx, &sub_list, argc, argv, all_plans, print_plan, print_no_plans);
}

static int plans_update_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *status = NULL, *due = NULL, *note = NULL, *milestones = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL },	 { "status", 0, &status, NULL },
					{ "due", 0, &due, NULL },	 { "note", 0, &note, NULL },
					{ "milestones", 0, &milestones, NULL }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "plans update", &sub_update, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return npos ? cli_usage("plans update", &sub_update, "unexpected argument \"%s\"", argv[1])
			    : cli_usage("plans update", &sub_update, "which plan? give its id");
	if (cli_submission_id(argv[0], &id) < 0)
		return cli_usage("plans update", &sub_update, "ID is a plan number, not \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("plans update", &sub_update, "--org is required");
	/* The same checks as the API's: the options as its body. */
	json_t *body = json_object();
	if (status)
		json_object_set_new(body, "status", json_string(status));
	if (due)
		json_object_set_new(body, "due", strcmp(due, "none") == 0 ? json_null() : json_string(due));
	if (note)
		json_object_set_new(body, "note", json_string(note));
	if (milestones) {
		/* The whole list, as the API takes it: the service checks it. */
		json_error_t je;
		json_t *m = json_loads(milestones, JSON_REJECT_DUPLICATES, &je);
		if (!m) {
			json_decref(body);
			return cli_usage("plans update", &sub_update, "--milestones is not JSON: %s", je.text);
		}
		json_object_set_new(body, "milestones", m);
	}
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct plan_update u = { 0 };
	struct plan *p = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else if (org->kind != ORG_CONNECTOR) {
		rc = cli_fail("%s is a bank: plans are updated by their connector", org->name);
	} else if (plans_update_parse(body, &u, &e) != 0 || plans_update(st, actor, org->id, id, &u, &p, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("plan %lld (item %d of %s): %s, due %s\n", p->id, p->no, org->name, plan_status_name(p->status),
		       p->due ? p->due : "none");
		rc = CLI_OK;
	}
	plan_free(p);
	plans_update_release(&u);
	json_decref(body);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int plans_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_list, &sub_update, NULL };
	return cli_dispatch(ctx, &cmd_plans, subs, argc, argv);
}

const struct cli_command cmd_plans = {
	.name = "plans",
	.args = "list --org ORG [--json] | update ID --org CONNECTOR [--status S] [--due DATE|none] [--note TEXT] "
		"[--milestones JSON]",
	.summary = "remediation plans: list them, update one",
	.help = "  shinsa plans list --org ORG [--json]\n"
		"      a connector's plans (with every bank's required date), or for a bank the\n"
		"      plans of the items partial or not_implemented in what is shared with it\n"
		"      now; --json prints what GET /api/v1/plans answers\n"
		"  shinsa plans update ID --org CONNECTOR [--status S] [--due DATE|none] [--note TEXT]\n"
		"                     [--milestones JSON]\n"
		"      S is open, in_progress or done; JSON replaces the milestones, as the API's\n"
		"      [{\"title\": T, \"due\": DATE|null, \"done_at\": DATE|null}]; every change is on\n"
		"      the plan's history\n",
	.exec = plans_exec,
};
