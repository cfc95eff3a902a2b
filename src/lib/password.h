/*
 * password: hashing and checking passwords (argon2id), the password rules,
 * and generated one-time passwords.
 *
 * Cost: libsodium's crypto_pwhash_str with argon2id at
 * OPSLIMIT_INTERACTIVE (2 passes) and MEMLIMIT_INTERACTIVE (64 MiB). That
 * is above OWASP's argon2id minimum (19 MiB, 2 passes) and takes about
 * 0.1 s on one core of the development machine: slow enough to make a
 * stolen hash expensive to guess, fast enough for a login. The parameters
 * are in each stored hash, so raising them later only needs
 * password_needs_rehash() at the next login.
 *
 * Bounded concurrency: 64 MiB a hash means that a burst of logins could
 * exhaust memory. Every hash and verification therefore waits for one of N
 * slots (a counting semaphore for the whole process; N defaults to
 * PASSWORD_DEFAULT_CONCURRENCY and is set with password_set_concurrency()),
 * so at most N x 64 MiB is in use however many requests arrive; the rest
 * queue. Thread-safe.
 */
#ifndef SHINSA_PASSWORD_H
#define SHINSA_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"

#define PASSWORD_MIN_CHARS 10   /* characters (code points), not bytes: 日本語 counts 3 */
#define PASSWORD_MAX_BYTES 1024 /* longer input is refused before any hashing */
#define PASSWORD_HASH_MAX 128   /* crypto_pwhash_STRBYTES: a stored hash and its NUL fit */
#define PASSWORD_DEFAULT_CONCURRENCY 2
#define PASSWORD_GENERATED_LEN 23 /* 4 groups of 5, joined by '-' */

/*
 * The rules for a password someone chooses. Messages (exact), each coded
 * (err_coded, no place) so a page can say the rule in its own words:
 *   password_short {1}=10   "the password is too short: it needs at least 10 characters"
 *   password_long {1}=1024  "the password is too long: at most 1024 bytes"
 *   password_utf8           "the password is not valid UTF-8"
 */
int password_check(const char *pw, struct err *e);

/*
 * The argon2id hash of pw (the "$argon2id$..." text) into out. Applies
 * only the length limit, not password_check(): callers check new
 * passwords first. Fails (e set) if pw is too long or memory runs out.
 */
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX], struct err *e);

/* True if pw matches hash. A pw over the byte limit or a damaged hash is
 * false. Takes one slot for the time of the work. */
bool password_verify(const char *hash, const char *pw);

/*
 * Does the work of one verification that cannot succeed. Called when the
 * account does not exist, so that a missing account takes as long as a
 * wrong password and timing does not tell which emails have accounts.
 */
void password_burn(const char *pw);

/* True if hash was made with other parameters than password_hash() uses
 * now (or is not an argon2id hash): hash the password again at login. */
bool password_needs_rehash(const char *hash);

/* A new one-time password: 4 groups of 5 characters of
 * TOKEN_CODE_ALPHABET ("k7mfq-2xbvn-pq4rt-9hzwa", about 99 bits). */
void password_generate(char out[PASSWORD_GENERATED_LEN + 1]);

/* The number of hashes that may run at once; 0 counts as 1. Set it before
 * the load starts; lowering it does not stop hashes already running. */
void password_set_concurrency(unsigned n);

/* The most hashes that ran at the same time since the last reset (for
 * tests and the server's metrics). */
unsigned password_peak(void);
void password_peak_reset(void);

#endif
