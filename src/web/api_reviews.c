#include "web/api_reviews.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "service/criteria.h"
#include "service/review_before.h"
#include "service/review_criteria.h"
#include "service/review_view.h"
#include "service/reviews.h"
#include "service/shares.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* The store, the submission id and (want_no) the item number of the path:
 * NULL having answered otherwise. */
static struct store *review_path(struct http_request *req, struct http_response *resp, long long *id, int *no)
{
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "submission", "submission", id, resp))
		return NULL;
	if (no) {
		const char *text = http_param(req, "no");
		*no = api_item_no(text);
		if (*no < 0) {
			http_json_error(resp, 404, "not_found", "no item \"%s\"", text ? text : "");
			return NULL;
		}
	}
	return st;
}

/*
 * The body's string fields into values[] by the table's order: null (which
 * only a field that is not required may be) reads as "". 0, or -1 having
 * answered 400.
 */
static int strings(struct http_request *req, struct http_response *resp, json_t **body,
		   const struct http_json_field *fields, const char **values)
{
	if (http_json_body(req, resp, fields, body) < 0)
		return -1;
	for (size_t i = 0; fields[i].name; i++)
		values[i] = http_json_str(*body, fields[i].name, "");
	return 0;
}

void api_review_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	json_t *list;
	if (!st)
		return;
	if (review_view_list(st, req->org, &list, &e) < 0)
		api_internal(resp, &e);
	else
		http_json_send(resp, 200, list);
}

/*
 * The review of the path's submission as the caller reads it: a bank's
 * own (opened by its first read), or for a connector the review of the
 * bank ?bank= names. 0 with *r (yours), or -1 having answered.
 */
static int read_review(struct http_request *req, struct http_response *resp, struct store **st, struct review **r)
{
	long long id;
	*r = NULL;
	if (!(*st = review_path(req, resp, &id, NULL)))
		return -1;
	struct err e = { 0 };
	int rc;
	if (req->org->kind == ORG_BANK) {
		rc = reviews_open(*st, req->who.user->email, req->org->id, id, r, &e);
	} else {
		const char *bank = http_query(req, "bank");
		if (!bank) {
			http_json_problem(resp, 400, "bad_request", "bank_required", NULL, 0,
					  "bank is required: say whose review with ?bank=NAME");
			return -1;
		}
		rc = reviews_get(*st, req->org->id, id, bank, r, &e);
	}
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
		review_free(*r);
		*r = NULL;
		return -1;
	}
	return 0;
}

/*
 * A bank's review is the connector's data seen through the share: once the
 * answer is made, the read is recorded on the share in force as action
 * (shares_note_read) before it is sent; 0, or the refusal's status having
 * answered. A connector's read of a review of its own submission is not
 * recorded.
 */
