/* The account service's audit trail and password rechecks: every change
 * lands with its event or not at all; a wrong current password (password
 * change, TOTP enrolment) is throttled under the sign-in account key and
 * recorded as failed. */
#include "auth_fixture.h"
#include "store/store_user.h"

/* The events as "actor|org|action|object|details" lines, oldest first
 * (details "{}" for none). */
static char *events(struct fixture *f)
{
	struct err e = { 0 };
	struct sql_stmt *q = sql_prepare(store_sql(f->st),
					 "SELECT actor || '|' || ifnull(org_id, 0) || '|' || action || '|' || object ||"
					 " '|' || details FROM audit_event ORDER BY seq",
					 &e);
	assert_non_null(q);
	char *all = xstrdup("");
	while (sql_step(q, &e) == 1) {
		char *more = xasprintf("%s%s\n", all, sql_text(q, 0));
		free(all);
		all = more;
	}
	sql_finalize(q);
	return all;
}

static void events_are(struct fixture *f, const char *want)
{
	char *got = events(f);
	assert_string_equal(got, want);
	free(got);
}

/* The fixture's own user_add, for A社 (id 1) by cli:test. */
#define ALICE_ADDED "cli:test|1|user_add|user:1|{\"email\":\"alice@example.jp\",\"role\":\"admin\"}\n"
#define FAILED_PW "alice@example.jp|1|password_change|user:1|{\"result\":\"failed\"}\n"
#define FAILED_TOTP "alice@example.jp|1|totp_enrol|user:1|{\"result\":\"failed\"}\n"

