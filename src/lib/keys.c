#include "lib/keys.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/fsutil.h"
#include "lib/xalloc.h"

/* One subkey per purpose (enum keys_purpose is the subkey id), so the
 * secret itself never touches a cipher. */
#define KDF_CONTEXT "shinsaky"

static int parse_hex32(const char *hex, unsigned char out[KEYS_SECRET_BYTES])
{
	size_t bin_len;
	const char *end;
	if (sodium_hex2bin(out, KEYS_SECRET_BYTES, hex, strlen(hex), "\n", &bin_len, &end) != 0 ||
	    bin_len != KEYS_SECRET_BYTES || *end != '\0')
		return -1;
	return 0;
}

bool keys_secret_in_env(void)
{
	const char *env = getenv("SHINSA_SECRET");
	return env && *env;
}

/* -2 when the file cannot be read (e says why), -1 when it holds no secret. */
static int read_file(const char *path, unsigned char secret[KEYS_SECRET_BYTES], struct err *e)
{
	char *text;
	if (fs_read_file(path, 1024, &text, NULL, e) < 0)
		return -2;
	int rc = parse_hex32(text, secret);
	sodium_memzero(text, strlen(text));
	free(text);
	if (rc < 0)
		err_set(e, "server secret file %s must hold 64 hex digits", path);
	return rc;
}

int keys_secret_read(const char *path, unsigned char secret[KEYS_SECRET_BYTES], struct err *e)
{
	return read_file(path, secret, e) < 0 ? -1 : 0;
}

int keys_secret_load(const char *path, unsigned char secret[KEYS_SECRET_BYTES], struct err *e)
{
	if (keys_secret_in_env()) {
		if (parse_hex32(getenv("SHINSA_SECRET"), secret) < 0) {
			err_set(e, "SHINSA_SECRET must be 64 hex digits (make one with: head -c 32 /dev/urandom | xxd -p -c 64)");
			return -1;
		}
		return 0;
	}
	int rc = read_file(path, secret, e);
	if (rc == -2)
		err_prefix(e, "no server secret (set SHINSA_SECRET, or run shinsa init to create the key file)");
	return rc < 0 ? -1 : 0;
}

/* Writes secret to a new file at path; *exists says whether path was
 * already there (then -1 and nothing touched). */
