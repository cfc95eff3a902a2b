#include "web/page_account.h"

#include "web/page.h"

/* {"admin": true} for role "admin": the template chooses messages and
 * selected options by flags, its keys being fixed words. */
static json_t *flags_of(const char *a, const char *b)
{
	json_t *is = json_object();
	if (a)
		json_object_set_new(is, a, json_true());
	if (b)
		json_object_set_new(is, b, json_true());
	return is;
}

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
	json_t *org = json_object_get(me, "org");
	json_object_set_new(me, "is", flags_of(json_string_value(json_object_get(me, "role")),
					       json_string_value(json_object_get(org, "kind"))));
	page_render(req, resp, 200, "account", "account.title",
		    json_pack("{s:o, s:o, s:{s:b}, s:[s]}", "account", me, "tokens", tokens, "nav", "account", true,
			      "scripts", "account.js"));
}

void page_admin_users(struct http_request *req, struct http_response *resp)
{
	json_t *users = NULL;
	if (page_fetch(req, resp, "/api/v1/users", true, &users) != 200)
		return;
	size_t i;
	json_t *u;
	json_array_foreach(users, i, u) {
		json_object_set_new(u, "is", flags_of(json_string_value(json_object_get(u, "role")), NULL));
		/* One's own row offers no way to lock oneself out (the API
		 * refuses it too). */
		json_object_set_new(u, "self", json_boolean(json_integer_value(json_object_get(u, "id")) ==
							    req->who.user->id));
	}
	page_render(req, resp, 200, "admin_users", "account.users_title",
		    json_pack("{s:o, s:I, s:{s:b}, s:[s]}", "users", users, "count", (json_int_t)json_array_size(users),
			      "nav", "users", true, "scripts", "account.js"));
}
