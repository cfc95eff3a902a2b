#include "lib/text.h"

#include <ctype.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"

uint32_t text_utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t cp;
	int n;

	if (p[0] == 0)
		return 0;
	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		n = 1;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		n = 2;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		n = 3;
	} else {
		goto bad;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			goto bad;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	static const uint32_t min[] = { 0, 0x80, 0x800, 0x10000 };
	if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		goto bad;
	*s += n + 1;
	return cp;
bad:
	*s += 1;
	return 0xFFFD;
}

bool text_utf8_valid(const char *s, size_t len)
{
	const char *end = s + len;
	while (s < end) {
		if (*s == '\0')
			return false;
		const char *before = s;
		uint32_t cp = text_utf8_next(&s);
		if (cp == 0xFFFD && !(s - before == 3 && memcmp(before, "\xEF\xBF\xBD", 3) == 0))
			return false;
		if (s > end)
			return false;
	}
	return true;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000;
}

static bool is_ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

char *text_unwrap(const char *s)
{
	struct strbuf out = STRBUF_INIT;
	uint32_t prev = 0; /* last code point written; 0 at the start */
	const char *p = s;

	while (*p) {
		const char *start = p;
		uint32_t cp = text_utf8_next(&p);
		if (!is_space(cp)) {
			strbuf_add(&out, start, (size_t)(p - start));
			prev = cp;
			continue;
		}
		const char *q = p;
		uint32_t next;
		do {
			p = q;
			next = text_utf8_next(&q);
		} while (is_space(next));
		/* p now points at the first character after the run (or NUL). */
		if (prev && next && (is_ascii_alnum(prev) || is_ascii_alnum(next)))
			strbuf_addch(&out, ' ');
	}
	return strbuf_detach(&out);
}

char *text_squeeze(const char *s)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = s;
	while (*p) {
		const char *start = p;
		uint32_t cp = text_utf8_next(&p);
		if (is_space(cp) || cp == '\t' || cp == '\n' || cp == '\r')
			continue;
		strbuf_add(&out, start, (size_t)(p - start));
	}
	return strbuf_detach(&out);
}

bool text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x3000;
}

bool text_is_blank(const char *s)
{
	if (!s)
		return true;
	while (*s)
		if (!text_is_space(text_utf8_next(&s)))
			return false;
	return true;
}

bool text_is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) ||   /* Hangul Jamo */
	       (cp >= 0x2E80 && cp <= 0x303E) ||   /* CJK radicals, punctuation */
	       (cp >= 0x3041 && cp <= 0x33FF) ||   /* kana, CJK compatibility */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified ideographs */
	       (cp >= 0xA000 && cp <= 0xA4CF) ||   /* Yi */
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||   /* Hangul syllables */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility ideographs */
	       (cp >= 0xFE30 && cp <= 0xFE4F) ||   /* CJK compatibility forms */
	       (cp >= 0xFF00 && cp <= 0xFF60) ||   /* full-width forms */
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

void text_percent_encode(struct strbuf *sb, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			strbuf_addch(sb, (char)c);
		} else {
			char pct[3] = { '%', hex[c >> 4], hex[c & 15] };
			strbuf_add(sb, pct, 3);
		}
	}
}

bool text_is_xlsx_escape(const char *s)
{
	if (s[0] != '_' || s[1] != 'x')
		return false;
	for (int i = 2; i < 6; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return s[6] == '_';
}
