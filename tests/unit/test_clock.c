/* Dates and times as the clock reads them: exactly YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SSZ, real calendar dates only. */
#include <stdlib.h>

#include "testutil.h"

#include "lib/clock.h"

static void test_parse_accepts_exact_forms(void **state)
{
	(void)state;
	time_t t;
	assert_int_equal(clock_parse("1970-01-01", &t), 0);
	assert_int_equal((long long)t, 0);
	assert_int_equal(clock_parse("2024-02-29T23:59:59Z", &t), 0);
	assert_int_equal((long long)t, 1709251199LL);
	char out[CLOCK_TEXT_SIZE];
	clock_format(t, out);
	assert_string_equal(out, "2024-02-29T23:59:59Z");
	assert_true(clock_date_valid("2026-09-30"));
}

static void test_parse_refuses_anything_else(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2026-+9-30", "2026-01- 1", " 2026-01-01", "2026-1-01", "2026/01/01", "2026-02-29", "2026-13-01",
		"2026-00-10", "1969-12-31", "2026-01-01T24:00:00Z", "2026-01-01T12:00:00", "2026-01-01t12:00:00Z",
		"2026-01-01T1:00:00ZZ", "２０２６-01-01", "", "2026-01-01T-1:00:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		time_t t = 42;
		if (clock_parse(bad[i], &t) != -1 || t != 42)
			fail_msg("accepted \"%s\"", bad[i]);
		if (clock_date_valid(bad[i]))
			fail_msg("date_valid accepted \"%s\"", bad[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_accepts_exact_forms),
		cmocka_unit_test(test_parse_refuses_anything_else),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
