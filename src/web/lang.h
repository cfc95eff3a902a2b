/*
 * lang: which language a page is in. Japanese unless the person chose
 * otherwise: the language cookie (LANG_COOKIE, set by GET /lang/{code})
 * first, then the browser's Accept-Language, then Japanese.
 *
 * Accept-Language is untrusted text, read within limits: a header longer
 * than LANG_HEADER_MAX bytes, or one with more than LANG_MAX_RANGES
 * ranges, is ignored whole (Japanese), never cut and half read. Each range
 * is a language tag ("ja", "en-US", "*") and an optional ";q=" weight of
 * 0 to 1 with at most three decimals (RFC 9110 12.5.4); a range that is
 * not one of those is skipped, the others still count. The highest weight
 * among ja*, en* and * wins ("*" meaning Japanese); on equal weights, the
 * one listed first; q=0 means "not this one".
 */
#ifndef SHINSA_WEB_LANG_H
#define SHINSA_WEB_LANG_H

#include <stdbool.h>

#define LANG_COOKIE "shinsa_lang"
#define LANG_HEADER_MAX 512
#define LANG_MAX_RANGES 32

enum lang {
	LANG_JA, /* the default */
	LANG_EN,
	LANG_COUNT,
};

/* "ja" or "en" to *out: true; anything else false (*out unchanged). */
bool lang_from_code(const char *code, enum lang *out);
/* "ja" or "en". */
const char *lang_code(enum lang lang);

/* The language Accept-Language asks for (NULL: Japanese). */
enum lang lang_from_header(const char *accept_language);

/* The page's language: cookie ("ja"/"en", NULL or anything else ignored),
 * else the header, else Japanese. */
enum lang lang_pick(const char *cookie, const char *accept_language);

#endif
