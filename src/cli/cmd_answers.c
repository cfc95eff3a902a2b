#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "cli/cmd_answers.h"
#include "lib/jpinput.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

static int answers_set(struct cli_ctx *ctx, int argc, char **argv);
static int answers_show(struct cli_ctx *ctx, int argc, char **argv);
static int answers_check(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_set = {
	.name = "answers set",
	.args = "--org NAME --item N [--status S] [--current T] [--issues T] [--plan T] [--plan-due D] [--notes T]",
	.summary = "answer one item",
	.help = "",
	.exec = answers_set,
};
static const struct cli_command sub_show = {
	.name = "answers show", .args = "--org NAME [--json]", .summary = "the answer set", .help = "",
	.exec = answers_show,
};
static const struct cli_command sub_check = {
	.name = "answers check", .args = "--org NAME", .summary = "what a submission would be refused for", .help = "",
	.exec = answers_check,
};

void actx_release(struct cli_answers *c)
{
	answers_close(&c->a);
	org_free(c->org);
	store_close(c->st);
	free(c->actor);
}

int actx_load(struct cli_ctx *ctx, const char *org, const char *catalog, struct cli_answers *c, struct err *e)
{
	memset(c, 0, sizeof *c);
	c->actor = cli_audit_actor();
	if (cli_open_store(ctx, &c->st, e) < 0 || cli_load_org(c->st, org, &c->org, e) < 0)
		return -1;
	/* The organisation's kind is checked first: a bank has no checklist
	 * to choose. */
	if (c->org->kind != ORG_CONNECTOR) {
		err_set(e, "%s is a bank: answer sets belong to connectors", c->org->name);
		return -1;
	}
	struct catalog *cat;
	if (cli_load_checklist(c->st, catalog, &cat, e) < 0)
		return -1;
	return answers_open(&c->a, c->st, c->org, cat, e) == OUTCOME_OK ? 0 : -1;
}

static void print_answers(const struct catalog *cat, const struct answer_set *set)
{
	printf("%s: %s\n", set->org, cat->id);
	for (size_t i = 0; i < set->n_items; i++) {
		const struct answer *a = &set->items[i];
		const struct catalog_item *it = &cat->items[i];
		printf("%3d  %s%s\n", a->no, a->status ? answer_status_label(a->status) : "(未回答)",
		       answer_is_connectors(it) ? "" : "  [銀行が回答]");
		static const char *const labels[] = { NULL, "現在の対応状況", "課題認識", "課題への対応計画",
						      "対応予定日", "備考" };
		for (int f = FIELD_CURRENT; f < ANSWER_NFIELDS; f++) {
			const char *v = answer_get(a, (enum answer_field)f);
			if (*v)
				printf("     %s: %s\n", labels[f], v);
		}
	}
}

static int answers_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "org", 0, &org, NULL }, { "catalog", 0, &catalog, NULL }, { "json", 0, NULL, &json }, { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "answers show", &sub_show, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos || !org)
		return cli_usage("answers show", &sub_show, npos ? "unexpected argument" : "--org is required");
	struct err e = { 0 };
	struct cli_answers c;
	if (actx_load(ctx, org, catalog, &c, &e) < 0) {
		actx_release(&c);
		return cli_fail("%s", e.msg);
	}
	if (json)
		cli_print_json(answers_json(c.a.set));
	else
		print_answers(c.a.cat, c.a.set);
	actx_release(&c);
	return CLI_OK;
}

/* A contradiction (core/answers.h answers_contradictions) in words: a
 * submission goes ahead with it, but the bank sees it flagged. */
static const char *warning_words(const char *code)
{
	static const struct {
		const char *code, *words;
	} words[] = {
		{ "implemented_issues", "implemented, yet the issues (課題認識) have text" },
		{ "implemented_future_due", "implemented, yet the due date (対応予定日) is after today" },
		{ "open_no_plan", "partly or not implemented, with no plan (課題への対応計画)" },
		{ "open_no_plan_due", "partly or not implemented, with no due date (対応予定日)" },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(code, words[i].code) == 0)
			return words[i].words;
	return code;
}

