/*
 * libFuzzer target: what a client types at sign-in before anything is
 * looked up — the email (user_email_normalise), the password rules
 * (password_check), session and API tokens (token_well_formed), TOTP codes
 * (totp_verify) and recovery codes (totp_recovery_hash). The input is
 * split at its first NUL so the fields vary apart. Each must answer, with
 * a message where it refuses, and never crash; an email it accepts must
 * come back unchanged when normalised again.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/user.h"
#include "lib/password.h"
#include "lib/token.h"
#include "lib/totp.h"
#include "lib/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size); /* up to the first NUL */
	size_t first = strlen(text);
	char *rest = first < size ? xstrndup((const char *)data + first + 1, size - first - 1) : xstrdup("");
	struct err e = { 0 };
	char *email = user_email_normalise(text, &e);
	if (!email && !e.msg[0])
		__builtin_trap();
	if (email) {
		char *again = user_email_normalise(email, &e);
		if (!again || strcmp(again, email) != 0)
			__builtin_trap();
		free(again);
	}
	e.msg[0] = '\0';
	if (password_check(rest, &e) < 0 && !e.msg[0])
		__builtin_trap();
	(void)token_well_formed(text, "shs_");
	(void)token_well_formed(rest, "shinsa_pat_");
	static const unsigned char seed[TOTP_SECRET_BYTES] = "12345678901234567890";
	long long step;
	(void)totp_verify(seed, sizeof seed, 1111111111, 0, rest, &step);
	char hash[HASH_HEX_LEN + 1];
	if (totp_recovery_hash(text, hash) && strlen(hash) != HASH_HEX_LEN)
		__builtin_trap();
	free(email);
	free(text);
	free(rest);
	return 0;
}
