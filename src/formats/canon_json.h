/*
 * canon_json: the one byte sequence for a JSON value, so that a hash and a
 * signature over it can be checked by anyone who writes the same bytes.
 *
 * The rules (docs/answers-and-submissions.md, "Canonical JSON", is the
 * contract for verifiers):
 * UTF-8; no whitespace outside strings; object members sorted by the bytes
 * of their keys (memcmp order, a shorter key before any longer one it
 * begins); strings escape only what JSON requires: `"` and `\` get a
 * backslash, U+0008, U+0009, U+000A, U+000C and U+000D are \b \t \n \f \r,
 * other characters below U+0020 are \u00XX with lowercase hex, and
 * everything else, all non-ASCII and "/" included, is written as it is;
 * integers in plain decimal (a "-" only when negative, no "+", no leading
 * zeros, no fraction or exponent); true, false and null as such. Real
 * numbers are refused: our documents have none, and their decimal forms are
 * where implementations disagree.
 */
#ifndef SHINSA_FORMATS_CANON_JSON_H
#define SHINSA_FORMATS_CANON_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "lib/err.h"
#include "lib/strbuf.h"

/*
 * Appends the canonical bytes of v to out. Returns 0, or -1 with e set
 * ("a real number is not allowed") and out holding a partial result.
 */
int canon_json_dump(const json_t *v, struct strbuf *out, struct err *e);

/* Appends s (len bytes of UTF-8) as a canonical JSON string, quotes included. */
void canon_json_string(struct strbuf *out, const char *s, size_t len);

#endif
