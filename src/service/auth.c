#include "service/auth.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/password.h"
#include "lib/totp.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_session.h"
#include "store/store_token.h"
#include "store/store_user.h"

void auth_config_init(struct auth_config *cfg, const unsigned char *secret)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->policy = auth_policy_default();
	if (secret) {
		memcpy(cfg->secret, secret, KEYS_SECRET_BYTES);
		cfg->has_secret = true;
	}
}

const char *auth_failure_name(enum auth_failure f)
{
	switch (f) {
	case AUTH_FAIL_THROTTLED:
		return "throttled";
	case AUTH_FAIL_NO_USER:
		return "no such user";
	case AUTH_FAIL_PASSWORD:
		return "wrong password";
	case AUTH_FAIL_DISABLED:
		return "account disabled";
	case AUTH_FAIL_CODE:
		return "wrong code";
	case AUTH_FAIL_NONE:
		break;
	}
	return "";
}

void auth_login_release(struct auth_login *login)
{
	user_free(login->user);
	sodium_memzero(login, sizeof *login);
}

void auth_principal_release(struct auth_principal *p)
{
	user_free(p->user);
	memset(p, 0, sizeof *p);
}

/* The keys failures are counted under; NULL when not counted. */
struct attempt {
	char *key;
	int limit;
	long long id;  /* this attempt's row */
	time_t until;  /* locked until (0: not locked) */
};

/*
 * The first refusal of a lock of a's key? The lock's end stays the same
 * while it lasts (refused attempts are not counted, so its failures do not
 * change) and every later lock ends later, so a marker row at the end time
 * under "refused:KEY" says this lock already refused once. Inside the
 * gate's transaction, so two refusals at once cannot both be first.
 */
static int first_refusal(struct store *st, const struct attempt *a, bool *first, struct err *e)
{
	char *marker = xasprintf("refused:%s", a->key);
	time_t seen;
	size_t got;
	long long id;
	int rc = store_login_attempt_recent(st, marker, a->until - 1, 1, &seen, &got, e);
	*first = rc == 0 && got == 0;
	if (*first)
		rc = store_login_attempt_add(st, marker, a->until, &id, e);
	free(marker);
	return rc;
}

/*
 * Counts this attempt against each key unless one is locked; *until gets
 * the time the lock ends (0: not locked, and the attempts are recorded).
 * One transaction, so concurrent logins see each other's attempts. When
 * a[0] (the account) is locked, *first (NULL: not asked) says whether this
 * is the first refusal of that lock.
 */
