/*
 * totp: time-based one-time passwords (RFC 6238) and recovery codes.
 *
 * The parameters every authenticator app assumes: HMAC-SHA-1, 30-second
 * steps from the Unix epoch, 6 digits (liboath computes the codes). A code
 * is accepted for the step of the given time and one step either side (a
 * phone clock a little off, a code typed as it rolled over), and never for
 * a step at or before the last one accepted for the same user: the caller
 * stores the step totp_verify() returns, so a code seen over someone's
 * shoulder cannot be used again.
 *
 * Secrets are 20 random bytes (160 bits, RFC 4226's recommendation), shown
 * to the user in base32 and stored sealed (lib/keys, KEYS_TOTP_SECRET).
 *
 * Recovery codes stand in for the phone: TOTP_RECOVERY_COUNT codes of 4
 * groups of 4 characters of TOKEN_CODE_ALPHABET (about 79 bits each, so a
 * plain SHA-256 is a safe way to store them: too many to guess even with
 * the hashes in hand), each usable once.
 */
#ifndef SHINSA_TOTP_H
#define SHINSA_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "lib/err.h"
#include "lib/hash.h"

#define TOTP_SECRET_BYTES 20
#define TOTP_BASE32_LEN 32 /* 20 bytes in base32, no padding needed */
#define TOTP_STEP 30
#define TOTP_DIGITS 6
#define TOTP_WINDOW 1 /* steps accepted either side of now */
#define TOTP_ISSUER "Shinsa"

#define TOTP_RECOVERY_COUNT 10
#define TOTP_RECOVERY_CHARS 16 /* without the '-' */
#define TOTP_RECOVERY_LEN 19   /* "abcd-efgh-jkmn-pqrs" */

/* A new random secret. */
void totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES]);

/* The secret in base32 (RFC 4648 alphabet, upper case, no padding), as
 * apps want it typed or scanned. */
void totp_base32(const unsigned char secret[TOTP_SECRET_BYTES], char out[TOTP_BASE32_LEN + 1]);

/* The step a time falls in (t / 30). */
long long totp_step(time_t t);

/* The 6-digit code for the step that time t falls in. */
int totp_code(const unsigned char *secret, size_t len, time_t t, char out[TOTP_DIGITS + 1], struct err *e);

/*
 * Checks a code typed at time now: exactly 6 ASCII digits, equal (in
 * constant time) to the code of step(now) - 1, step(now) or step(now) + 1,
 * and that step later than last_step (0: none yet). Returns true and the
 * step that matched in *step, or false.
 */
bool totp_verify(const unsigned char *secret, size_t len, time_t now, long long last_step, const char *code,
		 long long *step);

/*
 * The otpauth:// URI an app scans at enrolment (the Key URI format):
 *   otpauth://totp/Shinsa:EMAIL%20(ORG)?secret=BASE32&issuer=Shinsa
 *       &algorithm=SHA1&digits=6&period=30
 * The label names issuer, account and organisation, each percent-encoded
 * (UTF-8 bytes outside A-Z a-z 0-9 - . _ ~ as %XX). The issuer prefix is
 * "Shinsa:" and the organisation goes in brackets after the email rather
 * than "ORG:EMAIL", because apps read a colon (even as %3A) as the end of
 * the issuer. You own the text.
 */
char *totp_uri(const char *org, const char *email, const char base32[TOTP_BASE32_LEN + 1]);

/* TOTP_RECOVERY_COUNT new recovery codes. */
void totp_recovery_new(char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1]);

/* The stored form of a recovery code as typed (upper or lower case, with or
 * without '-' and spaces): the SHA-256 hex of its canonical form. False if
 * it cannot be a recovery code. */
bool totp_recovery_hash(const char *typed, char out[HASH_HEX_LEN + 1]);

#endif
