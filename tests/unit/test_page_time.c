/* How the pages show times: JST, whatever the server's TZ; a share's
 * expiry as the last day in force the person typed. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

#include "web/page_time.h"

static void test_jst(void **state)
{
	(void)state;
	char out[PAGE_TIME_MAX];
	/* The server's own zone must not matter. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_true(page_time_jst("2026-12-03T21:58:02Z", out));
	assert_string_equal(out, "2026-12-04 06:58");
	assert_true(page_time_jst("2026-12-31T15:00:00Z", out));
	assert_string_equal(out, "2027-01-01 00:00");
	assert_true(page_time_jst("2028-02-28T15:59:59Z", out));
	assert_string_equal(out, "2028-02-29 00:59");
	assert_true(page_time_day("2026-12-03T21:58:02Z", out));
	assert_string_equal(out, "2026-12-04");
	assert_true(page_time_day("2026-12-03T14:59:59Z", out));
	assert_string_equal(out, "2026-12-03");
	assert_false(page_time_jst("2026-12-03", out));
	assert_string_equal(out, "");
	assert_false(page_time_jst("2026-12-03T21:58:02", out));
	assert_false(page_time_jst("2026-12-03 21:58:02Z", out));
	assert_false(page_time_day(NULL, out));
	unsetenv("TZ");
	tzset();
}

static void test_expiry(void **state)
{
	(void)state;
	char out[PAGE_TIME_MAX];
	/* "2026-12-31" typed is stored as the next UTC midnight. */
	assert_true(page_time_expiry("2027-01-01T00:00:00Z", out));
	assert_string_equal(out, "2026-12-31");
	assert_true(page_time_expiry("2026-03-01T00:00:00Z", out));
	assert_string_equal(out, "2026-02-28");
	/* An exact time is the JST instant it ends. */
	assert_true(page_time_expiry("2027-03-31T15:00:00Z", out));
	assert_string_equal(out, "2027-04-01 00:00");
	assert_false(page_time_expiry("2026-12-31", out));
	assert_string_equal(out, "");
}

static void test_times_in_data(void **state)
{
	(void)state;
	/* Only members named at or …_at (and arrays under them) are times: a
	 * person's text that is a time (current, answer) stays as typed. */
	json_t *v = json_loads("{\"at\":\"2026-04-01T09:05:00Z\",\"due\":\"2026-06-30\",\"seen_at\":[\"2027-12-31T23:59:59Z\","
			       "\"2026-04-01T09:05:00\",\"note 2026-04-01T09:05:00Z\"],\"n\":1,"
			       "\"shares\":[{\"expires_at\":\"2027-01-01T00:00:00Z\",\"created_at\":\"2026-12-03T21:58:02Z\"},"
			       "{\"expires_at\":null}],\"current\":\"2026-04-01T09:05:00Z\",\"list\":[\"2026-04-01T09:05:00Z\"],"
			       "\"hat\":\"2026-04-01T09:05:00Z\"}",
			       0, NULL);
	assert_non_null(v);
	page_times(v);
	char *got = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(got, "{\"at\":\"2026-04-01 18:05\",\"due\":\"2026-06-30\",\"seen_at\":[\"2028-01-01 08:59\","
				 "\"2026-04-01T09:05:00\",\"note 2026-04-01T09:05:00Z\"],\"n\":1,"
				 "\"shares\":[{\"expires_at\":\"2026-12-31\",\"created_at\":\"2026-12-04 06:58\"},"
				 "{\"expires_at\":null}],\"current\":\"2026-04-01T09:05:00Z\",\"list\":[\"2026-04-01T09:05:00Z\"],"
				 "\"hat\":\"2026-04-01T09:05:00Z\"}");
	free(got);
	json_decref(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jst),
		cmocka_unit_test(test_expiry),
		cmocka_unit_test(test_times_in_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