static int note_read(struct http_request *req, struct http_response *resp, struct store *st,
		     const struct review *r, enum audit_action action)
{
	struct err e = { 0 };
	if (req->org->kind != ORG_BANK)
		return 0;
	int rc = shares_note_read(st, req->who.user, req->org->id, r->submission_id, action, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	return rc;
}

void api_review_show(struct http_request *req, struct http_response *resp)
{
	struct store *st;
	struct review *r;
	if (read_review(req, resp, &st, &r) < 0)
		return;
	struct err e = { 0 };
	json_t *view = review_view_json(st, r, &e);
	/* The previous review beside it: a bank's read of it is its own. */
	const struct user *reader = req->org->kind == ORG_BANK ? req->who.user : NULL;
	if (view && review_before_add(st, reader, r, view, &e) < 0) {
		json_decref(view);
		view = NULL;
	}
	/* The drafts are the bank's own deliberation (service/approvals.h). */
	if (view && req->org->kind == ORG_BANK)
		json_object_set_new(view, "drafts", review_view_drafts(st, r));
	if (!view)
		api_internal(resp, &e);
	else if (note_read(req, resp, st, r, AUDIT_REVIEW_READ) == 0)
		http_json_send(resp, 200, view);
	else
		json_decref(view);
	review_free(r);
}

/*
 * The bank's own decision, whether or not a share is in force now: the file
 * holds the bank's judgement (verdicts, decision, reason), none of the
 * connector's answers, and a bank keeps the record of its assessments.
 * 0 with *r (yours), or -1 having answered.
 */
static int bank_decided_review(struct http_request *req, struct http_response *resp, struct store **st,
			       struct review **r)
{
	long long id;
	struct err e = { 0 };
	*r = NULL;
	if (!(*st = review_path(req, resp, &id, NULL)))
		return -1;
	int rc = reviews_bank_own(*st, req->org->id, id, r, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
		return -1;
	}
	return 0;
}

void api_review_decision_file(struct http_request *req, struct http_response *resp)
{
	struct store *st;
	struct review *r;
	if ((req->org->kind == ORG_BANK ? bank_decided_review(req, resp, &st, &r) : read_review(req, resp, &st, &r)) <
	    0)
		return;
	struct err e = { 0 };
	struct strbuf file = STRBUF_INIT;
	char *name = xasprintf("decision-%lld-%s.json", r->submission_id, r->bank_name);
	/* A download is an export: its event commits before the bytes are sent. */
	int rc = review_view_decision_bytes(st, req->who.user->email, req->org->id, r, name, &file, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
	} else {
		char *fallback = xasprintf("decision-%lld.json", r->submission_id);
		size_t len = file.len;
		http_response_set(resp, 200, "application/json", strbuf_detach(&file), len);
		char *cd = api_content_disposition(name, fallback);
		http_response_header(resp, "Content-Disposition", cd);
		free(cd);
		free(fallback);
	}
	free(name);
	review_free(r);
}

void api_review_criteria(struct http_request *req, struct http_response *resp)
{
	/* The bank's own review (ROUTE_BANK), reached as GET of the review reaches it. */
	struct store *st;
	struct review *r;
	if (read_review(req, resp, &st, &r) < 0)
		return;
	struct err e = { 0 };
	json_t *out = NULL;
	int rc = review_criteria_view(st, req->org, r, &out, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else if (note_read(req, resp, st, r, AUDIT_REVIEW_CRITERIA_READ) == 0)
		http_json_send(resp, 200, out);
	else
		json_decref(out);
	review_free(r);
}

/* The item numbered no of r as the answer to a write. */
static void send_item(struct store *st, struct http_response *resp, int status, struct review *r, int no)
{
	http_json_send(resp, status, review_view_item_named(st, review_find(r, no)));
}

/* 409 of a verdict sent at a revision the item is no longer at: nothing
 * was written; the item as it now is goes with it, for the client to show
 * beside what was typed. */
static void verdict_conflict(struct store *st, struct http_response *resp, const struct err *e,
			     const struct review_item *now)
{
	http_json_send(resp, 409, json_pack("{s:{s:s, s:s, s:o}}", "error", "code", "conflict", "message", e->msg,
					    "current", review_view_item_named(st, now)));
}

/* The body's "files" (absent or null: none) into *out (the strings the
 * body's, the array yours); -1 having answered 400. */
static int message_files(const json_t *body, const char ***out, size_t *n, struct http_response *resp)
{
	const json_t *arr = json_object_get(body, "files");
	*out = NULL;
	*n = json_array_size(arr);
	if (!*n)
		return 0;
	*out = xcalloc(*n, sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		(*out)[i] = json_string_value(json_array_get(arr, i));
		if (!(*out)[i]) {
			http_json_problem(resp, 400, "bad_request", "review_files_not_strings", NULL, 0,
					  "files must be an array of sha256 strings");
			free(*out);
			*out = NULL;
			return -1;
		}
	}
	return 0;
}

void api_review_verdict(struct http_request *req, struct http_response *resp)
{
	/* text is the verdict's message; comment its earlier name, still
	 * taken (and threaded) from clients written before. */
	static const struct http_json_field fields[] = {
		{ "verdict", HTTP_JSON_STRING, .required = true },
		{ "text", HTTP_JSON_STRING, .nullable = true },
		{ "comment", HTTP_JSON_STRING, .nullable = true },
		{ "revision", HTTP_JSON_STRING, .nullable = true },
		{ "files", HTTP_JSON_ARRAY, .nullable = true },
		{ 0 },
	};
	const char *v[5];
	long long id;
	int no;
	json_t *body = NULL;
	struct store *st = review_path(req, resp, &id, &no);
	if (!st || strings(req, resp, &body, fields, v) < 0) {
		json_decref(body);
		return;
	}
	if (json_is_string(json_object_get(body, "text")) && json_is_string(json_object_get(body, "comment"))) {
		http_json_problem(resp, 400, "bad_request", "text_or_comment", NULL, 0, "give text or comment, not both");
		json_decref(body);
		return;
	}
	const char *text = json_is_string(json_object_get(body, "text")) ? v[1] : v[2];
	const char *revision = json_is_string(json_object_get(body, "revision")) ? v[3] : NULL;
	const char **files = NULL;
	size_t n_files = 0;
	if (message_files(body, &files, &n_files, resp) < 0) {
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	struct review *r = NULL;
	int rc = reviews_verdict_files(st, req->who.user->email, req->org->id, id, no, v[0], text, revision, files,
				       n_files, &r, &e);
	free(files);
	const struct review_item *now = r ? review_find(r, no) : NULL;
	if (rc == OUTCOME_CONFLICT && now)
		verdict_conflict(st, resp, &e, now);
	else if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		send_item(st, resp, 200, r, no);
	review_free(r);
	json_decref(body);
}

void api_review_bank_answer(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "status", HTTP_JSON_STRING, .nullable = true },
		{ "current", HTTP_JSON_STRING, .nullable = true },
		{ "notes", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	const char *v[3];
	long long id;
	int no;
	json_t *body = NULL;
	struct store *st = review_path(req, resp, &id, &no);
	if (!st || strings(req, resp, &body, fields, v) < 0) {
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	struct review *r = NULL;
	int rc = reviews_bank_answer(st, req->who.user->email, req->org->id, id, no, v[0], v[1], v[2], &r, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		send_item(st, resp, 200, r, no);
	review_free(r);
	json_decref(body);
}

void api_review_message(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field bank_fields[] = {
		{ "text", HTTP_JSON_STRING, .required = true },
		{ "files", HTTP_JSON_ARRAY, .nullable = true },
		{ 0 },
	};
	static const struct http_json_field connector_fields[] = {
		{ "text", HTTP_JSON_STRING, .required = true },
		{ "bank", HTTP_JSON_STRING, .nullable = true },
		{ "files", HTTP_JSON_ARRAY, .nullable = true },
		{ 0 },
	};
	bool is_bank = req->org->kind == ORG_BANK;
	const struct user *u = req->who.user;
	/* Both kinds post here, each with its own action: the gate checked READ. */
	if (!user_role_can(u->role, is_bank ? ACTION_REVIEW : ACTION_ANSWERS_EDIT)) {
		http_json_problem(resp, 403, "forbidden", "role", (const char *[]){ user_role_name(u->role) }, 1,
				  "your role (%s) may not do this", user_role_name(u->role));
		return;
	}
	const char *v[3] = { NULL, NULL, NULL };
	long long id;
	int no;
	json_t *body = NULL;
	struct store *st = review_path(req, resp, &id, &no);
	if (!st || strings(req, resp, &body, is_bank ? bank_fields : connector_fields, v) < 0) {
		json_decref(body);
		return;
	}
	if (!is_bank && !v[1]) {
		http_json_problem(resp, 400, "bad_request", "bank_required", NULL, 0, "bank is required: say whose review");
		json_decref(body);
		return;
	}
	const char **files = NULL;
	size_t n_files = 0;
	if (message_files(body, &files, &n_files, resp) < 0) {
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	struct review *r = NULL;
	int rc = reviews_message_files(st, u->email, req->org, id, v[1], no, v[0], files, n_files, &r, &e);
	free(files);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		send_item(st, resp, 201, r, no);
	review_free(r);
	json_decref(body);
}
