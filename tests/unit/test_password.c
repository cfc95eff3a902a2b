/* Password hashing, the rules and their messages, generated passwords, and
 * the bound on concurrent hashes. */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/password.h"
#include "lib/token.h"

static int setup(void **state)
{
	(void)state;
	return sodium_init() < 0 ? -1 : 0;
}

static void test_hash_and_verify(void **state)
{
	(void)state;
	char hash[PASSWORD_HASH_MAX];
	struct err e = { 0 };
	assert_int_equal(password_hash("correct horse battery", hash, &e), 0);
	/* argon2id with the interactive limits: 64 MiB, 2 passes, in the text. */
	assert_int_equal(strncmp(hash, "$argon2id$v=19$m=65536,t=2,p=1$", 31), 0);
	assert_null(strstr(hash, "correct"));
	assert_true(password_verify(hash, "correct horse battery"));
	assert_false(password_verify(hash, "correct horse batterY"));
	assert_false(password_verify(hash, ""));
	assert_false(password_needs_rehash(hash));
	/* Two hashes of one password differ (random salt). */
	char again[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("correct horse battery", again, &e), 0);
	assert_string_not_equal(hash, again);
	assert_false(password_verify("not a hash", "correct horse battery"));
	password_burn("correct horse battery"); /* does the work, finds nothing */
}

static void test_needs_rehash(void **state)
{
	(void)state;
	char weak[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_true(password_verify(weak, "pw"));
	assert_true(password_needs_rehash(weak));
	assert_true(password_needs_rehash("$2b$12$abcdefghijklmnopqrstuv"));
}

static void check_msg(const char *pw, const char *want)
{
	struct err e = { 0 };
	assert_int_equal(password_check(pw, &e), -1);
	assert_string_equal(e.msg, want);
}

static void test_rules(void **state)
{
	(void)state;
	struct err e = { 0 };
	check_msg("", "the password is too short: it needs at least 10 characters");
	check_msg("123456789", "the password is too short: it needs at least 10 characters");
	assert_int_equal(password_check("1234567890", &e), 0);
	/* Characters, not bytes: nine kanji are 27 bytes and still too short. */
	check_msg("審査審査審査審査審", "the password is too short: it needs at least 10 characters");
	assert_int_equal(password_check("審査審査審査審査審査", &e), 0);
	check_msg("abcdefghij\xff", "the password is not valid UTF-8");
	/* Each rule is coded, with its limit, for a page to say in its words. */
	assert_int_equal(password_check("short", &e), -1);
	assert_string_equal(e.code, "password_short");
	assert_int_equal(e.n_args, 1);
	assert_string_equal(e.args[0], "10");
	char *big = malloc(PASSWORD_MAX_BYTES + 2);
	memset(big, 'a', PASSWORD_MAX_BYTES);
	big[PASSWORD_MAX_BYTES] = '\0';
	assert_int_equal(password_check(big, &e), 0);
	char hash[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash(big, hash, &e), 0);
	assert_true(password_verify(hash, big));
	strcpy(big + PASSWORD_MAX_BYTES, "a");
	check_msg(big, "the password is too long: at most 1024 bytes");
	assert_int_equal(password_hash(big, hash, &e), -1);
	assert_string_equal(e.msg, "the password is too long: at most 1024 bytes");
	assert_false(password_verify(hash, big));
	free(big);
}

static void test_generate(void **state)
{
	(void)state;
	char a[PASSWORD_GENERATED_LEN + 1], b[PASSWORD_GENERATED_LEN + 1];
	password_generate(a);
	password_generate(b);
	assert_int_equal(strlen(a), 23);
	assert_string_not_equal(a, b);
	for (size_t i = 0; i < 23; i++) {
		if (i % 6 == 5)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr(TOKEN_CODE_ALPHABET, a[i]));
	}
	struct err e = { 0 };
	assert_int_equal(password_check(a, &e), 0);
	/* No look-alikes in the alphabet. */
	assert_null(strpbrk(TOKEN_CODE_ALPHABET, "01ilo"));
}

static void *hash_once(void *arg)
{
	char hash[PASSWORD_HASH_MAX];
	struct err e = { 0 };
	*(int *)arg = password_hash("correct horse battery", hash, &e);
	return NULL;
}

/* n threads hash at once; the peak is what the bound lets through. */
static unsigned peak_with(unsigned limit, size_t n)
{
	pthread_t t[8];
	int rc[8];
	password_set_concurrency(limit);
	password_peak_reset();
	for (size_t i = 0; i < n; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hash_once, &rc[i]), 0);
	for (size_t i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(rc[i], 0);
	}
	password_set_concurrency(PASSWORD_DEFAULT_CONCURRENCY);
	return password_peak();
}

static void test_concurrency_bound(void **state)
{
	(void)state;
	/* Each hash takes ~0.1 s, so threads started together do overlap: the
	 * peak reaches the limit and never passes it. */
	assert_int_equal(peak_with(PASSWORD_DEFAULT_CONCURRENCY, PASSWORD_DEFAULT_CONCURRENCY + 1), 2);
	assert_int_equal(peak_with(1, 3), 1);
	assert_int_equal(peak_with(3, 4), 3);
	assert_int_equal(peak_with(0, 2), 1); /* 0 counts as 1 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_and_verify), cmocka_unit_test(test_needs_rehash),
		cmocka_unit_test(test_rules),	       cmocka_unit_test(test_generate),
		cmocka_unit_test(test_concurrency_bound),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
