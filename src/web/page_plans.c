#include "web/page_plans.h"

#include <stdlib.h>
#include <string.h>

#include "core/user.h"
#include "lib/xalloc.h"
#include "web/page.h"
#include "web/plan_detail.h"
#include "web/review_screen.h"
#include "web/person.h"

static bool is_bank(const struct http_request *req)
{
	return req->org && req->org->kind == ORG_BANK;
}

/* The cycle of row's pair (same bank or same connector: the caller is the
 * other side of every row), or NULL. */
static const json_t *cycle_of(const json_t *cycles, const json_t *row)
{
	const char *key = json_object_get(row, "connector") ? "connector" : "bank";
	const char *name = json_string_value(json_object_get(row, key));
	size_t i;
	const json_t *c;
	json_array_foreach(cycles, i, c) {
		const char *n = json_string_value(json_object_get(c, key));
		if (n && name && strcmp(n, name) == 0)
			return c;
	}
	return NULL;
}

void page_portfolio(struct http_request *req, struct http_response *resp)
{
	json_t *rows;
	if (page_fetch(req, resp, "/api/v1/portfolio", true, &rows) != 200)
		return;
	bool bank = is_bank(req);
	/* The cycles give each pair's period (months) for the bank's form;
	 * without them the page shows the rest. */
	json_t *cycles = NULL;
	page_fetch(req, resp, "/api/v1/cycles", false, &cycles);
	json_int_t alerts = 0;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row) {
		const char *cycle = json_string_value(json_object_get(row, "cycle_state"));
		bool alert = json_integer_value(json_object_get(row, "overdue_plans")) > 0 ||
			     (cycle && strcmp(cycle, "overdue") == 0);
		alerts += alert;
		json_object_set_new(row, "counterpart", json_incref(json_object_get(row, bank ? "connector" : "bank")));
		/* A connector names whose review it opens; a bank opens its own. */
		json_object_set_new(row, "bank_param", bank ? json_string("") : json_incref(json_object_get(row, "bank")));
		json_object_set_new(row, "d", review_screen_flag(json_object_get(row, "decision")));
		json_object_set_new(row, "cs", review_screen_flag(json_object_get(row, "cycle_state")));
		json_object_set_new(row, "alert", json_boolean(alert));
		json_object_set_new(row, "idx", json_integer((json_int_t)i));
		json_object_set_new(row, "months", json_incref(json_object_get(cycle_of(cycles, row), "months")));
	}
	json_decref(cycles);
	/* Decided here: inside a row, "bank" is the row's bank's name. */
	const struct user *u = req->who.user;
	bool may_cycle = bank && u && user_role_can(u->role, ACTION_REVIEW);
	page_render(req, resp, 200, "review_portfolio", "review.portfolio_title",
		    json_pack("{s:o, s:I, s:I, s:b, s:{s:b}}", "rows", rows, "count",
			      (json_int_t)json_array_size(rows), "alerts", alerts, "may_cycle", may_cycle, "nav",
			      "portfolio", true));
}

/* Adds to plan p what the pages show: s {STATUS: true}, overdue_key. */
static void dress(json_t *p)
{
	json_object_set_new(p, "s", review_screen_flag(json_object_get(p, "status")));
	json_object_set_new(p, "overdue_key", json_string(json_is_true(json_object_get(p, "overdue")) ? "yes" : "no"));
}

void page_plans(struct http_request *req, struct http_response *resp)
{
	json_t *plans;
	if (page_fetch(req, resp, "/api/v1/plans", true, &plans) != 200)
		return;
	json_int_t overdue = 0;
	size_t i;
	json_t *p;
	json_array_foreach(plans, i, p) {
		dress(p);
		overdue += json_is_true(json_object_get(p, "overdue"));
	}
	page_render(req, resp, 200, "review_plans", "review.plans_title",
		    json_pack("{s:o, s:I, s:I, s:{s:b}}", "rows", plans, "count", (json_int_t)json_array_size(plans),
			      "overdue_count", overdue, "nav", "plans", true));
}

void page_plan(struct http_request *req, struct http_response *resp)
{
	const char *s = http_param(req, "id");
	char *end = NULL;
	long long id = s && *s >= '1' && *s <= '9' && strlen(s) <= 18 ? strtoll(s, &end, 10) : 0;
	if (!end || *end) {
		page_refused(req, resp, 404, "not_found", "no such plan");
		return;
	}
	char *path = xasprintf("/api/v1/plans/%lld", id);
	json_t *plan;
	int status = page_fetch(req, resp, path, true, &plan);
	free(path);
	if (status != 200)
		return;
	dress(plan);
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(plan, "history"), i, h) {
		json_object_set_new(h, "w", review_screen_flag(json_object_get(h, "what")));
		json_object_set_new(h, "dw", plan_detail_words(page_text(h, "what"), page_text(h, "detail")));
		person_set_own(h, "actor");
	}
	json_object_set_new(plan, "nav", json_pack("{s:b}", "plans", true));
	/* page_render sets "connector" to the caller's kind. */
	json_object_set_new(plan, "connector_name", json_incref(json_object_get(plan, "connector")));
	page_render(req, resp, 200, "review_plan", "review.plan_title", plan);
}
