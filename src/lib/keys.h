/*
 * keys: the server secret and the organisations' Ed25519 signing keys.
 *
 * Private signing keys are never stored in the clear: they are sealed
 * (XChaCha20-Poly1305 via crypto_secretbox) with a key derived from the
 * server secret. The secret is SHINSA_SECRET (64 hex digits) if set, else
 * the contents of a key file (64 hex digits and a newline) that
 * keys_secret_create() makes, readable by its owner only.
 */
#ifndef SHINSA_KEYS_H
#define SHINSA_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"

#define KEYS_SECRET_BYTES 32
#define KEYS_PUBLIC_BYTES 32
#define KEYS_PRIVATE_BYTES 64
#define KEYS_SIGNATURE_BYTES 64

/*
 * Loads the secret: SHINSA_SECRET if set, else the file at path. Returns 0,
 * or -1 with e saying which source was wrong and how to make one.
 */
int keys_secret_load(const char *path, unsigned char secret[KEYS_SECRET_BYTES], struct err *e);

/* Whether SHINSA_SECRET is set (then no key file is read or made). */
bool keys_secret_in_env(void);

/* Loads the secret from the key file at path only, whatever SHINSA_SECRET
 * says (a backup's copy). 0, or -1 with e set. */
int keys_secret_read(const char *path, unsigned char secret[KEYS_SECRET_BYTES], struct err *e);

/*
 * Writes secret as a key file at path (64 hex digits and a newline, 0600,
 * flushed to disk). path must not exist: an existing file is an error and
 * is not touched. 0, or -1 with e set.
 */
int keys_secret_write(const char *path, const unsigned char secret[KEYS_SECRET_BYTES], struct err *e);

/*
 * Creates the key file at path with a new random secret, unless
 * SHINSA_SECRET is set or the file exists (then *created is false and
 * nothing is touched). The file is created 0600 and never overwritten.
 */
int keys_secret_create(const char *path, bool *created, struct err *e);

/* A new signing key pair. */
void keys_generate(unsigned char pk[KEYS_PUBLIC_BYTES], unsigned char sk[KEYS_PRIVATE_BYTES]);

/* sk sealed under the secret, as text ("v1:" and base64); you own it. */
char *keys_seal(const unsigned char secret[KEYS_SECRET_BYTES], const unsigned char sk[KEYS_PRIVATE_BYTES]);

/* The reverse; fails (e set) if the text was changed or the secret differs. */
int keys_open(const unsigned char secret[KEYS_SECRET_BYTES], const char *sealed, unsigned char sk[KEYS_PRIVATE_BYTES],
	      struct err *e);

/*
 * What a sealed value is for. Each purpose seals under its own key derived
 * from the secret, so a value sealed for one purpose never opens as another
 * (a TOTP seed cannot be passed off as a signing key). KEYS_SIGNING_KEY is
 * what keys_seal() uses, so its values keep their format.
 */
enum keys_purpose {
	KEYS_SIGNING_KEY = 1,
	KEYS_TOTP_SECRET = 2,
};

/* len bytes (at most KEYS_SEAL_MAX) sealed for purpose; the same text format
 * as keys_seal(). You own the text. */
#define KEYS_SEAL_MAX 256
char *keys_seal_bytes(const unsigned char secret[KEYS_SECRET_BYTES], enum keys_purpose purpose, const void *data,
		      size_t len);

/* The reverse for exactly len bytes. The messages name the purpose ("sealed
 * TOTP secret is damaged"). */
int keys_open_bytes(const unsigned char secret[KEYS_SECRET_BYTES], enum keys_purpose purpose, const char *sealed,
		    void *out, size_t len, struct err *e);

/* Lowercase hex of n bytes into out (2n+1 bytes). */
void keys_hex(const unsigned char *bin, size_t n, char *out);

/*
 * The reverse, strictly: hex must be exactly 2n lowercase hex digits, so
 * one value has one spelling. Returns 0, or -1 (bin then undefined).
 */
int keys_unhex(const char *hex, unsigned char *bin, size_t n);

/*
 * The fingerprint people compare by eye or read over the telephone, for a
 * key received from another server: the first 16 hex digits of the
 * SHA-256 of the key's 32 bytes, in groups of four ("1a2b 3c4d 5e6f
 * 7a8b"). Short enough to read aloud, long enough (64 bits) that nobody
 * makes a second key to match one given. 0, or -1 if public_key is not
 * 64 lowercase hex digits (out then "").
 */
#define KEYS_FINGERPRINT_SIZE 20
int keys_fingerprint(const char *public_key, char out[KEYS_FINGERPRINT_SIZE]);

/* The Ed25519 signature of msg (detached: the message is not copied in). */
void keys_sign(const unsigned char sk[KEYS_PRIVATE_BYTES], const void *msg, size_t len,
	       unsigned char sig[KEYS_SIGNATURE_BYTES]);

/* True if sig is pk's signature of exactly these len bytes. */
bool keys_verify(const unsigned char pk[KEYS_PUBLIC_BYTES], const void *msg, size_t len,
		 const unsigned char sig[KEYS_SIGNATURE_BYTES]);

#endif
