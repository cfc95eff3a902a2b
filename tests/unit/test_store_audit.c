/* The audit trail in the store: appends chain, roll back with their
 * transaction, the triggers refuse changes, list pages and walk order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_audit.h"
#include "store/store_org.h"
#include "store/store_sql.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

struct fixture {
	char dir[64];
	struct store *st;
	long long a, b; /* two organisations */
};

static long long add_org(struct store *st, const char *name)
{
	struct err e = { 0 };
	struct org *o = org_new();
	o->kind = ORG_CONNECTOR;
	o->name = xstrdup(name);
	o->public_key = xstrdup("00");
	assert_int_equal(store_org_add(st, o, "v1:sealed", &e), 0);
	long long id = o->id;
	org_free(o);
	return id;
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/shinsa-audit-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	char *db = xasprintf("%s/t.db", f->dir);
	struct err e = { 0 };
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	int rc = store_open(db, STORE_CREATE, &f->st, &e) < 0 || store_migrate(f->st, NULL, NULL, &e) < 0;
	free(db);
	if (rc) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	f->a = add_org(f->st, "A社");
	f->b = add_org(f->st, "B銀行");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	char *cmd = xasprintf("rm -rf %s", f->dir);
	int rc = system(cmd);
	free(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* Appends one event; returns its seq. */
static long long append(struct fixture *f, long long org, enum audit_action a, const char *object)
{
	struct err e = { 0 };
	struct audit_event *ev = audit_event_new("cli:test", org, a, object, "{\"k\":1}");
	assert_int_equal(store_audit_append(f->st, ev, &e), 0);
	long long seq = ev->seq;
	audit_event_free(ev);
	return seq;
}

static void test_append_chains(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct audit_event *one = audit_event_new("cli:test", f->a, AUDIT_ORG_ADD, "org:1", NULL);
	struct audit_event *two = audit_event_new("someone@example.jp", 0, AUDIT_LOGIN_FAILED, NULL, NULL);
	assert_int_equal(store_audit_append(f->st, one, &e), 0);
	assert_int_equal(store_audit_append(f->st, two, &e), 0);
	assert_int_equal(one->seq, 1);
	assert_string_equal(one->at, "2026-04-01T09:00:00Z");
	assert_string_equal(one->prev_hash, ZEROS);
	char h[HASH_HEX_LEN + 1];
	audit_event_hash(one, h);
	assert_string_equal(one->hash, h);
	assert_int_equal(two->seq, 2);
	assert_string_equal(two->prev_hash, one->hash);

	/* What was stored is what was hashed. */
	struct audit_event **evs;
	size_t n;
	assert_int_equal(store_audit_list(f->st, 0, NULL, 0, 10, &evs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(evs[0]->seq, 2);
	assert_int_equal(evs[0]->org_id, 0);
	assert_null(evs[0]->org_name);
	assert_string_equal(evs[0]->actor, "someone@example.jp");
	assert_string_equal(evs[0]->object, "");
	assert_string_equal(evs[0]->details, "{}");
	assert_string_equal(evs[1]->org_name, "A社");
	assert_string_equal(evs[1]->action, "org_add");
	assert_string_equal(evs[1]->hash, one->hash);
	struct audit_chain c = AUDIT_CHAIN_INIT;
	assert_int_equal(audit_chain_next(&c, evs[1], &e), 0);
	assert_int_equal(audit_chain_next(&c, evs[0], &e), 0);
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	audit_event_free(one);
	audit_event_free(two);
}

static void test_append_in_transaction(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	long long first = append(f, f->a, AUDIT_ANSWER_EDIT, "answer:1");
	/* Rolled back with the caller's change: as if never appended. */
	assert_int_equal(store_begin(f->st, &e), 0);
	assert_int_equal(append(f, f->a, AUDIT_ANSWER_EDIT, "answer:2"), first + 1);
	store_rollback(f->st);
	/* Committed with it. */
	assert_int_equal(store_begin(f->st, &e), 0);
	assert_int_equal(append(f, f->a, AUDIT_ANSWER_EDIT, "answer:3"), first + 1);
	assert_true(store_in_tx(f->st));
	assert_int_equal(store_commit(f->st, &e), 0);
	assert_false(store_in_tx(f->st));

	struct audit_event **evs;
	size_t n;
	assert_int_equal(store_audit_list(f->st, 0, NULL, 0, 10, &evs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(evs[0]->object, "answer:3");
	assert_string_equal(evs[1]->object, "answer:1");
	assert_string_equal(evs[0]->prev_hash, evs[1]->hash);
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);

	/* A refused event is not written, and leaves no transaction open. */
	struct audit_event *bad = audit_event_new("", f->a, AUDIT_LOGIN, NULL, NULL);
	assert_int_equal(store_audit_append(f->st, bad, &e), -1);
	assert_string_equal(e.msg, "audit: the actor must be 1 to 320 bytes");
	audit_event_free(bad);
	assert_false(store_in_tx(f->st));
	assert_int_equal(append(f, 0, AUDIT_LOGOUT, NULL), first + 2);
}

static void test_append_only(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	append(f, f->a, AUDIT_ORG_ADD, "org:1");
	struct sql *db = store_sql(f->st);
	assert_int_equal(sql_exec(db, "UPDATE audit_event SET actor = 'x' WHERE seq = 1", &e), -1);
	assert_string_equal(e.msg, "audit events are append-only");
	err_clear(&e);
	assert_int_equal(sql_exec(db, "DELETE FROM audit_event", &e), -1);
	assert_string_equal(e.msg, "audit events are append-only");
	/* A second event with the same hash is refused too. */
	err_clear(&e);
	assert_int_equal(sql_exec(db, "INSERT INTO audit_event SELECT 2, at, actor, org_id, action, object, details,"
				      " prev_hash, hash FROM audit_event WHERE seq = 1", &e), -1);
	assert_string_equal(e.msg, "UNIQUE constraint failed: audit_event.hash");
}

static void test_list_pages(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	for (int i = 0; i < 5; i++) {
		append(f, f->a, AUDIT_ANSWER_EDIT, "answer:1"); /* 1 3 5 7 9 */
		append(f, f->b, AUDIT_LOGIN, NULL);             /* 2 4 6 8 10 */
	}
	struct audit_event **evs;
	size_t n;
	assert_int_equal(store_audit_list(f->st, f->a, NULL, 0, 2, &evs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(evs[0]->seq, 9);
	assert_int_equal(evs[1]->seq, 7);
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	assert_int_equal(store_audit_list(f->st, f->a, NULL, 7, 10, &evs, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(evs[0]->seq, 5);
	assert_int_equal(evs[2]->seq, 1);
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	assert_int_equal(store_audit_list(f->st, 0, NULL, 3, 10, &evs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(evs[0]->seq, 2);
	assert_string_equal(evs[0]->org_name, "B銀行");
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	assert_int_equal(store_audit_list(f->st, 0, NULL, 0, 0, &evs, &n, &e), -1);
	assert_string_equal(e.msg, "a limit must be from 1 to 100001");
	assert_null(evs);
}

static int collect(const struct audit_event *ev, void *arg)
{
	long long *seen = arg;
	seen[0]++;
	seen[seen[0]] = ev->seq;
	return ev->cut ? 7 : 0;
}

static void test_walk(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	for (int i = 0; i < 3; i++)
		append(f, f->a, AUDIT_LOGIN, NULL);
	long long seen[8] = { 0 };
	assert_int_equal(store_audit_walk(f->st, collect, seen, &e), 0);
	assert_int_equal(seen[0], 3);
	assert_int_equal(seen[1], 1);
	assert_int_equal(seen[3], 3);

	/* A NUL byte hidden in a field (written past the triggers, as someone
	 * with the file could) is noticed; the callback's value stops the walk. */
	struct sql *db = store_sql(f->st);
	assert_int_equal(sql_exec(db, "DROP TRIGGER audit_event_no_update;"
				      "UPDATE audit_event SET details = details || char(0) || 'x' WHERE seq = 2", &e), 0);
	memset(seen, 0, sizeof seen);
	assert_int_equal(store_audit_walk(f->st, collect, seen, &e), 7);
	assert_int_equal(seen[0], 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_append_chains, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_in_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