static int answers_check(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org, NULL }, { "catalog", 0, &catalog, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "answers check", &sub_check, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos || !org)
		return cli_usage("answers check", &sub_check, npos ? "unexpected argument" : "--org is required");
	struct err e = { 0 };
	struct cli_answers c;
	if (actx_load(ctx, org, catalog, &c, &e) < 0) {
		actx_release(&c);
		return cli_fail("%s", e.msg);
	}
	json_t *check = answers_check_json(&c.a, &e);
	actx_release(&c);
	if (!check)
		return cli_fail("%s", e.msg);
	size_t i, n = json_array_size(json_object_get(check, "problems"));
	const json_t *v;
	json_array_foreach (json_object_get(check, "problems"), i, v)
		printf("%s\n", json_string_value(v));
	json_array_foreach (json_object_get(check, "warnings"), i, v)
		if (!answers_warning_repeats(check, v))
			printf("warning: item %lld: %s\n", (long long)json_integer_value(json_object_get(v, "no")),
			       warning_words(json_string_value(json_object_get(v, "code"))));
	json_decref(check);
	if (n == 0) {
		printf("ready to submit\n");
		return CLI_OK;
	}
	return cli_fail("%zu problem%s to fix before submitting", n, n == 1 ? "" : "s");
}

static int answers_set(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL, *item = NULL;
	const char *values[ANSWER_NFIELDS] = { 0 };
	const struct cli_opt opts[] = {
		{ "org", 0, &org, NULL },
		{ "catalog", 0, &catalog, NULL },
		{ "item", 0, &item, NULL },
		{ "status", 0, &values[FIELD_STATUS], NULL },
		{ "current", 0, &values[FIELD_CURRENT], NULL },
		{ "issues", 0, &values[FIELD_ISSUES], NULL },
		{ "plan", 0, &values[FIELD_PLAN], NULL },
		{ "plan-due", 0, &values[FIELD_PLAN_DUE], NULL },
		{ "notes", 0, &values[FIELD_NOTES], NULL },
		{ 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "answers set", &sub_set, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("answers set", &sub_set, "unexpected argument \"%s\"", argv[0]);
	if (!org || !item)
		return cli_usage("answers set", &sub_set, "--org and --item are required");
	/* One number, as typed in Japan too (３, ３ with full-width digits). */
	int *nos;
	size_t n_nos;
	if (jpinput_numbers(item, &nos, &n_nos, NULL) < 0 || n_nos != 1) {
		free(nos);
		return cli_usage("answers set", &sub_set, "--item wants an item number (通番), not \"%s\"", item);
	}
	int no = nos[0];
	free(nos);

	bool any = false;
	for (int f = 0; f < ANSWER_NFIELDS; f++)
		any |= values[f] != NULL;
	if (!any)
		return cli_usage("answers set", &sub_set, "nothing to set (give --status, --current, ...)");

	struct err e = { 0 };
	struct cli_answers c;
	const struct answer *ans;
	if (actx_load(ctx, org, catalog, &c, &e) < 0 ||
	    answers_set_item(&c.a, c.actor, no, values, &ans, &e) != OUTCOME_OK) {
		actx_release(&c);
		return cli_fail("%s", e.msg);
	}
	printf("item %d: %s\n", no, ans->status ? answer_status_name(ans->status) : "no status");
	actx_release(&c);
	return CLI_OK;
}

static int answers_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_set, &sub_show, &sub_check, &sub_answers_export,
							  &sub_answers_import, NULL };
	return cli_dispatch(ctx, &cmd_answers, subs, argc, argv);
}

const struct cli_command cmd_answers = {
	.name = "answers",
	.args = "set|show|check|export|import --org NAME ...",
	.summary = "a connector's master answer set",
	.help = "  shinsa answers set --org NAME --item N [--status S] [--current T] [--issues T]\n"
		"                     [--plan T] [--plan-due YYYY-MM-DD] [--notes T]\n"
		"      S: implemented (対応済), partial (一部対応), not_implemented (未対応),\n"
		"      not_applicable (対象外), or \"\" to unset. Connector and common items only.\n"
		"  shinsa answers show --org NAME [--json]\n"
		"      --json prints {org, catalog, items[{no, status, current, issues, plan,\n"
		"      plan_due, notes}]}; status and plan_due are null when unset\n"
		"  shinsa answers check --org NAME\n"
		"      lists everything a submission would be refused for, then the warnings\n"
		"      (\"warning: item N: ...\"): answers that contradict each other, which do\n"
		"      not stop a submission but which the bank sees flagged\n"
		"  shinsa answers export --org NAME -o FILE.xlsx\n"
		"      the A3 form with the answers in place (see shinsa answers import)\n"
		"  shinsa answers import FILE.xlsx --org NAME [--dry-run] [--json]\n"
		"      reads a filled-in form; on any error nothing is written\n"
		"  In the form, 現在の対応状況 starts with a line 【対応済】, 【一部対応】,\n"
		"  【未対応】 or 【対象外】, and 課題への対応計画 with 【対応予定日】YYYY-MM-DD.\n"
		"Each takes --catalog ID when the database holds more than one checklist.\n",
	.exec = answers_exec,
};
