/*
 * auth: signing in, and finding out who is calling — the service the
 * server puts in front of every request. It applies the rules of
 * core/auth_policy to the rows of the store; it knows nothing of HTTP.
 *
 * Layers: src/service sits between the front ends and the rest
 * (cli, web → service → store, formats → core → lib).
 *
 * How the HTTP layer uses it (cookies and headers are its business):
 *
 *   POST /api/v1/session {email, password, totp?}
 *     auth_login(st, cfg, email, password, totp, client address, &login, &e)
 *     OUTCOME_OK        200; Set-Cookie: AUTH_COOKIE=login.session_token;
 *                    Path=/; HttpOnly; SameSite=Strict (and Secure behind
 *                    TLS); no Max-Age (the server ends sessions, see
 *                    login.expires_at); the body gives login.csrf_token and
 *                    login.user (must_change_password included)
 *     OUTCOME_DENIED    401 with e.msg, always AUTH_MSG_DENIED
 *     OUTCOME_THROTTLED 429 with e.msg and Retry-After: login.retry_after - now
 *     login.failure and login.user say for the audit trail what happened
 *     (never to the client). auth_login_release() afterwards, always.
 *   Any request with the cookie
 *     auth_session_check(st, cfg, cookie, &who, &e): OUTCOME_OK, or
 *     OUTCOME_DENIED → 401 with e.msg. Then, for POST, PUT, PATCH and DELETE,
 *     auth_csrf_check(cookie, X-CSRF-Token header) or 403. Pages embed
 *     auth_csrf_token(cookie). A user with must_change_password should be
 *     let do nothing but change it.
 *   Authorization: Bearer T
 *     auth_token_check(st, T, &who, &e): OUTCOME_OK, or OUTCOME_DENIED → 401. No
 *     CSRF token: browsers never send this header on their own.
 *   Then user_role_can(who.user->role, ACTION_...) decides, within
 *   who.user->org_id. auth_principal_release() afterwards.
 *   DELETE /api/v1/session
 *     auth_logout(st, cookie, actor, org, &e); clear the cookie.
 *
 * Tokens: sessions "shs_" and 43 base64url characters (lib/token), API
 * tokens "shinsa_pat_" and 43; only their SHA-256 is stored. The CSRF token
 * is derived from the session token (HMAC keyed by it), so it is stored
 * nowhere, pages can always show it, and a copy of the database does not
 * give it.
 *
 * Every function here takes one store handle and may be called from many
 * threads, each with its own handle. Return values: OUTCOME_OK,
 * OUTCOME_DENIED or OUTCOME_THROTTLED with e set to the message for the user, or
 * -1 for a failure of the system (e set; answer 500).
 */
#ifndef SHINSA_SERVICE_AUTH_H
#define SHINSA_SERVICE_AUTH_H

#include <stdbool.h>
#include <time.h>

#include "core/auth_policy.h"
#include "core/user.h"
#include "lib/err.h"
#include "lib/keys.h"
#include "lib/token.h"
#include "service/outcome.h"
#include "store/store.h"

#define AUTH_COOKIE "shinsa_session"
#define AUTH_SESSION_PREFIX "shs_"
#define AUTH_TOKEN_PREFIX "shinsa_pat_"

/* A signed-in user's password, asked again, was wrong. */
#define AUTH_MSG_WRONG_PASSWORD "the current password is wrong"

struct auth_config {
	struct auth_policy policy;
	unsigned char secret[KEYS_SECRET_BYTES]; /* opens TOTP secrets */
	bool has_secret; /* without it, users with TOTP cannot sign in */
};

/* The default policy; secret may be NULL (no TOTP). */
void auth_config_init(struct auth_config *cfg, const unsigned char *secret);

/* Why a login failed: for the audit trail and logs, never for the client. */
enum auth_failure {
	AUTH_FAIL_NONE = 0,
	AUTH_FAIL_THROTTLED,
	AUTH_FAIL_NO_USER,  /* no account with that email (or not an email) */
	AUTH_FAIL_PASSWORD,
	AUTH_FAIL_DISABLED,
	AUTH_FAIL_CODE,     /* TOTP on, and the code (or recovery code) was missing or wrong */
};

/* "throttled", "no such user", "wrong password", "account disabled",
 * "wrong code" ("" for none). */
const char *auth_failure_name(enum auth_failure f);

