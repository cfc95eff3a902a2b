/* Consent: the in-force rule, expiry parsing, and service/shares on a store
 * (who may share and revoke what, one share in force, the inbox, reads). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/share.h"
#include "formats/catalog_json.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/shares.h"
#include "store/store.h"
#include "store/store_audit.h"
#include "store/store_submission.h"
#include "store/store_user.h"

static void test_in_force(void **state)
{
	(void)state;
	struct share s = { 0 };
	assert_true(share_in_force(&s, "2026-04-01T09:00:00Z"));
	s.expires_at = "2026-05-01T00:00:00Z";
	assert_true(share_in_force(&s, "2026-04-30T23:59:59Z"));
	assert_false(share_in_force(&s, "2026-05-01T00:00:00Z"));
	s.expires_at = NULL;
	s.revoked_at = "2026-04-02T00:00:00Z";
	assert_false(share_in_force(&s, "2026-04-01T09:00:00Z"));
}

static void expiry(const char *text, const char *want, const char *want_err)
{
	time_t now;
	char out[CLOCK_TEXT_SIZE] = "";
	struct err e = { 0 };
	assert_int_equal(clock_parse("2026-04-01T09:00:00Z", &now), 0);
	int rc = share_expiry_parse(text, now, out, &e);
	if (want) {
		assert_int_equal(rc, 0);
		assert_string_equal(out, want);
	} else {
		assert_int_equal(rc, -1);
		assert_string_equal(e.msg, want_err);
	}
}

static void test_expiry(void **state)
{
	(void)state;
	expiry("2026-04-01", "2026-04-02T00:00:00Z", NULL); /* today counts to its end */
	expiry("2026-12-31", "2027-01-01T00:00:00Z", NULL);
	expiry("2026-04-01T09:00:01Z", "2026-04-01T09:00:01Z", NULL);
	expiry("2026-04-01T09:00:00Z", NULL, "expiry \"2026-04-01T09:00:00Z\" is in the past (it is now 2026-04-01T09:00:00Z)");
	expiry("2026-03-31", NULL, "expiry \"2026-03-31\" is in the past (it is now 2026-04-01T09:00:00Z)");
	expiry("2026-02-29", NULL, "expiry: 2026-02-29 is not a day");
	expiry("2026/05/01", "2026-05-02T00:00:00Z", NULL);
	expiry("", NULL, "expiry: \"\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
	expiry("2026-05-01T00:00:00+09:00", NULL,
	       "expiry: \"2026-05-01T00:00:00+09:00\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
}

/* Connectors A (1) and B (2), banks X (3) and Y (4); submission 1 of A and
 * 2 of B (the documents are not real: these tests never open them); user 1
 * of X. */
struct fixture {
	char dir[64];
	struct store *st;
};

static void add_org(struct store *st, enum org_kind kind, const char *name)
{
	org_free(scratch_org_add(st, kind, name));
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", NULL };
	struct err e = { 0 };
	int rc;
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-share", ids, &f->st) < 0)
		return -1;
	add_org(f->st, ORG_CONNECTOR, "A");
	add_org(f->st, ORG_CONNECTOR, "B");
	add_org(f->st, ORG_BANK, "X");
	add_org(f->st, ORG_BANK, "Y");
	for (long long org = 1; org <= 2; org++) {
		struct submission_record s = { .org_id = org, .catalog_id = "api-checklist-2018-08", .version = 1,
					       .submitted_at = "2026-04-01T09:00:00Z", .document = "{}",
					       .sha256 = "ab", .signature = "cd" };
		if (store_submission_add(f->st, &s, &e) < 0)
			return -1;
	}
	struct user *u = user_new();
	u->org_id = 3;
	u->email = xstrdup("reader@x.test");
	u->role = ROLE_VIEWER;
	u->password_hash = xstrdup("$argon2id$x");
	rc = store_user_add(f->st, u, &e);
	user_free(u);
	*state = f;
	return rc;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

static void test_add_rules(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct share *s;
	assert_int_equal(shares_add(f->st, "a@a.test", 2, 1, "X", NULL, &s, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no submission 1");
	assert_null(s);
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 3, "X", NULL, &s, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no submission 3");
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "B", NULL, &s, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "no bank \"B\"");
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "Z", NULL, &s, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "no bank \"Z\"");
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "X", "2026-03-01", &s, &e), OUTCOME_INVALID);

	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "X", "2026-04-30", &s, &e), 0);
	assert_int_equal(s->id, 1);
	assert_int_equal(s->connector_id, 1);
	assert_string_equal(s->connector_name, "A");
	assert_string_equal(s->bank_name, "X");
	assert_string_equal(s->created_by, "a@a.test");
	assert_string_equal(s->expires_at, "2026-05-01T00:00:00Z");
	assert_null(s->revoked_at);
	share_free(s);
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "X", NULL, NULL, &e), OUTCOME_CONFLICT);
	assert_string_equal(e.msg, "submission 1 is already shared with X (share 1)");
	/* Another bank is another share; the command line (0) acts for anyone. */
	assert_int_equal(shares_add(f->st, "cli:root", 0, 1, "Y", NULL, NULL, &e), 0);

	struct share **list;
	size_t n;
	assert_int_equal(shares_inbox(f->st, 3, &list, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0]->submission_id, 1);
	share_list_free(list, n);
	assert_int_equal(shares_list(f->st, 2, &list, &n, &e), 0);
	assert_int_equal(n, 0);
	share_list_free(list, n);

	/* Expired: out of the inbox, and a new share may be made. */
	setenv("SHINSA_NOW", "2026-05-01T00:00:00Z", 1);
	assert_int_equal(shares_inbox(f->st, 3, &list, &n, &e), 0);
	assert_int_equal(n, 0);
	share_list_free(list, n);
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "X", NULL, NULL, &e), 0);
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
}

