/* The audit event's hash rule (golden hashes computed with Python's hashlib
 * from the rule as written in core/audit.h) and every message of the chain
 * checker. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/audit.h"
#include "lib/xalloc.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"
#define HASH1 "c2c0485d67cda56a3fda1b2d35ae46f809074f17e6599aaff4f78581e756b5bd"
#define HASH2 "c46185fbca7654403425fa1b3a31485532168fb88d88ee04c24173c90c83f79c"

/* The example in core/audit.h. */
static struct audit_event *event1(void)
{
	struct audit_event *ev = audit_event_new("cli:alice", 1, AUDIT_ORG_ADD, "org:1", NULL);
	ev->seq = 1;
	ev->at = xstrdup("2026-04-01T09:00:00Z");
	ev->prev_hash = xstrdup(ZEROS);
	ev->hash = xstrdup(HASH1);
	return ev;
}

/* No organisation, no object, non-ASCII actor, ":" and "," in details. */
static struct audit_event *event2(void)
{
	struct audit_event *ev = audit_event_new("佐藤@example.jp", 0, AUDIT_LOGIN_FAILED, NULL, "{\"why\":\"a:b,c\"}");
	ev->seq = 2;
	ev->at = xstrdup("2026-04-01T09:30:00Z");
	ev->prev_hash = xstrdup(HASH1);
	ev->hash = xstrdup(HASH2);
	return ev;
}

static void test_serialisation(void **state)
{
	(void)state;
	struct audit_event *ev = event1();
	struct strbuf sb = STRBUF_INIT;
	audit_event_serialise(ev, &sb);
	assert_string_equal(sb.buf, "14:shinsa-audit/1,1:1,20:2026-04-01T09:00:00Z,9:cli:alice,1:1,7:org_add,"
				    "5:org:1,2:{},64:" ZEROS ",");
	strbuf_reset(&sb);
	audit_event_free(ev);
	ev = event2();
	audit_event_serialise(ev, &sb);
	/* Lengths in bytes: 佐藤 is six. No organisation and no object are "". */
	assert_string_equal(sb.buf, "14:shinsa-audit/1,1:2,20:2026-04-01T09:30:00Z,17:佐藤@example.jp,0:,"
				    "12:login_failed,0:,15:{\"why\":\"a:b,c\"},64:" HASH1 ",");
	strbuf_release(&sb);
	audit_event_free(ev);
}

static void test_golden_hashes(void **state)
{
	(void)state;
	char h[HASH_HEX_LEN + 1];
	struct audit_event *ev = event1();
	audit_event_hash(ev, h);
	assert_string_equal(h, HASH1);
	/* Moving a byte from one field to the next changes the hash: the
	 * lengths keep fields apart where a plain join would not. */
	free(ev->actor);
	ev->actor = xstrdup("cli:alic");
	free(ev->object);
	ev->object = xstrdup("eorg:1");
	audit_event_hash(ev, h);
	assert_string_not_equal(h, HASH1);
	audit_event_free(ev);
	ev = event2();
	audit_event_hash(ev, h);
	assert_string_equal(h, HASH2);
	audit_event_free(ev);
}

static void test_actions(void **state)
{
	(void)state;
	assert_string_equal(audit_action_name(AUDIT_LOGIN), "login");
	assert_string_equal(audit_action_name(AUDIT_SUBMISSION_READ), "submission_read");
	assert_string_equal(audit_action_name(AUDIT_SHARE_REVOKE), "share_revoke");
	assert_null(audit_action_name(0));
	assert_null(audit_action_name(AUDIT_NACTIONS));
	for (int a = 1; a < AUDIT_NACTIONS; a++)
		assert_int_equal(audit_action_parse(audit_action_name((enum audit_action)a)), a);
	assert_int_equal(audit_action_parse("Login"), 0);
	assert_int_equal(audit_action_parse(NULL), 0);
}

static void check_fails(struct audit_event *ev, const char *want)
{
	struct err e = { 0 };
	assert_int_equal(audit_event_check(ev, &e), -1);
	assert_string_equal(e.msg, want);
	audit_event_free(ev);
}

