#include "web/api_notifications.h"

#include <stdlib.h>

#include "core/org.h"
#include "lib/xalloc.h"
#include "service/notify.h"
#include "service/people.h"
#include "web/api_reply.h"
#include "web/http_json.h"

#define PAGE_MAX 200

void api_notifications_list(struct http_request *req, struct http_response *resp)
{
	long long limit, before;
	if (api_query_number(req, resp, "limit", PAGE_MAX, 50, "a number from 1 to 200", &limit) < 0 ||
	    api_query_number(req, resp, "before", (long long)1 << 62, 0, "a notification number", &before) < 0)
		return;
	struct err e = { 0 };
	struct notify_page p;
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	if (notify_list(st, req->who.user->id, before, (size_t)limit, &p, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < p.n; i++)
		json_array_append_new(arr, notify_json(p.items[i], req->org->kind == ORG_BANK));
	/* Who did it, by name (service/people.h); a failure leaves the names out. */
	json_t *people = json_object();
	people_name_all(st, people, arr, "actor", &e);
	json_decref(people);
	json_t *next = p.n == (size_t)limit ? json_integer(p.items[p.n - 1]->id) : json_null();
	json_t *threads = json_array();
	for (size_t i = 0; i < p.n_threads; i++)
		json_array_append_new(threads, json_pack("{s:I, s:s, s:I}", "submission",
							 (json_int_t)p.threads[i].submission_id, "bank",
							 p.threads[i].bank, "unread", (json_int_t)p.threads[i].count));
	http_json_send(resp, 200,
		       json_pack("{s:I, s:b, s:o, s:o, s:o}", "unread", (json_int_t)p.unread, "email", p.email,
				 "notifications", arr, "next", next, "unread_threads", threads));
	notify_page_release(&p);
}

/* The ids of body as numbers (*ids yours), or -1 having answered 400. */
static int ids_of(const json_t *arr, struct http_response *resp, long long **ids, size_t *n)
{
	size_t i;
	const json_t *v;
	*n = json_array_size(arr);
	if (*n > PAGE_MAX) {
		http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0, "ids holds more than %d numbers",
				  PAGE_MAX);
		return -1;
	}
	*ids = xcalloc(*n ? *n : 1, sizeof **ids);
	json_array_foreach(arr, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1) {
			free(*ids);
			*ids = NULL;
			http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0,
					  "ids must be notification numbers");
			return -1;
		}
		(*ids)[i] = json_integer_value(v);
	}
	return 0;
}

void api_notifications_read(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "ids", HTTP_JSON_ARRAY, .required = false },
		{ "all", HTTP_JSON_BOOLEAN, .required = false },
		{ "submission", HTTP_JSON_INTEGER, .required = false },
		{ "bank", HTTP_JSON_STRING, .required = false },
		{ 0 },
	};
	struct err e = { 0 };
	json_t *body;
	struct store *st = api_json_request(req, resp, NULL, NULL, NULL, fields, &body);
	if (!st)
		return;
	const json_t *ids_j = json_object_get(body, "ids"), *all = json_object_get(body, "all");
	const json_t *sub = json_object_get(body, "submission");
	const char *bank = json_string_value(json_object_get(body, "bank"));
	long long *ids = NULL, marked = 0, unread = 0;
	size_t n = 0;
	int rc;
	if (bank && !sub)
		http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0, "bank goes with submission");
	else if (!!ids_j + !!all + !!sub > 1)
		http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0, "give one of ids, all or submission");
	else if (!ids_j && !all && !sub)
		http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0, "give ids, all or submission");
	else if (all && !json_is_true(all))
		http_json_problem(resp, 400, "bad_request", "notification_ids", NULL, 0, "all must be true");
	else if (ids_j && ids_of(ids_j, resp, &ids, &n) < 0)
		;
	else {
		long long me = req->who.user->id;
		rc = all   ? notify_read_all(st, me, &marked, &e)
		     : sub ? notify_read_review(st, me, json_integer_value(sub), bank, &marked, &e)
			   : notify_read(st, me, ids, n, &marked, &e);
		struct notify_page p;
		if (rc == 0 && notify_list(st, me, 0, 1, &p, &e) < 0)
			rc = -1;
		if (rc == 0) {
			unread = p.unread;
			notify_page_release(&p);
			http_json_send(resp, 200, json_pack("{s:I, s:I}", "marked", (json_int_t)marked, "unread",
							    (json_int_t)unread));
		} else {
			api_refused(resp, rc, &e, NULL);
		}
	}
	free(ids);
	json_decref(body);
}

void api_notifications_email(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "email", HTTP_JSON_BOOLEAN, .required = true },
		{ 0 },
	};
	struct err e = { 0 };
	json_t *body;
	struct store *st = api_json_request(req, resp, NULL, NULL, NULL, fields, &body);
	if (!st)
		return;
	bool on = json_is_true(json_object_get(body, "email"));
	if (notify_email_set(st, req->who.user->email, req->org->id, req->who.user->id, on, &e) < 0)
		api_internal(resp, &e);
	else
		http_json_send(resp, 200, json_pack("{s:b}", "email", on));
	json_decref(body);
}
