#include "lib/token.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static void base64url(const unsigned char *bin, size_t n, char *out, size_t cap)
{
	sodium_bin2base64(out, cap, bin, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void token_new(const char *prefix, char out[TOKEN_MAX])
{
	size_t plen = strlen(prefix);
	if (plen > TOKEN_MAX - TOKEN_BODY_LEN - 1)
		abort(); /* our prefixes are short constants */
	unsigned char raw[TOKEN_RANDOM_BYTES];
	randombytes_buf(raw, sizeof raw);
	memcpy(out, prefix, plen);
	base64url(raw, sizeof raw, out + plen, TOKEN_MAX - plen);
	sodium_memzero(raw, sizeof raw);
}

static bool is_base64url(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool token_well_formed(const char *s, const char *prefix)
{
	size_t plen = strlen(prefix);
	if (!s || strncmp(s, prefix, plen) != 0 || strlen(s + plen) != TOKEN_BODY_LEN)
		return false;
	for (const char *p = s + plen; *p; p++)
		if (!is_base64url(*p))
			return false;
	return true;
}

void token_hash(const char *token, char out[HASH_HEX_LEN + 1])
{
	hash_sha256_hex(token, strlen(token), out);
}

void token_derive(const char *token, const char *label, char out[TOKEN_MAX])
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES], mac[crypto_auth_hmacsha256_BYTES];
	/* HMAC keys longer than a block are hashed anyway; hashing first gives
	 * the fixed-size key libsodium's one-shot call wants. */
	crypto_hash_sha256(key, (const unsigned char *)token, strlen(token));
	crypto_auth_hmacsha256(mac, (const unsigned char *)label, strlen(label), key);
	base64url(mac, sizeof mac, out, TOKEN_MAX);
	sodium_memzero(key, sizeof key);
}

bool token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

void token_code(size_t groups, size_t group_len, char *out)
{
	static const char alphabet[] = TOKEN_CODE_ALPHABET;
	char *p = out;
	for (size_t g = 0; g < groups; g++) {
		if (g)
			*p++ = '-';
		for (size_t i = 0; i < group_len; i++)
			*p++ = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	}
	*p = '\0';
}

bool token_code_normalise(const char *typed, size_t want, char *out)
{
	size_t n = 0;
	for (const char *p = typed; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!strchr(TOKEN_CODE_ALPHABET, c) || n == want)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == want;
}
