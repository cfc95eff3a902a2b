/* Numbers, dates and bank names as people in Japan type them
 * (lib/jpinput.h): golden outputs and the exact refusals. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/err.h"
#include "lib/jpinput.h"

static void want_list(const char *in, const char *golden)
{
	int *v;
	size_t n;
	struct err e = { 0 };
	if (jpinput_numbers(in, &v, &n, &e) != 0)
		fail_msg("\"%s\": %s", in, e.msg);
	char got[256] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%d", i ? " " : "", v[i]);
	free(v);
	if (strcmp(got, golden) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", in, got, golden);
}

static void want_list_error(const char *in, const char *code, const char *msg)
{
	int *v = (int *)1;
	size_t n;
	struct err e = { 0 };
	assert_int_equal(jpinput_numbers(in, &v, &n, &e), -1);
	assert_null(v);
	assert_string_equal(e.code, code);
	assert_string_equal(e.msg, msg);
}

static void test_numbers(void **state)
{
	(void)state;
	want_list("2,3", "2 3");
	want_list("２、３", "2 3");
	want_list("2・3", "2 3");
	want_list("２，３", "2 3");
	want_list(" 2 3 ", "2 3");
	want_list("2〜5", "2 3 4 5");
	want_list("２～５、９", "2 3 4 5 9");
	want_list("2-5", "2 3 4 5");
	want_list("2 ー 4", "2 3 4");
	want_list("", "");
	want_list("　", "");
	want_list_error("2、a", "not_a_list", "\"2、a\" is not a list of numbers (want 2、3 or 2〜5)");
	want_list_error("0", "not_a_list", "\"0\" is not a list of numbers (want 2、3 or 2〜5)");
	want_list_error("2〜", "not_a_list", "\"2〜\" is not a list of numbers (want 2、3 or 2〜5)");
	want_list_error("5〜2", "range_backwards", "the range 5〜2 runs backwards");
	want_list_error("1-2000", "list_too_long", "\"1-2000\" names more than 1000 numbers");
	want_list_error("100000", "not_a_list", "\"100000\" is not a list of numbers (want 2、3 or 2〜5)");
}

static void want_date(const char *in, const char *golden)
{
	char out[11];
	struct err e = { 0 };
	if (jpinput_date(in, out, &e) != 0)
		fail_msg("\"%s\": %s", in, e.msg);
	if (strcmp(out, golden) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", in, out, golden);
}

static void want_date_error(const char *in, const char *code, const char *msg)
{
	char out[11] = "x";
	struct err e = { 0 };
	assert_int_equal(jpinput_date(in, out, &e), -1);
	assert_string_equal(out, "");
	assert_string_equal(e.code, code);
	assert_string_equal(e.msg, msg);
}

static void test_dates(void **state)
{
	(void)state;
	want_date("2027-07-31", "2027-07-31");
	want_date("2027/7/31", "2027-07-31");
	want_date("2027.7.31", "2027-07-31");
	want_date("2027年7月31日", "2027-07-31");
	want_date("２０２７年７月３１日", "2027-07-31");
	want_date("令和9年7月31日", "2027-07-31");
	want_date("令和９年７月３１日", "2027-07-31");
	want_date("R9.7.31", "2027-07-31");
	want_date("Ｒ９．７．３１", "2027-07-31");
	want_date("r09/07/31", "2027-07-31");
	want_date("H31.4.30", "2019-04-30");
	want_date("平成31年4月30日", "2019-04-30");
	want_date("令和元年5月1日", "2019-05-01");
	want_date("R1.5.1", "2019-05-01");
	want_date("平成元年1月8日", "1989-01-08");
	want_date("昭和55年3月1日", "1980-03-01");
	want_date(" 2024-02-29 ", "2024-02-29");
	want_date_error("平成31年5月1日", "not_in_era", "\"平成31年5月1日\" is not in 平成");
	want_date_error("令和元年4月30日", "not_in_era", "\"令和元年4月30日\" is not in 令和");
	want_date_error("2027-02-30", "not_a_day", "2027-02-30 is not a day");
	want_date_error("令和9年2月30日", "not_a_day", "令和9年2月30日 (2027-02-30) is not a day");
	want_date_error(" 2027/2/30 ", "not_a_day", "2027/2/30 (2027-02-30) is not a day");
	want_date_error("2026-13-01", "not_a_day", "2026-13-01 is not a day");
	want_date_error("2027-7/31", "not_a_date",
			"\"2027-7/31\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
	want_date_error("令和0年1月1日", "not_a_date",
			"\"令和0年1月1日\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
	want_date_error("27-07-31", "not_a_date",
			"\"27-07-31\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
	want_date_error("", "not_a_date",
			"\"\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)");
	want_date_error("1969-12-31", "not_a_date", "\"1969-12-31\" is not a date (want a year from 1970 to 9999)");
}

static void want_key(const char *in, const char *golden)
{
	char *k = jpinput_name_key(in);
	if (strcmp(k, golden) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", in, k, golden);
	free(k);
}

static void test_name_key(void **state)
{
	(void)state;
	want_key("デモ銀行", "デモ銀行");
	want_key("株式会社デモ銀行", "デモ銀行");
	want_key("デモ銀行株式会社", "デモ銀行");
	want_key("(株)デモ銀行", "デモ銀行");
	want_key("（株）デモ銀行", "デモ銀行");
	want_key("㈱デモ銀行", "デモ銀行");
	want_key("ﾃﾞﾓ銀行", "デモ銀行");
	want_key("ﾊﾟｲ銀行", "パイ銀行");
	want_key("株式会社　デモ銀行", "デモ銀行");
	want_key("Ｄｅｍｏ Bank", "demobank");
	want_key("株式会社", "株式会社");
	/* Characters beyond the BMP stay as typed (they were cut to bad UTF-8). */
	want_key("株式会社𠮷野銀行", "𠮷野銀行");
	want_key("😀 Bank", "😀bank");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_name_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
