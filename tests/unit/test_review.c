/* Reviews: verdict and decision names, the verdict and decision rules with
 * their exact messages, the carry rule over two answer sets, and the store
 * (round trip, the earlier review, where each pair stands, the triggers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/review.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_catalog.h"
#include "store/store_review.h"
#include "store/store_sql.h"
#include "store/store_submission.h"

/* A checklist of five items: 1 and 2 connector, 3 common, 4 bank, 5
 * connector. */
static struct catalog *five(void)
{
	static const enum party parties[] = { PARTY_CONNECTOR, PARTY_CONNECTOR, PARTY_COMMON, PARTY_BANK,
					      PARTY_CONNECTOR };
	struct catalog *cat = catalog_new(CATALOG_CHECKLIST);
	cat->id = xstrdup("c");
	for (int i = 0; i < 5; i++) {
		struct catalog_item *it = catalog_add_item(cat);
		it->no = i + 1;
		it->key = xasprintf("k%d", i + 1);
		it->party = parties[i];
	}
	return cat;
}

static void test_names(void **state)
{
	(void)state;
	enum review_verdict v;
	enum review_decision d;
	assert_null(review_verdict_name(VERDICT_PENDING));
	assert_string_equal(review_verdict_name(VERDICT_NOT_APPLICABLE), "not_applicable");
	assert_string_equal(review_verdict_label(VERDICT_QUERY), "要確認");
	assert_int_equal(review_verdict_parse("要改善", &v), 0);
	assert_int_equal(v, VERDICT_IMPROVEMENT);
	assert_int_equal(review_verdict_parse("accepted", &v), 0);
	assert_int_equal(v, VERDICT_ACCEPTED);
	assert_int_equal(review_verdict_parse("Accepted", &v), -1);
	assert_int_equal(review_verdict_parse(NULL, &v), -1);
	assert_int_equal(review_decision_parse("条件付適合", &d), 0);
	assert_int_equal(d, DECISION_CONDITIONAL);
	assert_string_equal(review_decision_name(DECISION_DOES_NOT_MEET), "does_not_meet");
	assert_string_equal(review_decision_label(DECISION_MEETS), "適合");
	assert_int_equal(review_decision_parse("", &d), -1);
	assert_int_equal(d, DECISION_NONE);
}

static void verdict(const struct review_item *it, enum review_verdict v, const char *comment, const char *want)
{
	struct err e = { 0 };
	int rc = review_verdict_check(it, v, comment, &e);
	if (want) {
		assert_int_equal(rc, -1);
		assert_string_equal(e.msg, want);
	} else {
		assert_int_equal(rc, 0);
	}
}

static void test_verdict_rules(void **state)
{
	(void)state;
	struct catalog *cat = five();
	struct review *r = review_new();
	review_init_items(r, cat);
	char *long_text = xmalloc(4001 * 3 + 1);
	long_text[0] = '\0';
	for (int i = 0; i < 4000; i++)
		strcat(long_text, "審");
	verdict(review_find(r, 1), VERDICT_ACCEPTED, NULL, NULL);
	verdict(review_find(r, 3), VERDICT_NOT_APPLICABLE, "", NULL);
	verdict(review_find(r, 1), VERDICT_ACCEPTED, long_text, NULL); /* 4000 characters: the limit */
	strcat(long_text, "査");
	verdict(review_find(r, 1), VERDICT_ACCEPTED, long_text, "the comment is longer than 4000 characters");
	verdict(review_find(r, 4), VERDICT_ACCEPTED, NULL, "item 4 is the bank's to answer, not to review");
	verdict(review_find(r, 2), VERDICT_QUERY, NULL, "a query needs a comment: say what to ask");
	verdict(review_find(r, 2), VERDICT_QUERY, "\u3000 ", "a query needs a comment: say what to ask");
	verdict(review_find(r, 2), VERDICT_IMPROVEMENT, "", "an improvement needs a comment: say what to improve");
	verdict(review_find(r, 2), VERDICT_IMPROVEMENT, "直すこと", NULL);
	struct err e = { 0 };
	assert_int_equal(review_text_check("the message", "", &e), -1);
	assert_string_equal(e.msg, "the message is empty");
	assert_int_equal(review_text_check("the message", long_text, &e), -1);
	assert_string_equal(e.msg, "the message is longer than 4000 characters");
	free(long_text);
	review_free(r);
	catalog_free(cat);
}

