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

static void status_of(enum outcome rc, int status, const char *code)
{
	struct api_refusal r = api_refusal_of(rc);
	assert_int_equal(r.status, status);
	assert_string_equal(r.code, code);
}

/* The one table from outcome to HTTP, every outcome. */
static void test_refusal_table(void **state)
{
	(void)state;
	status_of(OUTCOME_NOT_FOUND, 404, "not_found");
	status_of(OUTCOME_INVALID, 400, "bad_request");
	status_of(OUTCOME_CONFLICT, 409, "conflict");
	status_of(OUTCOME_REFUSED, 403, "forbidden");
	status_of(OUTCOME_CHOOSE, 400, "bad_request");
	status_of(OUTCOME_INCOMPLETE, 422, "incomplete");
	status_of(OUTCOME_SHEET, 422, "invalid_workbook");
	status_of(OUTCOME_DENIED, 401, "unauthorized");
	status_of(OUTCOME_THROTTLED, 429, "too_many_attempts");
	status_of(OUTCOME_TOO_LARGE, 413, "too_large");
	status_of(OUTCOME_FAILED, 500, "internal");
	status_of(OUTCOME_OK, 500, "internal");
	status_of((enum outcome)(OUTCOME_TOO_LARGE + 1), 500, "internal");
	struct err e = { 0 };
	err_set(&e, "wrong email or password");
	refused(OUTCOME_DENIED, &e, NULL, 401,
		"{\"error\":{\"code\":\"unauthorized\",\"message\":\"wrong email or password\"}}");
	refused(OUTCOME_REFUSED, &e, NULL, 403,
		"{\"error\":{\"code\":\"forbidden\",\"message\":\"wrong email or password\"}}");
	/* CHOOSE where the handler names no way to choose is the server's fault */
	refused(OUTCOME_CHOOSE, &e, NULL, 500,
		"{\"error\":{\"code\":\"internal\",\"message\":\"the server could not do this; the request id is in its log\"}}");
}

static void test_throttled(void **state)
{
	(void)state;
	struct err e = { 0 };
	err_set(&e, "too many attempts");
	struct http_response resp = { 0 };
	/* a lock that has just ended: still at least 1 second to wait */
	api_refused_until(&resp, OUTCOME_THROTTLED, 1, &e);
	assert_int_equal(resp.status, 429);
	assert_int_equal(resp.n_headers, 1);
	assert_string_equal(resp.headers[0].name, "Retry-After");
	assert_string_equal(resp.headers[0].value, "1");
	const char *want = "{\"error\":{\"code\":\"too_many_attempts\",\"message\":\"too many attempts\"}}";
	assert_int_equal(resp.body_len, strlen(want));
	assert_memory_equal(resp.body, want, resp.body_len);
	http_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_content_disposition),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_refusal_table),
		cmocka_unit_test(test_throttled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