static int throttle_gate(struct store *st, const struct auth_policy *p, time_t now, struct attempt *a, size_t n,
			 time_t *until, bool *first, struct err *e)
{
	*until = 0;
	bool is_first = false;
	if (first)
		*first = false;
	if (store_begin(st, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		a[i].until = 0;
		if (!a[i].key || a[i].limit <= 0)
			continue;
		time_t *recent = xcalloc((size_t)a[i].limit, sizeof *recent);
		size_t got;
		int rc = store_login_attempt_recent(st, a[i].key, now - p->window_seconds, (size_t)a[i].limit, recent,
						    &got, e);
		a[i].until = rc < 0 ? 0 : auth_policy_locked_until(p, a[i].limit, recent, got);
		free(recent);
		if (rc < 0)
			goto fail;
		if (a[i].until > *until)
			*until = a[i].until;
	}
	if (*until) {
		if (first && a[0].until && first_refusal(st, &a[0], &is_first, e) < 0)
			goto fail;
		if (!is_first) {
			store_rollback(st);
			return 0;
		}
		*first = true;
		return store_commit(st, e);
	}
	for (size_t i = 0; i < n; i++)
		if (a[i].key && store_login_attempt_add(st, a[i].key, now, &a[i].id, e) < 0)
			goto fail;
	return store_commit(st, e);
fail:
	store_rollback(st);
	return -1;
}

/* Whether code is the user's TOTP code or one of their recovery codes; a
 * code that works is used up. */
static int second_factor(struct store *st, const struct auth_config *cfg, struct user *u, const char *code, time_t now,
			 bool *ok, bool *recovery, struct err *e)
{
	*ok = *recovery = false;
	if (!code || !*code)
		return 0;
	if (!cfg->has_secret || !u->totp_sealed) {
		err_set(e, "cannot check the TOTP code of %s: %s", u->email,
			cfg->has_secret ? "no secret stored" : "no server secret loaded");
		return -1;
	}
	unsigned char secret[TOTP_SECRET_BYTES];
	if (keys_open_bytes(cfg->secret, KEYS_TOTP_SECRET, u->totp_sealed, secret, sizeof secret, e) < 0)
		return -1;
	long long step;
	bool match = totp_verify(secret, sizeof secret, now, u->totp_last_step, code, &step);
	sodium_memzero(secret, sizeof secret);
	int rc;
	if (match) {
		rc = store_user_take_totp_step(st, u->id, step, e);
		if (rc == STORE_OK)
			u->totp_last_step = step;
	} else {
		char hash[HASH_HEX_LEN + 1];
		if (!totp_recovery_hash(code, hash))
			return 0;
		rc = store_recovery_use(st, u->id, hash, e);
		*recovery = rc == STORE_OK;
	}
	if (rc < 0)
		return -1;
	*ok = rc == STORE_OK;
	return 0;
}

/* After the password and code were right: a new session. */
static int open_session(struct store *st, const struct auth_config *cfg, const char *password, const char *remote,
			time_t now, struct auth_login *out, struct err *e)
{
	struct user *u = out->user;
	if (password_needs_rehash(u->password_hash)) {
		char hash[PASSWORD_HASH_MAX];
		if (password_hash(password, hash, e) < 0 ||
		    store_user_set_password(st, u->id, hash, u->must_change_password, e) < 0)
			return -1;
		free(u->password_hash);
		u->password_hash = xstrdup(hash);
	}
	struct auth_session s = { .user_id = u->id, .created_at = now };
	s.expires_at = now + cfg->policy.absolute_seconds;
	char hash[HASH_HEX_LEN + 1];
	token_new(AUTH_SESSION_PREFIX, out->session_token);
	token_hash(out->session_token, hash);
	if (store_session_prune(st, u->id, now, e) < 0 || store_session_add(st, &s, hash, remote, e) < 0)
		return -1;
	out->session_id = s.id;
	out->expires_at = s.expires_at;
	auth_csrf_token(out->session_token, out->csrf_token);
	return 0;
}

/*
 * The login or login_failed event, for the organisation of the account the
 * email names (its admin should see attacks on its users); inside the
 * caller's transaction. Only an email that is an address is kept (norm):
 * a password typed into the wrong field must not end up in a trail that
 * is never erased.
 */
static int login_event(struct store *st, const char *norm, const char *remote, const struct auth_login *out,
		       int outcome, struct err *e)
{
	json_t *details = json_object();
	if (remote)
		json_object_set_new(details, "remote", json_string(remote));
	if (outcome != OUTCOME_OK)
		json_object_set_new(details, "reason", json_string(auth_failure_name(out->failure)));
	if (!out->user && norm)
		json_object_set_new(details, "email", json_string(norm));
	int rc = audit_log(st, out->user ? out->user->email : "unknown", out->user ? out->user->org_id : 0,
			   outcome == OUTCOME_OK ? AUDIT_LOGIN : AUDIT_LOGIN_FAILED, details, e, "session:%lld",
			   outcome == OUTCOME_OK ? out->session_id : 0LL);
	json_decref(details);
	return rc;
}

/* A refusal's event in a transaction of its own (the attempt was counted
 * in the throttle's): outcome, or -1 if the trail could not take it. */
static int login_record(struct store *st, const char *norm, const char *remote, const struct auth_login *out,
			int outcome, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (login_event(st, norm, remote, out, outcome, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return outcome;
}

enum outcome auth_login(struct store *st, const struct auth_config *cfg, const char *email, const char *password,
			const char *code, const char *remote, struct auth_login *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	time_t now;
	if (clock_now(&now, e) < 0)
		return -1;
	char *norm = user_email_normalise(email, NULL);
	struct attempt a[2] = {
		{ norm ? xasprintf("account:%s", norm) : NULL, cfg->policy.account_failures, 0, 0 },
		{ remote ? auth_policy_address_key(remote) : NULL, cfg->policy.address_failures, 0, 0 },
	};
	int rc = -1;
	time_t until;
	if (throttle_gate(st, &cfg->policy, now, a, 2, &until, &out->first_refusal, e) < 0)
		goto done;
	/* Refused or not, the account the email names: a refusal is then
	 * recorded for its organisation, whose admin should see it. */
	int found = norm ? store_user_get_by_email(st, norm, &out->user, e) : STORE_NOT_FOUND;
	if (found < 0)
		goto done;
	if (until) {
		out->failure = AUTH_FAIL_THROTTLED;
		out->retry_after = until;
		rc = out->first_refusal ? login_record(st, norm, remote, out, OUTCOME_THROTTLED, e) : OUTCOME_THROTTLED;
		if (rc == OUTCOME_THROTTLED)
			auth_policy_throttle_message(until, e);
		goto done;
	}
	bool ok = false, recovery = false;
	if (found == STORE_NOT_FOUND) {
		password_burn(password);
		out->failure = AUTH_FAIL_NO_USER;
	} else if (!password_verify(out->user->password_hash, password)) {
		out->failure = AUTH_FAIL_PASSWORD;
	} else if (out->user->disabled) {
		out->failure = AUTH_FAIL_DISABLED;
	} else if (out->user->totp_enabled) {
		if (second_factor(st, cfg, out->user, code, now, &ok, &recovery, e) < 0)
			goto done;
		if (!ok)
			out->failure = AUTH_FAIL_CODE;
	}
	if (out->failure == AUTH_FAIL_NONE) {
		out->used_recovery_code = recovery;
		/* The session, the forgotten failures and the login event land
		 * together: a sign-in the trail does not show never stands. */
		if (store_begin(st, e) < 0)
			goto done;
		if ((a[0].key && store_login_attempt_clear(st, a[0].key, e) < 0) ||
		    (a[1].key && store_login_attempt_delete(st, a[1].id, e) < 0) ||
		    open_session(st, cfg, password, remote, now, out, e) < 0 ||
		    login_event(st, norm, remote, out, OUTCOME_OK, e) < 0 || store_commit(st, e) < 0) {
			store_rollback(st);
			goto done;
		}
		rc = OUTCOME_OK;
	} else {
		rc = login_record(st, norm, remote, out, OUTCOME_DENIED, e);
		if (rc == OUTCOME_DENIED)
			err_set(e, AUTH_MSG_DENIED);
	}
	/* Attempts that left the window count for nothing: keep the table
	 * small. A failure here loses nothing. */
	struct err ignored = { 0 };
	(void)store_login_attempt_prune(st, now - cfg->policy.window_seconds, &ignored);
done:
	free(norm);
	free(a[0].key);
	free(a[1].key);
	if (rc < 0)
		out->failure = AUTH_FAIL_NONE;
	if (rc != OUTCOME_OK)
		sodium_memzero(out->session_token, sizeof out->session_token);
	return rc;
}

/* The stored form of a token of the kind prefix names; false (nothing to
 * look up) if it is not one. */
static bool hashed(const char *token, const char *prefix, char hash[HASH_HEX_LEN + 1])
{
	if (!token_well_formed(token, prefix))
		return false;
	token_hash(token, hash);
	return true;
}

static int principal_user(struct store *st, long long user_id, struct auth_principal *out, struct err *e)
{
	int rc = store_user_get(st, user_id, &out->user, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND || out->user->disabled) {
		err_set(e, rc == STORE_NOT_FOUND ? "not signed in" : "this account is disabled");
		user_free(out->user);
		out->user = NULL;
		return OUTCOME_DENIED;
	}
	return OUTCOME_OK;
}

enum outcome auth_session_check(struct store *st, const struct auth_config *cfg, const char *token,
				struct auth_principal *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	time_t now;
	if (clock_now(&now, e) < 0)
		return -1;
	char hash[HASH_HEX_LEN + 1];
	struct auth_session s;
	int rc = hashed(token, AUTH_SESSION_PREFIX, hash) ? store_session_find(st, hash, &s, e) : STORE_NOT_FOUND;
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "not signed in");
		return OUTCOME_DENIED;
	}
	enum auth_session_state state = auth_policy_session_state(&cfg->policy, &s, now);
	if (state != AUTH_SESSION_LIVE) {
		auth_policy_session_message(&cfg->policy, state, e);
		return OUTCOME_DENIED;
	}
	rc = principal_user(st, s.user_id, out, e);
	if (rc != OUTCOME_OK)
		return rc;
	out->session_id = s.id;
	if (auth_policy_touch_due(&s, now) && store_session_touch(st, s.id, now, e) < 0) {
		auth_principal_release(out);
		return -1;
	}
	return OUTCOME_OK;
}

enum outcome auth_logout(struct store *st, const char *token, const char *actor, long long org_id, struct err *e)
{
	char hash[HASH_HEX_LEN + 1];
	struct auth_session s;
	if (store_begin(st, e) < 0)
		return -1;
	int rc = hashed(token, AUTH_SESSION_PREFIX, hash) ? store_session_find(st, hash, &s, e) : STORE_NOT_FOUND;
	if (rc == STORE_OK)
		rc = store_session_revoke(st, s.id, e);
	if (rc == STORE_OK)
		rc = audit_log(st, actor, org_id, AUDIT_LOGOUT, NULL, e, "user:%lld", s.user_id);
	if (rc < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "not signed in");
		return OUTCOME_DENIED;
	}
	return OUTCOME_OK;
}

