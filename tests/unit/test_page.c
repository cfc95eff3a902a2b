/* The web pages' frame: templates and messages load, the language is
 * chosen, refusals become pages, static files are served, and the
 * language switch never sends anyone to another site. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "testutil.h"

#include "web/api_pages.h"
#include "web/page.h"
#include "web/routes.h"

struct fake_headers {
	const char *cookie, *accept_language;
};

static const char *fake_header(void *cls, const char *name)
{
	const struct fake_headers *h = cls;
	if (strcasecmp(name, "Cookie") == 0)
		return h->cookie;
	if (strcasecmp(name, "Accept-Language") == 0)
		return h->accept_language;
	return NULL;
}

/* resp's body as a string you own. */
static char *body_of(const struct http_response *resp)
{
	return strndup(resp->body ? resp->body : "", resp->body_len);
}

static void test_assets_load(void **state)
{
	(void)state;
	struct err e = { 0 };
	int rc = page_assets_check(&e);
	if (rc < 0)
		fail_msg("%s", e.msg);
}

static void render_login(const char *cookie, const char *accept, const char *next, struct http_response *resp)
{
	struct fake_headers h = { cookie, accept };
	struct http_request req = { .method = "GET", .path = "/login", .header_fn = fake_header, .header_cls = &h };
	if (next) {
		req.query[0].name = strdup("next");
		req.query[0].value = strdup(next);
		req.n_query = 1;
	}
	memset(resp, 0, sizeof *resp);
	page_login(&req, resp);
	http_request_release(&req);
}

static void test_login_in_japanese_by_default(void **state)
{
	(void)state;
	struct http_response resp;
	render_login(NULL, NULL, "/answers?x=1", &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "text/html; charset=utf-8");
	assert_string_equal(http_response_get_header(&resp, "Content-Language"), "ja");
	char *b = body_of(&resp);
	assert_non_null(strstr(b, "<html lang=\"ja\">"));
	assert_non_null(strstr(b, "<title>サインイン — Shinsa（審査）</title>"));
	assert_non_null(strstr(b, "<label for=\"email\">メールアドレス</label>"));
	assert_non_null(strstr(b, "data-next=\"/answers?x&#61;1\""));
	assert_non_null(strstr(b, "<a href=\"/lang/en?next=%2Flogin\" hreflang=\"en\" lang=\"en\">English</a>"));
	assert_non_null(strstr(b, "<script src=\"/static/login.js\" defer></script>"));
	/* Nobody is signed in: no menu, an empty CSRF token. */
	assert_null(strstr(b, "<nav"));
	assert_non_null(strstr(b, "<meta name=\"csrf-token\" content=\"\">"));
	assert_null(strstr(b, "<script>"));
	assert_null(strstr(b, "style="));
	free(b);
	http_response_release(&resp);
}

static void test_login_in_english_by_cookie_or_header(void **state)
{
	(void)state;
	struct http_response resp;
	render_login("a=b; shinsa_lang=en", "ja", NULL, &resp);
	char *b = body_of(&resp);
	assert_non_null(strstr(b, "<html lang=\"en\">"));
	assert_non_null(strstr(b, "<label for=\"email\">Email address</label>"));
	assert_non_null(strstr(b, ">日本語</a>"));
	assert_non_null(strstr(b, "data-next=\"/\""));
	free(b);
	http_response_release(&resp);
	render_login(NULL, "en-US,en;q=0.9", "https://evil.example/", &resp);
	b = body_of(&resp);
	assert_non_null(strstr(b, "<title>Sign in — Shinsa（審査）</title>"));
	assert_non_null(strstr(b, "data-next=\"/\"")); /* not another site */
	free(b);
	http_response_release(&resp);
}

static void test_local_paths(void **state)
{
	(void)state;
	assert_true(page_local_path("/"));
	assert_true(page_local_path("/reviews/3?tab=x"));
	assert_false(page_local_path(NULL));
	assert_false(page_local_path(""));
	assert_false(page_local_path("//evil.example"));
	assert_false(page_local_path("/\\evil.example"));
	assert_false(page_local_path("https://evil.example"));
	assert_false(page_local_path("/a b"));
	assert_false(page_local_path("/\xe5\xaf\xa9"));
	char long_path[600];
	memset(long_path, 'a', sizeof long_path - 1);
	long_path[0] = '/';
	long_path[sizeof long_path - 1] = 0;
	assert_false(page_local_path(long_path));
}

static void switch_lang(const char *code, const char *next, struct http_response *resp)
{
	struct fake_headers h = { 0 };
	struct http_request req = { .method = "GET", .path = "/lang/x", .header_fn = fake_header, .header_cls = &h };
	req.params[0].name = strdup("code");
	req.params[0].value = strdup(code);
	req.n_params = 1;
	if (next) {
		req.query[0].name = strdup("next");
		req.query[0].value = strdup(next);
		req.n_query = 1;
	}
	memset(resp, 0, sizeof *resp);
	page_lang_switch(&req, resp);
	http_request_release(&req);
}

