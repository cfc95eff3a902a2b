/* JSON in and out of the API: the error shape, strict body parsing with
 * every refusal's exact message, unknown fields, and the request log line. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "testutil.h"

#include "lib/xalloc.h"
#include "web/http_json.h"
#include "web/reqlog.h"

struct fake_headers {
	const char *content_type;
};

static const char *fake_header(void *cls, const char *name)
{
	const struct fake_headers *h = cls;
	return strcasecmp(name, "content-type") == 0 ? h->content_type : NULL;
}

/* Parses body as sent with content type; returns the status (0: parsed)
 * and leaves the error body in *resp. */
static int parse(const char *type, const char *body, struct http_response *resp, json_t **out)
{
	struct fake_headers h = { type };
	struct http_request req = { .header_fn = fake_header, .header_cls = &h, .body = body,
				    .body_len = body ? strlen(body) : 0 };
	memset(resp, 0, sizeof *resp);
	http_json_parse(&req, resp, out);
	return resp->status;
}

static void expect_refusal(const char *type, const char *body, int status, const char *want)
{
	struct http_response resp;
	json_t *v;
	assert_int_equal(parse(type, body, &resp, &v), status);
	assert_null(v);
	assert_string_equal(resp.content_type, "application/json");
	assert_string_equal(resp.body, want);
	http_response_release(&resp);
}

static void test_error_shape(void **state)
{
	(void)state;
	struct http_response resp = { 0 };
	http_json_error(&resp, 404, "not_found", "no catalog \"%s\"", "x\"y");
	assert_int_equal(resp.status, 404);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"not_found\",\"message\":\"no catalog \\\"x\\\"y\\\"\"}}");
	assert_int_equal(resp.body_len, strlen(resp.body));
	/* A message past 300 bytes is cut at a character, never inside one. */
	char big[400];
	memset(big, 'a', 298);
	strcpy(big + 298, "審査");
	http_json_error(&resp, 400, "bad_request", "%s", big);
	json_t *v = json_loads(resp.body, 0, NULL);
	const char *m = json_string_value(json_object_get(json_object_get(v, "error"), "message"));
	assert_int_equal(strlen(m), 300);
	assert_string_equal(m + 297, "...");
	json_decref(v);
	http_response_release(&resp);
}

static void test_parse_ok(void **state)
{
	(void)state;
	struct http_response resp;
	json_t *v;
	assert_int_equal(parse("application/json", "{\"status\":\"partial\",\"notes\":\"審査\"}", &resp, &v), 0);
	assert_string_equal(json_string_value(json_object_get(v, "notes")), "審査");
	json_decref(v);
	assert_int_equal(parse("Application/JSON ; charset=utf-8", "{}", &resp, &v), 0);
	json_decref(v);
}

