#include "service/portfolio.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/cycles.h"
#include "service/plans.h"
#include "store/store_plan.h"
#include "store/store_review.h"

/* What the pair's standing row says, or nothing when it has no review. */
static const struct review_standing *standing_of(const struct review_standing *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].counterpart, name) == 0)
			return &list[i];
	return NULL;
}

/* Counts the connector's plans the bank sees: not done, and overdue for it. */
static void count_plans(struct plan *const *plans, size_t n, const struct plans_visible *v, const struct cycle *c,
			const char *today, long long *open, long long *overdue)
{
	*open = *overdue = 0;
	for (size_t i = 0; i < n; i++) {
		const struct plan *p = plans[i];
		if (p->connector_id != c->connector_id || p->status == PLAN_DONE || !plans_visible_has(v, p))
			continue;
		(*open)++;
		if (plan_overdue_for_bank(p, c->bank_id, today))
			(*overdue)++;
	}
}

static json_t *row_json(const struct cycle *c, const char *name_key, const char *name,
			const struct review_standing *s, long long open, long long overdue, const char *today)
{
	bool decided = s && s->latest_decision != DECISION_NONE;
	json_t *cy = cycles_json(c, today);
	json_t *row = json_pack("{s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:I, s:O, s:O}", name_key, name, "submission",
				decided ? json_integer(s->latest_submission) : json_null(), "version",
				decided ? json_integer(s->latest_version) : json_null(), "decision",
				decided ? json_string(review_decision_name(s->latest_decision)) : json_null(),
				"decided_at", decided ? json_string(s->latest_decided_at) : json_null(), "open_queries",
				(json_int_t)(s ? s->open_queries : 0), "overdue_plans", (json_int_t)overdue, "open_plans",
				(json_int_t)open, "next_due", json_object_get(cy, "next_due"), "cycle_state",
				json_object_get(cy, "state"));
	json_decref(cy);
	return row;
}

static int by_name(const void *a, const void *b)
{
	const char *key = "bank";
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	if (!json_object_get(x, key))
		key = "connector";
	return strcmp(json_string_value(json_object_get(x, key)), json_string_value(json_object_get(y, key)));
}

int portfolio_list(struct store *st, const struct org *viewer, json_t **out, struct err *e)
{
	bool bank = viewer->kind == ORG_BANK;
	char now[CLOCK_TEXT_SIZE], today[PLAN_DATE_LEN + 1];
	struct cycle **cycles = NULL;
	struct review_standing *standing = NULL;
	struct plan **plans = NULL;
	size_t n_cycles = 0, n_standing = 0, n_plans = 0;
	int rc = -1;
	*out = NULL;
	if (plans_today(today, e) < 0 || clock_stamp(now, e) < 0 || cycles_list(st, viewer, &cycles, &n_cycles, e) < 0 ||
	    store_review_standing(st, viewer->id, bank, &standing, &n_standing, e) < 0 ||
	    store_plan_list(st, bank ? 0 : viewer->id, &plans, &n_plans, e) < 0)
		goto done;
	json_t **rows = xcalloc(n_cycles ? n_cycles : 1, sizeof *rows);
	size_t n_rows = 0;
	/* The bank's consent view of the pair, on both sides. Loading it reads
	 * every submission shared with the bank: once per bank (a bank's rows
	 * all share it; the cycles come by bank, so a connector's change
	 * bank by bank). */
	struct plans_visible v = { 0 };
	long long loaded = 0;
	for (size_t i = 0; i < n_cycles; i++) {
		const struct cycle *c = cycles[i];
		const char *name = bank ? c->connector : c->bank;
		long long open, overdue;
		if (c->bank_id != loaded) {
			plans_visible_release(&v);
			loaded = 0;
			if (plans_visible_load(st, c->bank_id, now, &v, e) < 0)
				break;
			loaded = c->bank_id;
		}
		count_plans(plans, n_plans, &v, c, today, &open, &overdue);
		rows[n_rows++] = row_json(c, bank ? "connector" : "bank", name, standing_of(standing, n_standing, name),
					  open, overdue, today);
	}
	plans_visible_release(&v);
	if (n_rows == n_cycles) {
		qsort(rows, n_rows, sizeof *rows, by_name);
		*out = json_array();
		for (size_t i = 0; i < n_rows; i++)
			json_array_append_new(*out, rows[i]);
		rc = 0;
	} else {
		for (size_t i = 0; i < n_rows; i++)
			json_decref(rows[i]);
	}
	free(rows);
done:
	cycle_list_free(cycles, n_cycles);
	review_standing_list_free(standing, n_standing);
	plan_list_free(plans, n_plans);
	return rc;
}