static void test_language_switch(void **state)
{
	(void)state;
	struct http_response resp;
	switch_lang("en", "/answers", &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(http_response_get_header(&resp, "Location"), "/answers");
	assert_string_equal(http_response_get_header(&resp, "Set-Cookie"),
			    "shinsa_lang=en; Path=/; Max-Age=31536000; SameSite=Lax");
	http_response_release(&resp);
	switch_lang("ja", "//evil.example/x", &resp);
	assert_string_equal(http_response_get_header(&resp, "Location"), "/");
	assert_string_equal(http_response_get_header(&resp, "Set-Cookie"),
			    "shinsa_lang=ja; Path=/; Max-Age=31536000; SameSite=Lax");
	http_response_release(&resp);
	switch_lang("fr", "/", &resp);
	if (resp.status != 404)
		fail_msg("%d %s", resp.status, resp.log_note);
	assert_null(http_response_get_header(&resp, "Set-Cookie"));
	char *b = body_of(&resp);
	assert_non_null(strstr(b, "<h1>ページが見つかりません</h1>"));
	/* The API's English is not on a Japanese page. */
	assert_null(strstr(b, "no such language"));
	free(b);
	http_response_release(&resp);
}

static void test_refusals(void **state)
{
	(void)state;
	struct fake_headers h = { "shinsa_lang=en", NULL };
	struct http_request req = { .method = "GET", .path = "/reviews/7", .header_fn = fake_header, .header_cls = &h };
	req.query[0].name = strdup("tab");
	req.query[0].value = strdup("a b");
	req.n_query = 1;
	struct http_response resp = { 0 };
	page_refused(&req, &resp, 401, "unauthorized", "not signed in");
	assert_int_equal(resp.status, 303);
	assert_string_equal(http_response_get_header(&resp, "Location"), "/login?next=%2Freviews%2F7%3Ftab%3Da%2520b");
	http_response_release(&resp);
	page_refused(&req, &resp, 403, "password_change_required", "x");
	assert_string_equal(http_response_get_header(&resp, "Location"), "/account/password");
	http_response_release(&resp);
	page_refused(&req, &resp, 403, "forbidden", "this is for banks");
	assert_int_equal(resp.status, 403);
	char *b = body_of(&resp);
	assert_non_null(strstr(b, "<h1>You may not do this</h1>"));
	assert_non_null(strstr(b, "<code>this is for banks</code>"));
	free(b);
	http_response_release(&resp);
	page_refused(&req, &resp, 503, "unavailable", "");
	assert_int_equal(resp.status, 500);
	http_response_release(&resp);
	page_refused(&req, &resp, 418, "teapot", "");
	assert_int_equal(resp.status, 400);
	http_response_release(&resp);
	/* 429 passes through with its Retry-After and a sentence saying to wait. */
	struct page_error why = { .status = 429, .code = "too_many_requests", .message = "try again in 30 s",
				  .retry_after = "30" };
	page_refused_why(&req, &resp, &why);
	assert_int_equal(resp.status, 429);
	assert_string_equal(http_response_get_header(&resp, "Retry-After"), "30");
	b = body_of(&resp);
	assert_non_null(strstr(b, "<h1>Too many attempts: please try again shortly</h1>"));
	assert_non_null(strstr(b, "<code>try again in 30 s</code>"));
	free(b);
	http_response_release(&resp);
	/* Another status keeps the API's code and message, and no Retry-After. */
	why = (struct page_error){ .status = 409, .code = "conflict", .message = "no criteria imported yet",
				   .retry_after = "30" };
	page_refused_why(&req, &resp, &why);
	assert_int_equal(resp.status, 409);
	assert_null(http_response_get_header(&resp, "Retry-After"));
	b = body_of(&resp);
	assert_non_null(strstr(b, "<code>no criteria imported yet</code>"));
	free(b);
	http_response_release(&resp);
	http_request_release(&req);
}

/* A fetch the API refuses hands back its status, code and message. */
static void test_fetch_why(void **state)
{
	(void)state;
	struct fake_headers h = { NULL, NULL };
	struct http_request req = { .method = "GET", .path = "/x", .header_fn = fake_header, .header_cls = &h,
				    .routes = routes, .n_routes = n_routes };
	struct http_response resp = { 0 };
	struct page_error why;
	json_t *out = NULL;
	assert_int_equal(page_fetch_why(&req, &resp, "/api/v1/no-such-thing", &out, &why), 404);
	assert_null(out);
	assert_int_equal(why.status, 404);
	assert_string_equal(why.code, "not_found");
	assert_true(why.message[0] != 0);
	assert_int_equal(resp.status, 0); /* nothing answered */
	http_response_release(&resp);
	http_request_release(&req);
}

static void get_static(const char *name, struct http_response *resp)
{
	struct http_request req = { .method = "GET", .path = "/static/x" };
	req.params[0].name = strdup("name");
	req.params[0].value = strdup(name);
	req.n_params = 1;
	memset(resp, 0, sizeof *resp);
	page_static(&req, resp);
	http_request_release(&req);
}

static void test_static_files(void **state)
{
	(void)state;
	struct http_response resp;
	get_static("shinsa.css", &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "text/css; charset=utf-8");
	http_response_release(&resp);
	get_static("shinsa.js", &resp);
	assert_string_equal(resp.content_type, "text/javascript; charset=utf-8");
	http_response_release(&resp);
	get_static("nothing.js", &resp);
	assert_int_equal(resp.status, 404);
	http_response_release(&resp);
	get_static("..", &resp);
	assert_int_equal(resp.status, 404);
	http_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_assets_load),
		cmocka_unit_test(test_login_in_japanese_by_default),
		cmocka_unit_test(test_login_in_english_by_cookie_or_header),
		cmocka_unit_test(test_local_paths),
		cmocka_unit_test(test_language_switch),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_fetch_why),
		cmocka_unit_test(test_static_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