static void test_revoke_and_read(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct share *s;
	struct submission_record *rec;
	struct submission *doc;
	bool valid;
	struct user reader = { .id = 1, .org_id = 3, .email = "reader@x.test" };
	assert_int_equal(shares_add(f->st, "a@a.test", 1, 1, "X", NULL, NULL, &e), 0);
	/* Y has no share: not found, and nothing recorded. */
	assert_int_equal(shares_read(f->st, &reader, 4, 1, &rec, &doc, &valid, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no submission 1");
	assert_int_equal(shares_read(f->st, &reader, 3, 2, &rec, &doc, &valid, &e), OUTCOME_NOT_FOUND);
	struct share **list;
	size_t n;
	assert_int_equal(shares_list(f->st, 1, &list, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0]->n_accesses, 0);
	share_list_free(list, n);

	assert_int_equal(shares_revoke(f->st, "b@b.test", 2, 0, 1, &s, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no share 1");
	assert_int_equal(shares_revoke(f->st, "a@a.test", 1, 2, 1, &s, &e), OUTCOME_NOT_FOUND);
	assert_int_equal(shares_revoke(f->st, "a@a.test", 1, 1, 1, &s, &e), 0);
	assert_string_equal(s->revoked_at, "2026-04-01T09:00:00Z");
	share_free(s);
	assert_int_equal(shares_revoke(f->st, "a@a.test", 1, 1, 1, NULL, &e), OUTCOME_CONFLICT);
	assert_string_equal(e.msg, "share 1 is already revoked");
	assert_int_equal(shares_read(f->st, &reader, 3, 1, &rec, &doc, &valid, &e), OUTCOME_NOT_FOUND);

	/* Every change is on the trail, in the connector's name. */
	struct audit_event **evs;
	assert_int_equal(store_audit_list(f->st, 0, NULL, 0, 100, &evs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(evs[0]->action, "share_revoke");
	assert_int_equal(evs[0]->org_id, 1);
	assert_string_equal(evs[1]->action, "share_create");
	assert_string_equal(evs[1]->details, "{\"bank\":\"X\",\"expires_at\":null,\"submission\":1}");
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_force),
		cmocka_unit_test(test_expiry),
		cmocka_unit_test_setup_teardown(test_add_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revoke_and_read, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
