#include "web/api_answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/answers.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/*
 * The caller's answers to the checklist of ?catalog= (or the one there
 * is): 0, or -1 having answered. The gate let only a connector's user in,
 * and req->org is that connector.
 */
static int open_answers(struct http_request *req, struct http_response *resp, struct answers_ctx *a)
{
	struct err e = { 0 };
	struct catalog *cat;
	*a = (struct answers_ctx){ 0 };
	struct store *st = api_store(req, resp);
	if (!st)
		return -1;
	int rc = answers_checklist(st, http_query(req, "catalog"), &cat, &e);
	if (rc == OUTCOME_OK)
		rc = answers_open(a, st, req->org, cat, &e);
	if (rc == OUTCOME_OK)
		return 0;
	api_refused(resp, rc, &e, "catalog");
	answers_close(a);
	return -1;
}

void api_answers_show(struct http_request *req, struct http_response *resp)
{
	struct answers_ctx a;
	if (open_answers(req, resp, &a) < 0)
		return;
	http_json_send(resp, 200, answers_json(a.set));
	answers_close(&a);
}

void api_answers_check(struct http_request *req, struct http_response *resp)
{
	struct answers_ctx a;
	if (open_answers(req, resp, &a) < 0)
		return;
	struct err e = { 0 };
	json_t *check = answers_check_json(&a, &e);
	if (check)
		http_json_send(resp, 200, check);
	else
		api_internal(resp, &e);
	answers_close(&a);
}

/* No max here: the service bounds the text fields for every front end,
 * naming the item, and counts "_xHHHH_" as the form writes it. */
static const struct http_json_field answer_fields[] = {
	{ "status", HTTP_JSON_STRING, .nullable = true },
	{ .name = "current", .type = HTTP_JSON_STRING },
	{ .name = "issues", .type = HTTP_JSON_STRING },
	{ .name = "plan", .type = HTTP_JSON_STRING },
	{ "plan_due", HTTP_JSON_STRING, .nullable = true },
	{ .name = "notes", .type = HTTP_JSON_STRING },
	{ .name = "revision", .type = HTTP_JSON_STRING },
	{ 0 },
};

/*
 * The body's values into values[] by field (pointing into body), null
 * (status and plan_due: unset) as "", and the optional revision into
 * *revision. 0, or -1 answered 400.
 */
static int put_values(const json_t *body, const char *values[ANSWER_NFIELDS], const char **revision,
		      struct http_response *resp)
{
	if (http_json_check(body, answer_fields, resp) < 0)
		return -1;
	*revision = http_json_str(body, "revision", NULL);
	if (json_object_size(body) == (*revision ? 1u : 0u)) {
		http_json_problem(resp, 400, "bad_request", "nothing_to_set", NULL, 0,
				  "nothing to set (give any of status, current, issues, plan, plan_due, notes)");
		return -1;
	}
	for (int f = 0; f < ANSWER_NFIELDS; f++)
		values[f] = http_json_str(body, answer_field_name((enum answer_field)f), "");
	return 0;
}

/* 409: the item changed since the caller's revision; nothing was written.
 * The item as it now is goes with it, for the client to show. */
static void put_conflict(struct http_response *resp, const struct err *e, const struct answer *now)
{
	http_json_send(resp, 409, json_pack("{s:{s:s, s:s, s:o}}", "error", "code", "conflict", "message", e->msg,
					    "current", answers_item_json(now)));
}

