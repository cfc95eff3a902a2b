#include "web/page_submissions.h"

#include <stdio.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "service/answers.h"
#include "web/page.h"
#include "web/page_connector.h"
#include "web/page_evidence.h"

/* {name: true}, name "unset" when it is NULL or "". */
static json_t *flag(const char *name)
{
	json_t *o = json_object();
	json_object_set_new(o, name && *name ? name : "unset", json_true());
	return o;
}

/*
 * The sealed files of a submission (GET /api/v1/submissions/{id}'s
 * "attachments", changed in place) for connector_submission_files.html:
 * each gets its size as people read it, "size_text" with one of the flags
 * size_b, size_kb, size_mb for the unit's words, and "items_text" the item
 * numbers joined by the list separator the template puts in.
 */
static void files_for_page(json_t *files)
{
	size_t i;
	json_t *f;
	json_array_foreach(files, i, f) {
		long long n = (long long)json_integer_value(json_object_get(f, "size"));
		char text[32];
		const char *unit = n < 1024 ? "size_b" : n < 1024 * 1024 ? "size_kb" : "size_mb";
		int w = n < 1024 ? snprintf(text, sizeof text, "%lld", n)
			: snprintf(text, sizeof text, "%.1f", (double)n / (n < 1024 * 1024 ? 1024.0 : 1024.0 * 1024.0));
		if (w < 0 || (size_t)w >= sizeof text)
			text[0] = '\0'; /* cannot be: a long long's digits */
		json_object_set_new(f, "size_text", json_string(text));
		json_object_set_new(f, unit, json_true());
		json_object_set_new(f, "sha12", json_stringn(json_string_value(json_object_get(f, "sha256")), 12));
	}
}

json_t *page_share_rows(const json_t *shares, json_int_t submission)
{
	if (!json_is_array(shares))
		return NULL;
	json_t *rows = json_array();
	for (size_t i = json_array_size(shares); i-- > 0;) {
		const json_t *s = json_array_get(shares, i);
		if (submission && json_integer_value(json_object_get(s, "submission")) != submission)
			continue;
		json_t *row = json_deep_copy(s);
		const char *state = json_is_true(json_object_get(s, "in_force")) ? "in_force"
				    : json_is_string(json_object_get(s, "revoked_at")) ? "revoked"
										: "expired";
		json_object_set_new(row, "state", flag(state));
		json_object_set_new(row, "state_chip", json_string(strcmp(state, "in_force") == 0  ? "good"
								   : strcmp(state, "revoked") == 0 ? "none"
												   : "warn"));
		const json_t *acc = json_object_get(s, "accesses");
		const char *last = "";
		size_t k;
		const json_t *a;
		json_array_foreach (acc, k, a)
			if (strcmp(page_text(a, "at"), last) > 0)
				last = page_text(a, "at");
		json_object_set_new(row, "last_access_at", json_string(last));
		json_object_set_new(row, "n_accesses", json_integer((json_int_t)json_array_size(acc)));
		json_array_append_new(rows, row);
	}
	return rows;
}

/* A diff value as text: "" for null. */
static const char *value_text(const json_t *v)
{
	return json_is_string(v) ? json_string_value(v) : "";
}

json_t *page_diff_rows(const json_t *items)
{
	if (!json_is_array(items))
		return NULL;
	json_t *rows = json_array();
	size_t i, k;
	const json_t *it, *f;
	json_array_foreach (items, i, it) {
		json_array_foreach (json_object_get(it, "fields"), k, f) {
			const char *field = page_text(f, "field");
			const char *before = value_text(json_object_get(f, "before"));
			const char *after = value_text(json_object_get(f, "after"));
			bool status = strcmp(field, "status") == 0;
			/* One-element lists: {{#each}} puts their st in scope for
			 * the status label's partial. */
			json_array_append_new(rows, json_pack("{s:O, s:s, s:o, s:s, s:s, s:b, s:o, s:o}", "no",
							      json_object_get(it, "no"), "field", field, "f",
							      flag(field), "before", before, "after", after, "status",
							      status, "before_s",
							      status ? json_pack("[{s:o}]", "st", flag(before))
								     : json_array(),
							      "after_s",
							      status ? json_pack("[{s:o}]", "st", flag(after))
								     : json_array()));
		}
	}
	return rows;
}

