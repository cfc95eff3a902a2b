#include "web/api_questions.h"

#include "service/people.h"
#include "service/questions.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_questions_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	struct question_list *l = NULL;
	int rc = questions_list(st, http_param(req, "bank"), req->org, &l, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
	} else {
		json_t *out = questions_json(l), *people = json_object();
		people_name_all(st, people, out, "answered_by", &e); /* as for a review's questions */
		json_decref(people);
		http_json_send(resp, 200, out);
	}
	question_list_free(l);
}

void api_questions_answer(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "answer", HTTP_JSON_STRING, .required = true },
		{ 0 },
	};
	const char *v[1];
	json_t *body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	struct err e = { 0 };
	struct question *q = NULL;
	int rc = questions_answer(st, req->who.user->email, req->org, http_param(req, "bank"), http_param(req, "key"),
				  v[0], &q, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, questions_item_json(q));
	question_free(q);
	json_decref(body);
}

void api_questions_review(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "submission", "submission", &id, resp))
		return;
	const char *bank = http_query(req, "bank");
	if (req->org->kind != ORG_BANK && !bank) {
		http_json_problem(resp, 400, "bad_request", "bank_required", NULL, 0,
				  "bank is required: say whose review with ?bank=NAME");
		return;
	}
	struct err e = { 0 };
	struct question_list *l = NULL;
	int rc = questions_review(st, req->org, req->who.user, id, bank, &l, &e);
	if (rc != 0) {
		api_refused(resp, rc, &e, NULL);
	} else {
		/* Who answered, by name (service/people.h); a failure leaves the names out. */
		json_t *out = questions_review_json(l), *people = json_object();
		people_name_all(st, people, json_object_get(out, "questions"), "answered_by", &e);
		json_decref(people);
		http_json_send(resp, 200, out);
	}
	question_list_free(l);
}
