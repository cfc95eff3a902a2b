#include "web/api_receive.h"
#include "web/page_review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "core/user.h"
#include "lib/xalloc.h"
#include "web/page.h"
#include "web/page_evidence.h"
#include "web/page_notifications.h"
#include "web/page_time.h"
#include "web/person.h"
#include "web/review_approval.h"
#include "web/review_compare.h"
#include "web/review_screen.h"
#include "web/review_thread_files.h"

/* The {submission} of the path as a number; false (the 404 page answered)
 * if it is not one. */
static bool submission_param(struct http_request *req, struct http_response *resp, long long *id)
{
	const char *s = http_param(req, "submission");
	char *end = NULL;
	*id = s && *s >= '1' && *s <= '9' && strlen(s) <= 18 ? strtoll(s, &end, 10) : 0;
	if (!end || *end) {
		page_refused(req, resp, 404, "not_found", "no such submission");
		return false;
	}
	return true;
}

/* path, then "?bank=NAME" percent-encoded when the caller is a connector
 * (a connector names whose review it reads; a bank reads its own). */
static char *with_bank(const struct http_request *req, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, path);
	const char *bank = http_query(req, "bank");
	if (req->org && req->org->kind == ORG_CONNECTOR && bank) {
		strbuf_addstr(&sb, "?bank=");
		text_percent_encode(&sb, bank, strlen(bank));
	}
	return strbuf_detach(&sb);
}

/* Adds KEY_day, the JST day (YYYY-MM-DD) of row's timestamp KEY, or null. */
static void add_day(json_t *row, const char *key)
{
	char name[64], day[PAGE_TIME_MAX];
	int n = snprintf(name, sizeof name, "%s_day", key);
	if (n < 0 || (size_t)n >= sizeof name)
		return;
	bool ok = page_time_day(json_string_value(json_object_get(row, key)), day);
	json_object_set_new(row, name, ok ? json_string(day) : json_null());
}

/* The caller's review of submission (a row of GET /api/v1/reviews), or NULL. */
static const json_t *review_row(const json_t *reviews, json_int_t submission)
{
	size_t i;
	const json_t *r;
	json_array_foreach(reviews, i, r) {
		if (json_integer_value(json_object_get(r, "submission")) == submission)
			return r;
	}
	return NULL;
}

/* The upload of a package from another server (review_inbox_receive.html,
 * inbox_receive.js), for those who may receive one (api_receive.h): its
 * limit, for the page to check a file's size before sending it. */
static void inbox_receive_form(const struct http_request *req, json_t *d)
{
	const struct user *u = req->who.user;
	if (!u || !user_role_can(u->role, ACTION_REVIEW))
		return;
	json_object_set_new(d, "receive_max", json_integer((json_int_t)RECEIVE_UPLOAD_MAX));
	json_object_set_new(d, "receive_max_mib", json_integer((json_int_t)(RECEIVE_UPLOAD_MAX >> 20)));
	json_object_set_new(d, "scripts", json_pack("[s]", "inbox_receive.js"));
}

void page_inbox(struct http_request *req, struct http_response *resp)
{
	json_t *inbox, *reviews;
	if (page_fetch(req, resp, "/api/v1/inbox", true, &inbox) != 200)
		return;
	if (page_fetch(req, resp, "/api/v1/reviews", true, &reviews) != 200) {
		json_decref(inbox);
		return;
	}
	size_t i;
	json_t *row;
	json_array_foreach(inbox, i, row) {
		const json_t *r = review_row(reviews, json_integer_value(json_object_get(row, "submission")));
		json_object_set_new(row, "review", r ? json_deep_copy(r) : json_null());
		json_object_set_new(row, "d", review_screen_flag(r ? json_object_get(r, "decision") : NULL));
		add_day(row, "shared_at");
	}
	json_decref(reviews);
	page_notifications_flag(req, resp, inbox);
	json_t *d = json_pack("{s:o, s:I, s:{s:b}}", "rows", inbox, "count", (json_int_t)json_array_size(inbox), "nav",
			      "inbox", true);
	inbox_receive_form(req, d);
	page_render(req, resp, 200, "review_inbox", "review.inbox_title", d);
}

