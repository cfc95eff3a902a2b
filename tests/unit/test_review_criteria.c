/* Where a bank's criterion stands in a review (core/review.h,
 * review_criterion_state): not covered, met or open, by the rule in the
 * header, each case on a five-item review. */
#include <stdlib.h>

#include "testutil.h"

#include "core/review.h"
#include "lib/xalloc.h"

/* Items 1 and 2 connector, 3 common, 4 bank, 5 connector; verdicts
 * accepted, not_applicable, query, (none), pending. */
static struct review *five(void)
{
	static const enum party parties[] = { PARTY_CONNECTOR, PARTY_CONNECTOR, PARTY_COMMON, PARTY_BANK,
					      PARTY_CONNECTOR };
	static const enum review_verdict verdicts[] = { VERDICT_ACCEPTED, VERDICT_NOT_APPLICABLE, VERDICT_QUERY,
							VERDICT_PENDING, VERDICT_PENDING };
	struct catalog *cat = catalog_new(CATALOG_CHECKLIST);
	cat->id = xstrdup("c");
	for (int i = 0; i < 5; i++) {
		struct catalog_item *it = catalog_add_item(cat);
		it->no = i + 1;
		it->key = xasprintf("k%d", i + 1);
		it->party = parties[i];
	}
	struct review *r = review_new();
	review_init_items(r, cat);
	for (size_t i = 0; i < 5; i++)
		r->items[i].verdict = verdicts[i];
	catalog_free(cat);
	return r;
}

/* The state of a row with relation rel and the n items given, against
 * the connector's answers (NULL: not known). */
static const char *state_of(const struct review *r, enum relation rel, const int *items, size_t n,
			    const struct answer_set *answers)
{
	struct mapping *m = mapping_new();
	struct mapping_row *row = mapping_add_row(m, "(1)-1", rel);
	for (size_t i = 0; i < n; i++)
		mapping_row_add_item(row, items[i]);
	const char *s = review_criterion_state_name(review_criterion_state(r, row, answers));
	mapping_free(m);
	return s;
}

static const char *state(const struct review *r, enum relation rel, const int *items, size_t n)
{
	return state_of(r, rel, items, n, NULL);
}

static void test_state(void **unused)
{
	(void)unused;
	struct review *r = five();
	static const int met[] = { 1, 2 }, query[] = { 1, 3 }, pending[] = { 2, 5 }, bank[] = { 4 },
			 bank_met[] = { 4, 1 }, missing[] = { 46 };
	assert_string_equal(state(r, RELATION_UNSET, NULL, 0), "not_covered");
	assert_string_equal(state(r, RELATION_NONE, NULL, 0), "not_covered");
	assert_string_equal(state(r, RELATION_EQUAL, NULL, 0), "not_covered");
	assert_string_equal(state(r, RELATION_SUBSET, bank, 1), "not_covered");
	assert_string_equal(state(r, RELATION_SUBSET, missing, 1), "not_covered");
	assert_string_equal(state(r, RELATION_EQUAL, met, 2), "met");
	assert_string_equal(state(r, RELATION_SUBSET, met, 2), "met");
	/* The criterion asks more than its items, or only overlaps them: what
	 * they cover is met, no more. */
	assert_string_equal(state(r, RELATION_SUPERSET, bank_met, 2), "partly_met");
	assert_string_equal(state(r, RELATION_INTERSECTS, met, 2), "partly_met");
	assert_string_equal(state(r, RELATION_INTERSECTS, query, 2), "open");
	assert_string_equal(state(r, RELATION_EQUAL, pending, 2), "open");
	r->items[4].verdict = VERDICT_IMPROVEMENT;
	assert_string_equal(state(r, RELATION_EQUAL, pending, 2), "open");
	r->items[4].verdict = VERDICT_ACCEPTED;
	assert_string_equal(state(r, RELATION_EQUAL, pending, 2), "met");
	review_free(r);
}

/* Items accepted, but the connector rated one partial or not_implemented:
 * met with an improvement plan, not met; other states stay as they were. */
static void test_met_with_plan(void **unused)
{
	(void)unused;
	struct review *r = five();
	struct catalog *cat = catalog_new(CATALOG_CHECKLIST);
	for (int i = 0; i < 5; i++) {
		struct catalog_item *it = catalog_add_item(cat);
		it->no = i + 1;
		it->key = xasprintf("k%d", i + 1);
		it->party = PARTY_CONNECTOR;
	}
	struct answer_set *a = answer_set_new("A社", cat);
	for (size_t i = 0; i < 5; i++)
		a->items[i].status = STATUS_IMPLEMENTED;
	a->items[1].status = STATUS_NOT_APPLICABLE;
	static const int met[] = { 1, 2 }, query[] = { 1, 3 };
	assert_string_equal(state_of(r, RELATION_EQUAL, met, 2, a), "met");
	a->items[0].status = STATUS_PARTIAL;
	assert_string_equal(state_of(r, RELATION_EQUAL, met, 2, a), "met_with_plan");
	assert_string_equal(state_of(r, RELATION_SUBSET, met, 2, a), "met_with_plan");
	a->items[0].status = STATUS_NOT_IMPLEMENTED;
	assert_string_equal(state_of(r, RELATION_SUBSET, met, 2, a), "met_with_plan");
	/* partly met and open are what they were */
	assert_string_equal(state_of(r, RELATION_INTERSECTS, met, 2, a), "partly_met");
	assert_string_equal(state_of(r, RELATION_EQUAL, query, 2, a), "open");
	answer_set_free(a);
	catalog_free(cat);
	review_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_met_with_plan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
