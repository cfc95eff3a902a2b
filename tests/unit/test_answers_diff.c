/* answers_diff: only changed items and fields, in order, with null for unset. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/answers_diff.h"
#include "core/submission.h"
#include "lib/xalloc.h"

/* A submission's answers with items 1..n (keys k1..kn), all empty. */
static struct submission *empty(int n)
{
	struct submission *s = submission_new_empty();
	for (int i = 1; i <= n; i++) {
		char key[8];
		assert_true(snprintf(key, sizeof key, "k%d", i) < (int)sizeof key);
		submission_add_answer(s, i, key);
	}
	return s;
}

static void set(struct submission *s, int i, enum answer_field f, const char *v)
{
	struct err e = { 0 };
	assert_int_equal(answer_set_field(&s->answers->items[i - 1], f, v, &e), 0);
}

static void field_is(const struct item_change *it, size_t k, const char *name, const char *before, const char *after)
{
	assert_true(k < it->n_fields);
	assert_string_equal(answer_field_name(it->fields[k].field), name);
	if (before)
		assert_string_equal(it->fields[k].before, before);
	else
		assert_null(it->fields[k].before);
	if (after)
		assert_string_equal(it->fields[k].after, after);
	else
		assert_null(it->fields[k].after);
}

static void test_same_is_empty(void **state)
{
	(void)state;
	struct submission *a = empty(3), *b = empty(3);
	set(a, 2, FIELD_STATUS, "partial");
	set(b, 2, FIELD_STATUS, "一部対応"); /* the label is the same status */
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 0);
	answers_diff_free(d);
	submission_free(a);
	submission_free(b);
}

static void test_changes_in_order(void **state)
{
	(void)state;
	struct submission *a = empty(4), *b = empty(4);
	set(a, 1, FIELD_STATUS, "partial");
	set(a, 1, FIELD_PLAN_DUE, "2026-09-30");
	set(a, 1, FIELD_ISSUES, "規程がない");
	set(b, 1, FIELD_STATUS, "implemented");
	set(b, 1, FIELD_ISSUES, "規程がない");
	set(b, 1, FIELD_NOTES, "2026年4月に整備\n完了");
	set(b, 3, FIELD_STATUS, "not_applicable");
	set(a, 4, FIELD_CURRENT, "x");
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 3);
	assert_int_equal(d->items[0].no, 1);
	assert_string_equal(d->items[0].item_key, "k1");
	assert_int_equal(d->items[0].n_fields, 3);
	field_is(&d->items[0], 0, "status", "partial", "implemented");
	field_is(&d->items[0], 1, "plan_due", "2026-09-30", NULL);
	field_is(&d->items[0], 2, "notes", "", "2026年4月に整備\n完了");
	assert_int_equal(d->items[1].no, 3);
	assert_int_equal(d->items[1].n_fields, 1);
	field_is(&d->items[1], 0, "status", NULL, "not_applicable");
	assert_int_equal(d->items[2].no, 4);
	field_is(&d->items[2], 0, "current", "x", "");
	answers_diff_free(d);
	submission_free(a);
	submission_free(b);
}

static void test_items_on_one_side(void **state)
{
	(void)state;
	struct submission *a = empty(2), *b = empty(3);
	set(a, 1, FIELD_STATUS, "implemented");
	/* b has no k1 but a k9 at the end */
	free(b->answers->items[0].item_key);
	b->answers->items[0].item_key = xstrdup("k9");
	b->answers->items[0].no = 9;
	set(b, 1, FIELD_PLAN, "計画");
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 2);
	assert_int_equal(d->items[0].no, 1);
	field_is(&d->items[0], 0, "status", "implemented", NULL);
	assert_int_equal(d->items[1].no, 9);
	field_is(&d->items[1], 0, "plan", "", "計画");
	answers_diff_free(d);
	answers_diff_free(NULL);
	submission_free(a);
	submission_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_is_empty),
		cmocka_unit_test(test_changes_in_order),
		cmocka_unit_test(test_items_on_one_side),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
