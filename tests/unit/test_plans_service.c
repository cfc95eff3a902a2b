/* service/cycles and the plan tables on a scratch database: an assessment
 * recorded by cycles_assessed (the review's decision calls it), the next
 * due date it gives, the explicit date it clears or keeps, and the
 * triggers that keep plans and their history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/xalloc.h"
#include "service/cycles.h"
#include "service/plans.h"
#include "store/store.h"
#include "store/store_plan.h"
#include "store/store_sql.h"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *a, *x;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", NULL };
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-plans", ids, &f->st) < 0)
		return -1;
	f->a = scratch_org_add(f->st, ORG_CONNECTOR, "接続先A");
	f->x = scratch_org_add(f->st, ORG_BANK, "X銀行");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	org_free(f->a);
	org_free(f->x);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

/* The one cycle of X and A as cycles_json() shows it on 2026-04-01. */
static char *cycle_of(struct fixture *f)
{
	struct err e = { 0 };
	struct cycle **list;
	size_t n;
	assert_int_equal(store_cycle_list(f->st, f->x->id, 0, &list, &n, &e), 0);
	assert_int_equal(n, 0); /* no share: no pair in the list */
	cycle_list_free(list, n);
	/* The row is there all the same: read it as the bank's pair would. */
	struct sql_stmt *q = sql_prepare(store_sql(f->st), "SELECT months, next_due, last_assessed FROM cycle", &e);
	assert_non_null(q);
	assert_int_equal(sql_step(q, &e), 1);
	struct cycle c = { .bank_id = f->x->id, .bank = "X銀行", .connector_id = f->a->id, .connector = "接続先A",
			   .months = (int)sql_int(q, 0), .next_due = (char *)sql_text(q, 1),
			   .last_assessed = (char *)sql_text(q, 2) };
	json_t *j = cycles_json(&c, "2026-04-01");
	sql_finalize(q);
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return s;
}

static void want_cycle(struct fixture *f, const char *want)
{
	char *got = cycle_of(f);
	assert_string_equal(got, want);
	free(got);
}

static void test_assessed(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2026-02-30", &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "date \"2026-02-30\" is not a date (want YYYY-MM-DD)");
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2025-05-31", &e), 0);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":12,\"last_assessed\":\"2025-05-31\","
		      "\"next_due\":\"2026-05-31\",\"state\":\"scheduled\"}");
	/* The bank's own date wins until an assessment on or after it. */
	assert_int_equal(sql_exec(store_sql(f->st), "UPDATE cycle SET months = 1, next_due = '2026-04-10'", &e), 0);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":1,\"last_assessed\":\"2025-05-31\","
		      "\"next_due\":\"2026-04-10\",\"state\":\"due\"}");
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2026-03-01", &e), 0);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":1,\"last_assessed\":\"2026-03-01\","
		      "\"next_due\":\"2026-04-10\",\"state\":\"due\"}");
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2026-01-31", &e), 0);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":1,\"last_assessed\":\"2026-01-31\","
		      "\"next_due\":\"2026-04-10\",\"state\":\"due\"}");
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2026-04-10", &e), 0);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":1,\"last_assessed\":\"2026-04-10\","
		      "\"next_due\":\"2026-05-10\",\"state\":\"scheduled\"}");
	/* Inside the caller's transaction: rolled back with it. */
	assert_int_equal(store_begin(f->st, &e), 0);
	assert_int_equal(cycles_assessed(f->st, f->x->id, f->a->id, "2026-01-31", &e), 0);
	store_rollback(f->st);
	want_cycle(f, "{\"bank\":\"X銀行\",\"connector\":\"接続先A\",\"months\":1,\"last_assessed\":\"2026-04-10\","
		      "\"next_due\":\"2026-05-10\",\"state\":\"scheduled\"}");
}

static void test_plan_rows_kept(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct answer before = { .no = 3, .status = STATUS_UNSET };
	struct answer after = { .no = 3, .status = STATUS_PARTIAL, .plan_due = "2026-09-30" };
	assert_int_equal(plans_sync(f->st, "cli:t", f->a->id, "api-checklist-2018-08", &before, &after, &e), 0);
	struct plan *p;
	assert_int_equal(store_plan_find(f->st, f->a->id, "api-checklist-2018-08", 3, &p, &e), STORE_OK);
	assert_int_equal(p->status, PLAN_OPEN);
	assert_string_equal(p->due, "2026-09-30");
	assert_int_equal(p->n_history, 1);
	assert_string_equal(p->history[0].detail, "answer partial, due 2026-09-30");
	plan_free(p);
	assert_int_equal(sql_exec(store_sql(f->st), "DELETE FROM plan", &e), -1);
	assert_non_null(strstr(e.msg, "plans are never deleted"));
	assert_int_equal(sql_exec(store_sql(f->st), "UPDATE plan_history SET detail = 'x'", &e), -1);
	assert_non_null(strstr(e.msg, "plan history is append-only"));
	assert_int_equal(sql_exec(store_sql(f->st), "DELETE FROM plan_history", &e), -1);
	assert_non_null(strstr(e.msg, "plan history is append-only"));
	/* Unset leaves it; implemented closes it. */
	struct answer unset = { .no = 3, .status = STATUS_UNSET };
	assert_int_equal(plans_sync(f->st, "cli:t", f->a->id, "api-checklist-2018-08", &after, &unset, &e), 0);
	struct answer done = { .no = 3, .status = STATUS_NOT_APPLICABLE };
	assert_int_equal(plans_sync(f->st, "cli:t", f->a->id, "api-checklist-2018-08", &after, &done, &e), 0);
	assert_int_equal(store_plan_find(f->st, f->a->id, "api-checklist-2018-08", 3, &p, &e), STORE_OK);
	assert_int_equal(p->status, PLAN_DONE);
	assert_string_equal(p->closed_at, "2026-04-01T09:00:00Z");
	assert_int_equal(p->n_history, 2);
	assert_string_equal(p->history[1].detail, "answer now not_applicable");
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_assessed),
		cmocka_unit_test(test_plan_rows_kept),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
