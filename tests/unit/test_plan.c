/* core/plan: statuses, the overdue rule for both sides, every message of
 * the checks, date arithmetic at month ends, and the cycle rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/plan.h"

static void test_status(void **state)
{
	(void)state;
	enum plan_status s;
	struct err e = { 0 };
	assert_string_equal(plan_status_name(PLAN_OPEN), "open");
	assert_string_equal(plan_status_name(PLAN_IN_PROGRESS), "in_progress");
	assert_string_equal(plan_status_name(PLAN_DONE), "done");
	assert_null(plan_status_name(0));
	assert_int_equal(plan_status_parse("in_progress", &s, &e), 0);
	assert_int_equal(s, PLAN_IN_PROGRESS);
	assert_int_equal(plan_status_parse("closed", &s, &e), -1);
	assert_string_equal(e.msg, "unknown status \"closed\" (want open, in_progress or done)");
	assert_true(plan_needed(STATUS_PARTIAL));
	assert_true(plan_needed(STATUS_NOT_IMPLEMENTED));
	assert_false(plan_needed(STATUS_IMPLEMENTED));
	assert_false(plan_needed(STATUS_NOT_APPLICABLE));
	assert_false(plan_needed(STATUS_UNSET));
}

static void test_overdue(void **state)
{
	(void)state;
	struct plan *p = plan_new();
	p->status = PLAN_OPEN;
	assert_false(plan_overdue(p, "2026-04-01")); /* no date: never overdue */
	p->due = strdup("2026-09-30");
	assert_false(plan_overdue(p, "2026-09-30")); /* the due day itself is in time */
	assert_true(plan_overdue(p, "2026-10-01"));
	assert_string_equal(plan_overdue_since(p, "2026-10-01"), "2026-09-30");
	plan_add_required(p, 7, "X銀行", "2026-06-30");
	plan_add_required(p, 8, "Y銀行", "2026-12-31");
	/* The connector: any bank's date counts. */
	assert_true(plan_overdue(p, "2026-07-01"));
	assert_string_equal(plan_overdue_since(p, "2026-07-01"), "2026-06-30");
	assert_string_equal(plan_overdue_since(p, "2027-01-01"), "2026-06-30");
	/* Only the dates counted: X's left out, the connector's own due and Y's. */
	const bool without_x[] = { false, true };
	assert_null(plan_overdue_since_of(p, "2026-07-01", without_x));
	assert_string_equal(plan_overdue_since_of(p, "2026-10-01", without_x), "2026-09-30");
	assert_string_equal(plan_overdue_since_of(p, "2026-07-01", NULL), "2026-06-30");
	/* A bank: its own date, else the connector's. */
	assert_string_equal(plan_due_for_bank(p, 7), "2026-06-30");
	assert_string_equal(plan_due_for_bank(p, 9), "2026-09-30");
	assert_true(plan_overdue_for_bank(p, 7, "2026-07-01"));
	assert_false(plan_overdue_for_bank(p, 8, "2026-10-01")); /* Y allows until the end of the year */
	assert_true(plan_overdue_for_bank(p, 9, "2026-10-01"));
	p->status = PLAN_DONE;
	assert_false(plan_overdue(p, "2027-01-01"));
	assert_false(plan_overdue_for_bank(p, 7, "2027-01-01"));
	assert_null(plan_overdue_since(p, "2027-01-01"));
	plan_free(p);
	plan_free(NULL);
}

static void msg(int rc, const struct err *e, const char *want)
{
	if (!want) {
		assert_int_equal(rc, 0);
		return;
	}
	assert_int_equal(rc, -1);
	assert_string_equal(e->msg, want);
}

static void test_checks(void **state)
{
	(void)state;
	struct err e = { 0 };
	char *note = malloc(3 * PLAN_NOTE_MAX + 4);
	note[0] = 0;
	for (int i = 0; i < PLAN_NOTE_MAX; i++)
		strcat(note, "審");
	msg(plan_note_check(note, &e), &e, NULL);
	strcat(note, "a");
	msg(plan_note_check(note, &e), &e, "note is longer than 4000 characters");
	free(note);
	msg(plan_note_check("\xff", &e), &e, "note is not valid UTF-8");
	msg(plan_milestone_check(1, "規程改訂", "2026-06-30", NULL, &e), &e, NULL);
	msg(plan_milestone_check(2, "", NULL, NULL, &e), &e, "milestone 2: title is empty");
	msg(plan_milestone_check(2, "　", NULL, NULL, &e), &e, "milestone 2: title is empty");
	msg(plan_milestone_check(3, "a\nb", NULL, NULL, &e), &e,
	    "milestone 3: title contains a control character or invalid UTF-8");
	msg(plan_milestone_check(3, "\xe5\xaf", NULL, NULL, &e), &e,
	    "milestone 3: title contains a control character or invalid UTF-8");
	char title[PLAN_MILESTONE_TITLE_MAX * 3 + 4] = "";
	for (int i = 0; i < PLAN_MILESTONE_TITLE_MAX; i++)
		strcat(title, "査");
	msg(plan_milestone_check(4, title, NULL, NULL, &e), &e, NULL);
	strcat(title, "x");
	msg(plan_milestone_check(4, title, NULL, NULL, &e), &e, "milestone 4: title is longer than 200 characters");
	msg(plan_milestone_check(5, "t", "2026-02-30", NULL, &e), &e,
	    "milestone 5: due \"2026-02-30\" is not a date (want YYYY-MM-DD)");
	msg(plan_milestone_check(5, "t", NULL, "soon", &e), &e,
	    "milestone 5: done_at \"soon\" is not a date (want YYYY-MM-DD)");
	msg(plan_date_check("due", "2026-9-30", &e), &e, "due \"2026-9-30\" is not a date (want YYYY-MM-DD)");
	msg(plan_date_check("next_due", "2026-04-01T00:00:00Z", &e), &e,
	    "next_due \"2026-04-01T00:00:00Z\" is not a date (want YYYY-MM-DD)");
	msg(cycle_months_check(0, &e), &e, "months must be a whole number from 1 to 60");
	msg(cycle_months_check(61, &e), &e, "months must be a whole number from 1 to 60");
	msg(cycle_months_check(60, &e), &e, NULL);
	msg(cycle_months_check(1, &e), &e, NULL);
}

