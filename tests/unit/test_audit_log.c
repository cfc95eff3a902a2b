/* What an event's details become when they would not fit: the size test
 * and the item numbers as ranges. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/strbuf.h"
#include "service/audit_log.h"

static void assert_ranges(const int *nos, size_t n, const char *want)
{
	json_t *got = audit_log_ranges(nos, n);
	assert_string_equal(json_string_value(got), want);
	json_decref(got);
}

static void test_ranges(void **state)
{
	(void)state;
	const int some[] = { 1, 2, 3, 7, 9, 10, 11, 12, 20 };
	assert_ranges(some, 0, "");
	assert_ranges(some, 1, "1");
	assert_ranges(some, 2, "1-2");
	assert_ranges(some, 9, "1-3,7,9-12,20");
	const int unordered[] = { 5, 6, 2, 3, 4 };
	assert_ranges(unordered, 5, "5-6,2-4");
}

/* Every other number from 1: 1,3,5,... Cut where the next range and ",..."
 * would pass AUDIT_RANGES_MAX bytes. */
static void test_ranges_cut(void **state)
{
	(void)state;
	enum { N = 5000 };
	int *nos = malloc(N * sizeof *nos);
	for (int i = 0; i < N; i++)
		nos[i] = 2 * i + 1;
	json_t *got = audit_log_ranges(nos, N);
	const char *s = json_string_value(got);
	/* "1,3,5,7,9" is 9 bytes, ",11" ... ",99" 45 of 3, ",101" ... ",999"
	 * 450 of 4: 1944. Then ",1001" ... are 5 each, added while 4 bytes
	 * stay for ",...": (8192 - 4 - 1944) / 5 = 1248 of them, up to 999 +
	 * 2 x 1248 = 3495, 8184 bytes; ",..." makes 8188. */
	assert_int_equal(strlen(s), 8188);
	assert_string_equal(s + strlen(s) - 14, ",3493,3495,...");
	assert_int_equal(strncmp(s, "1,3,5,7,9,11,", 13), 0);
	json_decref(got);
	assert_ranges(nos, 2, "1,3");
	free(nos);
}

static void test_fits(void **state)
{
	(void)state;
	struct strbuf big = STRBUF_INIT;
	/* {"x":"..."} is 8 bytes and the text. */
	for (int i = 0; i < AUDIT_DETAILS_MAX - 8; i++)
		strbuf_addch(&big, 'a');
	json_t *d = json_pack("{s:s}", "x", big.buf);
	assert_true(audit_log_fits(d));
	json_decref(d);
	strbuf_addch(&big, 'a');
	d = json_pack("{s:s}", "x", big.buf);
	assert_false(audit_log_fits(d));
	json_decref(d);
	d = json_pack("{s:f}", "x", 1.5); /* canonical JSON has no reals */
	assert_false(audit_log_fits(d));
	json_decref(d);
	strbuf_release(&big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_ranges_cut),
		cmocka_unit_test(test_fits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
