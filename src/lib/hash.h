/*
 * hash: SHA-256 as lowercase hex (libsodium underneath).
 */
#ifndef SHINSA_HASH_H
#define SHINSA_HASH_H

#include <stddef.h>

#include "lib/err.h"

#define HASH_HEX_LEN 64

/* Writes the 64 hex digits and a NUL into out. */
void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1]);

/* The same for the whole file at path, read in pieces (a database copy may
 * not fit in memory). 0, or -1 with e set ("cannot read PATH: REASON"). */
int hash_sha256_file(const char *path, char out[HASH_HEX_LEN + 1], struct err *e);

#endif
