#include "web/api_pages.h"

#include <string.h>

#include "web/http_json.h"

/* Generated from web/pages and web/static by scripts/embed.sh (see the Makefile). */
extern const unsigned char embed_web_pages_login_html[], embed_web_static_shinsa_css[], embed_web_static_login_js[];
extern const size_t embed_web_pages_login_html_len, embed_web_static_shinsa_css_len, embed_web_static_login_js_len;

struct asset {
	const char *name;
	const char *type;
	const unsigned char *bytes;
	const size_t *len;
};

static const struct asset assets[] = {
	{ "shinsa.css", "text/css; charset=utf-8", embed_web_static_shinsa_css, &embed_web_static_shinsa_css_len },
	{ "login.js", "text/javascript; charset=utf-8", embed_web_static_login_js, &embed_web_static_login_js_len },
};

void page_root(struct http_request *req, struct http_response *resp)
{
	(void)req;
	http_response_header(resp, "Location", "/login");
	http_response_set_static(resp, 303, "text/plain; charset=utf-8", "", 0);
}

void page_login(struct http_request *req, struct http_response *resp)
{
	(void)req;
	http_response_set_static(resp, 200, "text/html; charset=utf-8", embed_web_pages_login_html,
				 embed_web_pages_login_html_len);
}

void page_static(struct http_request *req, struct http_response *resp)
{
	const char *name = http_param(req, "name");
	for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++)
		if (strcmp(assets[i].name, name) == 0) {
			http_response_set_static(resp, 200, assets[i].type, assets[i].bytes, *assets[i].len);
			return;
		}
	http_json_error(resp, 404, "not_found", "no such file");
}
