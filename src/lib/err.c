#include "lib/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void mark_truncated(char *buf, size_t size)
{
	/* Say the message was cut instead of silently dropping its end. */
	memcpy(buf + size - 4, "...", 4);
}

__attribute__((format(printf, 2, 0)))
static void vset(struct err *e, const char *fmt, va_list ap)
{
	int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	if (n < 0)
		snprintf(e->msg, sizeof e->msg, "unprintable error (format \"%.64s\")", fmt);
	else if ((size_t)n >= sizeof e->msg)
		mark_truncated(e->msg, sizeof e->msg);
}

void err_set(struct err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vset(e, fmt, ap);
	va_end(ap);
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	if (!e)
		return;
	char old[sizeof e->msg];
	memcpy(old, e->msg, sizeof old);
	char prefix[sizeof e->msg];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	if (n < 0)
		prefix[0] = '\0';
	n = snprintf(e->msg, sizeof e->msg, "%s: %s", prefix, old);
	if (n < 0 || (size_t)n >= sizeof e->msg)
		mark_truncated(e->msg, sizeof e->msg);
}

void err_clear(struct err *e)
{
	if (e)
		e->msg[0] = '\0';
}

bool err_isset(const struct err *e)
{
	return e && e->msg[0];
}
