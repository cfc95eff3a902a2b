/* A key's fingerprint (lib/keys.h keys_fingerprint): what people compare
 * for a key received from another server. */
#include <string.h>

#include "testutil.h"

#include "lib/keys.h"

static void test_fingerprint_golden(void **state)
{
	(void)state;
	char fp[KEYS_FINGERPRINT_SIZE];
	char key[65];
	memset(key, 'a', 64);
	key[64] = '\0';
	/* sha256(32 bytes 0xaa) = e0e77a507412b120…; the first 16 hex in fours. */
	assert_int_equal(keys_fingerprint(key, fp), 0);
	assert_string_equal(fp, "e0e7 7a50 7412 b120");
	memset(key, '0', 64);
	assert_int_equal(keys_fingerprint(key, fp), 0);
	assert_string_equal(fp, "6668 7aad f862 bd77"); /* sha256 of 32 zero bytes */
}

static void test_fingerprint_refuses_what_is_no_key(void **state)
{
	(void)state;
	char fp[KEYS_FINGERPRINT_SIZE] = "x";
	static const char *const bad[] = {
		"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (keys_fingerprint(bad[i], fp) != -1 || fp[0] != '\0')
			fail_msg("accepted \"%s\"", bad[i]);
	}
	assert_int_equal(keys_fingerprint(NULL, fp), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fingerprint_golden),
		cmocka_unit_test(test_fingerprint_refuses_what_is_no_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
