/* formats/csv: the exact bytes of the audit log's download — the byte
 * order mark, CRLF, and RFC 4180 quoting of commas, quotes and newlines —
 * and service/audit_query's JST days. */
#include <string.h>

#include "testutil.h"

#include "formats/csv.h"
#include "service/audit_query.h"

static void test_bom_rows_and_quoting(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	csv_bom(&sb);
	const char *head[] = { "日時（JST）", "内容" };
	csv_row(&sb, head, 2);
	const char *row[] = { "a,b", "say \"hi\"", "two\nlines", NULL, "cr\r", "plain" };
	csv_row(&sb, row, 6);
	static const char want[] = "\xEF\xBB\xBF"
				   "日時（JST）,内容\r\n"
				   "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"cr\r\",plain\r\n";
	assert_int_equal(sb.len, sizeof want - 1);
	assert_memory_equal(sb.buf, want, sizeof want - 1);
	strbuf_release(&sb);
}

static void test_days_in_jst(void **state)
{
	(void)state;
	/* The era forms and full-width digits as typed in Japan too. */
	static const struct {
		const char *text;
		bool end;
		const char *want;
	} good[] = {
		{ "2027-07-31", false, "2027-07-30T15:00:00Z" }, { "2027/7/31", true, "2027-07-31T15:00:00Z" },
		{ "2028/2/29", true, "2028-02-29T15:00:00Z" },   { "2027-01-01", false, "2026-12-31T15:00:00Z" },
		{ "令和9年7月31日", false, "2027-07-30T15:00:00Z" }, { "R9.7.31", true, "2027-07-31T15:00:00Z" },
		{ "２０２７／７／３１", false, "2027-07-30T15:00:00Z" },
	};
	char out[AUDIT_QUERY_STAMP];
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		assert_int_equal(audit_query_day(good[i].text, good[i].end, out), 0);
		assert_string_equal(out, good[i].want);
	}
	const char *bad[] = { "2027-02-29", "令和9年2月30日", "2027/13/1", "2027/07/31x", "27-07-31", "", "2027-07/31",
			      "平成31年5月1日" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(audit_query_day(bad[i], false, out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_rows_and_quoting),
		cmocka_unit_test(test_days_in_jst),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