enum outcome auth_password_recheck(struct store *st, const struct auth_config *cfg, const struct user *u,
				   const char *password, time_t *retry_after, struct err *e)
{
	*retry_after = 0;
	time_t now;
	if (clock_now(&now, e) < 0)
		return -1;
	struct attempt a = { xasprintf("account:%s", u->email), cfg->policy.account_failures, 0, 0 };
	/* A refusal here is not audited (the caller is signed in and its
	 * failures before the lock are), so it takes no marker. */
	int rc = throttle_gate(st, &cfg->policy, now, &a, 1, retry_after, NULL, e);
	if (rc == 0 && *retry_after) {
		auth_policy_throttle_message(*retry_after, e);
		rc = OUTCOME_THROTTLED;
	} else if (rc == 0 && !password_verify(u->password_hash, password)) {
		err_coded(e, NULL, "wrong_password", AUTH_MSG_WRONG_PASSWORD, NULL);
		rc = OUTCOME_INVALID;
	} else if (rc == 0 && a.id && store_login_attempt_delete(st, a.id, e) < 0) {
		rc = -1;
	}
	free(a.key);
	return rc;
}

void auth_csrf_token(const char *session_token, char out[TOKEN_MAX])
{
	token_derive(session_token, "shinsa csrf v1", out);
}

