#include "web/api_shares.h"

#include "lib/clock.h"
#include "service/shares.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_share_create(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "bank", HTTP_JSON_STRING, .required = true },
		{ "expires", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	const char *v[2];
	long long id;
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || !api_id_param(req, "id", "submission", &id, resp) ||
	    http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	struct err e = { 0 };
	struct share *s = NULL;
	char now[CLOCK_TEXT_SIZE];
	int rc = clock_stamp(now, &e) < 0 ? -1
					  : shares_add(st, req->who.user->email, req->org->id, id, v[0], v[1], &s, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 201, shares_json(s, now));
	share_free(s);
	json_decref(body);
}

void api_share_revoke(struct http_request *req, struct http_response *resp)
{
	long long id, share_id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "submission", &id, resp) ||
	    !api_id_param(req, "share", "share", &share_id, resp))
		return;
	struct err e = { 0 };
	struct share *s = NULL;
	int rc = shares_revoke(st, req->who.user->email, req->org->id, id, share_id, &s, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, json_pack("{s:I, s:s}", "id", (json_int_t)s->id, "revoked_at", s->revoked_at));
	share_free(s);
}

void api_share_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	struct share **list = NULL;
	size_t n = 0;
	char now[CLOCK_TEXT_SIZE];
	if (!st)
		return;
	if (clock_stamp(now, &e) < 0 || shares_list(st, req->org->id, &list, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, shares_json(list[i], now));
	share_list_free(list, n);
	http_json_send(resp, 200, arr);
}

void api_inbox(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	struct share **list = NULL;
	size_t n = 0;
	if (!st)
		return;
	if (shares_inbox(st, req->org->id, &list, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, shares_inbox_json(list[i]));
	share_list_free(list, n);
	http_json_send(resp, 200, arr);
}