void api_answers_put(struct http_request *req, struct http_response *resp)
{
	const char *values[ANSWER_NFIELDS] = { 0 };
	const char *no_text = http_param(req, "no");
	const char *revision;
	json_t *body;
	if (http_json_parse(req, resp, &body) < 0)
		return;
	if (put_values(body, values, &revision, resp) < 0) {
		json_decref(body);
		return;
	}
	struct answers_ctx a;
	if (open_answers(req, resp, &a) < 0) {
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	const struct answer *ans;
	int no = api_item_no(no_text);
	int rc = no < 0 ? OUTCOME_NOT_FOUND
			: answers_set_item_at(&a, req->who.user->email, no, values, revision, &ans, &e);
	if (no < 0)
		err_set(&e, "%s has no item \"%s\"", a.cat->id, no_text);
	if (rc == OUTCOME_OK)
		http_json_send(resp, 200, answers_item_json(ans));
	else if (rc == OUTCOME_CONFLICT)
		put_conflict(resp, &e, ans);
	else
		api_refused(resp, rc, &e, "catalog");
	answers_close(&a);
	json_decref(body);
}

/* The media type of the body, without parameters, is type. */
static bool body_is(const struct http_request *req, const char *type)
{
	const char *ct = http_header(req, "Content-Type");
	size_t n = strlen(type);
	return ct && strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* ?dry_run: absent, 0/false or 1/true; -1 answered 400 otherwise. */
static int dry_run_flag(const struct http_request *req, struct http_response *resp)
{
	const char *v = http_query(req, "dry_run");
	if (!v || strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		return 0;
	if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || !*v)
		return 1;
	http_json_error(resp, 400, "bad_request", "dry_run wants 1 or 0, not \"%s\"", v);
	return -1;
}

/* 422 with every problem of the sheet, as the command line lists them
 * (details) and as data for the pages' own words (problems). */
static void sheet_errors(struct http_response *resp, const struct xlsx_answers *r, const struct err *e)
{
	json_t *lines = json_array(), *problems = json_array();
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++) {
		const struct xlsx_problem *p = &r->problems[i];
		json_array_append_new(lines, json_string(r->errors[i]));
		json_array_append_new(problems,
				      api_problem_json(p->cell, p->code, (const char *const *)p->args, p->n_args));
	}
	if (r->n_errors > XLSX_ANSWERS_MAX_ERRORS) {
		char more[64];
		if (snprintf(more, sizeof more, "… and %zu more", r->n_errors - XLSX_ANSWERS_MAX_ERRORS) < (int)sizeof more)
			json_array_append_new(lines, json_string(more));
	}
	struct api_refusal refusal = api_refusal_of(OUTCOME_SHEET);
	http_json_send(resp, refusal.status, json_pack("{s:{s:s, s:s, s:o, s:o}}", "error", "code", refusal.code,
						       "message", e->msg, "details", lines, "problems", problems));
}

void api_answers_import(struct http_request *req, struct http_response *resp)
{
	if (!body_is(req, ANSWERS_XLSX_TYPE)) {
		http_json_error(resp, 415, "unsupported_media_type", "the request body must be an .xlsx file (%s)",
				ANSWERS_XLSX_TYPE);
		return;
	}
	int dry_run = dry_run_flag(req, resp);
	if (dry_run < 0)
		return;
	const char *file = http_query(req, "filename");
	if (file && strlen(file) > 255) {
		http_json_problem(resp, 400, "bad_request", "file_name_too_long", (const char *[]){ "255" }, 1,
				  "filename is longer than 255 bytes");
		return;
	}
	struct answers_ctx a;
	if (open_answers(req, resp, &a) < 0)
		return;
	struct err e = { 0 };
	struct answers_import imp = { 0 };
	int rc = answers_import_bytes(&a, req->who.user->email, req->body ? req->body : "", req->body_len, file,
				      dry_run, &imp, &e);
	if (rc == OUTCOME_OK)
		http_json_send(resp, 200, answers_import_json(&a, &imp, file));
	else if (rc == OUTCOME_SHEET)
		sheet_errors(resp, imp.r, &e);
	else
		api_refused(resp, rc, &e, "catalog");
	answers_import_release(&imp);
	answers_close(&a);
}

/* "ORG-CATALOG.xlsx", with what a file name cannot hold as "_". */
static char *download_name(const char *org, const char *catalog)
{
	char *name = xasprintf("%s-%s.xlsx", org, catalog);
	for (char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || strchr("/\\:*?\"<>|", *p))
			*p = '_';
	return name;
}

void api_answers_export(struct http_request *req, struct http_response *resp)
{
	struct answers_ctx a;
	if (open_answers(req, resp, &a) < 0)
		return;
	struct err e = { 0 };
	char *name = download_name(a.org->name, a.cat->id);
	char *fallback = xasprintf("answers-%s.xlsx", a.cat->id);
	char *bytes;
	size_t len;
	int rc = answers_export_bytes(&a, req->who.user->email, name, &bytes, &len, &e);
	if (rc > 0) {
		api_refused(resp, rc, &e, NULL);
	} else if (rc < 0) {
		api_internal(resp, &e);
	} else {
		http_response_set(resp, 200, ANSWERS_XLSX_TYPE, bytes, len);
		char *cd = api_content_disposition(name, fallback);
		http_response_header(resp, "Content-Disposition", cd);
		free(cd);
	}
	free(fallback);
	free(name);
	answers_close(&a);
}