/* GET prefix + the route parameter name percent-encoded + suffix. */
static int fetch_with(struct http_request *req, struct http_response *resp, const char *prefix, const char *name,
		      const char *suffix, json_t **out)
{
	struct strbuf path = STRBUF_INIT;
	const char *v = http_param(req, name);
	strbuf_addstr(&path, prefix);
	text_percent_encode(&path, v ? v : "", v ? strlen(v) : 0);
	strbuf_addstr(&path, suffix);
	int rc = page_fetch(req, resp, path.buf, true, out);
	strbuf_release(&path);
	return rc;
}

/* The check's problem_details as [{no, k: {KEY: true}}], KEY naming the
 * message connector.problem.KEY: "no_status", "no_reason", or for a
 * required field STATUS_FIELD ("partial_plan_due"). */
json_t *page_submissions_problems(const json_t *details)
{
	json_t *rows = json_array();
	size_t i;
	const json_t *p;
	json_array_foreach (details, i, p) {
		const char *code = page_text(p, "code");
		char key[64];
		int n = strcmp(code, "required") == 0 ? snprintf(key, sizeof key, "%s_%s", page_text(p, "status"), page_text(p, "field"))
						      : snprintf(key, sizeof key, "%s", code);
		if (n < 0 || (size_t)n >= sizeof key)
			key[0] = 0;
		json_array_append_new(rows, json_pack("{s:O, s:o}", "no", json_object_get(p, "no"), "k",
						      json_pack("{s:b}", key, 1)));
	}
	return rows;
}

json_t *page_submissions_warnings(const json_t *check)
{
	json_t *rows = json_array();
	size_t i;
	const json_t *w;
	json_array_foreach (json_object_get(check, "warnings"), i, w) {
		if (answers_warning_repeats(check, w))
			continue;
		json_array_append_new(rows,
				      json_pack("{s:O, s:{s:b}}", "no", json_object_get(w, "no"), "k", page_text(w, "code"), 1));
	}
	return rows;
}

void page_submissions(struct http_request *req, struct http_response *resp)
{
	json_t *list = NULL, *shares = NULL, *check = NULL;
	struct page_error why = { 0 };
	if (page_fetch(req, resp, "/api/v1/submissions", true, &list) != 200)
		return;
	int status = page_fetch(req, resp, "/api/v1/shares", true, &shares);
	if (status == 200)
		status = page_fetch_why(req, resp, "/api/v1/answers/check", &check, &why);
	/* The check may be unable to pick a checklist (more than one, none):
	 * the history still shows, with why there is no submit panel. */
	if (status == 400)
		status = 200;
	else if (status != 200 && why.status)
		page_refused_why(req, resp, &why);
	if (status != 200) {
		json_decref(list);
		json_decref(shares);
		return;
	}
	/* Newest first, each with the banks it is shared with now. */
	json_t *rows = json_array();
	for (size_t i = json_array_size(list); i-- > 0;) {
		json_t *row = json_deep_copy(json_array_get(list, i));
		json_t *in_force = json_array();
		size_t k;
		const json_t *s;
		json_array_foreach (shares, k, s)
			if (json_equal(json_object_get(s, "submission"), json_object_get(row, "id")) &&
			    json_is_true(json_object_get(s, "in_force")))
				json_array_append_new(in_force, json_string(page_text(s, "bank")));
		json_object_set_new(row, "banks", in_force);
		json_array_append_new(rows, row);
	}
	json_t *data = json_pack("{s:o, s:b, s:o, s:I, s:{s:b}}", "submissions", rows, "ready",
				 json_is_true(json_object_get(check, "ready")), "problems",
				 page_submissions_problems(json_object_get(check, "problem_details")), "n_problems",
				 (json_int_t)json_array_size(json_object_get(check, "problems")), "nav", "submissions", 1);
	if (!check)
		json_object_set_new(data, "no_check", json_string(why.message));
	json_t *warnings = page_submissions_warnings(check);
	json_object_set_new(data, "n_warnings", json_integer((json_int_t)json_array_size(warnings)));
	json_object_set_new(data, "warnings", warnings);
	json_decref(list);
	json_decref(shares);
	json_decref(check);
	page_render(req, resp, 200, "connector_submissions", "connector.submissions.title", data);
}

