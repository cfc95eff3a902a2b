/* The download name of an export: RFC 6266's ASCII filename and RFC 5987's
 * UTF-8 filename*, whatever the organisation is called; a service's
 * refusal as the one answer for its outcome, an error kept as data with
 * its problem. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "service/outcome.h"
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

static void refused(int rc, const struct err *e, const char *choose, int status, const char *want)
{
	struct http_response resp = { 0 };
	api_refused(&resp, rc, e, choose);
	assert_int_equal(resp.status, status);
	assert_string_equal(resp.content_type, "application/json");
	assert_int_equal(resp.body_len, strlen(want));
	assert_memory_equal(resp.body, want, resp.body_len);
	http_response_release(&resp);
}

static void test_refused(void **state)
{
	(void)state;
	struct err e = { 0 };
	err_set(&e, "no catalog \"x\"");
	refused(OUTCOME_NOT_FOUND, &e, NULL, 404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no catalog \\\"x\\\"\"}}");
	refused(OUTCOME_CHOOSE, &e, "checklist", 400,
		"{\"error\":{\"code\":\"bad_request\",\"message\":\"no catalog \\\"x\\\": say which with ?checklist=ID\"}}");
	err_coded(&e, "a.csv:3", "number_again", "通番 {1} again (first at {2})", "1", "a.csv:2", NULL);
	refused(OUTCOME_INVALID, &e, NULL, 400,
		"{\"error\":{\"code\":\"bad_request\",\"message\":\"a.csv:3: 通番 1 again (first at a.csv:2)\","
		"\"problems\":[{\"cell\":\"a.csv:3\",\"code\":\"number_again\",\"args\":[\"1\",\"a.csv:2\"]}]}}");
	err_coded(&e, NULL, "empty", "the file is empty", NULL);
	refused(OUTCOME_CONFLICT, &e, NULL, 409,
		"{\"error\":{\"code\":\"conflict\",\"message\":\"the file is empty\","
		"\"problems\":[{\"cell\":\"\",\"code\":\"empty\",\"args\":[]}]}}");
	/* a file name that is not UTF-8 (a query may carry any bytes): a value
	 * is "?", a place is not said as data, the message says less */
	err_coded(&e, "\xff.csv:3", "not_a_number", "通番 \"{1}\" is not a number", "\xfe", NULL);
	refused(OUTCOME_INVALID, &e, NULL, 400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"bad_request\"}}");
	const char *const args[] = { "1", "\xfe", "a.csv:2" };
	json_t *p = api_problem_json("a.csv:3", "number_again", args, 3);
	char *text = json_dumps(p, JSON_COMPACT);
	assert_string_equal(text, "{\"cell\":\"a.csv:3\",\"code\":\"number_again\",\"args\":[\"1\",\"a.csv:2\"]}");
	free(text);
	json_decref(p);
	assert_null(api_problem_json("\xff", "empty", NULL, 0));
	err_set(&e, "the server's own failure");
	refused(-1, &e, NULL, 500,
		"{\"error\":{\"code\":\"internal\",\"message\":\"the server could not do this; the request id is in its log\"}}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_disposition),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
