/* The sign-in service against a scratch database: login and its one
 * message, throttling and its release, session expiry, logout, CSRF, API
 * tokens, TOTP with replay and recovery codes, password changes. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth_fixture.h"
#include "store/store_token.h"
#include "store/store_user.h"
#include "testutil.h"

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/account.h"
#include "service/auth.h"
#include "store/store.h"
#include "store/store_sql.h"

/* Logs in; returns the result with *login filled (release it). */
static int login(struct fixture *f, const char *email, const char *pw, const char *code, const char *remote,
		 struct auth_login *out, struct err *e)
{
	err_clear(e);
	return auth_login(f->st, &f->cfg, email, pw, code, remote, out, e);
}

/* A login that must fail with the one message, for the given reason. */
static void denied(struct fixture *f, const char *email, const char *pw, const char *code, const char *remote,
		   enum auth_failure why)
{
	struct auth_login l;
	struct err e = { 0 };
	assert_int_equal(login(f, email, pw, code, remote, &l, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "wrong email, password or code");
	assert_int_equal(l.failure, why);
	assert_string_equal(l.session_token, "");
	auth_login_release(&l);
}

/* A login that must succeed; the session token into token. */
static void signed_in(struct fixture *f, const char *email, const char *pw, const char *code, char token[TOKEN_MAX])
{
	struct auth_login l;
	struct err e = { 0 };
	int rc = login(f, email, pw, code, "192.0.2.1", &l, &e);
	if (rc != OUTCOME_OK)
		fail_msg("login of %s: %d %s", email, rc, e.msg);
	strcpy(token, l.session_token);
	auth_login_release(&l);
}

/* The session check's result and message ("" when it passes). */
static int check(struct fixture *f, const char *token, char msg[1024])
{
	struct auth_principal p;
	struct err e = { 0 };
	int rc = auth_session_check(f->st, &f->cfg, token, &p, &e);
	strcpy(msg, rc == OUTCOME_OK ? "" : e.msg);
	if (rc == OUTCOME_OK)
		assert_string_equal(p.user->email, "alice@example.jp");
	auth_principal_release(&p);
	return rc;
}


static void test_login_and_session(void **state)
{
	struct fixture *f = *state;
	struct auth_login l;
	struct err e = { 0 };
	assert_int_equal(login(f, "ALICE@example.jp", PW, NULL, "192.0.2.1", &l, &e), OUTCOME_OK);
	assert_true(token_well_formed(l.session_token, "shs_"));
	assert_int_equal(strlen(l.csrf_token), 43);
	assert_int_equal(l.expires_at, base + 12 * 3600);
	assert_int_equal(l.failure, AUTH_FAIL_NONE);
	assert_false(l.used_recovery_code);
	assert_string_equal(l.user->email, "alice@example.jp");
	assert_int_equal(l.user->role, ROLE_ADMIN);

	struct auth_principal p;
	assert_int_equal(auth_session_check(f->st, &f->cfg, l.session_token, &p, &e), OUTCOME_OK);
	assert_int_equal(p.user->id, f->alice);
	assert_int_equal(p.user->org_id, f->org_id);
	assert_int_equal(p.session_id, l.session_id);
	assert_int_equal(p.token_id, 0);
	auth_principal_release(&p);

	/* CSRF: the token from login, and nothing else. */
	char csrf[TOKEN_MAX];
	auth_csrf_token(l.session_token, csrf);
	assert_string_equal(csrf, l.csrf_token);
	assert_true(auth_csrf_check(l.session_token, l.csrf_token));
	assert_false(auth_csrf_check(l.session_token, NULL));
	assert_false(auth_csrf_check(l.session_token, ""));
	csrf[0] = csrf[0] == 'A' ? 'B' : 'A';
	assert_false(auth_csrf_check(l.session_token, csrf));

	/* The database holds the token's SHA-256, never the token or the CSRF
	 * token. */
	char hash[HASH_HEX_LEN + 1];
	token_hash(l.session_token, hash);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE token_hash = ?", hash), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE token_hash = ?", l.session_token), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE instr(token_hash || coalesce(remote, ''), ?) > 0",
			       l.session_token + 4), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE remote = ?", "192.0.2.1"), 1);
	/* A successful login leaves no failure behind. */
	assert_int_equal(count(f, "SELECT count(*) FROM login_attempt", NULL), 0);
	auth_login_release(&l);
}