static void test_check(void **state)
{
	(void)state;
	struct err e = { 0 };
	struct audit_event *ev = audit_event_new("cli:a", 0, AUDIT_LOGOUT, NULL, NULL);
	assert_int_equal(audit_event_check(ev, &e), 0);
	assert_string_equal(ev->object, "");
	assert_string_equal(ev->details, "{}");
	audit_event_free(ev);
	audit_event_free(NULL);
	check_fails(audit_event_new("cli:a", 0, AUDIT_NACTIONS, NULL, NULL), "audit: unknown action \"\"");
	check_fails(audit_event_new("", 0, AUDIT_LOGIN, NULL, NULL), "audit: the actor must be 1 to 320 bytes");
	char *big = xmalloc(AUDIT_DETAILS_MAX + 2);
	memset(big, 'x', AUDIT_DETAILS_MAX + 1);
	big[AUDIT_DETAILS_MAX + 1] = '\0';
	check_fails(audit_event_new(big, 0, AUDIT_LOGIN, NULL, NULL), "audit: the actor must be 1 to 320 bytes");
	big[AUDIT_OBJECT_MAX + 1] = '\0';
	check_fails(audit_event_new("cli:a", 0, AUDIT_LOGIN, big, NULL), "audit: the object is longer than 200 bytes");
	big[AUDIT_OBJECT_MAX + 1] = 'x';
	check_fails(audit_event_new("cli:a", 0, AUDIT_LOGIN, NULL, big), "audit: the details are longer than 65536 bytes");
	free(big);
	check_fails(audit_event_new("cli:a", -1, AUDIT_LOGIN, NULL, NULL), "audit: bad organisation id -1");
}

/* A chain of n events as the store makes them. */
static struct audit_event **chain(int n)
{
	struct audit_event **evs = xcalloc((size_t)n, sizeof *evs);
	for (int i = 0; i < n; i++) {
		char details[32];
		assert_true(snprintf(details, sizeof details, "{\"i\":%d}", i) < (int)sizeof details);
		evs[i] = audit_event_new("cli:a", 1, AUDIT_ANSWER_EDIT, "answer:1", details);
		evs[i]->seq = i + 1;
		evs[i]->at = xstrdup("2026-04-01T09:00:00Z");
		evs[i]->prev_hash = xstrdup(i ? evs[i - 1]->hash : ZEROS);
		evs[i]->hash = xmalloc(HASH_HEX_LEN + 1);
		audit_event_hash(evs[i], evs[i]->hash);
	}
	return evs;
}

static void free_chain(struct audit_event **evs, int n)
{
	for (int i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
}

/* Feeds the events at the given indexes (-1 ends); expects the last to
 * fail with want, or all to pass when want is NULL. */
static void walk(struct audit_event **evs, const int *order, const char *want)
{
	struct audit_chain c = AUDIT_CHAIN_INIT;
	struct err e = { 0 };
	int rc = 0;
	for (size_t i = 0; order[i] >= 0 && rc == 0; i++)
		rc = audit_chain_next(&c, evs[order[i]], &e);
	if (!want) {
		assert_int_equal(rc, 0);
		return;
	}
	assert_int_equal(rc, -1);
	assert_string_equal(e.msg, want);
}

static void test_chain(void **state)
{
	(void)state;
	struct audit_event **evs = chain(6);
	struct audit_chain c = AUDIT_CHAIN_INIT;
	struct err e = { 0 };
	for (int i = 0; i < 6; i++)
		assert_int_equal(audit_chain_next(&c, evs[i], &e), 0);
	assert_int_equal(c.n, 6);
	assert_int_equal(c.last_seq, 6);
	assert_string_equal(c.last_hash, evs[5]->hash);

	walk(evs, (int[]){ 0, 1, 3, -1 }, "event 3 missing: sequence jumps from 2 to 4");
	walk(evs, (int[]){ 0, 4, -1 }, "events 2 to 4 missing: sequence jumps from 1 to 5");
	walk(evs, (int[]){ 1, -1 }, "event 1 missing: sequence jumps from 0 to 2");
	walk(evs, (int[]){ 0, 1, 0, -1 }, "event 1 out of order: it follows event 2");

	/* A changed field, hash left as it was. */
	free(evs[2]->details);
	evs[2]->details = xstrdup("{\"i\":9}");
	walk(evs, (int[]){ 0, 1, 2, -1 }, "event 3: hash does not match its contents");
	/* Its hash recomputed too: the next event no longer links to it. */
	audit_event_hash(evs[2], evs[2]->hash);
	walk(evs, (int[]){ 0, 1, 2, 3, -1 }, "event 4: previous hash does not match event 3");
	/* A field read short (a NUL byte in the row) never matches. */
	walk(evs, (int[]){ 0, 1, -1 }, NULL);
	evs[1]->cut = true;
	walk(evs, (int[]){ 0, 1, -1 }, "event 2: hash does not match its contents");
	free_chain(evs, 6);

	/* Event 1 must start from 64 zeros, even with a hash of its own. */
	evs = chain(1);
	evs[0]->prev_hash[0] = '1';
	audit_event_hash(evs[0], evs[0]->hash);
	walk(evs, (int[]){ 0, -1 }, "event 1: previous hash is not the start of the trail (64 zeros)");
	free_chain(evs, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_serialisation), cmocka_unit_test(test_golden_hashes),
		cmocka_unit_test(test_actions),       cmocka_unit_test(test_check),
		cmocka_unit_test(test_chain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
