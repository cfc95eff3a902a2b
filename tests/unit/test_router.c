/* The router: patterns and parameters, 400/404/405, the access gate, body
 * limits, query decoding, percent-decoding, and the route table's paths in
 * the OpenAPI document. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "web/api_meta.h"
#include "web/router.h"
#include "web/routes.h"

static void h_a(struct http_request *req, struct http_response *resp)
{
	(void)req;
	(void)resp;
}
static void h_b(struct http_request *req, struct http_response *resp)
{
	(void)req;
	(void)resp;
}

static const struct route table[] = {
	{ "GET", "/healthz", h_a, ROUTE_PUBLIC, 0, 0 },
	{ "GET", "/api/v1/answers", h_a, 0, 0, 0 },
	{ "PUT", "/api/v1/answers/{no}", h_b, 0, 0, 0 },
	{ "POST", "/api/v1/answers/import", h_b, 0, 20u << 20, 0 },
	{ "GET", "/api/v1/submissions/{id}/diff/{other}", h_a, 0, 0, 0 },
	{ "DELETE", "/api/v1/submissions/{id}/shares/{share}", h_b, 0, 0, 0 },
	{ "POST", "/api/v1/session", h_a, ROUTE_PUBLIC, 0, 0 },
	{ "DELETE", "/api/v1/session", h_b, 0, 0, 0 },
};
#define N_TABLE (sizeof table / sizeof table[0])

struct result {
	const struct route *route;
	struct http_request req;
	struct http_response resp;
};

static void route(struct result *r, const char *method, const char *path)
{
	memset(r, 0, sizeof *r);
	r->req.method = method;
	r->req.path = path;
	r->route = router_match(table, N_TABLE, &r->req, &r->resp);
}

static void release(struct result *r)
{
	http_request_release(&r->req);
	http_response_release(&r->resp);
}

static void assert_answer(struct result *r, int status, const char *body)
{
	assert_null(r->route);
	assert_int_equal(r->resp.status, status);
	assert_string_equal(r->resp.content_type, "application/json");
	assert_string_equal(r->resp.body, body);
	release(r);
}

static void test_literal_and_params(void **state)
{
	(void)state;
	struct result r;
	route(&r, "GET", "/healthz");
	assert_ptr_equal(r.route, &table[0]);
	assert_int_equal(r.req.n_params, 0);
	assert_int_equal(r.resp.status, 0);
	release(&r);

	route(&r, "PUT", "/api/v1/answers/12");
	assert_ptr_equal(r.route, &table[2]);
	assert_string_equal(http_param(&r.req, "no"), "12");
	assert_null(http_param(&r.req, "id"));
	release(&r);

	/* A literal segment wins where it comes first in the table. */
	route(&r, "POST", "/api/v1/answers/import");
	assert_ptr_equal(r.route, &table[3]);
	release(&r);

	route(&r, "GET", "/api/v1/submissions/7/diff/working");
	assert_ptr_equal(r.route, &table[4]);
	assert_int_equal(r.req.n_params, 2);
	assert_string_equal(http_param(&r.req, "id"), "7");
	assert_string_equal(http_param(&r.req, "other"), "working");
	release(&r);

	/* Decoded after splitting: %2F stays inside the parameter. */
	route(&r, "DELETE", "/api/v1/submissions/a%2Fb/shares/%E5%85%B1%20x");
	assert_ptr_equal(r.route, &table[5]);
	assert_string_equal(http_param(&r.req, "id"), "a/b");
	assert_string_equal(http_param(&r.req, "share"), "共 x");
	release(&r);

	/* Literals compare decoded. */
	route(&r, "GET", "/%68ealthz");
	assert_ptr_equal(r.route, &table[0]);
	release(&r);
}

static void test_head_is_get(void **state)
{
	(void)state;
	struct result r;
	route(&r, "HEAD", "/healthz");
	assert_ptr_equal(r.route, &table[0]);
	release(&r);
}

