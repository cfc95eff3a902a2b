/* Which language a page is in: the cookie, then Accept-Language, then Japanese. */
#include <string.h>

#include "testutil.h"

#include "web/lang.h"

static void test_codes(void **state)
{
	(void)state;
	enum lang l = LANG_JA;
	assert_true(lang_from_code("en", &l));
	assert_int_equal(l, LANG_EN);
	assert_true(lang_from_code("ja", &l));
	assert_int_equal(l, LANG_JA);
	l = LANG_EN;
	assert_false(lang_from_code("EN", &l));
	assert_false(lang_from_code("fr", &l));
	assert_false(lang_from_code("", &l));
	assert_false(lang_from_code(NULL, &l));
	assert_int_equal(l, LANG_EN); /* unchanged */
	assert_string_equal(lang_code(LANG_JA), "ja");
	assert_string_equal(lang_code(LANG_EN), "en");
}

static void test_header_weights(void **state)
{
	(void)state;
	assert_int_equal(lang_from_header(NULL), LANG_JA);
	assert_int_equal(lang_from_header(""), LANG_JA);
	assert_int_equal(lang_from_header("en-US,en;q=0.9"), LANG_EN);
	assert_int_equal(lang_from_header("ja-JP,ja;q=0.9,en;q=0.8"), LANG_JA);
	assert_int_equal(lang_from_header("en;q=0.5, ja;q=0.8"), LANG_JA);
	assert_int_equal(lang_from_header("fr-FR, en;q=0.7, ja;q=0.3"), LANG_EN);
	assert_int_equal(lang_from_header("EN-gb"), LANG_EN);
	/* "*" is Japanese, our default; equal weights: the first listed. */
	assert_int_equal(lang_from_header("*;q=0.9, en;q=0.9"), LANG_JA);
	assert_int_equal(lang_from_header("en;q=0.9, *;q=0.9"), LANG_EN);
	/* q=0 is "not this one"; nothing we have: Japanese. */
	assert_int_equal(lang_from_header("en;q=0"), LANG_JA);
	assert_int_equal(lang_from_header("de, fr"), LANG_JA);
	assert_int_equal(lang_from_header("en;q=1.000"), LANG_EN);
	assert_int_equal(lang_from_header("eng"), LANG_JA); /* not en */
}

static void test_header_bad_ranges_skipped(void **state)
{
	(void)state;
	/* A malformed range or weight is skipped; the rest still counts. */
	assert_int_equal(lang_from_header("en;q=2, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_header("en;q=0.1234, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_header("en;x=1, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_header("en-, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_header("e<n, ja;q=0.1"), LANG_JA);
	assert_int_equal(lang_from_header("toolongtag, en;q=0.2"), LANG_EN);
	assert_int_equal(lang_from_header(",,, en ,"), LANG_EN);
	assert_int_equal(lang_from_header("en;q="), LANG_JA);
}

static void test_header_limits(void **state)
{
	(void)state;
	char h[LANG_HEADER_MAX + 2];
	/* LANG_HEADER_MAX bytes are read; one more and the header is ignored. */
	memset(h, ' ', sizeof h);
	memcpy(h, "en", 2);
	h[LANG_HEADER_MAX] = 0;
	assert_int_equal(lang_from_header(h), LANG_EN);
	h[LANG_HEADER_MAX] = ' ';
	h[LANG_HEADER_MAX + 1] = 0;
	assert_int_equal(lang_from_header(h), LANG_JA);
	/* LANG_MAX_RANGES ranges are read; one more and it is ignored. */
	char r[LANG_MAX_RANGES * 3 + 8] = "en";
	for (int i = 1; i < LANG_MAX_RANGES; i++)
		strcat(r, ",fr");
	assert_int_equal(lang_from_header(r), LANG_EN);
	strcat(r, ",fr");
	assert_int_equal(lang_from_header(r), LANG_JA);
}

static void test_cookie_first(void **state)
{
	(void)state;
	assert_int_equal(lang_pick("en", "ja"), LANG_EN);
	assert_int_equal(lang_pick("ja", "en"), LANG_JA);
	assert_int_equal(lang_pick("xx", "en"), LANG_EN);
	assert_int_equal(lang_pick(NULL, NULL), LANG_JA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_header_weights),
		cmocka_unit_test(test_header_bad_ranges_skipped),
		cmocka_unit_test(test_header_limits),
		cmocka_unit_test(test_cookie_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