/* want NULL: d may be taken with reason; else the message of the first
 * check that refuses it (the reason is checked first, as the service does). */
static void decide(const struct review *r, enum review_decision d, const char *reason, const char *want)
{
	struct err e = { 0 };
	int rc = review_reason_check(d, reason, &e);
	if (rc == 0)
		rc = review_decidable(r, d, &e);
	assert_int_equal(rc, want ? -1 : 0);
	if (want)
		assert_string_equal(e.msg, want);
}

static void test_decision_rules(void **state)
{
	(void)state;
	struct catalog *cat = five();
	struct review *r = review_new();
	r->submission_id = 7;
	review_init_items(r, cat);
	decide(r, DECISION_CONDITIONAL, NULL, "a conditional decision needs a reason");
	decide(r, DECISION_DOES_NOT_MEET, " ", "a does_not_meet decision needs a reason");
	/* The bank item 4 needs no verdict. */
	decide(r, DECISION_MEETS, NULL, "4 items have no verdict: 1, 2, 3, 5");
	review_find(r, 1)->verdict = VERDICT_QUERY;
	review_find(r, 2)->verdict = VERDICT_ACCEPTED;
	review_find(r, 3)->verdict = VERDICT_NOT_APPLICABLE;
	decide(r, DECISION_CONDITIONAL, "r", "1 item has no verdict: 5");
	review_find(r, 5)->verdict = VERDICT_IMPROVEMENT;
	decide(r, DECISION_MEETS, NULL,
	       "meets needs no open item: 2 items are query or improvement: 1, 5");
	review_find(r, 5)->verdict = VERDICT_ACCEPTED;
	decide(r, DECISION_MEETS, NULL, "meets needs no open item: 1 item is query or improvement: 1");
	decide(r, DECISION_CONDITIONAL, "条件", NULL);
	decide(r, DECISION_DOES_NOT_MEET, "不足", NULL);
	review_find(r, 1)->verdict = VERDICT_ACCEPTED;
	decide(r, DECISION_MEETS, NULL, NULL);
	decide(r, DECISION_MEETS, "", NULL);
	size_t counts[VERDICT_NOT_APPLICABLE + 1];
	review_count(r, counts);
	assert_int_equal(counts[VERDICT_ACCEPTED], 3);
	assert_int_equal(counts[VERDICT_NOT_APPLICABLE], 1);
	assert_int_equal(counts[VERDICT_PENDING], 0);
	r->decision = DECISION_MEETS;
	decide(r, DECISION_MEETS, NULL, "review of submission 7 is decided");
	/* Each check says only its own rule: the reason's knows no state. */
	struct err e = { 0 };
	assert_int_equal(review_reason_check(DECISION_CONDITIONAL, "r", &e), 0);
	assert_int_equal(review_reason_check(DECISION_DOES_NOT_MEET, NULL, &e), -1);
	assert_string_equal(e.msg, "a does_not_meet decision needs a reason");
	review_free(r);
	catalog_free(cat);
}

static void give(struct review *r, int no, enum review_verdict v, const char *comment, const char *at)
{
	struct review_item *it = review_find(r, no);
	it->verdict = v;
	free(it->comment);
	it->comment = xstrdup(comment);
	free(it->verdict_at);
	it->verdict_at = xstrdup(at);
}

