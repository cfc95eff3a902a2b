/*
 * auth_policy: the rules of signing in, with no storage behind them —
 * how long a session lives, when login attempts are throttled, and the
 * words a person sees. src/service/auth applies them to stored sessions.
 *
 * Sessions end AUTH_IDLE_SECONDS after their last use (idle) and
 * AUTH_ABSOLUTE_SECONDS after sign-in (absolute), whichever comes first,
 * or at logout (revoked). Use is recorded at most once a minute
 * (AUTH_TOUCH_SECONDS), so the idle limit holds to within a minute and a
 * busy session does not write on every request.
 *
 * Throttling: failed logins are counted per account (the email as typed)
 * and per client address over a sliding window. When the window holds
 * account_failures failures for the account, or address_failures for the
 * address, login is refused without checking the password until the
 * oldest of those failures leaves the window.
 *
 * The address counted is not always the whole address: an IPv6 client is
 * counted by its /64 (auth_policy_address_key), because one subscriber is
 * usually given a whole /64 and may take any of its 2^64 addresses, so a
 * limit per IPv6 address would limit nobody. The web layer decides which
 * address is the client's (web/proxy: X-Forwarded-For from trusted
 * proxies); this is the one place it is narrowed to a key.
 */
#ifndef SHINSA_CORE_AUTH_POLICY_H
#define SHINSA_CORE_AUTH_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "lib/err.h"

#define AUTH_IDLE_SECONDS (30 * 60)
#define AUTH_ABSOLUTE_SECONDS (12 * 60 * 60)
#define AUTH_TOUCH_SECONDS 60
#define AUTH_ACCOUNT_FAILURES 5
#define AUTH_ADDRESS_FAILURES 20
#define AUTH_WINDOW_SECONDS (15 * 60)

/* The one answer to every failed login (unknown email, wrong password,
 * wrong or missing code, disabled account), so nobody can learn from it
 * which emails have accounts. */
#define AUTH_MSG_DENIED "wrong email, password or code"

struct auth_policy {
	int idle_seconds;
	int absolute_seconds;
	int account_failures; /* per account within the window */
	int address_failures; /* per client address within the window */
	int window_seconds;
};

/* The defaults above. */
struct auth_policy auth_policy_default(void);

/* A session as stored (token hash and CSRF aside). */
struct auth_session {
	long long id;
	long long user_id;
	time_t created_at;
	time_t last_seen_at;
	time_t expires_at; /* absolute: created_at + absolute_seconds */
	bool revoked;
};

enum auth_session_state {
	AUTH_SESSION_LIVE = 0,
	AUTH_SESSION_REVOKED, /* logged out, or ended by a password change */
	AUTH_SESSION_IDLE,    /* unused for longer than idle_seconds */
	AUTH_SESSION_EXPIRED, /* past expires_at */
};

enum auth_session_state auth_policy_session_state(const struct auth_policy *p, const struct auth_session *s,
						  time_t now);

/* For a session that is not live: "signed out; sign in again",
 * "session expired after 30 minutes without activity; sign in again",
 * "session expired (sessions last 12 hours); sign in again". */
void auth_policy_session_message(const struct auth_policy *p, enum auth_session_state state, struct err *e);

/* Whether a live session's last use should be written again now. */
bool auth_policy_touch_due(const struct auth_session *s, time_t now);

/*
 * When a key (account or address) with these failures is free again:
 * recent holds the times of its latest failures, newest first, at most
 * limit of them, all within the window before now. Returns 0 if fewer
 * than limit (not locked), else the time the oldest of them leaves the
 * window.
 */
time_t auth_policy_locked_until(const struct auth_policy *p, int limit, const time_t *recent, size_t n);

/*
 * The throttle key for failures from client address remote, yours to free:
 * "address:203.0.113.7" for IPv4 (an IPv4-mapped IPv6 address included),
 * "address:2001:db8:1:2::/64" for IPv6, in canonical text whatever the
 * spelling; anything that is not an address literal is kept as it is
 * ("address:unknown").
 */
char *auth_policy_address_key(const char *remote);

/* "too many failed attempts; try again after 2026-04-01T09:15:00Z". */
void auth_policy_throttle_message(time_t until, struct err *e);

#endif
