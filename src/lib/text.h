/*
 * text: UTF-8 helpers for the Japanese text of the catalogs and forms.
 *
 * All functions take NUL-terminated UTF-8. Returned strings are newly
 * allocated and owned by the caller.
 */
#ifndef SHINSA_TEXT_H
#define SHINSA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the code point at *s and advances *s past it. Invalid or truncated
 * sequences decode as U+FFFD and advance one byte, so a loop always ends.
 * Returns 0 at the terminating NUL (without advancing).
 */
uint32_t text_utf8_next(const char **s);

/* True if s[0..len) is valid UTF-8 with no overlong forms or surrogates.
 * A sequence cut short at len is read on past it, up to a NUL (and then
 * refused), so s must be NUL-terminated somewhere at or after len. */
bool text_utf8_valid(const char *s, size_t len);

/*
 * The line-wrap rule for text taken from the seed documents.
 *
 * The seeds are text dumps of Excel cells, where a line wrap in the cell
 * came out as a space ("銀行API報告書・ セキュリティ原則", "統7、 統8"). A
 * run of spaces (ASCII or U+3000) is dropped, unless the character on either
 * side is an ASCII letter or digit: then it is a word space and becomes one
 * space ("3.3.1 API接続先の適格性 d"). Leading and trailing spaces are dropped.
 */
char *text_unwrap(const char *s);

/* s without any whitespace (spaces, U+3000, tabs, line breaks). */
char *text_squeeze(const char *s);

/* Whitespace as people type it in Japanese documents and cells: ASCII
 * space, tab, line breaks, form feed, vertical tab and U+3000 (the
 * ideographic space). */
bool text_is_space(uint32_t cp);

/* True if s is NULL or holds only whitespace (text_is_space()). */
bool text_is_blank(const char *s);

struct strbuf;

/* Appends the len bytes at s percent-encoded for a URL path segment or
 * query value: bytes outside A-Z a-z 0-9 - . _ ~ as %XX (upper case). */
void text_percent_encode(struct strbuf *sb, const char *s, size_t len);

/* True for code points that East Asian typography sets full-width. */
bool text_is_wide(uint32_t cp);

/* Whether s starts with "_xHHHH_" (H a hex digit), which an .xlsx reader
 * decodes as an escaped character (ECMA-376 ST_Xstring). */
bool text_is_xlsx_escape(const char *s);

#endif