static void test_not_found(void **state)
{
	(void)state;
	struct result r;
	const char *nf = "{\"error\":{\"code\":\"not_found\",\"message\":\"no such path\"}}";
	const char *paths[] = { "/", "/nope", "/healthz/", "/api/v1/answers/", "/api/v1/answers/1/x",
				"/api/v1/submissions/1/diff", "//healthz", "healthz", "*",
				"/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s" };
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		route(&r, "GET", paths[i]);
		assert_answer(&r, 404, nf);
	}
	/* An empty parameter is no parameter. */
	route(&r, "GET", "/api/v1/submissions//diff/2");
	assert_answer(&r, 404, nf);
}

static void test_method_not_allowed(void **state)
{
	(void)state;
	struct result r;
	route(&r, "POST", "/healthz");
	assert_string_equal(http_response_get_header(&r.resp, "Allow"), "GET, HEAD");
	assert_answer(&r, 405, "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"method POST is not allowed here "
			       "(allowed: GET, HEAD)\"}}");
	route(&r, "GET", "/api/v1/session");
	assert_string_equal(http_response_get_header(&r.resp, "allow"), "POST, DELETE");
	assert_answer(&r, 405, "{\"error\":{\"code\":\"method_not_allowed\",\"message\":\"method GET is not allowed here "
			       "(allowed: POST, DELETE)\"}}");
	route(&r, "GET", "/api/v1/answers/3");
	assert_string_equal(http_response_get_header(&r.resp, "Allow"), "PUT");
	release(&r);
}

static void test_bad_paths(void **state)
{
	(void)state;
	struct result r;
	const struct {
		const char *path, *body;
	} cases[] = {
		{ "/api/v1/answers/%zz", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bad percent-encoding\"}}" },
		{ "/healthz%", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bad percent-encoding\"}}" },
		{ "/healthz%4", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bad percent-encoding\"}}" },
		{ "/api/v1/answers/1%00", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has a NUL byte\"}}" },
		{ "/x%0a", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has a control character\"}}" },
		{ "/x\x7f", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has a control character\"}}" },
		{ "/x%ff", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bytes that are not UTF-8\"}}" },
		{ "/x%C0%AF", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bytes that are not UTF-8\"}}" },
		{ "/\xe5\x85", "{\"error\":{\"code\":\"bad_request\",\"message\":\"the path has bytes that are not UTF-8\"}}" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		route(&r, "GET", cases[i].path);
		assert_answer(&r, 400, cases[i].body);
	}
}

static void test_decode(void **state)
{
	(void)state;
	char *out;
	assert_int_equal(http_decode("a+b%2B%41", 9, true, &out), HTTP_DECODE_OK);
	assert_string_equal(out, "a b+A");
	free(out);
	assert_int_equal(http_decode("a+b", 3, false, &out), HTTP_DECODE_OK);
	assert_string_equal(out, "a+b");
	free(out);
	/* Only len bytes are read. */
	assert_int_equal(http_decode("ab%", 2, false, &out), HTTP_DECODE_OK);
	assert_string_equal(out, "ab");
	free(out);
	assert_int_equal(http_decode("ab%4", 4, false, &out), HTTP_DECODE_BAD_ESCAPE);
	assert_null(out);
	assert_int_equal(http_decode("%00", 3, false, &out), HTTP_DECODE_NUL);
	assert_int_equal(http_decode("%09", 3, false, &out), HTTP_DECODE_CONTROL);
	assert_int_equal(http_decode("%ED%A0%80", 9, false, &out), HTTP_DECODE_UTF8); /* a surrogate */
}

static void test_query(void **state)
{
	(void)state;
	struct http_request req = { 0 };
	struct http_response resp = { 0 };
	assert_int_equal(router_add_query(&req, "q", "%E5%AF%A9+査", &resp), 0);
	assert_int_equal(router_add_query(&req, "flag", NULL, &resp), 0);
	assert_string_equal(http_query(&req, "q"), "審 査");
	assert_string_equal(http_query(&req, "flag"), "");
	assert_null(http_query(&req, "other"));
	assert_int_equal(router_add_query(&req, "x", "%0", &resp), -1);
	assert_int_equal(resp.status, 400);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"bad_request\",\"message\":\"the query has bad percent-encoding\"}}");
	http_response_release(&resp);
	for (size_t i = req.n_query; i < HTTP_MAX_QUERY; i++)
		assert_int_equal(router_add_query(&req, "k", "v", &resp), 0);
	assert_int_equal(router_add_query(&req, "k", "v", &resp), -1);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"bad_request\",\"message\":\"too many query arguments (at most 32)\"}}");
	http_response_release(&resp);
	http_request_release(&req);
}

