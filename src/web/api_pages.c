#include "web/api_pages.h"

#include <stdio.h>
#include <string.h>

#include "web/embedded.h"
#include "web/http_json.h"
#include "web/lang.h"
#include "web/page.h"

void page_root(struct http_request *req, struct http_response *resp)
{
	page_redirect(resp, req->org && req->org->kind == ORG_BANK ? "/inbox" : "/answers");
}

void page_login(struct http_request *req, struct http_response *resp)
{
	const char *next = http_query(req, "next");
	page_render(req, resp, 200, "login", "login.title",
		    json_pack("{s:s, s:[s]}", "next", page_local_path(next) ? next : "/", "scripts", "login.js"));
}

void page_lang_switch(struct http_request *req, struct http_response *resp)
{
	enum lang l;
	if (!lang_from_code(http_param(req, "code"), &l)) {
		page_refused(req, resp, 404, "not_found", "no such language");
		return;
	}
	char cookie[128];
	int n = snprintf(cookie, sizeof cookie, "%s=%s; Path=/; Max-Age=31536000; SameSite=Lax%s", LANG_COOKIE,
			 lang_code(l), req->secure_cookies ? "; Secure" : "");
	if (n > 0 && (size_t)n < sizeof cookie)
		http_response_header(resp, "Set-Cookie", cookie);
	const char *next = http_query(req, "next");
	page_redirect(resp, page_local_path(next) ? next : "/");
}

/* The media type of a static file by its name's ending; NULL: not served. */
static const char *static_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

void page_static(struct http_request *req, struct http_response *resp)
{
	const char *name = http_param(req, "name");
	char path[160];
	const char *type = static_type(name);
	int n = snprintf(path, sizeof path, "web/static/%s", name);
	const struct embedded_file *f = type && n > 0 && (size_t)n < sizeof path ? embedded_find(path) : NULL;
	if (!f) {
		http_json_error(resp, 404, "not_found", "no such file");
		return;
	}
	http_response_set_static(resp, 200, type, f->bytes, f->len);
}
