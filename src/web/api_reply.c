#include "web/api_reply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "service/submissions.h"
#include "web/dbcache.h"
#include "web/http_json.h"

struct store *api_store(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st;
	if (dbcache_get(req->db_path, &st, &e) < 0) {
		http_response_note(resp, e.msg);
		http_json_error(resp, 503, "unavailable", "the database is not available");
		return NULL;
	}
	return st;
}

void api_internal(struct http_response *resp, const struct err *e)
{
	http_response_note(resp, e->msg);
	http_json_error(resp, 500, "internal", "the server could not do this; the request id is in its log");
}

json_t *api_problem_json(const char *cell, const char *code, const char *const *args, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(args[i]));
	return json_pack("{s:s, s:s, s:o}", "cell", cell, "code", code, "args", a);
}

/* The error with e's message; an error set with err_coded() also gives
 * its data as "problems": [one], for a page to say it in its own words. */
static void refuse(struct http_response *resp, int status, const char *code, const struct err *e)
{
	json_t *body = http_json_error_body(code, "%s", e->msg);
	if (e->code[0]) {
		const char *args[ERR_ARGS];
		for (unsigned i = 0; i < e->n_args && i < ERR_ARGS; i++)
			args[i] = e->args[i];
		json_t *p = api_problem_json(e->where, e->code, args, e->n_args < ERR_ARGS ? e->n_args : ERR_ARGS);
		if (p) /* where and code are ours and UTF-8; should one not be, the message says it all */
			json_object_set_new(json_object_get(body, "error"), "problems", json_pack("[o]", p));
	}
	http_json_send(resp, status, body);
}

struct api_refusal api_refusal_of(enum outcome rc)
{
	static const struct api_refusal table[] = {
		[OUTCOME_NOT_FOUND] = { 404, "not_found" },
		[OUTCOME_INVALID] = { 400, "bad_request" },
		[OUTCOME_CONFLICT] = { 409, "conflict" },
		[OUTCOME_REFUSED] = { 403, "forbidden" },
		[OUTCOME_CHOOSE] = { 400, "bad_request" },
		[OUTCOME_INCOMPLETE] = { 422, "incomplete" },
		[OUTCOME_SHEET] = { 422, "invalid_workbook" },
		[OUTCOME_DENIED] = { 401, "unauthorized" },
		[OUTCOME_THROTTLED] = { 429, "too_many_attempts" },
		[OUTCOME_TOO_LARGE] = { 413, "too_large" },
	};
	if (rc > OUTCOME_OK && (size_t)rc < sizeof table / sizeof table[0] && table[rc].code)
		return table[rc];
	return (struct api_refusal){ 500, "internal" };
}

void api_refused(struct http_response *resp, enum outcome rc, const struct err *e, const char *choose)
{
	struct api_refusal r = api_refusal_of(rc);
	/* CHOOSE only where the handler names how to choose: elsewhere the
	 * service cannot return it. */
	if (r.status == 500 || (rc == OUTCOME_CHOOSE && !choose))
		api_internal(resp, e);
	else if (rc == OUTCOME_CHOOSE)
		http_json_error(resp, r.status, r.code, "%s: say which with ?%s=ID", e->msg, choose);
	else
		refuse(resp, r.status, r.code, e);
}

bool api_id_param(const struct http_request *req, const char *name, const char *what, long long *id,
		  struct http_response *resp)
{
	const char *text = http_param(req, name);
	if (text && submissions_parse_id(text, id) == 0)
		return true;
	http_json_error(resp, 404, "not_found", "no %s \"%s\"", what, text ? text : "");
	return false;
}

struct store *api_json_request(struct http_request *req, struct http_response *resp, const char *name,
			       const char *what, long long *id, const struct http_json_field *fields, json_t **body)
{
	*body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || (name && !api_id_param(req, name, what, id, resp)) || http_json_body(req, resp, fields, body) < 0)
		return NULL;
	return st;
}

int api_item_no(const char *text)
{
	if (!text || !*text || strlen(text) > 6 || text[0] == '0')
		return -1;
	for (const char *p = text; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	int no = atoi(text);
	return no <= 100000 ? no : -1;
}

char *api_content_disposition(const char *name, const char *fallback)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "attachment; filename=\"");
	for (const char *p = fallback; *p; p++) {
		char c = *p;
		bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
			     c == '_' || c == '-';
		strbuf_addch(&sb, plain ? c : '_');
	}
	/* RFC 5987 attr-char stays as it is; every other byte is %XX. */
	strbuf_addstr(&sb, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("!#$&+-.^_`|~", *p))
			strbuf_addch(&sb, (char)*p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	return strbuf_detach(&sb);
}

void api_throttled(struct http_response *resp, time_t until, const struct err *e)
{
	time_t now = 0;
	struct err ignore = { 0 };
	clock_now(&now, &ignore);
	char after[24];
	int n = snprintf(after, sizeof after, "%lld", (long long)(until > now ? until - now : 1));
	if (n > 0 && (size_t)n < sizeof after)
		http_response_header(resp, "Retry-After", after);
	api_refused(resp, OUTCOME_THROTTLED, e, NULL);
}

void api_refused_until(struct http_response *resp, enum outcome rc, time_t retry_after, const struct err *e)
{
	if (rc == OUTCOME_THROTTLED)
		api_throttled(resp, retry_after, e);
	else
		api_refused(resp, rc, e, NULL);
}

int api_query_number(const struct http_request *req, struct http_response *resp, const char *name,
		     long long max, long long def, const char *want, long long *out)
{
	const char *text = http_query(req, name);
	*out = def;
	if (!text)
		return 0;
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || text[0] < '0' || text[0] > '9' || v < 1 || v > max) {
		http_json_error(resp, 400, "bad_request", "%s wants %s, not \"%s\"", name, want, text);
		return -1;
	}
	*out = v;
	return 0;
}