static void test_authorize_and_limits(void **state)
{
	(void)state;
	struct http_request req = { 0 };
	struct http_response resp = { 0 };
	struct route_refusal why;
	assert_int_equal(router_authorize(&table[0], &req, &resp, &why), 0);
	assert_int_equal(resp.status, 0);
	/* No flag: the gate looks for the caller in the database, which must
	 * open (tests/http/session.sh drives the rest of the gate). */
	req.db_path = "/nonexistent/shinsa.db";
	assert_int_equal(router_authorize(&table[1], &req, &resp, &why), -1);
	assert_int_equal(why.status, 0); /* answered already */
	assert_int_equal(resp.status, 503);
	assert_string_equal(resp.body, "{\"error\":{\"code\":\"unavailable\",\"message\":\"the database is not available\"}}");
	http_response_release(&resp);
	assert_int_equal(router_body_limit(&table[1]), 1048576);
	assert_int_equal(router_body_limit(&table[3]), 20971520);
}

/* Every route of the server is in web/openapi.json with its method, so the
 * document cannot fall behind the table. */
static void test_openapi_documents_every_route(void **state)
{
	(void)state;
	size_t len;
	const char *text = api_openapi_text(&len);
	json_error_t je;
	json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	json_t *paths = json_object_get(doc, "paths");
	for (size_t i = 0; i < n_routes; i++) {
		char method[8];
		size_t k = 0;
		for (; routes[i].method[k] && k < sizeof method - 1; k++)
			method[k] = (char)(routes[i].method[k] | 0x20);
		method[k] = '\0';
		json_t *op = json_object_get(json_object_get(paths, routes[i].pattern), method);
		if (!op)
			fail_msg("%s %s is not in web/openapi.json", routes[i].method, routes[i].pattern);
	}
	json_decref(doc);
}

/* Counted as libmicrohttpd splits a query, so that the server refuses
 * exactly the requests that would get past HTTP_MAX_QUERY. */
static void test_query_count(void **state)
{
	(void)state;
	assert_int_equal(router_query_count(NULL), 0);
	assert_int_equal(router_query_count(""), 0);
	assert_int_equal(router_query_count("a"), 1);
	assert_int_equal(router_query_count("a=1&b=2"), 2);
	assert_int_equal(router_query_count("a&&b"), 3);
	assert_int_equal(router_query_count("a&"), 1);
	assert_int_equal(router_query_count("&"), 1);
	assert_int_equal(router_query_count("a=x&y&b"), 3);
	struct http_response resp = { 0 };
	router_refuse_query_count(&resp);
	assert_int_equal(resp.status, 400);
	assert_memory_equal(resp.body, "{\"error\":{\"code\":\"bad_request\",\"message\":\"too many query arguments (at most 32)\"}}",
			    resp.body_len);
	http_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal_and_params),
		cmocka_unit_test(test_head_is_get),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_method_not_allowed),
		cmocka_unit_test(test_bad_paths),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_query_count),
		cmocka_unit_test(test_authorize_and_limits),
		cmocka_unit_test(test_openapi_documents_every_route),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