bool auth_csrf_check(const char *session_token, const char *header)
{
	if (!header)
		return false;
	char want[TOKEN_MAX];
	auth_csrf_token(session_token, want);
	return token_equal(want, header);
}

enum outcome auth_token_check(struct store *st, const char *token, struct auth_principal *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	time_t now;
	if (clock_now(&now, e) < 0)
		return -1;
	char hash[HASH_HEX_LEN + 1];
	struct user_token *t = NULL;
	int rc = hashed(token, AUTH_TOKEN_PREFIX, hash) ? store_token_find(st, hash, &t, e) : STORE_NOT_FOUND;
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "invalid API token");
		return OUTCOME_DENIED;
	}
	if (t->revoked) {
		err_set(e, "API token %lld was revoked", t->id);
		user_token_free(t);
		return OUTCOME_DENIED;
	}
	rc = principal_user(st, t->user_id, out, e);
	if (rc == OUTCOME_OK) {
		out->token_id = t->id;
		time_t last;
		bool due = !t->last_used_at || clock_parse(t->last_used_at, &last) < 0 || now - last >= AUTH_TOUCH_SECONDS;
		if (due && store_token_touch(st, t->id, now, e) < 0) {
			auth_principal_release(out);
			rc = -1;
		}
	}
	user_token_free(t);
	return rc;
}
