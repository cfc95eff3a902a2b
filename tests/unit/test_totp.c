/* TOTP against RFC 6238's SHA-1 vectors, the window, replay, the
 * enrolment URI, recovery codes, and sealing the secret. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/keys.h"
#include "lib/token.h"
#include "lib/totp.h"

/* RFC 6238 appendix B: the SHA-1 seed is the ASCII "1234567890" twice. */
static const unsigned char rfc_seed[] = "12345678901234567890";
#define SEED_LEN 20

static int setup(void **state)
{
	(void)state;
	return sodium_init() < 0 ? -1 : 0;
}

static void test_rfc6238_vectors(void **state)
{
	(void)state;
	/* The RFC gives 8 digits; 6-digit codes are their last 6 (both are
	 * the truncated value mod 10^digits). */
	static const struct {
		long long t;
		const char *code;
	} v[] = {
		{ 59, "287082" },	  { 1111111109, "081804" }, { 1111111111, "050471" },
		{ 1234567890, "005924" }, { 2000000000, "279037" }, { 20000000000LL, "353130" },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char code[TOTP_DIGITS + 1];
		struct err e = { 0 };
		assert_int_equal(totp_code(rfc_seed, SEED_LEN, (time_t)v[i].t, code, &e), 0);
		assert_string_equal(code, v[i].code);
	}
	assert_int_equal(totp_step(59), 1);
	assert_int_equal(totp_step(1111111109), 37037036);
}

static void test_window_and_replay(void **state)
{
	(void)state;
	time_t now = 1111111111; /* step 37037037 */
	long long step = 0;
	/* The codes of the steps before, at and after now are taken ... */
	assert_true(totp_verify(rfc_seed, SEED_LEN, now, 0, "050471", &step));
	assert_int_equal(step, 37037037);
	assert_true(totp_verify(rfc_seed, SEED_LEN, now, 0, "081804", &step)); /* t=1111111109, step before */
	assert_int_equal(step, 37037036);
	char next[TOTP_DIGITS + 1], far[TOTP_DIGITS + 1], old[TOTP_DIGITS + 1];
	assert_int_equal(totp_code(rfc_seed, SEED_LEN, now + 30, next, NULL), 0);
	assert_int_equal(totp_code(rfc_seed, SEED_LEN, now + 60, far, NULL), 0);
	assert_int_equal(totp_code(rfc_seed, SEED_LEN, now - 60, old, NULL), 0);
	assert_true(totp_verify(rfc_seed, SEED_LEN, now, 0, next, &step));
	assert_int_equal(step, 37037038);
	/* ... but not two steps away. */
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, far, &step));
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, old, &step));
	/* Replay: once step 37037037 was accepted, its code and the one before
	 * are refused; the next step's code still works. */
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 37037037, "050471", &step));
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 37037037, "081804", &step));
	assert_true(totp_verify(rfc_seed, SEED_LEN, now, 37037037, next, &step));
	assert_int_equal(step, 37037038);
	/* Not six ASCII digits: refused before any comparison. */
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, "50471", &step));
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, "0504710", &step));
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, "05047a", &step));
	assert_false(totp_verify(rfc_seed, SEED_LEN, now, 0, "", &step));
}

