#include "lib/hash.h"

#include <sodium.h>

void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(out, HASH_HEX_LEN + 1, digest, sizeof digest);
}