/* The login events land with the outcome they record: a sign-in the trail
 * cannot show does not stand, and leaves no session behind. */
static void test_login_events(void **state)
{
	struct fixture *f = *state;
	struct auth_login l;
	struct err e = { 0 };
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, "192.0.2.1", &l, &e), OUTCOME_OK);
	char *object = xasprintf("session:%lld", l.session_id);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'login' AND actor = 'alice@example.jp' "
				  "AND details = '{\"remote\":\"192.0.2.1\"}' AND object = ?", object), 1);
	free(object);
	auth_login_release(&l);
	denied(f, "nobody@example.jp", PW, NULL, "192.0.2.1", AUTH_FAIL_NO_USER);
	denied(f, "hunter2", PW, NULL, NULL, AUTH_FAIL_NO_USER);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'login_failed' AND actor = 'unknown' "
				  "AND org_id IS NULL AND details = ?",
			       "{\"email\":\"nobody@example.jp\",\"reason\":\"no such user\",\"remote\":\"192.0.2.1\"}"), 1);
	/* What is not an address (a password in the wrong field) is not kept. */
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE details = ?", "{\"reason\":\"no such user\"}"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE instr(details, ?) > 0", "hunter2"), 0);

	assert_int_equal(sql_exec(store_sql(f->st), "CREATE TRIGGER full BEFORE INSERT ON audit_event "
				  "BEGIN SELECT RAISE(ABORT, 'the trail is full'); END", &e), 0);
	long long sessions = count(f, "SELECT count(*) FROM session", NULL);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, "192.0.2.1", &l, &e), -1);
	assert_string_equal(e.msg, "the trail is full");
	assert_string_equal(l.session_token, "");
	auth_login_release(&l);
	assert_int_equal(count(f, "SELECT count(*) FROM session", NULL), sessions);
	assert_int_equal(login(f, "alice@example.jp", "x", NULL, NULL, &l, &e), -1);
	auth_login_release(&l);
}

static void test_failures_look_alike(void **state)
{
	struct fixture *f = *state;
	denied(f, "alice@example.jp", "wrong horse battery", NULL, NULL, AUTH_FAIL_PASSWORD);
	denied(f, "nobody@example.jp", PW, NULL, NULL, AUTH_FAIL_NO_USER);
	denied(f, "not an email", PW, NULL, NULL, AUTH_FAIL_NO_USER);
	denied(f, "", "", NULL, NULL, AUTH_FAIL_NO_USER);
	denied(f, "alice@example.jp", "", "123456", NULL, AUTH_FAIL_PASSWORD);
	/* For the audit trail, the account named is known after a wrong
	 * password, and only then. */
	struct auth_login l;
	struct err e = { 0 };
	assert_int_equal(login(f, "alice@example.jp", "x", NULL, NULL, &l, &e), OUTCOME_DENIED);
	assert_int_equal(l.user->id, f->alice);
	assert_string_equal(auth_failure_name(l.failure), "wrong password");
	auth_login_release(&l);
	assert_int_equal(login(f, "bob@example.jp", "x", NULL, NULL, &l, &e), OUTCOME_DENIED);
	assert_null(l.user);
	assert_string_equal(auth_failure_name(l.failure), "no such user");
	auth_login_release(&l);
}

