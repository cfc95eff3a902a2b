/*
 * hash: SHA-256 as lowercase hex (libsodium underneath).
 */
#ifndef SHINSA_HASH_H
#define SHINSA_HASH_H

#include <stddef.h>

#define HASH_HEX_LEN 64

/* Writes the 64 hex digits and a NUL into out. */
void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1]);

#endif
