#include "web/api_attachments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "web/api_reply.h"
#include "web/download.h"
#include "web/http_json.h"

/* A refusal of the service, or 500; and the attachment when done. */
static void reply(struct http_response *resp, enum outcome rc, int status, struct attachment *a,
		  const struct err *e)
{
	if (rc != OUTCOME_OK)
		api_refused(resp, rc, e, NULL);
	else
		http_json_send(resp, status, attachments_item_json(a));
	attachment_clear(a);
}

void api_attachments_add(struct http_request *req, struct http_response *resp)
{
	const char *name = http_query(req, "name");
	if (!name || !*name) {
		http_json_problem(resp, 400, "bad_request", "attachment_name_required", NULL, 0,
				  "name is required: the file's name, as ?name=");
		return;
	}
	struct err e = { 0 };
	int *items = NULL;
	size_t n = 0;
	if (jpinput_numbers(http_query(req, "items"), &items, &n, &e) < 0) {
		err_prefix(&e, "items");
		api_refused(resp, OUTCOME_INVALID, &e, NULL);
		return;
	}
	struct store *st = api_store(req, resp);
	if (!st) {
		free(items);
		return;
	}
	struct attachment_new in = { .name = name, .title = http_query(req, "title"),
				     .valid_until = http_query(req, "valid_until"), .items = items, .n_items = n,
				     .data = req->body ? req->body : "", .len = req->body_len };
	struct attachment a;
	enum outcome rc = attachments_add(st, req->who.user->email, req->org, &in, &a, &e);
	free(items);
	reply(resp, rc, 201, &a, &e);
}

void api_attachments_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	struct attachment *list = NULL;
	size_t n = 0;
	enum outcome rc = attachments_current(st, req->org, &list, &n, &e);
	if (rc != OUTCOME_OK)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, attachments_json(list, n));
	attachments_free(list, n);
}

/* The body's items: a JSON array of whole numbers into *out (yours); -1
 * having answered 400. */
static int body_items(const json_t *arr, int **out, size_t *n, struct http_response *resp)
{
	*n = json_array_size(arr);
	*out = calloc(*n ? *n : 1, sizeof **out);
	if (!*out)
		abort();
	for (size_t i = 0; i < *n; i++) {
		const json_t *v = json_array_get(arr, i);
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > JPINPUT_NUMBER_MAX) {
			http_json_error(resp, 400, "bad_request", "items must be an array of item numbers");
			free(*out);
			*out = NULL;
			return -1;
		}
		(*out)[i] = (int)json_integer_value(v);
	}
	return 0;
}

void api_attachments_set(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "title", HTTP_JSON_STRING, .required = false },
		{ "items", HTTP_JSON_ARRAY, .required = false },
		{ "valid_until", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	long long id;
	json_t *body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "attachment", &id, resp) || http_json_body(req, resp, fields, &body) < 0)
		return;
	const char *v[3];
	http_json_strs(body, fields, v);
	const json_t *valid = json_object_get(body, "valid_until");
	int *items = NULL;
	size_t n = 0;
	const json_t *arr = json_object_get(body, "items");
	if (arr && body_items(arr, &items, &n, resp) < 0) {
		json_decref(body);
		return;
	}
	struct attachment_change c = { .title = v[0], .items = items, .n_items = n,
				       .valid_until = json_is_null(valid) ? "none" : v[2] };
	struct err e = { 0 };
	struct attachment a;
	enum outcome rc = attachments_set(st, req->who.user->email, req->org, id, &c, &a, &e);
	free(items);
	json_decref(body);
	reply(resp, rc, 200, &a, &e);
}

void api_attachments_remove(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "attachment", &id, resp))
		return;
	struct err e = { 0 };
	enum outcome rc = attachments_remove(st, req->who.user->email, req->org, id, &e);
	if (rc != OUTCOME_OK)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "removed", 1));
}

void api_attachments_file(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "attachment", &id, resp))
		return;
	struct err e = { 0 };
	struct attachment a;
	void *data = NULL;
	size_t len = 0;
	enum sniff_kind kind = SNIFF_UNKNOWN;
	enum outcome rc = attachments_get(st, req->org, id, &a, &e);
	if (rc == OUTCOME_OK)
		rc = attachments_bytes(st, req->org, a.sha256, &data, &len, &kind, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
	} else {
		char fallback[64];
		const char *dot = strrchr(a.name, '.');
		if (snprintf(fallback, sizeof fallback, "attachment-%lld%s", id, dot && strlen(dot) < 12 ? dot : "") >=
		    (int)sizeof fallback)
			fallback[0] = '\0'; /* cannot be: 11 + 20 + 11 bytes */
		download_send(resp, kind, a.name, fallback, data, len);
		data = NULL;
	}
	free(data);
	attachment_clear(&a);
}