static void test_account_throttle(void **state)
{
	struct fixture *f = *state;
	/* Five failures, one a minute from 09:00, from different addresses. */
	const char *addr[] = { "192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5" };
	for (int i = 0; i < 5; i++) {
		at(60 * i);
		denied(f, "alice@example.jp", "guess", NULL, addr[i], AUTH_FAIL_PASSWORD);
	}
	/* Then even the right password is refused, without being checked,
	 * until the first failure is 15 minutes old. */
	struct auth_login l;
	struct err e = { 0 };
	at(5 * 60);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, "198.51.100.9", &l, &e), OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:15:00Z");
	assert_int_equal(l.failure, AUTH_FAIL_THROTTLED);
	assert_int_equal(l.retry_after, base + 15 * 60);
	/* The account, for its organisation's trail; the first refusal of
	 * the lock is the one to record. */
	assert_non_null(l.user);
	assert_int_equal(l.user->org_id, f->org_id);
	assert_true(l.first_refusal);
	auth_login_release(&l);
	/* Refused attempts are not counted, so they do not push the end back. */
	at(14 * 60 + 59);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, NULL, &l, &e), OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:15:00Z");
	assert_false(l.first_refusal);
	auth_login_release(&l);
	/* The account's email in another case is the same account. */
	assert_int_equal(login(f, "ALICE@EXAMPLE.JP", PW, NULL, NULL, &l, &e), OUTCOME_THROTTLED);
	auth_login_release(&l);
	char token[TOKEN_MAX];
	at(15 * 60);
	signed_in(f, "alice@example.jp", PW, NULL, token);
	/* Success forgets the account's failures: four more, and it still works. */
	for (int i = 0; i < 4; i++)
		denied(f, "alice@example.jp", "guess", NULL, NULL, AUTH_FAIL_PASSWORD);
	signed_in(f, "alice@example.jp", PW, NULL, token);
	/* A new lock has its own first refusal. */
	for (int i = 0; i < 5; i++)
		denied(f, "alice@example.jp", "guess", NULL, NULL, AUTH_FAIL_PASSWORD);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, NULL, &l, &e), OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:30:00Z");
	assert_true(l.first_refusal);
	auth_login_release(&l);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, NULL, &l, &e), OUTCOME_THROTTLED);
	assert_false(l.first_refusal);
	auth_login_release(&l);
	/* Attempts older than the window are deleted. */
	at(60 * 60);
	denied(f, "alice@example.jp", "guess", NULL, NULL, AUTH_FAIL_PASSWORD);
	assert_int_equal(count(f, "SELECT count(*) FROM login_attempt", NULL), 1);
}

static void test_address_throttle(void **state)
{
	struct fixture *f = *state;
	/* Twenty failures from one address, each for another email. */
	for (int i = 0; i < 20; i++) {
		char email[64];
		snprintf(email, sizeof email, "user%d@example.jp", i);
		at(i);
		denied(f, email, "guess", NULL, "203.0.113.7", AUTH_FAIL_NO_USER);
	}
	struct auth_login l;
	struct err e = { 0 };
	at(30);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, "203.0.113.7", &l, &e), OUTCOME_THROTTLED);
	assert_string_equal(e.msg, "too many failed attempts; try again after 2026-04-01T09:15:00Z");
	assert_false(l.first_refusal); /* only an account's lock is recorded */
	auth_login_release(&l);
	/* Another address is not affected, nor is the account. */
	char token[TOKEN_MAX];
	signed_in(f, "alice@example.jp", PW, NULL, token);
	at(15 * 60);
	assert_int_equal(login(f, "alice@example.jp", PW, NULL, "203.0.113.7", &l, &e), OUTCOME_OK);
	auth_login_release(&l);
}

