#include "core/auth_policy.h"

#include <stdio.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/ipaddr.h"
#include "lib/xalloc.h"

struct auth_policy auth_policy_default(void)
{
	return (struct auth_policy){
		.idle_seconds = AUTH_IDLE_SECONDS,
		.absolute_seconds = AUTH_ABSOLUTE_SECONDS,
		.account_failures = AUTH_ACCOUNT_FAILURES,
		.address_failures = AUTH_ADDRESS_FAILURES,
		.window_seconds = AUTH_WINDOW_SECONDS,
	};
}

enum auth_session_state auth_policy_session_state(const struct auth_policy *p, const struct auth_session *s,
						  time_t now)
{
	if (s->revoked)
		return AUTH_SESSION_REVOKED;
	if (now >= s->expires_at)
		return AUTH_SESSION_EXPIRED;
	if (now - s->last_seen_at > p->idle_seconds)
		return AUTH_SESSION_IDLE;
	return AUTH_SESSION_LIVE;
}

/* "30 minutes", "12 hours", "90 seconds": the largest unit that divides. */
static void span(int seconds, char *out, size_t cap)
{
	int n = seconds;
	const char *unit = "second";
	if (seconds % 3600 == 0) {
		n = seconds / 3600;
		unit = "hour";
	} else if (seconds % 60 == 0) {
		n = seconds / 60;
		unit = "minute";
	}
	int w = snprintf(out, cap, "%d %s%s", n, unit, n == 1 ? "" : "s");
	if (w < 0 || (size_t)w >= cap)
		out[0] = '\0';
}

void auth_policy_session_message(const struct auth_policy *p, enum auth_session_state state, struct err *e)
{
	char s[32];
	switch (state) {
	case AUTH_SESSION_REVOKED:
		err_set(e, "signed out; sign in again");
		break;
	case AUTH_SESSION_IDLE:
		span(p->idle_seconds, s, sizeof s);
		err_set(e, "session expired after %s without activity; sign in again", s);
		break;
	case AUTH_SESSION_EXPIRED:
		span(p->absolute_seconds, s, sizeof s);
		err_set(e, "session expired (sessions last %s); sign in again", s);
		break;
	case AUTH_SESSION_LIVE:
		err_clear(e);
		break;
	}
}

bool auth_policy_touch_due(const struct auth_session *s, time_t now)
{
	return now - s->last_seen_at >= AUTH_TOUCH_SECONDS;
}

time_t auth_policy_locked_until(const struct auth_policy *p, int limit, const time_t *recent, size_t n)
{
	if (limit <= 0 || n < (size_t)limit)
		return 0;
	return recent[limit - 1] + p->window_seconds;
}

void auth_policy_throttle_message(time_t until, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(until, stamp);
	err_set(e, "too many failed attempts; try again after %s", stamp);
}

char *auth_policy_address_key(const char *remote)
{
	struct ipaddr a;
	if (!ipaddr_parse(remote, strlen(remote), &a))
		return xasprintf("address:%s", remote);
	char text[IPADDR_TEXT_MAX];
	if (!a.v6) {
		ipaddr_format(&a, text);
		return xasprintf("address:%s", text);
	}
	struct ipaddr net = ipaddr_prefix(&a, 64);
	ipaddr_format(&net, text);
	return xasprintf("address:%s/64", text);
}