static void test_parse_refusals(void **state)
{
	(void)state;
	const char *type415 = "{\"error\":{\"code\":\"unsupported_media_type\",\"message\":\"the request body must be "
			      "application/json\"}}";
	expect_refusal(NULL, "{}", 415, type415);
	expect_refusal("text/plain", "{}", 415, type415);
	expect_refusal("application/jsonx", "{}", 415, type415);
	expect_refusal("application/x-www-form-urlencoded", "a=1", 415, type415);
	expect_refusal("application/json", NULL, 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body is empty (want a JSON object)\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
	expect_refusal("application/json", "{\"a\":1,\"a\":2}", 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body is not JSON: line 1, column 10: "
		       "duplicate object key near '\\\"a\\\"'\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
	expect_refusal("application/json", "{\"a\":\n 1,}", 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body is not JSON: line 2, column 4: "
		       "string or '}' expected near '}'\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
	expect_refusal("application/json", "{} {}", 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body is not JSON: line 1, column 4: "
		       "end of file expected near '{'\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
	expect_refusal("application/json", "{\"a\":\"\\u0000\"}", 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body is not JSON: line 1, column 13: "
		       "\\\\u0000 is not allowed without JSON_ALLOW_NUL near '\\\"\\\\u0000\\\"'\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
	expect_refusal("application/json", "[1]", 400,
		       "{\"error\":{\"code\":\"bad_request\",\"message\":\"the request body must be a JSON object\",\"problems\":[{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}]}}");
}

static const struct http_json_field status_fields[] = {
	{ .name = "status", .type = HTTP_JSON_STRING },
	{ .name = "current", .type = HTTP_JSON_STRING },
	{ .name = "notes", .type = HTTP_JSON_STRING },
	{ 0 },
};

static void test_unknown_fields(void **state)
{
	(void)state;
	static const struct http_json_field none[] = { { 0 } };
	struct http_response resp = { 0 };
	json_t *v = json_loads("{\"status\":\"x\",\"notes\":\"\"}", 0, NULL);
	assert_int_equal(http_json_check(v, status_fields, &resp), 0);
	assert_int_equal(resp.status, 0);
	json_decref(v);
	/* The first unknown one as the client wrote them. */
	v = json_loads("{\"status\":\"x\",\"plan_du\":\"\",\"zzz\":1}", 0, NULL);
	assert_int_equal(http_json_check(v, status_fields, &resp), -1);
	assert_int_equal(resp.status, 400);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"bad_request\",\"message\":\"unknown field \\\"plan_du\\\" "
				       "(allowed: status, current, notes)\",\"problems\":[{\"cell\":\"\",\"code\":\"unknown_field\","
				       "\"args\":[\"plan_du\"]}]}}");
	http_response_release(&resp);
	json_decref(v);
	v = json_loads("{\"a\":1}", 0, NULL);
	assert_int_equal(http_json_check(v, none, &resp), -1);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"bad_request\",\"message\":\"unknown field \\\"a\\\" "
				       "(allowed: none)\",\"problems\":[{\"cell\":\"\",\"code\":\"unknown_field\","
				       "\"args\":[\"a\"]}]}}");
	http_response_release(&resp);
	json_decref(v);
	/* A long name is cut at a character. */
	char key[300];
	strcpy(key, "審");
	memset(key + 3, 'k', 200);
	key[203] = '\0';
	v = json_object();
	json_object_set_new(v, key, json_true());
	assert_int_equal(http_json_check(v, status_fields, &resp), -1);
	json_t *body = json_loads(resp.body, 0, NULL);
	const char *m = json_string_value(json_object_get(json_object_get(body, "error"), "message"));
	assert_non_null(m);
	assert_int_equal(strncmp(m, "unknown field \"審kkk", 20), 0);
	assert_non_null(strstr(m, "kkk...\" (allowed: status, current, notes)"));
	assert_int_equal(strlen(m) - strlen("unknown field \"\" (allowed: status, current, notes)"), 80);
	json_decref(body);
	json_decref(v);
	http_response_release(&resp);
}

/* A table with one field of each type and rule. */
static const struct http_json_field rule_fields[] = {
	{ "bank", HTTP_JSON_STRING, .required = true, .max = 5 },
	{ "expires", HTTP_JSON_STRING, .nullable = true },
	{ "months", HTTP_JSON_INTEGER, .nullable = true },
	{ .name = "disabled", .type = HTTP_JSON_BOOLEAN },
	{ .name = "items", .type = HTTP_JSON_ARRAY },
	{ .name = "meta", .type = HTTP_JSON_OBJECT },
	{ 0 },
};

/* http_json_body on body: its status (0: read) and message. */
static int check(const char *body, json_t **obj, char **msg)
{
	struct fake_headers h = { "application/json" };
	struct http_request req = { .header_fn = fake_header, .header_cls = &h, .body = body, .body_len = strlen(body) };
	struct http_response resp = { 0 };
	http_json_body(&req, &resp, rule_fields, obj);
	*msg = resp.body ? strdup(resp.body) : NULL;
	int status = resp.status;
	http_response_release(&resp);
	return status;
}

static void test_rules(void **state)
{
	(void)state;
	json_t *obj;
	char *msg;
	const char *ok = "{\"bank\":\"X銀行😀\",\"expires\":null,\"months\":3,\"disabled\":false,\"items\":[],\"meta\":{}}";
	assert_int_equal(check(ok, &obj, &msg), 0);
	assert_null(msg);
	const char *v[6];
	http_json_strs(obj, rule_fields, v);
	assert_string_equal(v[0], "X銀行😀"); /* 5 characters as the product counts: the emoji is 2 */
	assert_null(v[1]);		   /* null reads as absent */
	assert_string_equal(http_json_str(obj, "expires", ""), "");
	assert_null(http_json_str(obj, "nothing", ""));
	json_decref(obj);
#define TOO_LONG "{\"cell\":\"\",\"code\":\"too_long\",\"args\":[\"bank\",\"5\"]}"
#define TYPE(name) "{\"cell\":\"\",\"code\":\"wrong_type\",\"args\":[\"" name "\"]}"
	static const struct {
		const char *body, *msg, *problem; /* problem: the "problems" a page words, or none */
	} refused[] = {
		{ "{}", "bank is required", "{\"cell\":\"\",\"code\":\"required\",\"args\":[\"bank\"]}" },
		{ "{\"bank\":null}", "bank must be a string", TYPE("bank") },
		{ "{\"bank\":1}", "bank must be a string", TYPE("bank") },
		{ "{\"bank\":\"X\",\"expires\":20260501}", "expires must be a string or null", TYPE("expires") },
		{ "{\"bank\":\"X\",\"months\":1.0}", "months must be a whole number or null", TYPE("months") },
		{ "{\"bank\":\"X\",\"disabled\":null}", "disabled must be true or false", TYPE("disabled") },
		{ "{\"bank\":\"X\",\"items\":{}}", "items must be an array", TYPE("items") },
		{ "{\"bank\":\"X\",\"meta\":[]}", "meta must be an object", TYPE("meta") },
		{ "{\"bank\":\"銀行銀行😀\"}", "bank is longer than 5 characters", TOO_LONG },
		{ "{\"bank\":\"ABCDEF\"}", "bank is longer than 5 characters", TOO_LONG },
		/* The first problem: unknown fields, then the table's order. */
		{ "{\"x\":1,\"bank\":1}", "unknown field \\\"x\\\" (allowed: bank, expires, months, disabled, items, meta)",
		  "{\"cell\":\"\",\"code\":\"unknown_field\",\"args\":[\"x\"]}" },
		{ "{\"meta\":1,\"bank\":1}", "bank must be a string", TYPE("bank") },
		{ "[]", "the request body must be a JSON object", "{\"cell\":\"\",\"code\":\"bad_body\",\"args\":[]}" },
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		const char *p = refused[i].problem;
		char *want = xasprintf("{\"error\":{\"code\":\"bad_request\",\"message\":\"%s\"%s%s%s}}", refused[i].msg,
				       p ? ",\"problems\":[" : "", p ? p : "", p ? "]" : "");
		assert_int_equal(check(refused[i].body, &obj, &msg), 400);
		assert_null(obj); /* freed on a refusal */
		assert_string_equal(msg, want);
		free(want);
		free(msg);
	}
}

static void test_log_line(void **state)
{
	(void)state;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	struct reqlog_entry en = { .request_id = "0123456789abcdef", .remote = "127.0.0.1", .method = "GET",
				   .path = "/api/v1/catalogs/審", .status = 200, .bytes = 26, .ms = 1.23456 };
	char *line = reqlog_line(&en);
	assert_string_equal(line, "{\"time\":\"2026-04-01T09:00:00Z\",\"request_id\":\"0123456789abcdef\",\"remote\":"
				  "\"127.0.0.1\",\"method\":\"GET\",\"path\":\"/api/v1/catalogs/審\",\"status\":200,"
				  "\"bytes\":26,\"ms\":1.235}");
	free(line);
	/* Not UTF-8: logged escaped. No method: null. A note when there is one. */
	en.path = "/x\xff\"";
	en.method = NULL;
	en.status = 431;
	en.bytes = 0;
	en.ms = 0;
	en.note = "why";
	line = reqlog_line(&en);
	assert_string_equal(line, "{\"time\":\"2026-04-01T09:00:00Z\",\"request_id\":\"0123456789abcdef\",\"remote\":"
				  "\"127.0.0.1\",\"method\":null,\"path\":\"/x%FF\\\"\",\"status\":431,\"bytes\":0,"
				  "\"ms\":0.0,\"note\":\"why\"}");
	free(line);
	unsetenv("SHINSA_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_shape),
		cmocka_unit_test(test_parse_ok),
		cmocka_unit_test(test_parse_refusals),
		cmocka_unit_test(test_unknown_fields),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_log_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
