#include "lib/hash.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

void hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(out, HASH_HEX_LEN + 1, digest, sizeof digest);
}

int hash_sha256_file(const char *path, char out[HASH_HEX_LEN + 1], struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	crypto_hash_sha256_state state;
	crypto_hash_sha256_init(&state);
	unsigned char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set(e, "cannot read %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		crypto_hash_sha256_update(&state, buf, (unsigned long long)n);
	}
	close(fd);
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&state, digest);
	sodium_bin2hex(out, HASH_HEX_LEN + 1, digest, sizeof digest);
	return 0;
}
