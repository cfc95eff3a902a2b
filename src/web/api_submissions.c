#include "web/api_submissions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/answers.h"
#include "service/receive.h"
#include "service/shares.h"
#include "service/submission_view.h"
#include "service/submissions.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* 422 with every problem line (as `shinsa answers check` prints them). */
static void incomplete(struct http_response *resp, size_t n, const struct strbuf *problems)
{
	json_t *details = json_array();
	const char *p = problems->buf ? problems->buf : "";
	while (*p) {
		size_t len = strcspn(p, "\n");
		json_array_append_new(details, json_stringn(p, len));
		p += len + (p[len] == '\n');
	}
	char msg[64];
	snprintf(msg, sizeof msg, "%zu problem%s to fix", n, n == 1 ? "" : "s");
	struct api_refusal r = api_refusal_of(OUTCOME_INCOMPLETE);
	http_json_send(resp, r.status, json_pack("{s:{s:s, s:s, s:o}}", "error", "code", r.code, "message", msg,
					    "details", details));
}

void api_submission_create(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "catalog", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	const char *catalog = NULL;
	/* The body may be absent: most databases hold one checklist. */
	if (!st || (req->body_len > 0 && http_json_body(req, resp, fields, &body) < 0))
		return;
	catalog = http_json_str(body, "catalog", NULL);
	struct err e = { 0 };
	struct connector_answers c = { 0 };
	struct submission_record *rec = NULL;
	struct strbuf problems = STRBUF_INIT;
	size_t n = 0;
	/* The checklist first, with the outcome codes the answers endpoints
	 * answer by (a body names it as "catalog", they as ?catalog=). */
	struct catalog *cat = NULL;
	int rc = answers_checklist(st, catalog, &cat, &e);
	if (rc != OUTCOME_OK) {
		if (rc == OUTCOME_CHOOSE)
			http_json_error(resp, 400, "bad_request", "%s: say which with {\"catalog\": ID}", e.msg);
		else
			api_refused(resp, rc, &e, NULL);
		goto done;
	}
	/* The organisation is the caller's own and the checklist exists: what
	 * is left to fail is the database. */
	if (submissions_connector_load(st, req->org->name, cat->id, &c, &e) < 0) {
		api_internal(resp, &e);
		goto done;
	}
	rc = submissions_submit(st, req->auth->secret, req->who.user->email, &c, &rec, &problems, &n, &e);
	if (rc == OUTCOME_INCOMPLETE) {
		incomplete(resp, n, &problems);
	} else if (rc < 0) {
		api_internal(resp, &e);
	} else {
		char where[64];
		if (snprintf(where, sizeof where, "/api/v1/submissions/%lld", rec->id) < (int)sizeof where)
			http_response_header(resp, "Location", where);
		http_json_send(resp, 201, json_pack("{s:I, s:i, s:s, s:s}", "id", (json_int_t)rec->id, "version",
						    rec->version, "sha256", rec->sha256, "submitted_at",
						    rec->submitted_at));
	}
done:
	catalog_free(cat);
	strbuf_release(&problems);
	submission_record_free(rec);
	submissions_connector_release(&c);
	json_decref(body);
}

void api_submission_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	struct submission_record **recs;
	size_t n;
	if (!st)
		return;
	if (submissions_list(st, req->org->id, &recs, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, submission_view_summary(recs[i]));
		submission_record_free(recs[i]);
	}
	free(recs);
	http_json_send(resp, 200, arr);
}

/* The owner connector's view. */
static int own_submission(struct store *st, const struct http_request *req, long long id,
			  struct submission_record **rec, struct submission **doc, bool *valid, struct err *e)
{
	int rc = submissions_load(st, id, rec, doc, e);
	if (rc == 0 && (*rec)->org_id != req->org->id) {
		err_set(e, "no submission %lld", id);
		return OUTCOME_NOT_FOUND;
	}
	struct err why = { 0 };
	if (rc == 0)
		*valid = submissions_check(st, *rec, *doc, &why);
	return rc;
}

/* The submission; to its owner also the decisions received back from
 * banks' own servers (a bank sees its own review, not others'). */
static void send_show(struct store *st, const struct http_request *req, struct http_response *resp,
		      const struct submission_record *rec, const struct submission *doc, bool valid)
{
	json_t *o = submission_view_show(rec, doc, valid);
	struct err e = { 0 };
	struct received_decision **got = NULL;
	size_t n = 0;
	if (req->org->kind != ORG_BANK) {
		if (receive_decisions(st, rec->id, &got, &n, &e) < 0) {
			json_decref(o);
			api_internal(resp, &e);
			return;
		}
		json_object_set_new(o, "received_decisions", receive_decisions_json(got, n));
		receive_decisions_free(got, n);
	}
	http_json_send(resp, 200, o);
}

void api_submission_show(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "submission", &id, resp))
		return;
	struct err e = { 0 };
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	bool valid = false;
	int rc = req->org->kind == ORG_BANK ? shares_read(st, req->who.user, req->org->id, id, &rec, &doc, &valid, &e)
					    : own_submission(st, req, id, &rec, &doc, &valid, &e);
	/* Both services' NOT_FOUND is OUTCOME_NOT_FOUND: one answer. */
	if (rc == OUTCOME_NOT_FOUND)
		http_json_error(resp, 404, "not_found", "no submission %lld", id);
	else if (rc != 0)
		api_internal(resp, &e);
	else
		send_show(st, req, resp, rec, doc, valid);
	submission_free(doc);
	submission_record_free(rec);
}

void api_submission_diff(struct http_request *req, struct http_response *resp)
{
	long long id, other_id;
	struct store *st = api_store(req, resp);
	const char *other = http_param(req, "other");
	if (!st || !api_id_param(req, "id", "submission", &id, resp))
		return;
	if (strcmp(other, "working") != 0 && !api_id_param(req, "other", "submission", &other_id, resp))
		return;
	struct err e = { 0 };
	struct submission_side from = { 0 }, to = { 0 };
	/* A bank compares two versions shared with it; a connector its own. */
	int rc = req->org->kind == ORG_BANK
			 ? submission_sides_bank(st, req->who.user, req->org->id, id, other, &from, &to, &e)
			 : submission_sides_load(st, req->org->id, id, other, &from, &to, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
	} else {
		struct answers_diff *d = answers_diff_new(from.doc->answers, to.doc->answers);
		http_json_send(resp, 200, submission_view_diff(&from, &to, d));
		answers_diff_free(d);
	}
	submission_side_release(&from);
	submission_side_release(&to);
}
