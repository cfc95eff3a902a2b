/*
 * token: random secrets handed to people and programs, and what is stored
 * in their place.
 *
 * Bearer tokens (session cookies, API tokens) are a prefix and 32 random
 * bytes from libsodium in base64url without padding (43 characters): the
 * prefix tells a reader (and secret scanners) what leaked. Only their
 * SHA-256 is stored, so a copy of the database opens no session; a lookup
 * by that hash is the comparison (an attacker cannot steer what it
 * compares against). Human codes (one-time passwords, recovery codes) are
 * groups of characters from an alphabet without look-alikes (no 0/o, 1/l/i).
 */
#ifndef SHINSA_TOKEN_H
#define SHINSA_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/hash.h"

#define TOKEN_RANDOM_BYTES 32
#define TOKEN_BODY_LEN 43 /* base64url of 32 bytes, no padding */
#define TOKEN_MAX 64      /* prefix (at most 20 bytes) + body + NUL */

/* The alphabet of human codes: 31 characters, about 4.95 bits each. */
#define TOKEN_CODE_ALPHABET "23456789abcdefghjkmnpqrstuvwxyz"

/* prefix followed by a new random body, into out. */
void token_new(const char *prefix, char out[TOKEN_MAX]);

/* True if s is prefix followed by exactly TOKEN_BODY_LEN base64url
 * characters: what token_new() makes. Anything else is not looked up. */
bool token_well_formed(const char *s, const char *prefix);

/* The SHA-256 of the token's bytes as hex: what the database holds. */
void token_hash(const char *token, char out[HASH_HEX_LEN + 1]);

/*
 * A value bound to token: base64url(HMAC-SHA256(key = token, label)), no
 * prefix. Whoever holds the token can compute it and nobody else can, and
 * it is not derivable from the stored hash. (The CSRF token of a session.)
 */
void token_derive(const char *token, const char *label, char out[TOKEN_MAX]);

/* Constant-time equality of two NUL-terminated strings (the lengths are not
 * secret). */
bool token_equal(const char *a, const char *b);

/*
 * A human code: groups of group_len random characters of the alphabet
 * joined by '-' ("k7mfq-2xbvn-..."). out needs groups * (group_len + 1)
 * bytes.
 */
void token_code(size_t groups, size_t group_len, char *out);

/*
 * A code as typed back, in canonical form: letters lowered, spaces and '-'
 * dropped. Returns false if a character is outside the alphabet or the
 * result is not exactly want characters; out needs want + 1 bytes.
 */
bool token_code_normalise(const char *typed, size_t want, char *out);

#endif