void page_reviews(struct http_request *req, struct http_response *resp)
{
	json_t *reviews;
	if (page_fetch(req, resp, "/api/v1/reviews", true, &reviews) != 200)
		return;
	size_t i;
	json_t *row;
	bool bank = req->org && req->org->kind == ORG_BANK;
	json_array_foreach(reviews, i, row) {
		json_object_set_new(row, "counterpart", json_incref(json_object_get(row, bank ? "connector" : "bank")));
		json_object_set_new(row, "d", review_screen_flag(json_object_get(row, "decision")));
		add_day(row, "opened_at");
		add_day(row, "decided_at");
	}
	page_notifications_flag(req, resp, reviews);
	page_render(req, resp, 200, "review_list", "review.list_title",
		    json_pack("{s:o, s:I, s:{s:b}}", "rows", reviews, "count", (json_int_t)json_array_size(reviews),
			      "nav", "reviews", true));
}

/* What the caller may do on the screen, and the review's names under keys
 * page_render leaves alone (it sets "bank" and "connector" to the caller's
 * kind). */
static void allow(const struct http_request *req, json_t *data, bool decided)
{
	bool bank = req->org && req->org->kind == ORG_BANK;
	const struct user *u = req->who.user;
	bool review = u && user_role_can(u->role, ACTION_REVIEW);
	bool edit = u && user_role_can(u->role, ACTION_ANSWERS_EDIT);
	json_object_set_new(data, "bank_name", json_incref(json_object_get(data, "bank")));
	json_object_set_new(data, "connector_name", json_incref(json_object_get(data, "connector")));
	json_object_set_new(data, "may_verdict", json_boolean(bank && review && !decided));
	json_object_set_new(data, "may_post", json_boolean(bank ? review : edit));
}

/*
 * The bank's supplementary questions (its criteria with no counterpart in
 * the checklist) and the connector's answers to them, as "questions"; none
 * when the bank has no criteria or the API refuses (the rest of the review
 * stands on its own).
 */
static void add_questions(struct http_request *req, struct http_response *resp, long long id, json_t *data)
{
	char *base = xasprintf("/api/v1/reviews/%lld/questions", id);
	char *path = with_bank(req, base);
	json_t *doc = NULL;
	if (page_fetch(req, resp, path, false, &doc) == 200) {
		json_t *qs = json_object_get(doc, "questions"), *q;
		size_t i;
		json_array_foreach(qs, i, q)
			person_set_named(q, "answered_by"); /* 回答者 as 氏名（部署） */
		if (json_array_size(qs))
			json_object_set(data, "questions", qs);
	}
	json_decref(doc);
	free(path);
	free(base);
	const struct user *u = req->who.user;
	bool connector = req->org && req->org->kind == ORG_CONNECTOR;
	json_object_set_new(data, "may_answer_q", json_boolean(connector && u && user_role_can(u->role, ACTION_ANSWERS_EDIT)));
}

/* The people of the decision, its drafts, the previous decision and the
 * previous threads named
 * 氏名（部署） (web/person.h: KEY_who for a dd, KEY_label for a sentence),
 * from the names the API sets beside each e-mail. */
static void name_signers(json_t *data)
{
	json_t *decision = json_object_get(data, "decision"), *d;
	person_set_named(decision, "decided_by");
	person_set_named(decision, "drafted_by");
	person_set_named(decision, "approved_by");
	person_set_named(json_object_get(json_object_get(data, "previous"), "decision"), "decided_by");
	size_t i;
	json_array_foreach(json_object_get(data, "drafts"), i, d) {
		person_set_named(d, "drafted_by");
		person_set_named(d, "resolved_by");
	}
	/* The previous version's threads, named as the current ones are. */
	json_t *g, *it, *m;
	size_t k, j;
	json_array_foreach(json_object_get(data, "groups"), i, g) {
		json_array_foreach(json_object_get(g, "items"), k, it) {
			json_array_foreach(json_object_get(it, "previous_messages"), j, m)
				person_set_own(m, "author");
		}
	}
}

/*
 * The bank's approval state as "approval" (web/review_approval.h): its
 * drafts and its setting (GET /api/v1/org; off should the API refuse: the
 * form then says 確定する and the API still makes a draft, so the page
 * shows it after its reload). While a draft is pending the
 * verdicts do not change (the API refuses them): no verdict forms then.
 */
