#include "web/api_approvals.h"

#include <stdlib.h>
#include <string.h>

#include "service/approvals.h"
#include "service/orgs.h"
#include "service/review_view.h"
#include "service/reviews.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* The refusal of a decision for its items: the line, and the items as
 * data (the page links each), as the service read them in the transaction
 * that refused it (the review is not read again). */
static void refuse_items(struct http_response *resp, const struct approvals_stopped *stopped, const struct err *e)
{
	json_t *items = json_array();
	for (size_t i = 0; i < stopped->n; i++)
		json_array_append_new(items, json_integer(stopped->nos[i]));
	const char *args[2] = { e->args[0], e->args[1] };
	json_t *p = api_problem_json("", e->code, args, e->n_args < 2 ? e->n_args : 2);
	json_t *body = http_json_error_body("conflict", "%s", e->msg);
	if (p) {
		json_object_set_new(p, "items", items);
		json_object_set_new(json_object_get(body, "error"), "problems", json_pack("[o]", p));
	} else {
		json_decref(items);
	}
	http_json_send(resp, 409, body);
}

/* The last of r's drafts (the one just made or resolved). */
static json_t *last_draft(struct store *st, const struct review *r)
{
	json_t *all = review_view_drafts(st, r);
	json_t *d = json_incref(json_array_get(all, json_array_size(all) - 1));
	json_decref(all);
	return d ? d : json_null();
}

void api_approval_decide(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "decision", HTTP_JSON_STRING, .required = true },
		{ "reason", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	long long id;
	json_t *body;
	struct store *st = api_json_request(req, resp, "submission", "submission", &id, fields, &body);
	if (!st)
		return;
	struct err e = { 0 };
	struct review *r = NULL;
	struct approvals_stopped stopped = { 0 };
	int rc = approvals_decide(st, req->auth->secret, req->who.user->email, req->org->id, id,
				  http_json_str(body, "decision", ""), http_json_str(body, "reason", ""), &r, &stopped,
				  &e);
	if (rc == OUTCOME_CONFLICT && (strcmp(e.code, "items_pending") == 0 || strcmp(e.code, "items_open") == 0))
		refuse_items(resp, &stopped, &e);
	else if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else if (r->decision == DECISION_NONE)
		http_json_send(resp, 202, last_draft(st, r));
	else
		http_json_send(resp, 201, review_view_decision(st, r));
	review_free(r);
	approvals_stopped_release(&stopped);
	json_decref(body);
}

void api_approval_approve(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "submission", "submission", &id, resp))
		return;
	struct err e = { 0 };
	struct review *r = NULL;
	int rc = approvals_approve(st, req->auth->secret, req->who.user->email, req->org->id, id, &r, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, review_view_decision(st, r));
	review_free(r);
}

void api_approval_reject(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "reason", HTTP_JSON_STRING, .required = true },
		{ 0 },
	};
	long long id;
	json_t *body;
	struct store *st = api_json_request(req, resp, "submission", "submission", &id, fields, &body);
	if (!st)
		return;
	struct err e = { 0 };
	struct review *r = NULL;
	int rc = approvals_reject(st, req->who.user->email, req->org->id, id, http_json_str(body, "reason", ""), &r,
				  &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, last_draft(st, r));
	review_free(r);
	json_decref(body);
}

static json_t *org_json(const struct org *o)
{
	return json_pack("{s:s, s:s, s:b}", "name", o->name, "kind", org_kind_name(o->kind), "require_approval",
			 o->require_approval);
}

void api_org_show(struct http_request *req, struct http_response *resp)
{
	http_json_send(resp, 200, org_json(req->org));
}

void api_org_update(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "require_approval", HTTP_JSON_BOOLEAN, .required = true },
		{ 0 },
	};
	json_t *body;
	struct store *st = api_json_request(req, resp, NULL, NULL, NULL, fields, &body);
	if (!st)
		return;
	struct err e = { 0 };
	struct org *o = NULL;
	int rc = orgs_set_require_approval(st, req->who.user->email, req->org->id,
					   json_is_true(json_object_get(body, "require_approval")), &o, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, org_json(o));
	org_free(o);
	json_decref(body);
}