static void test_base32_and_uri(void **state)
{
	(void)state;
	char b32[TOTP_BASE32_LEN + 1];
	totp_base32(rfc_seed, b32);
	assert_string_equal(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	unsigned char zeros[TOTP_SECRET_BYTES] = { 0 }, ones[TOTP_SECRET_BYTES];
	memset(ones, 0xff, sizeof ones);
	totp_base32(zeros, b32);
	assert_string_equal(b32, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	totp_base32(ones, b32);
	assert_string_equal(b32, "77777777777777777777777777777777");
	char *uri = totp_uri("A社", "alice+2fa@example.jp", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_string_equal(uri, "otpauth://totp/Shinsa:alice%2B2fa%40example.jp%20%28A%E7%A4%BE%29"
				 "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Shinsa&algorithm=SHA1&digits=6"
				 "&period=30");
	free(uri);
	unsigned char s1[TOTP_SECRET_BYTES], s2[TOTP_SECRET_BYTES];
	totp_secret_new(s1);
	totp_secret_new(s2);
	assert_memory_not_equal(s1, s2, TOTP_SECRET_BYTES);
}

static void test_recovery_codes(void **state)
{
	(void)state;
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1];
	totp_recovery_new(codes);
	for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++) {
		assert_int_equal(strlen(codes[i]), 19);
		assert_int_equal(codes[i][4], '-');
		assert_int_equal(codes[i][9], '-');
		assert_int_equal(codes[i][14], '-');
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(codes[i], codes[j]);
	}
	char h1[HASH_HEX_LEN + 1], h2[HASH_HEX_LEN + 1];
	assert_true(totp_recovery_hash("abcd-efgh-jkmn-pqrs", h1));
	/* sha256("abcdefghjkmnpqrs"): the canonical form is what is hashed. */
	assert_string_equal(h1, "54a4c55a9009eae9f27d09ce2693cecaa2f44fd29978f881c314b3c88d7307bb");
	assert_true(totp_recovery_hash(" ABCD EFGH-JKMN pqrs ", h2));
	assert_string_equal(h1, h2);
	assert_false(totp_recovery_hash("abcd-efgh-jkmn-pqr", h2));    /* too short */
	assert_false(totp_recovery_hash("abcd-efgh-jkmn-pqrst", h2));  /* too long */
	assert_false(totp_recovery_hash("abcd-efgh-jkmn-pqro", h2));   /* o is not in the alphabet */
	assert_false(totp_recovery_hash("123456", h2));
}

static void test_secret_sealing(void **state)
{
	(void)state;
	unsigned char secret[KEYS_SECRET_BYTES], other[KEYS_SECRET_BYTES];
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other, sizeof other);
	unsigned char seed[TOTP_SECRET_BYTES], back[KEYS_PRIVATE_BYTES];
	totp_secret_new(seed);
	char *sealed = keys_seal_bytes(secret, KEYS_TOTP_SECRET, seed, sizeof seed);
	assert_int_equal(strncmp(sealed, "v1:", 3), 0);
	struct err e = { 0 };
	assert_int_equal(keys_open_bytes(secret, KEYS_TOTP_SECRET, sealed, back, sizeof seed, &e), 0);
	assert_memory_equal(back, seed, sizeof seed);
	assert_int_equal(keys_open_bytes(other, KEYS_TOTP_SECRET, sealed, back, sizeof seed, &e), -1);
	assert_string_equal(e.msg, "cannot unseal the TOTP secret: wrong server secret, or the key was altered");
	assert_int_equal(keys_open_bytes(secret, KEYS_TOTP_SECRET, "v1:AAAA", back, sizeof seed, &e), -1);
	assert_string_equal(e.msg, "sealed TOTP secret is damaged");
	free(sealed);
	/* A signing key sealed the old way does not open as a TOTP secret of
	 * the same size: each purpose has its own key. */
	unsigned char pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
	keys_generate(pk, sk);
	sealed = keys_seal(secret, sk);
	assert_int_equal(keys_open_bytes(secret, KEYS_TOTP_SECRET, sealed, back, sizeof sk, &e), -1);
	assert_string_equal(e.msg, "cannot unseal the TOTP secret: wrong server secret, or the key was altered");
	assert_int_equal(keys_open(secret, sealed, back, &e), 0);
	assert_memory_equal(back, sk, sizeof sk);
	free(sealed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6238_vectors), cmocka_unit_test(test_window_and_replay),
		cmocka_unit_test(test_base32_and_uri),	cmocka_unit_test(test_recovery_codes),
		cmocka_unit_test(test_secret_sealing),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
