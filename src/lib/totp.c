#include "lib/totp.h"

#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/token.h"

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static int oath_status;

static void oath_start(void)
{
	oath_status = oath_init();
}

void totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES])
{
	randombytes_buf(secret, TOTP_SECRET_BYTES);
}

void totp_base32(const unsigned char secret[TOTP_SECRET_BYTES], char out[TOTP_BASE32_LEN + 1])
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	/* 20 bytes are 160 bits: exactly 32 groups of 5, no padding. */
	size_t o = 0;
	unsigned bits = 0, acc = 0;
	for (size_t i = 0; i < TOTP_SECRET_BYTES; i++) {
		acc = (acc << 8) | secret[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = alphabet[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
		acc &= (1u << bits) - 1;
	}
	out[o] = '\0';
}

long long totp_step(time_t t)
{
	return (long long)(t / TOTP_STEP);
}

int totp_code(const unsigned char *secret, size_t len, time_t t, char out[TOTP_DIGITS + 1], struct err *e)
{
	pthread_once(&oath_once, oath_start);
	int rc = oath_status == OATH_OK ? oath_totp_generate((const char *)secret, len, t, TOTP_STEP,
							     OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS, out)
					: oath_status;
	if (rc != OATH_OK) {
		err_set(e, "cannot compute a TOTP code: %s", oath_strerror(rc));
		return -1;
	}
	return 0;
}

bool totp_verify(const unsigned char *secret, size_t len, time_t now, long long last_step, const char *code,
		 long long *step)
{
	if (strlen(code) != TOTP_DIGITS || strspn(code, "0123456789") != TOTP_DIGITS)
		return false;
	long long here = totp_step(now);
	bool found = false;
	/* Every step in the window is computed and compared, matched or not,
	 * so the time taken does not say which one matched. */
	for (long long s = here - TOTP_WINDOW; s <= here + TOTP_WINDOW; s++) {
		char want[TOTP_DIGITS + 1];
		if (s < 0 || totp_code(secret, len, (time_t)(s * TOTP_STEP), want, NULL) < 0)
			continue;
		bool same = sodium_memcmp(want, code, TOTP_DIGITS) == 0;
		if (same && s > last_step && !found) {
			found = true;
			*step = s;
		}
	}
	return found;
}

char *totp_uri(const char *org, const char *email, const char base32[TOTP_BASE32_LEN + 1])
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "otpauth://totp/");
	text_percent_encode(&sb, TOTP_ISSUER, strlen(TOTP_ISSUER));
	strbuf_addch(&sb, ':');
	text_percent_encode(&sb, email, strlen(email));
	strbuf_addstr(&sb, "%20%28"); /* " (" */
	text_percent_encode(&sb, org, strlen(org));
	strbuf_addstr(&sb, "%29");
	strbuf_addf(&sb, "?secret=%s&issuer=", base32);
	text_percent_encode(&sb, TOTP_ISSUER, strlen(TOTP_ISSUER));
	strbuf_addf(&sb, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS, TOTP_STEP);
	return strbuf_detach(&sb);
}

void totp_recovery_new(char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1])
{
	for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++)
		token_code(4, 4, codes[i]);
}

bool totp_recovery_hash(const char *typed, char out[HASH_HEX_LEN + 1])
{
	char canon[TOTP_RECOVERY_CHARS + 1];
	if (strlen(typed) > 64 || !token_code_normalise(typed, TOTP_RECOVERY_CHARS, canon))
		return false;
	hash_sha256_hex(canon, TOTP_RECOVERY_CHARS, out);
	return true;
}
