#include "web/api_plans.h"

#include <string.h>

#include "service/cycles.h"
#include "service/plan_view.h"
#include "service/plans.h"
#include "service/portfolio.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* The plan as the caller sees it, with status. */
static void send_plan(struct http_request *req, struct http_response *resp, struct store *st, long long id)
{
	struct err e = { 0 };
	json_t *out;
	int rc = plan_view_show(st, req->org, req->who.user, id, &out, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, out);
}

void api_plan_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	const char *overdue = http_query(req, "overdue");
	struct plans_filter f = { http_query(req, "status"), overdue && strcmp(overdue, "true") == 0 };
	if (overdue && strcmp(overdue, "true") != 0 && strcmp(overdue, "false") != 0) {
		http_json_error(resp, 400, "bad_request", "overdue wants true or false, not \"%s\"", overdue);
		return;
	}
	struct err e = { 0 };
	json_t *out;
	int rc = plan_view_list(st, req->org, req->who.user, &f, &out, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, out);
}

void api_plan_show(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (st && api_id_param(req, "id", "plan", &id, resp))
		send_plan(req, resp, st, id);
}

void api_plan_update(struct http_request *req, struct http_response *resp)
{
	long long id;
	json_t *body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "plan", &id, resp) || http_json_parse(req, resp, &body) < 0)
		return;
	struct err e = { 0 };
	struct plan_update u;
	int rc = plans_update_parse(body, &u, &e);
	if (rc == 0)
		rc = plans_update(st, req->who.user->email, req->org->id, id, &u, NULL, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		send_plan(req, resp, st, id);
	plans_update_release(&u);
	json_decref(body);
}

void api_plan_required(struct http_request *req, struct http_response *resp)
{
	/* null removes the requirement; the service checks the date. */
	static const struct http_json_field fields[] = {
		{ "due", HTTP_JSON_STRING, .required = true, .nullable = true },
		{ 0 },
	};
	long long id;
	json_t *body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "plan", &id, resp) || http_json_body(req, resp, fields, &body) < 0)
		return;
	struct err e = { 0 };
	int rc = plans_require(st, req->who.user->email, req->org, id, http_json_str(body, "due", NULL), &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		send_plan(req, resp, st, id);
	json_decref(body);
}

void api_cycle_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	struct cycle **list = NULL;
	size_t n = 0;
	char today[PLAN_DATE_LEN + 1];
	if (!st)
		return;
	if (plans_today(today, &e) < 0 || cycles_list(st, req->org, &list, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, cycles_json(list[i], today));
	cycle_list_free(list, n);
	http_json_send(resp, 200, arr);
}

/* {months?, next_due?}: 0, or -1 having answered 400. The service checks
 * the range of months and the date. */
static int cycle_body(const json_t *body, struct cycle_update *u, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ .name = "months", .type = HTTP_JSON_INTEGER },
		{ "next_due", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	*u = (struct cycle_update){ 0 };
	if (http_json_check(body, fields, resp) < 0)
		return -1;
	const json_t *m = json_object_get(body, "months");
	u->months_set = m != NULL;
	u->months = m ? json_integer_value(m) : 0;
	u->next_due_set = json_object_get(body, "next_due") != NULL;
	u->next_due = http_json_str(body, "next_due", NULL);
	return 0;
}

void api_cycle_set(struct http_request *req, struct http_response *resp)
{
	json_t *body = NULL;
	struct cycle_update u;
	struct store *st = api_store(req, resp);
	if (!st || http_json_parse(req, resp, &body) < 0)
		return;
	if (cycle_body(body, &u, resp) < 0) {
		json_decref(body);
		return;
	}
	struct err e = { 0 };
	struct cycle *c = NULL;
	char today[PLAN_DATE_LEN + 1];
	int rc = plans_today(today, &e) < 0
			 ? -1
			 : cycles_set(st, req->who.user->email, req->org, http_param(req, "connector"), &u, &c, &e);
	if (rc != 0)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, cycles_json(c, today));
	cycle_free(c);
	json_decref(body);
}

void api_portfolio(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	struct err e = { 0 };
	json_t *out = NULL;
	if (!st)
		return;
	if (portfolio_list(st, req->org, &out, &e) < 0)
		api_internal(resp, &e);
	else
		http_json_send(resp, 200, out);
}
