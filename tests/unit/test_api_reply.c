/* The download name of an export: RFC 6266's ASCII filename and RFC 5987's
 * UTF-8 filename*, whatever the organisation is called. */
#include <stdlib.h>

#include "testutil.h"

#include "web/api_reply.h"

static void check(const char *name, const char *fallback, const char *want)
{
	char *got = api_content_disposition(name, fallback);
	assert_string_equal(got, want);
	free(got);
}

static void test_content_disposition(void **state)
{
	(void)state;
	check("デモ接続先株式会社-api-checklist-2018-08.xlsx", "answers-api-checklist-2018-08.xlsx",
	      "attachment; filename=\"answers-api-checklist-2018-08.xlsx\"; filename*=UTF-8''"
	      "%E3%83%87%E3%83%A2%E6%8E%A5%E7%B6%9A%E5%85%88%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE"
	      "-api-checklist-2018-08.xlsx");
	/* Quotes, spaces, semicolons, percent signs and backslashes never
	 * reach the header as they are: the fallback keeps letters, digits
	 * and . _ -, the UTF-8 name only RFC 5987's attr-chars. */
	check("A \"B\"; C%\\D (E)~!.xlsx", "a \"b\";\\c\r\n.xlsx",
	      "attachment; filename=\"a__b___c__.xlsx\"; filename*=UTF-8''A%20%22B%22%3B%20C%25%5CD%20%28E%29~!.xlsx");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_disposition),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
