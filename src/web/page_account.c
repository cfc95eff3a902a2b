#include "web/page_account.h"

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"

#include "lib/strbuf.h"
#include "lib/text.h"
#include "service/audit_log.h"
#include "web/audit_words.h"
#include "web/page.h"
#include "web/person.h"

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
		    json_pack("{s:o, s:o, s:{s:b}, s:[s, s]}", "account", me, "tokens", tokens, "nav", "account", true,
			      "scripts", "account.js", "people.js"));
}

/* A bank's setting for the users page (GET /api/v1/org): null for a
 * connector, or should the API refuse (the users stand on their own). */
static json_t *bank_setting(struct http_request *req, struct http_response *resp)
{
	json_t *org = NULL;
	if (!req->org || req->org->kind != ORG_BANK || page_fetch(req, resp, "/api/v1/org", false, &org) != 200)
		return json_null();
	return org;
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
		    json_pack("{s:o, s:I, s:{s:b}, s:[s, s], s:o}", "users", users, "count",
			      (json_int_t)json_array_size(users), "nav", "users", true, "scripts", "account.js", "people.js",
			      "setting",
			      bank_setting(req, resp)));
}

/* The filters the page passes on to the API and keeps in its links. */
static const char *const audit_filters[] = { "actor", "action", "object", "from", "to" };

/* "&name=value" for each filter given, for the API's path and the page's links. */
static void audit_filter_query(const struct http_request *req, struct strbuf *q, json_t *typed)
{
	for (size_t i = 0; i < sizeof audit_filters / sizeof *audit_filters; i++) {
		const char *v = http_query(req, audit_filters[i]);
		/* Every field is in typed, "" when blank: the form shows each. */
		json_object_set_new(typed, audit_filters[i], json_string(v ? v : ""));
		if (!v || !*v)
			continue;
		strbuf_addf(q, "&%s=", audit_filters[i]);
		text_percent_encode(q, v, strlen(v));
	}
}

/* The actions to choose from, in words, the chosen one marked. */
static json_t *audit_action_choices(enum lang l, const char *chosen)
{
	json_t *arr = json_array();
	for (int a = 1; a < AUDIT_NACTIONS; a++) {
		const char *name = audit_action_name((enum audit_action)a);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "name", name, "words", audit_words_action(l, name),
						     "chosen", chosen && strcmp(chosen, name) == 0));
	}
	return arr;
}

/* Which filter the API refused, from its message (web/api_audit.c):
 * {"from"|"to"|"order": true}, or {"other": true} for any other. The page
 * names that field; the API's words stay for API clients. */
static json_t *audit_refused_field(const char *message)
{
	const char *field = "other";
	if (strncmp(message, "from wants a day as ", 20) == 0)
		field = "from";
	else if (strcmp(message, "to wants a day on or after from") == 0)
		field = "order";
	else if (strncmp(message, "to wants a day as ", 18) == 0)
		field = "to";
	return json_pack("{s:b}", field, true);
}

void page_audit(struct http_request *req, struct http_response *resp)
{
	const char *before = http_query(req, "before");
	enum lang l = page_lang(req);
	json_t *typed = json_object();
	struct strbuf filters = STRBUF_INIT, path = STRBUF_INIT;
	audit_filter_query(req, &filters, typed);
	strbuf_addf(&path, "/api/v1/audit?limit=%d%s", PAGE_AUDIT_ROWS, filters.buf);
	if (before) {
		strbuf_addstr(&path, "&before=");
		text_percent_encode(&path, before, strlen(before));
	}
	json_t *events = NULL;
	struct page_error why;
	int rc = page_fetch_why(req, resp, path.buf, &events, &why);
	strbuf_release(&path);
	/* The CSV's limit as people read numbers: 100,000. */
	char csv_max[16];
	int cm = snprintf(csv_max, sizeof csv_max, "%d,%03d", AUDIT_LOG_EXPORT_MAX / 1000, AUDIT_LOG_EXPORT_MAX % 1000);
	json_t *data = json_pack("{s:{s:b}, s:s, s:o, s:s}", "nav", "audit", true, "query", filters.buf + (filters.len ? 1 : 0),
				 "typed", typed, "csv_max", cm > 0 && (size_t)cm < sizeof csv_max ? csv_max : "");
	strbuf_release(&filters);
	json_object_set_new(data, "actions",
			    audit_action_choices(l, json_string_value(json_object_get(typed, "action"))));
	if (rc == 400) {
		/* A filter the API refused: the page again, the filter as typed and
		 * why — the API's words on an English page, what the filters take on
		 * a Japanese one (no English on a Japanese page). */
		json_object_set_new(data, "bad_filter",
				    json_string(l == LANG_EN ? why.message : page_message(l, "audit.bad_filter_hint")));
		json_object_set_new(data, "bad", audit_refused_field(why.message));
		json_object_set_new(data, "events", json_array());
		page_render(req, resp, 400, "account_audit", "account.audit_title", data);
		return;
	}
	if (rc != 200) {
		json_decref(data);
		page_refused_why(req, resp, &why);
		return;
	}
	size_t i, n = json_array_size(events);
	json_t *ev, *book = person_book(req, resp);
	json_array_foreach(events, i, ev) {
		person_set(ev, "actor", book);
		const char *action = json_string_value(json_object_get(ev, "action"));
		json_object_set_new(ev, "action_words", json_string(action ? audit_words_action(l, action) : ""));
		char *words = audit_words(l, action, json_string_value(json_object_get(ev, "object")),
					  json_string_value(json_object_get(ev, "details")));
		json_object_set_new(ev, "words", json_string(words));
		free(words);
		/* A user is named as the who column names people; by number only
		 * when the users list does not know them. */
		const char *object = json_string_value(json_object_get(ev, "object"));
		char *user = person_label_of_object(book, object);
		char *object_words = user ? audit_words_user(l, user) : audit_words_object(l, object);
		free(user);
		json_object_set_new(ev, "object_words", json_string(object_words));
		free(object_words);
	}
	json_decref(book);
	json_object_set_new(data, "events", events);
	if (n) {
		/* Newest first: the page runs from the first event's number down
		 * to the last's; a full page may have older ones after it. */
		json_object_set(data, "first", json_object_get(json_array_get(events, 0), "seq"));
		json_object_set(data, "last", json_object_get(json_array_get(events, n - 1), "seq"));
		if (n == PAGE_AUDIT_ROWS)
			json_object_set(data, "older", json_object_get(data, "last"));
	}
	if (before)
		json_object_set_new(data, "before", json_string(before));
	page_render(req, resp, 200, "account_audit", "account.audit_title", data);
}
