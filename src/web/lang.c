#include "web/lang.h"

#include <string.h>
#include <strings.h>

bool lang_from_code(const char *code, enum lang *out)
{
	if (!code)
		return false;
	if (strcmp(code, "ja") == 0)
		*out = LANG_JA;
	else if (strcmp(code, "en") == 0)
		*out = LANG_EN;
	else
		return false;
	return true;
}

const char *lang_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "ja";
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* A language range of n bytes: "*", or 1-8 letters then "-" and 1-8
 * letters or digits, repeated. */
static bool valid_range(const char *s, size_t n)
{
	if (n == 1 && s[0] == '*')
		return true;
	size_t run = 0;
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-') {
			if (run == 0)
				return false;
			run = 0, first = false;
		} else if (is_alpha(c) || (!first && c >= '0' && c <= '9')) {
			if (++run > 8)
				return false;
		} else {
			return false;
		}
	}
	return run > 0;
}

/* ";q=" weight text of n bytes as thousandths (0-1000), or -1. */
static int parse_q(const char *s, size_t n)
{
	if (n < 1 || (s[0] != '0' && s[0] != '1'))
		return -1;
	int q = (s[0] - '0') * 1000;
	if (n == 1)
		return q;
	if (s[1] != '.' || n > 5)
		return -1;
	int scale = 100;
	for (size_t i = 2; i < n; i++, scale /= 10) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		q += (s[i] - '0') * scale;
	}
	return q > 1000 ? -1 : q;
}

/* One element "range[;q=W]" (ows trimmed): its language and weight, or false. */
static bool parse_element(const char *s, size_t n, enum lang *lang, int *q)
{
	while (n && is_ows(*s))
		s++, n--;
	while (n && is_ows(s[n - 1]))
		n--;
	const char *semi = memchr(s, ';', n);
	size_t rn = semi ? (size_t)(semi - s) : n;
	while (rn && is_ows(s[rn - 1]))
		rn--;
	if (!valid_range(s, rn))
		return false;
	*q = 1000;
	if (semi) {
		const char *p = semi + 1, *end = s + n;
		while (p < end && is_ows(*p))
			p++;
		if (end - p < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
			return false;
		if ((*q = parse_q(p + 2, (size_t)(end - p - 2))) < 0)
			return false;
	}
	if (rn == 1 && s[0] == '*')
		*lang = LANG_JA;
	else if (rn >= 2 && strncasecmp(s, "ja", 2) == 0 && (rn == 2 || s[2] == '-'))
		*lang = LANG_JA;
	else if (rn >= 2 && strncasecmp(s, "en", 2) == 0 && (rn == 2 || s[2] == '-'))
		*lang = LANG_EN;
	else
		return false; /* a language we do not have: no weight for either */
	return true;
}

enum lang lang_from_header(const char *h)
{
	if (!h)
		return LANG_JA;
	size_t len = strnlen(h, LANG_HEADER_MAX + 1);
	if (len > LANG_HEADER_MAX)
		return LANG_JA;
	size_t ranges = 1;
	for (size_t i = 0; i < len; i++)
		ranges += h[i] == ',';
	if (ranges > LANG_MAX_RANGES)
		return LANG_JA;
	enum lang best = LANG_JA;
	int best_q = 0;
	const char *p = h, *end = h + len;
	while (p <= end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *stop = comma ? comma : end;
		enum lang l;
		int q;
		if (parse_element(p, (size_t)(stop - p), &l, &q) && q > best_q)
			best = l, best_q = q;
		p = stop + 1;
	}
	return best;
}

enum lang lang_pick(const char *cookie, const char *accept_language)
{
	enum lang l;
	if (lang_from_code(cookie, &l))
		return l;
	return lang_from_header(accept_language);
}
