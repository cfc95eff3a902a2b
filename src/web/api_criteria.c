#include "web/api_criteria.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/jpinput.h"
#include "lib/xalloc.h"
#include "service/criteria.h"
#include "service/criteria_preview.h"
#include "service/people.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* The format from ?format=, else from ?name='s extension: 0 having answered 400. */
static enum criteria_format upload_format(const struct http_request *req, const char *name,
					  struct http_response *resp)
{
	const char *f = http_query(req, "format");
	if (f) {
		enum criteria_format fmt = criteria_format_parse(f);
		if (!fmt)
			http_json_problem(resp, 400, "bad_request", "criteria_format", (const char *[]){ f }, 1,
					  "format wants tsv, csv, xlsx, text or docx, not \"%s\"", f);
		return fmt;
	}
	enum criteria_format fmt = criteria_format_guess(name);
	if (!fmt)
		http_json_problem(resp, 400, "bad_request", "criteria_format_unknown", NULL, 0,
				  "say the format with ?format=tsv|csv|xlsx|text|docx (or a name ending .tsv, .csv, .xlsx, .txt or .docx)");
	return fmt;
}

/* An upload (the import's, a preview's): its name ("upload" without
 * ?name=), its format and its bytes. */
struct upload {
	const char *name;
	enum criteria_format f;
	const void *data;
	size_t len;
};

/* The upload's query and body, and the store: NULL having answered 400. */
static struct store *upload_start(struct http_request *req, struct http_response *resp, struct upload *up)
{
	const char *name = http_query(req, "name");
	if (name && strlen(name) > 255) {
		http_json_problem(resp, 400, "bad_request", "file_name_too_long", (const char *[]){ "255" }, 1,
				  "name is longer than 255 bytes");
		return NULL;
	}
	*up = (struct upload){ name ? name : "upload", upload_format(req, name, resp), req->body ? req->body : "",
			       req->body_len };
	return up->f ? api_store(req, resp) : NULL;
}

/* A preview's base: 64 hex digits, or CRITERIA_BASE_NONE. */
static bool base_ok(const char *b)
{
	if (strcmp(b, CRITERIA_BASE_NONE) == 0)
		return true;
	size_t n = strspn(b, "0123456789abcdef");
	return n == 64 && !b[n];
}

void api_criteria_preview(struct http_request *req, struct http_response *resp)
{
	struct upload up;
	struct store *st = upload_start(req, resp, &up);
	struct err e = { 0 };
	json_t *out = NULL;
	int rc = st ? criteria_preview(st, req->org, up.name, up.f, up.data, up.len, &out, &e) : 0;
	if (!st)
		return;
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, out);
}

void api_criteria_import(struct http_request *req, struct http_response *resp)
{
	const char *base = http_query(req, "base");
	if (base && !base_ok(base)) {
		http_json_error(resp, 400, "bad_request", "base wants the base a preview gave (a sha256, or none)");
		return;
	}
	struct upload up;
	struct store *st = upload_start(req, resp, &up);
	if (!st)
		return;
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	struct criteria_import_result res = { 0 };
	int rc = criteria_replace(st, req->who.user->email, req->org, up.name, up.f, up.data, up.len,
				  http_query(req, "checklist"), base, &l, &res, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, "checklist");
	} else {
		json_t *out = criteria_json(l, req->org->name);
		json_t *warnings = json_array();
		for (size_t i = 0; i < res.warnings.n; i++)
			json_array_append_new(warnings, json_string(res.warnings.lines[i]));
		json_object_set_new(out, "warnings", warnings);
		http_json_send(resp, 201, out);
	}
	criteria_import_release(&res);
	criteria_list_free(l);
}

void api_criteria_show(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	int rc = criteria_show(st, req->org, &l, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, "checklist");
	} else {
		/* Who imported it, by name (service/people.h); a failure leaves the name out. */
		json_t *out = criteria_json(l, req->org->name), *people = json_object();
		people_name(st, people, out, "imported_by", &e);
		json_decref(people);
		http_json_send(resp, 200, out);
	}
	criteria_list_free(l);
}

/* {relation, items?, note?}: 0 with the items (yours), or -1 having answered 400. */
static int map_body(const json_t *body, const char **relation, int **items, size_t *n, const char **note,
		    struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "relation", HTTP_JSON_STRING, .required = true },
		{ .name = "items", .type = HTTP_JSON_ARRAY },
		{ .name = "items_text", .type = HTTP_JSON_STRING }, /* as typed: "２、３", "2〜5" (lib/jpinput.h) */
		{ "note", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	*items = NULL;
	*n = 0;
	if (http_json_check(body, fields, resp) < 0)
		return -1;
	const json_t *its = json_object_get(body, "items");
	size_t i;
	const json_t *v;
	*items = xcalloc(json_array_size(its) + 1, sizeof **items);
	json_array_foreach(its, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 99999) {
			http_json_problem(resp, 400, "bad_request", "criteria_items", NULL, 0, "items must be an array of 通番");
			return -1;
		}
		(*items)[(*n)++] = (int)json_integer_value(v);
	}
	const char *typed = http_json_str(body, "items_text", NULL);
	struct err e = { 0 };
	if (typed) {
		free(*items);
		*items = NULL;
		if (jpinput_numbers(typed, items, n, &e) < 0) {
			err_prefix(&e, "items");
			api_refused(resp, OUTCOME_INVALID, &e, NULL);
			return -1;
		}
	}
	*relation = http_json_str(body, "relation", NULL);
	*note = http_json_str(body, "note", NULL);
	return 0;
}

void api_criteria_map(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	const char *relation, *note;
	int *items = NULL;
	size_t n;
	if (!st || http_json_parse(req, resp, &body) < 0 || map_body(body, &relation, &items, &n, &note, resp) < 0) {
		free(items);
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	size_t i = 0;
	int rc = criteria_map(st, req->who.user->email, req->org, http_param(req, "key"), relation, items, n, note, &l,
			      &i, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, "checklist");
	else
		http_json_send(resp, 200, criteria_row_json(l, i));
	criteria_list_free(l);
	free(items);
	json_decref(body);
}

void api_criteria_suggest(struct http_request *req, struct http_response *resp)
{
	const char *t = http_query(req, "top");
	long top = 3;
	if (t) {
		char *end = NULL;
		top = t[0] >= '0' && t[0] <= '9' && strlen(t) <= 3 ? strtol(t, &end, 10) : 0;
		if (top < 1 || top > CRITERIA_TOP_MAX || *end) {
			http_json_error(resp, 400, "bad_request", "top wants a number from 1 to %d, not \"%s\"",
					CRITERIA_TOP_MAX, t);
			return;
		}
	}
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	json_t *arr = NULL;
	int rc = criteria_suggest(st, req->org, (size_t)top, &arr, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, "checklist");
	else
		http_json_send(resp, 200, arr);
}