static void test_carry(void **state)
{
	(void)state;
	struct catalog *cat = five();
	struct answer_set *then = answer_set_new("A", cat), *now = answer_set_new("A", cat);
	for (int no = 1; no <= 5; no++) {
		answer_set_field(answer_set_find(then, no), FIELD_STATUS, "implemented", NULL);
		answer_set_field(answer_set_find(now, no), FIELD_STATUS, "implemented", NULL);
	}
	/* Item 2 changed in one field only (notes); item 5 was never reviewed. */
	answer_set_field(answer_set_find(now, 2), FIELD_NOTES, "追記", NULL);

	/* Changed: any field differs, or an answer on one side only. */
	assert_false(review_answer_changed(now, then, "k1"));
	assert_true(review_answer_changed(now, then, "k2"));
	assert_false(review_answer_changed(now, then, "k9"));
	struct catalog *small = catalog_new(CATALOG_CHECKLIST);
	small->id = xstrdup("c");
	struct catalog_item *only = catalog_add_item(small);
	only->no = 1;
	only->key = xstrdup("k1");
	only->party = PARTY_CONNECTOR;
	struct answer_set *few = answer_set_new("A", small);
	assert_true(review_answer_changed(now, few, "k2"));
	assert_true(review_answer_changed(few, now, "k2"));
	answer_set_free(few);
	catalog_free(small);

	struct review *v1 = review_new(), *v2 = review_new();
	v1->submission_id = 1;
	v1->version = 1;
	review_init_items(v1, cat);
	review_init_items(v2, cat);
	give(v1, 1, VERDICT_IMPROVEMENT, "直すこと", "2026-04-01T09:00:00Z");
	give(v1, 2, VERDICT_ACCEPTED, "", "2026-04-01T09:00:00Z");
	give(v1, 3, VERDICT_ACCEPTED, "", "2026-04-02T10:00:00Z");
	struct review_item *b = review_find(v1, 4);
	b->has_bank_answer = true;
	answer_set_field(&b->bank_answer, FIELD_CURRENT, "銀行側", NULL);
	answer_set_field(&b->bank_answer, FIELD_STATUS, "implemented", NULL);

	assert_int_equal(review_carry(v2, now, v1, then), 2);
	const struct review_item *it = review_find(v2, 1);
	assert_int_equal(it->verdict, VERDICT_IMPROVEMENT);
	assert_true(it->carried);
	assert_string_equal(it->comment, "直すこと");
	assert_int_equal(it->carried_submission, 1);
	assert_int_equal(it->carried_version, 1);
	assert_string_equal(it->verdict_at, "2026-04-01T09:00:00Z");
	it = review_find(v2, 2); /* changed: pending */
	assert_int_equal(it->verdict, VERDICT_PENDING);
	assert_false(it->carried);
	assert_null(it->verdict_at);
	it = review_find(v2, 3);
	assert_true(it->carried);
	assert_string_equal(it->verdict_at, "2026-04-02T10:00:00Z");
	it = review_find(v2, 4); /* the bank's answer, copied and marked */
	assert_int_equal(it->verdict, VERDICT_PENDING);
	assert_true(it->has_bank_answer);
	assert_true(it->bank_answer_carried);
	assert_string_equal(it->bank_answer.current, "銀行側");
	assert_int_equal(it->bank_answer.status, STATUS_IMPLEMENTED);
	assert_false(review_find(v2, 5)->carried); /* no verdict to carry */

	/* v3 from v2: a carried verdict keeps its origin; v2's own is v2's. */
	v2->submission_id = 2;
	v2->version = 2;
	give(v2, 2, VERDICT_QUERY, "なぜ", "2026-05-01T00:00:00Z");
	struct review *v3 = review_new();
	review_init_items(v3, cat);
	assert_int_equal(review_carry(v3, now, v2, now), 3);
	assert_int_equal(review_find(v3, 1)->carried_submission, 1);
	assert_int_equal(review_find(v3, 1)->carried_version, 1);
	assert_int_equal(review_find(v3, 2)->carried_submission, 2);
	assert_int_equal(review_find(v3, 2)->carried_version, 2);
	assert_string_equal(review_find(v3, 2)->verdict_at, "2026-05-01T00:00:00Z");
	review_free(v3);
	review_free(v2);
	review_free(v1);
	answer_set_free(now);
	answer_set_free(then);
	catalog_free(cat);
}

/* The store: connector A (1), banks X (2) and Y (3); submissions 1 and 2
 * (versions 1 and 2) of A on the shipped checklist. */
