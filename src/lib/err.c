#include "lib/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"

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

static void drop_data(struct err *e)
{
	e->where[0] = e->code[0] = '\0';
	e->n_args = 0;
}

void err_set(struct err *e, const char *fmt, ...)
{
	if (!e)
		return;
	drop_data(e);
	va_list ap;
	va_start(ap, fmt);
	vset(e, fmt, ap);
	va_end(ap);
}

/* Copies s to dst[size] whole, or cut at a character boundary with "…". */
static void copy_cut(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n < size) {
		memcpy(dst, s, n + 1);
		return;
	}
	static const char ell[] = "\u2026";
	n = size - sizeof ell;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(dst, s, n);
	memcpy(dst + n, ell, sizeof ell);
}

void err_coded(struct err *e, const char *where, const char *code, const char *tmpl, ...)
{
	if (!e)
		return;
	drop_data(e);
	const char *vals[ERR_ARGS];
	size_t n = 0;
	va_list ap;
	va_start(ap, tmpl);
	const char *a;
	while (n < ERR_ARGS && (a = va_arg(ap, const char *)))
		vals[n++] = a;
	va_end(ap);
	struct strbuf sb = STRBUF_INIT;
	if (where)
		strbuf_addf(&sb, "%s: ", where);
	strbuf_add_filled(&sb, tmpl, vals, n);
	copy_cut(e->msg, sizeof e->msg, sb.buf);
	strbuf_release(&sb);
	copy_cut(e->where, sizeof e->where, where ? where : "");
	copy_cut(e->code, sizeof e->code, code);
	for (size_t i = 0; i < n; i++)
		copy_cut(e->args[i], sizeof e->args[i], text_utf8_valid(vals[i], strlen(vals[i])) ? vals[i] : "?");
	e->n_args = (unsigned)n;
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

void err_at(struct err *e, const char *where)
{
	if (!e)
		return;
	err_prefix(e, "%s", where);
	copy_cut(e->where, sizeof e->where, where);
}

void err_clear(struct err *e)
{
	if (e) {
		e->msg[0] = '\0';
		drop_data(e);
	}
}

bool err_isset(const struct err *e)
{
	return e && e->msg[0];
}

void err_too_long(struct err *e, const char *what, long long max)
{
	char n[24];
	if (snprintf(n, sizeof n, "%lld", max) >= (int)sizeof n)
		n[0] = '\0'; /* cannot be: a long long has at most 20 characters */
	err_coded(e, NULL, "too_long", "{1} is longer than {2} characters", what, n, NULL);
}