static int write_new(const char *path, const unsigned char secret[KEYS_SECRET_BYTES], bool *exists, struct err *e)
{
	*exists = false;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		*exists = errno == EEXIST;
		err_set(e, "cannot create server secret %s: %s", path, strerror(errno));
		return -1;
	}
	char hex[2 * KEYS_SECRET_BYTES + 2];
	keys_hex(secret, KEYS_SECRET_BYTES, hex);
	strcat(hex, "\n");
	ssize_t n = write(fd, hex, strlen(hex));
	int saved = errno;
	sodium_memzero(hex, sizeof hex);
	if (n != (ssize_t)(2 * KEYS_SECRET_BYTES + 1) || fsync(fd) < 0 || close(fd) < 0) {
		err_set(e, "cannot write server secret %s: %s", path, strerror(n < 0 ? saved : errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int keys_secret_write(const char *path, const unsigned char secret[KEYS_SECRET_BYTES], struct err *e)
{
	bool exists;
	return write_new(path, secret, &exists, e);
}

int keys_secret_create(const char *path, bool *created, struct err *e)
{
	*created = false;
	if (keys_secret_in_env())
		return 0;
	unsigned char secret[KEYS_SECRET_BYTES];
	randombytes_buf(secret, sizeof secret);
	bool exists;
	int rc = write_new(path, secret, &exists, e);
	sodium_memzero(secret, sizeof secret);
	if (rc < 0)
		return exists ? 0 : -1;
	*created = true;
	return 0;
}

void keys_generate(unsigned char pk[KEYS_PUBLIC_BYTES], unsigned char sk[KEYS_PRIVATE_BYTES])
{
	crypto_sign_keypair(pk, sk);
}

static const char *purpose_name(enum keys_purpose purpose)
{
	return purpose == KEYS_TOTP_SECRET ? "TOTP secret" : "signing key";
}

char *keys_seal_bytes(const unsigned char secret[KEYS_SECRET_BYTES], enum keys_purpose purpose, const void *data,
		      size_t len)
{
	if (len > KEYS_SEAL_MAX)
		abort(); /* callers seal fixed-size keys: a bigger one is a bug here */
	unsigned char key[crypto_secretbox_KEYBYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + KEYS_SEAL_MAX];
	size_t box_len = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
	crypto_kdf_derive_from_key(key, sizeof key, (uint64_t)purpose, KDF_CONTEXT, secret);
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, data, len, box, key);
	sodium_memzero(key, sizeof key);
	size_t b64 = sodium_base64_ENCODED_LEN(box_len, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(3 + b64);
	memcpy(out, "v1:", 3);
	sodium_bin2base64(out + 3, b64, box, box_len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

int keys_open_bytes(const unsigned char secret[KEYS_SECRET_BYTES], enum keys_purpose purpose, const char *sealed,
		    void *out, size_t len, struct err *e)
{
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + KEYS_SEAL_MAX];
	size_t want = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len, got;
	if (len > KEYS_SEAL_MAX || strncmp(sealed, "v1:", 3) != 0 ||
	    sodium_base642bin(box, sizeof box, sealed + 3, strlen(sealed + 3), NULL, &got, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    got != want) {
		err_set(e, "sealed %s is damaged", purpose_name(purpose));
		return -1;
	}
	unsigned char key[crypto_secretbox_KEYBYTES];
	crypto_kdf_derive_from_key(key, sizeof key, (uint64_t)purpose, KDF_CONTEXT, secret);
	int rc = crypto_secretbox_open_easy(out, box + crypto_secretbox_NONCEBYTES, want - crypto_secretbox_NONCEBYTES,
					    box, key);
	sodium_memzero(key, sizeof key);
	if (rc != 0) {
		err_set(e, "cannot unseal the %s: wrong server secret, or the key was altered", purpose_name(purpose));
		return -1;
	}
	return 0;
}

char *keys_seal(const unsigned char secret[KEYS_SECRET_BYTES], const unsigned char sk[KEYS_PRIVATE_BYTES])
{
	return keys_seal_bytes(secret, KEYS_SIGNING_KEY, sk, KEYS_PRIVATE_BYTES);
}

int keys_open(const unsigned char secret[KEYS_SECRET_BYTES], const char *sealed, unsigned char sk[KEYS_PRIVATE_BYTES],
	      struct err *e)
{
	return keys_open_bytes(secret, KEYS_SIGNING_KEY, sealed, sk, KEYS_PRIVATE_BYTES, e);
}

void keys_hex(const unsigned char *bin, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, bin, n);
}

int keys_unhex(const char *hex, unsigned char *bin, size_t n)
{
	if (strlen(hex) != 2 * n)
		return -1;
	for (size_t i = 0; i < 2 * n; i++)
		if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
			return -1;
	size_t bin_len;
	if (sodium_hex2bin(bin, n, hex, 2 * n, NULL, &bin_len, NULL) != 0 || bin_len != n)
		return -1;
	return 0;
}

void keys_sign(const unsigned char sk[KEYS_PRIVATE_BYTES], const void *msg, size_t len,
	       unsigned char sig[KEYS_SIGNATURE_BYTES])
{
	crypto_sign_detached(sig, NULL, msg, len, sk);
}

bool keys_verify(const unsigned char pk[KEYS_PUBLIC_BYTES], const void *msg, size_t len,
		 const unsigned char sig[KEYS_SIGNATURE_BYTES])
{
	return crypto_sign_verify_detached(sig, msg, len, pk) == 0;
}

int keys_fingerprint(const char *public_key, char out[KEYS_FINGERPRINT_SIZE])
{
	unsigned char pk[KEYS_PUBLIC_BYTES], digest[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	out[0] = '\0';
	if (!public_key || keys_unhex(public_key, pk, sizeof pk) < 0)
		return -1;
	crypto_hash_sha256(digest, pk, sizeof pk);
	keys_hex(digest, sizeof digest, hex);
	char *o = out;
	for (int i = 0; i < 16; i++) {
		if (i && i % 4 == 0)
			*o++ = ' ';
		*o++ = hex[i];
	}
	*o = '\0';
	return 0;
}