static void months(const char *date, int n, const char *want)
{
	char out[PLAN_DATE_LEN + 1] = "";
	int rc = plan_date_add_months(date, n, out);
	if (!want) {
		assert_int_equal(rc, -1);
		return;
	}
	assert_int_equal(rc, 0);
	assert_string_equal(out, want);
}

static void days(const char *date, int n, const char *want)
{
	char out[PLAN_DATE_LEN + 1] = "";
	int rc = plan_date_add_days(date, n, out);
	if (!want) {
		assert_int_equal(rc, -1);
		return;
	}
	assert_int_equal(rc, 0);
	assert_string_equal(out, want);
}

static void test_dates(void **state)
{
	(void)state;
	months("2026-01-31", 1, "2026-02-28");
	months("2028-01-31", 1, "2028-02-29");
	months("2026-03-31", 1, "2026-04-30");
	months("2026-01-31", 12, "2027-01-31");
	months("2028-02-29", 12, "2029-02-28");
	months("2026-11-15", 2, "2027-01-15");
	months("2026-04-01", 60, "2031-04-01");
	months("2026-03-31", -1, "2026-02-28");
	months("2026-02-30", 1, NULL);
	months("9999-12-01", 1, NULL);
	days("2026-04-01", 30, "2026-05-01");
	days("2026-02-28", 1, "2026-03-01");
	days("2028-02-28", 1, "2028-02-29");
	days("2026-12-31", 1, "2027-01-01");
	days("9999-12-31", 1, NULL);
	days("1970-01-01", -1, NULL);
	days("x", 1, NULL);
}

static void next(const char *explicit_next, const char *last, int m, int want_rc, const char *want)
{
	char out[PLAN_DATE_LEN + 1];
	assert_int_equal(cycle_next_due(explicit_next, last, m, out), want_rc);
	assert_string_equal(out, want);
}

static void test_cycle(void **state)
{
	(void)state;
	next(NULL, NULL, 12, 0, "");
	next(NULL, "2025-05-31", 12, 1, "2026-05-31");
	next(NULL, "2026-01-31", 1, 1, "2026-02-28");
	next("2026-06-01", "2025-05-31", 12, 1, "2026-06-01"); /* the bank's own date wins */
	next("2026-06-01", NULL, 12, 1, "2026-06-01");
	next("bad", NULL, 12, -1, "");
	assert_int_equal(cycle_state_of(NULL, "2026-04-01"), CYCLE_NOT_ASSESSED);
	assert_int_equal(cycle_state_of("", "2026-04-01"), CYCLE_NOT_ASSESSED);
	assert_int_equal(cycle_state_of("2026-03-31", "2026-04-01"), CYCLE_OVERDUE);
	assert_int_equal(cycle_state_of("2026-04-01", "2026-04-01"), CYCLE_DUE);
	assert_int_equal(cycle_state_of("2026-05-01", "2026-04-01"), CYCLE_DUE); /* 30 days ahead */
	assert_int_equal(cycle_state_of("2026-05-02", "2026-04-01"), CYCLE_SCHEDULED);
	assert_string_equal(cycle_state_name(CYCLE_NOT_ASSESSED), "not_assessed");
	assert_string_equal(cycle_state_name(CYCLE_SCHEDULED), "scheduled");
	assert_string_equal(cycle_state_name(CYCLE_DUE), "due");
	assert_string_equal(cycle_state_name(CYCLE_OVERDUE), "overdue");
}

static void test_plan_data(void **state)
{
	(void)state;
	struct plan *p = plan_new();
	plan_add_milestone(p, "a", NULL, NULL);
	plan_add_milestone(p, "b", "2026-06-30", "2026-05-01");
	plan_add_event(p, "2026-04-01T09:00:00Z", "cli:t", "created", "partial", 0);
	assert_int_equal(p->n_milestones, 2);
	assert_null(p->milestones[0].due);
	assert_string_equal(p->milestones[1].done_at, "2026-05-01");
	plan_clear_milestones(p);
	assert_int_equal(p->n_milestones, 0);
	assert_null(plan_required_of(p, 1));
	struct plan **list = malloc(2 * sizeof *list);
	list[0] = p;
	list[1] = plan_new();
	plan_list_free(list, 2);
	plan_list_free(NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status), cmocka_unit_test(test_overdue), cmocka_unit_test(test_checks),
		cmocka_unit_test(test_dates),  cmocka_unit_test(test_cycle),   cmocka_unit_test(test_plan_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