static void test_password_recheck_throttled(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	time_t until;
	/* Five wrong current passwords, one a minute: each refused and
	 * recorded as a failed password change. */
	for (int i = 0; i < 5; i++) {
		at(60 * i);
		assert_int_equal(account_password_change(f->st, &f->cfg, f->alice, "guess", "a new password", 0,
							 "alice@example.jp", &until, &e),
				 OUTCOME_INVALID);
		assert_string_equal(e.msg, "the current password is wrong");
		assert_int_equal(until, 0);
	}
	events_are(f, ALICE_ADDED FAILED_PW FAILED_PW FAILED_PW FAILED_PW FAILED_PW);
	/* Then the account is locked: even the right password is not
	 * checked, here and at sign-in (the same account key). */
	at(5 * 60);
	assert_int_equal(account_password_change(f->st, &f->cfg, f->alice, PW, "a new password", 0, "alice@example.jp",
						 &until, &e),
			 OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:15:00Z");
	assert_int_equal(until, base + 15 * 60);
	struct auth_login l;
	assert_int_equal(auth_login(f->st, &f->cfg, "alice@example.jp", PW, NULL, NULL, &l, &e), OUTCOME_THROTTLED);
	auth_login_release(&l);
	/* A refused recheck is not recorded (the failures before it are);
	 * the sign-in refused by the same lock is, as sign-ins always are. */
	events_are(f, ALICE_ADDED FAILED_PW FAILED_PW FAILED_PW FAILED_PW FAILED_PW
		      "alice@example.jp|1|login_failed|session:0|{\"reason\":\"throttled\"}\n");
	/* Free again when the first failure leaves the window; the right
	 * password is not counted. */
	at(15 * 60);
	assert_int_equal(account_password_change(f->st, &f->cfg, f->alice, PW, "a new password", 0, "alice@example.jp",
						 &until, &e),
			 OUTCOME_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM login_attempt WHERE key = ?", "account:alice@example.jp"), 5);
	char *got = events(f);
	assert_non_null(strstr(got, "alice@example.jp|1|login_failed|session:0|{\"reason\":\"throttled\"}\n"
				    "alice@example.jp|1|password_change|user:1|{}\n"));
	free(got);
}

static void test_change_needs_its_event(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	time_t until;
	/* An actor the trail refuses: the change does not land. */
	assert_int_equal(account_password_change(f->st, &f->cfg, f->alice, PW, "a new password", 0, "", &until, &e),
			 -1);
	struct user *u;
	assert_int_equal(store_user_get(f->st, f->alice, &u, &e), STORE_OK);
	assert_true(password_verify(u->password_hash, PW));
	user_free(u);
	char token[TOKEN_MAX];
	assert_int_equal(account_token_create(f->st, f->alice, "ci", "", token, NULL, &e), -1);
	assert_string_equal(token, "");
	assert_int_equal(count(f, "SELECT count(*) FROM api_token", NULL), 0);
	char otp[PASSWORD_GENERATED_LEN + 1];
	assert_int_equal(account_user_add(f->st, f->org_id, "bob@example.jp", ROLE_EDITOR, NULL, otp, "", NULL, &e),
			 -1);
	assert_int_equal(count(f, "SELECT count(*) FROM user_account", NULL), 1);
	/* Logout keeps the session when its event cannot be written. */
	struct auth_login l;
	assert_int_equal(auth_login(f->st, &f->cfg, "alice@example.jp", PW, NULL, NULL, &l, &e), OUTCOME_OK);
	assert_int_equal(auth_logout(f->st, l.session_token, "", f->org_id, &e), -1);
	struct auth_principal p;
	assert_int_equal(auth_session_check(f->st, &f->cfg, l.session_token, &p, &e), OUTCOME_OK);
	auth_principal_release(&p);
	assert_int_equal(auth_logout(f->st, l.session_token, "alice@example.jp", f->org_id, &e), OUTCOME_OK);
	auth_login_release(&l);
	events_are(f, ALICE_ADDED "alice@example.jp|1|login|session:1|{}\n"
			      "alice@example.jp|1|logout|user:1|{}\n");
}

static void test_account_events(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char otp[PASSWORD_GENERATED_LEN + 1], token[TOKEN_MAX];
	assert_int_equal(account_user_add(f->st, f->org_id, "Bob@example.jp", ROLE_EDITOR, NULL, otp, "cli:root", NULL,
					  &e),
			 0);
	assert_int_equal(account_token_create(f->st, f->alice, "deploy", "cli:root", token, NULL, &e), 0);
	assert_int_equal(account_token_revoke(f->st, 1, "cli:root", &e), 0);
	/* Refused: nothing recorded. */
	assert_int_equal(account_token_revoke(f->st, 1, "cli:root", &e), -1);
	assert_string_equal(e.msg, "API token 1 is already revoked");
	assert_int_equal(account_token_revoke(f->st, 7, "cli:root", &e), -1);
	assert_string_equal(e.msg, "no API token 7");
	events_are(f, ALICE_ADDED "cli:root|1|user_add|user:2|{\"email\":\"bob@example.jp\",\"role\":\"editor\"}\n"
			      "cli:root|1|token_create|token:1|{\"name\":\"deploy\",\"user\":\"alice@example.jp\"}\n"
			      "cli:root|1|token_revoke|token:1|{\"id\":1}\n");
	/* Never the one-time password nor the token. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE instr(details, ?) > 0", otp), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE instr(details, ?) > 0",
			       token + strlen("shinsa_pat_")),
			 0);
}

static void test_totp_needs_password(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	time_t until;
	struct account_totp_enrolment en;
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1];
	assert_int_equal(account_totp_begin(f->st, &f->cfg, f->alice, "A社", "guess", "alice@example.jp", &until, &en,
					    &e),
			 OUTCOME_INVALID);
	assert_string_equal(e.msg, "the current password is wrong");
	assert_null(en.uri);
	assert_int_equal(count(f, "SELECT count(*) FROM user_account WHERE totp_sealed IS NOT NULL", NULL), 0);
	assert_int_equal(account_totp_begin(f->st, &f->cfg, f->alice, "A社", PW, "alice@example.jp", &until, &en, &e),
			 OUTCOME_OK);
	account_totp_enrolment_release(&en);
	/* The password is checked before the code. */
	for (int i = 0; i < 4; i++) {
		assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, "guess", "000000", "alice@example.jp",
						      &until, codes, &e),
				 OUTCOME_INVALID);
		assert_string_equal(e.msg, "the current password is wrong");
	}
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, "000000", "alice@example.jp", &until, codes,
					      &e),
			 OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:15:00Z");
	assert_int_equal(until, base + 15 * 60);
	events_are(f, ALICE_ADDED FAILED_TOTP FAILED_TOTP FAILED_TOTP FAILED_TOTP FAILED_TOTP);
	assert_int_equal(count(f, "SELECT count(*) FROM user_account WHERE totp_enabled", NULL), 0);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_password_recheck_throttled),
		T(test_change_needs_its_event),
		T(test_account_events),
		T(test_totp_needs_password),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