static void test_session_expiry(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_MAX], msg[1024];
	signed_in(f, "alice@example.jp", PW, NULL, token);
	/* Used every 29 minutes, a session lives on ... */
	at(29 * 60);
	assert_int_equal(check(f, token, msg), OUTCOME_OK);
	at(58 * 60);
	assert_int_equal(check(f, token, msg), OUTCOME_OK);
	/* ... and ends after 30 minutes without use. */
	at(58 * 60 + 30 * 60 + 1);
	assert_int_equal(check(f, token, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "session expired after 30 minutes without activity; sign in again");

	/* However busy, a session ends 12 hours after sign-in. */
	at(0);
	signed_in(f, "alice@example.jp", PW, NULL, token);
	for (long long t = 20 * 60; t < 12 * 3600; t += 20 * 60) {
		at(t);
		assert_int_equal(check(f, token, msg), OUTCOME_OK);
	}
	at(12 * 3600);
	assert_int_equal(check(f, token, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "session expired (sessions last 12 hours); sign in again");
	/* Uses within a minute are not written: last_seen stays at the last
	 * write, so the idle limit holds to within a minute. */
	at(13 * 3600);
	signed_in(f, "alice@example.jp", PW, NULL, token);
	at(13 * 3600 + 59);
	assert_int_equal(check(f, token, msg), OUTCOME_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE last_seen_at = ?", "2026-04-01T22:00:00Z"), 1);
	at(13 * 3600 + 60);
	assert_int_equal(check(f, token, msg), OUTCOME_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE last_seen_at = ?", "2026-04-01T22:01:00Z"), 1);
}

static void test_logout(void **state)
{
	struct fixture *f = *state;
	char token[TOKEN_MAX], other[TOKEN_MAX], msg[1024];
	struct err e = { 0 };
	signed_in(f, "alice@example.jp", PW, NULL, token);
	signed_in(f, "alice@example.jp", PW, NULL, other);
	assert_int_equal(auth_logout(f->st, token, "alice@example.jp", f->org_id, &e), OUTCOME_OK);
	assert_int_equal(check(f, token, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "signed out; sign in again");
	assert_int_equal(check(f, other, msg), OUTCOME_OK); /* only that session */
	assert_int_equal(auth_logout(f->st, token, "alice@example.jp", f->org_id, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "not signed in");
	/* Not a session token, or one nobody was given. */
	char made_up[TOKEN_MAX];
	token_new("shs_", made_up);
	assert_int_equal(check(f, made_up, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "not signed in");
	assert_int_equal(check(f, "shs_short", msg), OUTCOME_DENIED);
	assert_string_equal(msg, "not signed in");
	assert_int_equal(check(f, "", msg), OUTCOME_DENIED);
	assert_int_equal(auth_logout(f->st, "garbage", "alice@example.jp", f->org_id, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "not signed in");
}

static void test_api_tokens(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char token[TOKEN_MAX];
	struct user_token *t;
	assert_int_equal(account_token_create(f->st, f->alice, "deploy", "cli:test", token, &t, &e), 0);
	assert_true(token_well_formed(token, "shinsa_pat_"));
	assert_int_equal(t->id, 1);
	user_token_free(t);
	at(90);
	struct auth_principal p;
	assert_int_equal(auth_token_check(f->st, token, &p, &e), OUTCOME_OK);
	assert_int_equal(p.user->id, f->alice);
	assert_int_equal(p.token_id, 1);
	assert_int_equal(p.session_id, 0);
	auth_principal_release(&p);
	assert_int_equal(store_token_get(f->st, 1, &t, &e), STORE_OK);
	assert_string_equal(t->last_used_at, "2026-04-01T09:01:30Z");
	user_token_free(t);
	/* Stored as its hash only. */
	char hash[HASH_HEX_LEN + 1];
	token_hash(token, hash);
	assert_int_equal(count(f, "SELECT count(*) FROM api_token WHERE token_hash = ?", hash), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM api_token WHERE instr(token_hash || name, ?) > 0",
			       token + strlen("shinsa_pat_")), 0);
	/* A session token is no API token, and the reverse. */
	char session[TOKEN_MAX], msg[1024];
	signed_in(f, "alice@example.jp", PW, NULL, session);
	assert_int_equal(auth_token_check(f->st, session, &p, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "invalid API token");
	assert_int_equal(check(f, token, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "not signed in");
	char made_up[TOKEN_MAX];
	token_new("shinsa_pat_", made_up);
	assert_int_equal(auth_token_check(f->st, made_up, &p, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "invalid API token");
	/* Revoked: refused at once. */
	assert_int_equal(account_token_revoke(f->st, 1, "cli:test", &e), 0);
	assert_int_equal(auth_token_check(f->st, token, &p, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "API token 1 was revoked");
	assert_int_equal(account_token_revoke(f->st, 1, "cli:test", &e), -1);
	assert_string_equal(e.msg, "API token 1 is already revoked");
	assert_int_equal(account_token_revoke(f->st, 2, "cli:test", &e), -1);
	assert_string_equal(e.msg, "no API token 2");
	assert_int_equal(account_token_create(f->st, f->alice, "a\tb", "cli:test", token, NULL, &e), -1);
	assert_string_equal(e.msg, "token name contains a control character or invalid UTF-8");
}

static void test_disabled_user(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char session[TOKEN_MAX], token[TOKEN_MAX], msg[1024];
	signed_in(f, "alice@example.jp", PW, NULL, session);
	assert_int_equal(account_token_create(f->st, f->alice, "", "cli:test", token, NULL, &e), 0);
	assert_int_equal(store_user_set_disabled(f->st, f->alice, true, &e), 0);
	denied(f, "alice@example.jp", PW, NULL, NULL, AUTH_FAIL_DISABLED);
	assert_int_equal(check(f, session, msg), OUTCOME_DENIED);
	assert_string_equal(msg, "this account is disabled");
	struct auth_principal p;
	assert_int_equal(auth_token_check(f->st, token, &p, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "this account is disabled");
}

/* The TOTP code of the user's stored secret at base + seconds. */
static void code_at(struct fixture *f, long long seconds, char code[TOTP_DIGITS + 1])
{
	struct user *u;
	struct err e = { 0 };
	unsigned char secret[TOTP_SECRET_BYTES];
	assert_int_equal(store_user_get(f->st, f->alice, &u, &e), STORE_OK);
	assert_int_equal(keys_open_bytes(f->cfg.secret, KEYS_TOTP_SECRET, u->totp_sealed, secret, sizeof secret, &e), 0);
	assert_int_equal(totp_code(secret, sizeof secret, base + (time_t)seconds, code, &e), 0);
	user_free(u);
}

static void test_totp(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct account_totp_enrolment en;
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1], code[TOTP_DIGITS + 1], token[TOKEN_MAX];
	time_t until;
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, "123456", "alice@example.jp", &until, codes, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "no TOTP enrolment was started for alice@example.jp");
	/* Coded for a page's words, the address as its value. */
	assert_string_equal(e.code, "totp_not_started");
	assert_int_equal(e.n_args, 1);
	assert_string_equal(e.args[0], "alice@example.jp");
	assert_int_equal(account_totp_begin(f->st, &f->cfg, f->alice, "A社", PW, "alice@example.jp", &until, &en, &e), 0);
	assert_int_equal(strlen(en.base32), 32);
	char *want = xasprintf("otpauth://totp/Shinsa:alice%%40example.jp%%20%%28A%%E7%%A4%%BE%%29?secret=%s"
			       "&issuer=Shinsa&algorithm=SHA1&digits=6&period=30", en.base32);
	assert_string_equal(en.uri, want);
	free(want);
	account_totp_enrolment_release(&en);
	/* Not in force before it is confirmed. */
	signed_in(f, "alice@example.jp", PW, NULL, token);
	code_at(f, 0, code);
	char wrong[] = "000000";
	if (strcmp(code, wrong) == 0)
		wrong[0] = '1';
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, wrong, "alice@example.jp", &until, codes, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "wrong code");
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, code, "alice@example.jp", &until, codes, &e), 0);
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, code, "alice@example.jp", &until, codes, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "TOTP is already on for alice@example.jp");
	assert_string_equal(e.code, "totp_on");
	assert_int_equal(account_totp_begin(f->st, &f->cfg, f->alice, "A社", PW, "alice@example.jp", &until, &en, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "TOTP is already on for alice@example.jp");
	assert_string_equal(e.code, "totp_on");
	assert_string_equal(e.args[0], "alice@example.jp");

	/* Now the password alone is not enough. */
	denied(f, "alice@example.jp", PW, NULL, NULL, AUTH_FAIL_CODE);
	denied(f, "alice@example.jp", PW, "", NULL, AUTH_FAIL_CODE);
	/* The code used at enrolment is spent (replay). */
	denied(f, "alice@example.jp", PW, code, NULL, AUTH_FAIL_CODE);
	/* The next step's code works, once. */
	at(30);
	code_at(f, 30, code);
	signed_in(f, "alice@example.jp", PW, code, token);
	denied(f, "alice@example.jp", PW, code, NULL, AUTH_FAIL_CODE);
	/* A wrong password with the right code of the next step does not spend it. */
	at(60);
	code_at(f, 60, code);
	denied(f, "alice@example.jp", "guess", code, NULL, AUTH_FAIL_PASSWORD);
	signed_in(f, "alice@example.jp", PW, code, token);

	/* Recovery codes: any of them, typed loosely, once each. */
	size_t left;
	assert_int_equal(store_recovery_left(f->st, f->alice, &left, &e), 0);
	assert_int_equal(left, 10);
	char loose[32];
	snprintf(loose, sizeof loose, " %s ", codes[3]);
	for (char *p = loose; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	struct auth_login l;
	assert_int_equal(login(f, "alice@example.jp", PW, loose, NULL, &l, &e), OUTCOME_OK);
	assert_true(l.used_recovery_code);
	auth_login_release(&l);
	denied(f, "alice@example.jp", PW, codes[3], NULL, AUTH_FAIL_CODE);
	assert_int_equal(store_recovery_left(f->st, f->alice, &left, &e), 0);
	assert_int_equal(left, 9);
	/* Only hashes are stored. */
	char hash[HASH_HEX_LEN + 1];
	assert_true(totp_recovery_hash(codes[5], hash));
	assert_int_equal(count(f, "SELECT count(*) FROM recovery_code WHERE code_hash = ? AND used_at IS NULL", hash),
			 1);
	assert_int_equal(count(f, "SELECT count(*) FROM recovery_code WHERE instr(code_hash, ?) > 0", codes[5]), 0);

	/* Off again (an admin's reset): the password is enough. */
	assert_int_equal(account_totp_off(f->st, f->alice, &e), 0);
	signed_in(f, "alice@example.jp", PW, NULL, token);
	assert_int_equal(count(f, "SELECT count(*) FROM recovery_code", NULL), 0);

	/* Without the server secret, a TOTP user cannot be checked: a failure
	 * of the system, not a wrong code. */
	assert_int_equal(account_totp_begin(f->st, &f->cfg, f->alice, "A社", PW, "alice@example.jp", &until, &en, &e), 0);
	account_totp_enrolment_release(&en);
	at(90);
	code_at(f, 90, code);
	assert_int_equal(account_totp_confirm(f->st, &f->cfg, f->alice, PW, code, "alice@example.jp", &until, codes, &e), 0);
	struct auth_config bare;
	auth_config_init(&bare, NULL);
	at(120);
	code_at(f, 120, code);
	assert_int_equal(auth_login(f->st, &bare, "alice@example.jp", PW, code, NULL, &l, &e), -1);
	assert_string_equal(e.msg, "cannot check the TOTP code of alice@example.jp: no server secret loaded");
	auth_login_release(&l);
}

static void test_password_change_and_rehash(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char otp[PASSWORD_GENERATED_LEN + 1], first[TOKEN_MAX], second[TOKEN_MAX], msg[1024];
	time_t until;
	struct user *u;
	assert_int_equal(account_user_add(f->st, f->org_id, "bob@example.jp", ROLE_EDITOR, NULL, otp, "cli:test", &u, &e), 0);
	assert_true(u->must_change_password);
	long long bob = u->id;
	user_free(u);
	struct auth_login l;
	assert_int_equal(login(f, "bob@example.jp", otp, NULL, NULL, &l, &e), OUTCOME_OK);
	assert_true(l.user->must_change_password);
	strcpy(first, l.session_token);
	auth_login_release(&l);
	assert_int_equal(login(f, "bob@example.jp", otp, NULL, NULL, &l, &e), OUTCOME_OK);
	strcpy(second, l.session_token);
	long long keep = l.session_id;
	auth_login_release(&l);

	assert_int_equal(account_password_change(f->st, &f->cfg, bob, "wrong", "a new password", keep, "bob@example.jp", &until, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "the current password is wrong");
	assert_int_equal(account_password_change(f->st, &f->cfg, bob, otp, "short", keep, "bob@example.jp", &until, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "the password is too short: it needs at least 10 characters");
	assert_int_equal(account_password_change(f->st, &f->cfg, bob, otp, otp, keep, "bob@example.jp", &until, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "the new password must differ from the current one");
	assert_int_equal(account_password_change(f->st, &f->cfg, bob, otp, "a new password", keep, "bob@example.jp", &until, &e), OUTCOME_OK);
	assert_int_equal(store_user_get(f->st, bob, &u, &e), STORE_OK);
	assert_false(u->must_change_password);
	user_free(u);
	/* Other sessions end; the one that changed it goes on. */
	struct auth_principal p;
	assert_int_equal(auth_session_check(f->st, &f->cfg, first, &p, &e), OUTCOME_DENIED);
	assert_string_equal(e.msg, "signed out; sign in again");
	assert_int_equal(auth_session_check(f->st, &f->cfg, second, &p, &e), OUTCOME_OK);
	auth_principal_release(&p);
	denied(f, "bob@example.jp", otp, NULL, NULL, AUTH_FAIL_PASSWORD);

	/* A hash made with weaker parameters is replaced at the next login. */
	char weak[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(weak, PW, strlen(PW), crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
			 0);
	assert_int_equal(store_user_set_password(f->st, f->alice, weak, false, &e), 0);
	signed_in(f, "alice@example.jp", PW, NULL, first);
	assert_int_equal(store_user_get(f->st, f->alice, &u, &e), STORE_OK);
	assert_int_equal(strncmp(u->password_hash, "$argon2id$v=19$m=65536,t=2,p=1$", 31), 0);
	user_free(u);
	(void)msg;
}

static void test_user_add_errors(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	assert_int_equal(account_user_add(f->st, f->org_id, "ALICE@example.jp", ROLE_VIEWER, PW, NULL, "cli:test", NULL, &e), -1);
	assert_string_equal(e.msg, "a user with email alice@example.jp already exists");
	assert_int_equal(account_user_add(f->st, f->org_id, "carol", ROLE_VIEWER, PW, NULL, "cli:test", NULL, &e), -1);
	assert_string_equal(e.msg, "email \"carol\" must contain exactly one @");
	assert_int_equal(account_user_add(f->st, f->org_id, "carol@example.jp", ROLE_VIEWER, "123", NULL, "cli:test", NULL, &e), -1);
	assert_string_equal(e.msg, "the password is too short: it needs at least 10 characters");
	assert_int_equal(account_user_add(f->st, f->org_id, "carol@example.jp", 0, PW, NULL, "cli:test", NULL, &e), -1);
	assert_string_equal(e.msg, "unknown role");
	assert_int_equal(count(f, "SELECT count(*) FROM user_account", NULL), 1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_login_and_session), T(test_login_events), T(test_failures_look_alike), T(test_account_throttle),
		T(test_address_throttle),  T(test_session_expiry),	T(test_logout),
		T(test_api_tokens),	   T(test_disabled_user),	T(test_totp),
		T(test_password_change_and_rehash), T(test_user_add_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
