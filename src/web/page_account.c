#include "web/page_account.h"

#include "web/page.h"

void page_account_password(struct http_request *req, struct http_response *resp)
{
	json_t *me = NULL;
	if (page_fetch(req, resp, "/api/v1/me", true, &me) != 200)
		return;
	page_render(req, resp, 200, "account_password", "account.password_title",
		    json_pack("{s:o, s:{s:b}, s:[s]}", "account", me, "nav", "account", true, "scripts", "account.js"));
}

void page_account(struct http_request *req, struct http_response *resp)
{
	json_t *me = NULL, *tokens = NULL;
	if (page_fetch(req, resp, "/api/v1/me", true, &me) != 200)
		return;
	if (page_fetch(req, resp, "/api/v1/me/tokens", true, &tokens) != 200) {
		json_decref(me);
		return;
	}
	/* Role and kind as flags ({"is": {"admin": true}}): messages are
	 * chosen in the template, whose keys are fixed words. */
	json_t *org = json_object_get(me, "org");
	const char *role = json_string_value(json_object_get(me, "role"));
	const char *kind = json_string_value(json_object_get(org, "kind"));
	json_object_set_new(me, "is", json_pack("{s:b, s:b}", role ? role : "", true, kind ? kind : "", true));
	page_render(req, resp, 200, "account", "account.title",
		    json_pack("{s:o, s:o, s:{s:b}, s:[s]}", "account", me, "tokens", tokens, "nav", "account", true,
			      "scripts", "account.js"));
}