static void add_approval(struct http_request *req, struct http_response *resp, json_t *data)
{
	/* A connector reads no drafts: an empty approval, the panel as before. */
	bool bank = req->org && req->org->kind == ORG_BANK;
	json_t *org = NULL;
	bool required = bank && page_fetch(req, resp, "/api/v1/org", false, &org) == 200 &&
			json_is_true(json_object_get(org, "require_approval"));
	json_decref(org);
	const struct user *u = req->who.user;
	json_t *a = review_approval_build(json_object_get(data, "drafts"), required, u ? u->email : NULL,
					  u && user_role_can(u->role, ACTION_APPROVE));
	if (json_array_size(json_object_get(a, "pending")))
		json_object_set_new(data, "may_verdict", json_false());
	json_object_set_new(data, "approval", a);
}

void page_review(struct http_request *req, struct http_response *resp)
{
	long long id;
	if (!submission_param(req, resp, &id))
		return;
	char *base = xasprintf("/api/v1/reviews/%lld", id);
	char *path = with_bank(req, base);
	json_t *review = NULL, *sub = NULL, *catalog = NULL;
	int ok = page_fetch(req, resp, path, true, &review) == 200;
	free(path);
	free(base);
	char *sub_path = xasprintf("/api/v1/submissions/%lld", id);
	ok = ok && page_fetch(req, resp, sub_path, true, &sub) == 200;
	free(sub_path);
	if (ok) {
		ok = page_fetch_catalog(req, resp, json_string_value(json_object_get(sub, "catalog")), true,
					&catalog) == 200;
	}
	if (!ok) {
		json_decref(review);
		json_decref(sub);
		return;
	}
	json_t *data = review_screen_build(review, catalog, json_object_get(sub, "answers"));
	json_decref(catalog);
	json_decref(review);
	if (!data) {
		json_decref(sub);
		page_refused(req, resp, 500, "internal", "");
		return;
	}
	review_compare_add(data);
	json_t *decision = json_object_get(data, "decision");
	json_object_set_new(data, "d", review_screen_flag(json_object_get(decision, "decision")));
	allow(req, data, json_is_object(decision));
	name_signers(data);
	add_approval(req, resp, data);
	add_questions(req, resp, id, data);
	page_evidence_review(data, id, json_object_get(sub, "attachments"));
	json_object_set_new(data, "sha256", json_incref(json_object_get(sub, "sha256")));
	json_object_set_new(data, "submitted_at", json_incref(json_object_get(sub, "submitted_at")));
	json_object_set_new(data, "nav", json_pack("{s:b}", "reviews", true));
	review_thread_files_add(data, id);
	json_object_set_new(data, "scripts", json_pack("[s, s, s, s, s]", "review.js", "review_work.js", "table_view.js", "review_table.js",
						       "review_files.js"));
	json_object_set_new(data, "view_target", json_string("items"));
	json_decref(sub);
	page_render(req, resp, 200, "review_show", "review.show_title", data);
}

void page_review_criteria(struct http_request *req, struct http_response *resp)
{
	long long id;
	if (!submission_param(req, resp, &id))
		return;
	char *path = xasprintf("/api/v1/reviews/%lld/criteria", id);
	json_t *doc = NULL;
	struct page_error why;
	int status = page_fetch_why(req, resp, path, &doc, &why);
	free(path);
	json_t *probe = NULL;
	if (status == 404 && page_fetch(req, resp, "/api/v1/criteria", false, &probe) == 404) {
		/* No criteria imported yet: if the review is the caller's to read
		 * (else its refusal page), say so and where to import them. */
		char *review = xasprintf("/api/v1/reviews/%lld", id);
		status = page_fetch(req, resp, review, true, &probe);
		free(review);
		json_decref(probe);
		if (status == 200)
			page_render(req, resp, 200, "review_criteria", "review.criteria_title",
				    json_pack("{s:I, s:b, s:{s:b}}", "submission", (json_int_t)id, "none", true,
					      "nav", "reviews", true));
		return;
	}
	json_decref(probe);
	if (status != 200) {
		page_refused_why(req, resp, &why);
		return;
	}
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(doc, "criteria"), i, c) {
		json_object_set_new(c, "s", review_screen_flag(json_object_get(c, "state")));
		size_t j;
		json_t *it;
		json_array_foreach(json_object_get(c, "items"), j, it) {
			json_t *v = json_object_get(it, "verdict");
			json_object_set_new(it, "v", json_is_string(v) ? review_screen_flag(v) : json_pack("{s:b}", "pending", true));
		}
	}
	json_object_set_new(doc, "connector_name", json_incref(json_object_get(doc, "connector")));
	json_object_set_new(doc, "nav", json_pack("{s:b}", "reviews", true));
	page_render(req, resp, 200, "review_criteria", "review.criteria_title", doc);
}
