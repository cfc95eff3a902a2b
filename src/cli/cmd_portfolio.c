#include <stdio.h>

#include "cli/cli.h"
#include "service/portfolio.h"

/* A string member, or dflt when it is null. */
static const char *str(const json_t *row, const char *key, const char *dflt)
{
	const char *s = json_string_value(json_object_get(row, key));
	return s ? s : dflt;
}

static long long num(const json_t *row, const char *key)
{
	return (long long)json_integer_value(json_object_get(row, key));
}

/* One row for people: "NAME: conditional at T (submission 1, version 1);
 * 1 open query; 1 open plan, 0 overdue; next due 2027-04-01 (scheduled)". */
static void print_row(const json_t *row, const struct org *org)
{
	printf("%s: ", str(row, org->kind == ORG_BANK ? "connector" : "bank", ""));
	if (json_is_null(json_object_get(row, "decision")))
		printf("not decided");
	else
		printf("%s at %s (submission %lld, version %lld)", str(row, "decision", ""), str(row, "decided_at", ""),
		       num(row, "submission"), num(row, "version"));
	printf("; %lld open %s; %lld open %s, %lld overdue; next due %s (%s)\n", num(row, "open_queries"),
	       num(row, "open_queries") == 1 ? "query" : "queries", num(row, "open_plans"),
	       num(row, "open_plans") == 1 ? "plan" : "plans", num(row, "overdue_plans"), str(row, "next_due", "none"),
	       str(row, "cycle_state", ""));
}

static void print_empty(const struct org *org)
{
	printf("%s has no %s yet\n", org->name, org->kind == ORG_BANK ? "connectors" : "banks");
}

static int portfolio_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_org_list(ctx, &cmd_portfolio, argc, argv, portfolio_list, print_row, print_empty);
}

const struct cli_command cmd_portfolio = {
	.name = "portfolio",
	.args = "--org NAME [--json]",
	.summary = "where each counterpart stands: decision, queries, plans, re-assessment",
	.help = "  shinsa portfolio --org NAME [--json]\n"
		"      one line per connector a bank is paired with (or per bank, for a\n"
		"      connector): the latest decision, open queries, open and overdue plans\n"
		"      and the next re-assessment; --json prints what GET /api/v1/portfolio\n"
		"      gives: [{connector|bank, submission, version, decision, decided_at,\n"
		"      open_queries, overdue_plans, open_plans, next_due, cycle_state}]\n",
	.exec = portfolio_exec,
};
