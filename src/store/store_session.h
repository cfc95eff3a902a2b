/*
 * store_session: sign-in sessions and the record of failed logins that
 * throttling counts. Included by store.h; callers include store.h.
 *
 * A session is found by the SHA-256 of its token (lib/token); the token
 * itself is never stored. The rules (expiry, throttling) are in
 * core/auth_policy; this module only keeps the rows.
 */
#ifndef SHINSA_STORE_SESSION_H
#define SHINSA_STORE_SESSION_H

#include <stddef.h>
#include <time.h>

#include "core/auth_policy.h"
#include "lib/err.h"

struct store;

/* Adds a session (s: user_id, created_at, expires_at set; last_seen_at is
 * created_at) for the token with this hash; sets s->id. remote may be NULL. */
int store_session_add(struct store *st, struct auth_session *s, const char *token_hash, const char *remote,
		      struct err *e);

/* The session whose token has this hash into *out, or STORE_NOT_FOUND. */
int store_session_find(struct store *st, const char *token_hash, struct auth_session *out, struct err *e);

/* Records a use of session id at time t. */
int store_session_touch(struct store *st, long long id, time_t t, struct err *e);

/* Revokes session id: 0, or STORE_NOT_FOUND if there is none or it was
 * revoked already. */
int store_session_revoke(struct store *st, long long id, struct err *e);

/* Revokes every session of user_id but except_id (0: all of them). */
int store_session_revoke_user(struct store *st, long long user_id, long long except_id, struct err *e);

/* Deletes user_id's sessions that are revoked or past their absolute
 * expiry at now: nothing can bring them back. */
int store_session_prune(struct store *st, long long user_id, time_t now, struct err *e);

/* Records a login attempt for key ("account:EMAIL", "address:IP") at t;
 * *id (may be NULL) gets its id. */
int store_login_attempt_add(struct store *st, const char *key, time_t t, long long *id, struct err *e);

/* The times of key's latest attempts after since, newest first, at most
 * limit of them, into out (room for limit). */
int store_login_attempt_recent(struct store *st, const char *key, time_t since, size_t limit, time_t *out,
			       size_t *n, struct err *e);

/* Forgets every attempt of key (after a successful login to the account). */
int store_login_attempt_clear(struct store *st, const char *key, struct err *e);

/* Forgets one attempt. */
int store_login_attempt_delete(struct store *st, long long id, struct err *e);

/* Forgets every attempt at or before t (they no longer count). */
int store_login_attempt_prune(struct store *st, time_t t, struct err *e);

#endif