struct auth_login {
	char session_token[TOKEN_MAX]; /* OUTCOME_OK: for the cookie */
	char csrf_token[TOKEN_MAX];    /* OUTCOME_OK: for X-CSRF-Token */
	long long session_id;
	time_t expires_at;             /* OUTCOME_OK: the absolute end */
	time_t retry_after;            /* OUTCOME_THROTTLED: free again at */
	enum auth_failure failure;
	struct user *user; /* OUTCOME_OK: who; otherwise the account the email
			    * named, if any (for the audit trail); owned */
	bool used_recovery_code;       /* OUTCOME_OK by a recovery code */
	bool first_refusal;            /* OUTCOME_THROTTLED: the first refusal
					* since the account was locked */
};

/* Frees the user and wipes the tokens; accepts a zeroed struct. */
void auth_login_release(struct auth_login *login);

/*
 * Signs in with email and password, and the TOTP code (or a recovery code)
 * when the account has TOTP on; code may be NULL or "" otherwise. remote is
 * the client's address for throttling (NULL: only the account counts), as
 * the web layer decided it (web/proxy); an IPv6 address counts by its /64
 * (auth_policy_address_key), the session keeps it whole.
 *
 * Throttling (core/auth_policy): before anything is checked, the attempt is
 * counted against the account and the address in one transaction, and
 * refused if either is locked; so however many requests run at once, no
 * more than the limit are ever checked. A successful login forgets the
 * account's failures and this attempt. A missing account costs as much
 * time as a wrong password (password_burn()).
 *
 * Auditing: the login event (organisation: the account's; details remote,
 * and for a refusal its reason and, when no account matched, the email if
 * it is an address) is written in the transaction that opens the session,
 * so a sign-in the trail does not show never stands; a refusal's event in
 * a transaction of its own. Every checked attempt is recorded, but of the
 * refusals of a locked account only the first (out->first_refusal), and of
 * refusals because only the address is locked none. A refusal checks
 * nothing, so recording each would only let anyone grow the permanent
 * trail for free; the failures that caused the lock are all in it, and the
 * first refusal marks when the lock began to bite. On OUTCOME_THROTTLED too,
 * out->user is the account the email names, if any, for its organisation.
 */
enum outcome auth_login(struct store *st, const struct auth_config *cfg, const char *email, const char *password,
			const char *code, const char *remote, struct auth_login *out, struct err *e);

/* Who is calling: the user and how they signed in. */
struct auth_principal {
	struct user *user;     /* owned */
	long long session_id;  /* by cookie; else 0 */
	long long token_id;    /* by API token; else 0 */
};

/* Frees the user; accepts a zeroed struct. */
void auth_principal_release(struct auth_principal *p);

/*
 * The user of a session token (the cookie's value). OUTCOME_DENIED messages:
 * "not signed in" (no such session, or not a session token), the expiry
 * messages of auth_policy_session_message(), "this account is disabled".
 * Records the use (at most once a minute).
 */
enum outcome auth_session_check(struct store *st, const struct auth_config *cfg, const char *token,
				struct auth_principal *out, struct err *e);

/*
 * Ends the session of token: OUTCOME_OK, or OUTCOME_DENIED ("not signed in") if
 * there is no live one. The logout event by actor (organisation org_id,
 * object "user:ID") is appended in the same transaction: a failure to
 * write it keeps the session (-1).
 */
enum outcome auth_logout(struct store *st, const char *token, const char *actor, long long org_id, struct err *e);

/*
 * A signed-in user u proves again that they know their password, before
 * a change a stolen session must not make (a new password, TOTP). The
 * attempt counts under the same account key as sign-in and is refused
 * while the account is locked, so a stolen cookie or API token cannot
 * guess without limit: OUTCOME_OK (the attempt is forgotten), OUTCOME_INVALID
 * with AUTH_MSG_WRONG_PASSWORD (it stays counted), OUTCOME_THROTTLED with the
 * sign-in message and *retry_after (when the lock ends), or -1.
 */
enum outcome auth_password_recheck(struct store *st, const struct auth_config *cfg, const struct user *u,
				   const char *password, time_t *retry_after, struct err *e);

/* The CSRF token of a session token. */
void auth_csrf_token(const char *session_token, char out[TOKEN_MAX]);

/* True if header (may be NULL) is the CSRF token of session_token;
 * compared in constant time. */
bool auth_csrf_check(const char *session_token, const char *header);

/*
 * The user of an API token (what follows "Bearer "). OUTCOME_DENIED messages:
 * "invalid API token", "API token N was revoked", "this account is
 * disabled". Records the use (at most once a minute).
 */
enum outcome auth_token_check(struct store *st, const char *token, struct auth_principal *out, struct err *e);

#endif