/* The id of the version before sub's in list (same catalog), or 0. */
static json_int_t previous_of(const json_t *list, const json_t *sub)
{
	json_int_t version = json_integer_value(json_object_get(sub, "version"));
	size_t i;
	const json_t *s;
	json_array_foreach (list, i, s)
		if (json_integer_value(json_object_get(s, "version")) == version - 1 &&
		    strcmp(page_text(s, "catalog"), page_text(sub, "catalog")) == 0)
			return json_integer_value(json_object_get(s, "id"));
	return 0;
}

void page_submission(struct http_request *req, struct http_response *resp)
{
	json_t *sub = NULL, *cat = NULL, *list = NULL, *shares = NULL;
	if (fetch_with(req, resp, "/api/v1/submissions/", "id", "", &sub) != 200)
		return;
	if (page_fetch_catalog(req, resp, page_text(sub, "catalog"), true, &cat) != 200 || page_fetch(req, resp, "/api/v1/submissions", true, &list) != 200 ||
	    page_fetch(req, resp, "/api/v1/shares", true, &shares) != 200) {
		json_decref(sub);
		json_decref(cat);
		json_decref(list);
		return;
	}
	files_for_page(json_object_get(sub, "attachments"));
	json_t *answers = json_pack("{s:O}", "items", json_object_get(sub, "answers"));
	json_t *grid = page_connector_answer_grid(answers, cat, false);
	json_t *id = json_object_get(sub, "id");
	/* bank_picker.js: the share form's list of banks (GET /api/v1/banks). */
	json_t *data = json_pack("{s:O, s:o, s:o, s:I, s:{s:b}, s:[s]}", "sub", sub, "grid",
				 grid ? grid : json_object(), "shares",
				 page_share_rows(shares, json_integer_value(id)), "previous",
				 previous_of(list, sub), "nav", "submissions", 1, "scripts", "bank_picker.js");
	json_object_del(json_object_get(data, "sub"), "answers");
	json_decref(answers);
	json_decref(sub);
	json_decref(cat);
	json_decref(list);
	json_decref(shares);
	page_render(req, resp, 200, "connector_submission", "connector.submission.title", data);
}

void page_submission_diff(struct http_request *req, struct http_response *resp)
{
	json_t *diff = NULL;
	struct strbuf mid = STRBUF_INIT;
	const char *id = http_param(req, "id");
	strbuf_addstr(&mid, "/api/v1/submissions/");
	text_percent_encode(&mid, id ? id : "", id ? strlen(id) : 0);
	strbuf_addstr(&mid, "/diff/");
	int rc = fetch_with(req, resp, mid.buf, "other", "", &diff);
	strbuf_release(&mid);
	if (rc != 200)
		return;
	json_t *rows = page_diff_rows(json_object_get(diff, "items"));
	for (const char *const *side = (const char *const[]){ "from", "to", NULL }; *side; side++) {
		json_t *o = json_object_get(diff, *side);
		json_object_set_new(o, "working", json_boolean(strcmp(page_text(o, "kind"), "working") == 0));
	}
	/* A bank reaches two shared versions from its review. */
	bool bank = req->org && req->org->kind == ORG_BANK;
	json_t *data = json_pack("{s:O, s:O, s:o, s:I, s:{s:b}}", "from", json_object_get(diff, "from"), "to",
				 json_object_get(diff, "to"), "rows", rows ? rows : json_array(), "n_items",
				 (json_int_t)json_array_size(json_object_get(diff, "items")), "nav",
				 bank ? "reviews" : "submissions", 1);
	json_object_set_new(data, "files", page_evidence_diff_files(json_object_get(diff, "files")));
	json_decref(diff);
	page_render(req, resp, 200, "connector_diff", "connector.diff.title", data);
}

void page_shares(struct http_request *req, struct http_response *resp)
{
	json_t *shares = NULL;
	if (page_fetch(req, resp, "/api/v1/shares", true, &shares) != 200)
		return;
	json_t *rows = page_share_rows(shares, 0);
	json_decref(shares);
	page_render(req, resp, 200, "connector_shares", "connector.shares.title",
		    json_pack("{s:o, s:{s:b}}", "shares", rows ? rows : json_array(), "nav", "shares", 1));
}