struct fixture {
	char dir[64];
	struct store *st;
	struct catalog *cat;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", NULL };
	struct err e = { 0 };
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-review", ids, &f->st) < 0)
		return -1;
	org_free(scratch_org_add(f->st, ORG_CONNECTOR, "A"));
	org_free(scratch_org_add(f->st, ORG_BANK, "X"));
	org_free(scratch_org_add(f->st, ORG_BANK, "Y"));
	for (int v = 1; v <= 2; v++) {
		struct submission_record s = { .org_id = 1, .catalog_id = "api-checklist-2018-08", .version = v,
					       .submitted_at = "2026-04-01T09:00:00Z", .document = "{}",
					       .sha256 = "ab", .signature = "cd" };
		if (store_submission_add(f->st, &s, &e) < 0)
			return -1;
	}
	return store_catalog_get(f->st, "api-checklist-2018-08", &f->cat, &e) == STORE_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	catalog_free(f->cat);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

static long long add_review(struct fixture *f, long long submission, long long bank)
{
	struct err e = { 0 };
	struct review *r = review_new();
	r->submission_id = submission;
	r->bank_id = bank;
	r->opened_at = xstrdup("2026-04-01T09:00:00Z");
	r->opened_by = xstrdup("rev@x.test");
	review_init_items(r, f->cat);
	assert_int_equal(store_review_add(f->st, r, &e), 0);
	long long id = r->id;
	review_free(r);
	return id;
}

/* A query is resolved by a later acceptance, in the thread or as the
 * item's verdict given since; the revision follows the bank's writes. */
static void test_resolved(void **state)
{
	(void)state;
	struct review_item it = { .no = 7, .verdict = VERDICT_QUERY };
	it.comment = xstrdup("");
	it.verdict_at = xstrdup("2026-04-01T10:00:00Z");
	answer_init(&it.bank_answer, 7, "7");
	review_item_add_message(&it, "X", "b@x.test", "2026-04-01T10:00:00Z", "なぜ", VERDICT_QUERY);
	review_item_add_message(&it, "A", "a@a.test", "2026-04-01T11:00:00Z", "回答", VERDICT_PENDING);
	assert_false(review_message_resolved(&it, 0));
	assert_false(review_message_resolved(&it, 1));
	char before[REVIEW_REVISION_LEN + 1], after[REVIEW_REVISION_LEN + 1];
	review_item_revision(&it, before);
	assert_int_equal(strlen(before), REVIEW_REVISION_LEN);
	it.verdict = VERDICT_ACCEPTED;
	free(it.verdict_at);
	it.verdict_at = xstrdup("2026-04-01T12:00:00Z");
	assert_true(review_message_resolved(&it, 0));
	review_item_revision(&it, after);
	assert_string_not_equal(before, after);
	/* Accepted before the query was asked again: that query is open. */
	review_item_add_message(&it, "X", "b@x.test", "2026-04-01T13:00:00Z", "再度", VERDICT_QUERY);
	assert_false(review_message_resolved(&it, 2));
	review_item_add_message(&it, "X", "b@x.test", "2026-04-01T13:00:00Z", "了解", VERDICT_NOT_APPLICABLE);
	assert_true(review_message_resolved(&it, 2));
	review_item_release(&it);
}

static void test_store(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct review *r;
	long long id = add_review(f, 1, 2);
	assert_int_equal(store_review_get(f->st, 1, 3, &r, &e), STORE_NOT_FOUND);
	assert_int_equal(store_review_get(f->st, 1, 2, &r, &e), STORE_OK);
	assert_int_equal(r->id, id);
	assert_string_equal(r->connector_name, "A");
	assert_string_equal(r->bank_name, "X");
	assert_int_equal(r->n_items, 45);
	assert_int_equal(r->items[38].no, 39);
	assert_int_equal(r->items[38].party, PARTY_BANK);
	struct review_item *it = review_find(r, 7);
	it->verdict = VERDICT_QUERY;
	free(it->comment);
	it->comment = xstrdup("なぜ");
	it->verdict_at = xstrdup("2026-04-01T10:00:00Z");
	assert_int_equal(store_review_verdict(f->st, id, it, &e), 0);
	assert_int_equal(store_review_message_add(f->st, id, it->item_key, 2, "b@x.test", "2026-04-01T10:00:00Z", "なぜ",
						  VERDICT_QUERY, &e), 0);
	assert_int_equal(store_review_message_add(f->st, id, it->item_key, 1, "a@a.test", "2026-04-01T11:00:00Z", "回答",
						  VERDICT_PENDING, &e), 0);
	review_free(r);
	/* A second review of one submission by one bank is refused. */
	struct review *dup = review_new();
	dup->submission_id = 1;
	dup->bank_id = 2;
	dup->opened_at = xstrdup("x");
	dup->opened_by = xstrdup("x");
	assert_int_equal(store_review_add(f->st, dup, &e), -1);
	review_free(dup);

	assert_int_equal(store_review_previous(f->st, 2, 1, "api-checklist-2018-08", 1, &r, &e), STORE_NOT_FOUND);
	assert_int_equal(store_review_previous(f->st, 2, 1, "api-checklist-2018-08", 2, &r, &e), STORE_OK);
	it = review_find(r, 7);
	assert_int_equal(it->verdict, VERDICT_QUERY);
	assert_string_equal(it->comment, "なぜ");
	assert_int_equal(it->n_messages, 2);
	assert_string_equal(it->messages[0].org, "X");
	assert_int_equal(it->messages[0].verdict, VERDICT_QUERY);
	assert_string_equal(it->messages[1].org, "A");
	assert_string_equal(it->messages[1].text, "回答");
	assert_int_equal(it->messages[1].verdict, VERDICT_PENDING);
	/* Decided: the database refuses any further change of items or decision. */
	r->decision = DECISION_CONDITIONAL;
	r->reason = xstrdup("条件");
	r->decided_at = xstrdup("2026-04-02T09:00:00Z");
	r->decided_by = xstrdup("rev@x.test");
	r->decision_document = xstrdup("{}");
	r->decision_sha256 = xstrdup("ab");
	r->decision_signature = xstrdup("cd");
	assert_int_equal(store_review_decide(f->st, r, &e), 0);
	assert_int_equal(store_review_verdict(f->st, id, it, &e), -1);
	assert_non_null(strstr(e.msg, "the review is decided"));
	assert_int_equal(store_review_decide(f->st, r, &e), STORE_NOT_FOUND);
	assert_int_equal(sql_exec(store_sql(f->st), "UPDATE review SET decision = 'meets'", &e), -1);
	assert_non_null(strstr(e.msg, "a review changes only by being decided, once"));
	assert_int_equal(sql_exec(store_sql(f->st), "DELETE FROM review_message", &e), -1);
	assert_non_null(strstr(e.msg, "review messages are append-only"));
	review_free(r);
}

static void test_standing(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct review_standing *s;
	size_t n;
	assert_int_equal(store_review_standing(f->st, 2, true, &s, &n, &e), 0);
	assert_int_equal(n, 0);
	review_standing_list_free(s, n);

	/* X decided v1 (one query left open), then opened v2 (two queries,
	 * undecided); Y opened v1 only. */
	long long r1 = add_review(f, 1, 2), r2 = add_review(f, 2, 2);
	add_review(f, 1, 3);
	struct review *r;
	assert_int_equal(store_review_get(f->st, 1, 2, &r, &e), STORE_OK);
	review_find(r, 3)->verdict = VERDICT_QUERY;
	assert_int_equal(store_review_verdict(f->st, r1, review_find(r, 3), &e), 0);
	r->decision = DECISION_CONDITIONAL;
	r->decided_at = xstrdup("2026-04-02T09:00:00Z");
	r->decided_by = xstrdup("rev@x.test");
	assert_int_equal(store_review_decide(f->st, r, &e), 0);
	review_free(r);
	assert_int_equal(store_review_get(f->st, 2, 2, &r, &e), STORE_OK);
	for (int no = 1; no <= 2; no++) {
		review_find(r, no)->verdict = VERDICT_QUERY;
		assert_int_equal(store_review_verdict(f->st, r2, review_find(r, no), &e), 0);
	}
	review_free(r);

	assert_int_equal(store_review_standing(f->st, 2, true, &s, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].counterpart, "A");
	assert_int_equal(s[0].latest_decision, DECISION_CONDITIONAL);
	assert_string_equal(s[0].latest_decided_at, "2026-04-02T09:00:00Z");
	assert_int_equal(s[0].latest_submission, 1);
	assert_int_equal(s[0].latest_version, 1);
	assert_int_equal(s[0].open_queries, 2);
	review_standing_list_free(s, n);
	assert_int_equal(store_review_standing(f->st, 1, false, &s, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(s[0].counterpart, "X");
	assert_int_equal(s[0].open_queries, 2);
	assert_string_equal(s[1].counterpart, "Y");
	assert_int_equal(s[1].latest_decision, DECISION_NONE);
	assert_null(s[1].latest_decided_at);
	assert_int_equal(s[1].open_queries, 0);
	review_standing_list_free(s, n);

	struct review_summary *list;
	assert_int_equal(store_review_list(f->st, 1, false, &list, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].submission_id, 1);
	assert_string_equal(list[0].bank, "X");
	assert_int_equal(list[0].pending, 38);
	assert_int_equal(list[0].query, 1);
	assert_string_equal(list[1].bank, "Y");
	assert_int_equal(list[1].pending, 39);
	assert_int_equal(list[2].submission_id, 2);
	review_summary_list_free(list, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolved),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_verdict_rules),
		cmocka_unit_test(test_decision_rules),
		cmocka_unit_test(test_carry),
		cmocka_unit_test_setup_teardown(test_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_standing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
