#include "service/plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/notify.h"
#include "service/submissions.h"
#include "store/store_plan.h"
#include "store/store_share.h"

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v ? xstrdup(v) : NULL;
}

int plans_today(char out[PLAN_DATE_LEN + 1], struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0)
		return -1;
	memcpy(out, now, PLAN_DATE_LEN);
	out[PLAN_DATE_LEN] = 0;
	return 0;
}

/* Appends a history entry to p in the store and in memory. */
static int event(struct store *st, struct plan *p, const char *now, const char *actor, const char *what,
		 const char *detail, long long bank_id, struct err *e)
{
	struct plan_event ev = { (char *)now, (char *)actor, (char *)what, (char *)detail, bank_id };
	if (store_plan_event_add(st, p->id, &ev, e) < 0)
		return -1;
	plan_add_event(p, now, actor, what, detail, bank_id);
	return 0;
}

/* "2026-09-30 → 2026-10-31", "none" standing for no date. */
static char *due_change(const char *from, const char *to)
{
	return xasprintf("%s → %s", from ? from : "none", to ? to : "none");
}

static int audit_plan(struct store *st, const char *actor, const struct plan *p, enum audit_action action,
		      json_t *details, struct err *e)
{
	json_object_set_new(details, "catalog", json_string(p->catalog_id));
	json_object_set_new(details, "no", json_integer(p->no));
	int rc = audit_log(st, actor, p->connector_id, action, details, e, "plan:%lld", p->id);
	json_decref(details);
	return rc;
}

static int sync_create(struct store *st, const char *actor, long long connector_id, const char *catalog_id,
		       const struct answer *after, const char *now, struct err *e)
{
	struct plan *p = plan_new();
	p->connector_id = connector_id;
	p->catalog_id = xstrdup(catalog_id);
	p->no = after->no;
	p->status = PLAN_OPEN;
	p->due = after->plan_due ? xstrdup(after->plan_due) : NULL;
	p->created_at = xstrdup(now);
	p->updated_at = xstrdup(now);
	char *detail = xasprintf("answer %s, due %s", answer_status_name(after->status),
				 after->plan_due ? after->plan_due : "none");
	int rc = store_plan_add(st, p, e) < 0 || event(st, p, now, actor, "created", detail, 0, e) < 0 ||
			 audit_plan(st, actor, p, AUDIT_PLAN_CREATE,
				    json_pack("{s:o}", "due", p->due ? json_string(p->due) : json_null()), e) < 0
		 ? -1
		 : 0;
	free(detail);
	plan_free(p);
	return rc;
}

/* An existing plan whose answer still needs it: reopen, move the due. */
static int sync_update(struct store *st, const char *actor, struct plan *p, const struct answer *before,
		       const struct answer *after, const char *now, struct err *e)
{
	json_t *fields = json_array();
	int rc = 0;
	if (p->status == PLAN_DONE && !plan_needed(before->status)) {
		char *detail = xasprintf("answer now %s", answer_status_name(after->status));
		p->status = PLAN_OPEN;
		set_str(&p->closed_at, NULL);
		rc = event(st, p, now, actor, "reopened", detail, 0, e);
		free(detail);
		json_array_append_new(fields, json_string("status"));
	}
	if (rc == 0 && !same(before->plan_due, after->plan_due) && !same(p->due, after->plan_due)) {
		char *detail = due_change(p->due, after->plan_due);
		set_str(&p->due, after->plan_due);
		rc = event(st, p, now, actor, "due", detail, 0, e);
		free(detail);
		json_array_append_new(fields, json_string("due"));
	}
	if (rc == 0 && json_array_size(fields)) {
		set_str(&p->updated_at, now);
		rc = store_plan_update(st, p, e) < 0 ||
				     audit_plan(st, actor, p, AUDIT_PLAN_UPDATE, json_pack("{s:O}", "fields", fields), e) < 0
			     ? -1
			     : 0;
	}
	json_decref(fields);
	return rc;
}

static int sync_close(struct store *st, const char *actor, struct plan *p, const struct answer *after,
		      const char *now, struct err *e)
{
	char *reason = xasprintf("answer now %s", answer_status_name(after->status));
	p->status = PLAN_DONE;
	set_str(&p->closed_at, now);
	set_str(&p->updated_at, now);
	int rc = store_plan_update(st, p, e) < 0 || event(st, p, now, actor, "closed", reason, 0, e) < 0 ||
			 audit_plan(st, actor, p, AUDIT_PLAN_CLOSE, json_pack("{s:s}", "reason", reason), e) < 0
		 ? -1
		 : 0;
	free(reason);
	return rc;
}

int plans_sync(struct store *st, const char *actor, long long connector_id, const char *catalog_id,
	       const struct answer *before, const struct answer *after, struct err *e)
{
	if (before->status == after->status && same(before->plan_due, after->plan_due))
		return 0;
	bool closes = after->status == STATUS_IMPLEMENTED || after->status == STATUS_NOT_APPLICABLE;
	if (!plan_needed(after->status) && !closes)
		return 0;
	char now[CLOCK_TEXT_SIZE];
	struct plan *p = NULL;
	if (clock_stamp(now, e) < 0)
		return -1;
	int rc = store_plan_find(st, connector_id, catalog_id, after->no, &p, e);
	if (rc < 0)
		return -1;
	if (plan_needed(after->status))
		rc = p ? sync_update(st, actor, p, before, after, now, e)
		       : sync_create(st, actor, connector_id, catalog_id, after, now, e);
	else
		rc = p && p->status != PLAN_DONE ? sync_close(st, actor, p, after, now, e) : 0;
	plan_free(p);
	return rc;
}

/* A string member, or null when nullable: 0, 1 when absent, -1 (e set). */
static int opt_string(const json_t *obj, const char *name, bool nullable, const char *prefix, const char **out,
		      struct err *e)
{
	const json_t *v = json_object_get(obj, name);
	*out = NULL;
	if (!v)
		return 1;
	if (json_is_string(v) && strlen(json_string_value(v)) == json_string_length(v)) {
		*out = json_string_value(v);
		return 0;
	}
	if (nullable && json_is_null(v))
		return 0;
	/* Coded as the API's own type check codes it (web/http_json.c). */
	const char *line = prefix[0] ? (nullable ? "{2}{1} must be a string or null" : "{2}{1} must be a string")
				     : (nullable ? "{1} must be a string or null" : "{1} must be a string");
	err_coded(e, NULL, "wrong_type", line, name, prefix[0] ? prefix : NULL, NULL);
	return -1;
}

/* The first member of obj not in allowed, or NULL. */
static const char *unknown_member(const json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)obj, key, v) {
		bool known = false;
		for (size_t i = 0; allowed[i] && !known; i++)
			known = strcmp(key, allowed[i]) == 0;
		if (!known)
			return key;
	}
	return NULL;
}

/* A milestone's date as typed (令和9年7月31日, R9.7.31, ２０２７/７/３１) read
 * into iso, *text then pointing there: the same reader as the plan's due,
 * its coded refusal placed as "milestone N: due". */
static int milestone_day(size_t index, const char *name, const char **text, char iso[11], struct err *e)
{
	if (!*text)
		return 0;
	if (jpinput_date(*text, iso, e) < 0) {
		err_prefix(e, "milestone %zu: %s", index, name);
		return -1;
	}
	*text = iso;
	return 0;
}

static int parse_milestones(const json_t *arr, struct plan_update *u, struct err *e)
{
	static const char *const allowed[] = { "title", "due", "done_at", NULL };
	if (!json_is_array(arr)) {
		err_coded(e, NULL, "wrong_type", "{1} must be an array of {title, due, done_at}", "milestones", NULL);
		return -1;
	}
	if (json_array_size(arr) > PLAN_MILESTONES_MAX) {
		char max[16];
		if (snprintf(max, sizeof max, "%d", PLAN_MILESTONES_MAX) >= (int)sizeof max)
			abort(); /* a small constant */
		err_coded(e, NULL, "milestones_too_many", "too many milestones (at most {1})", max, NULL);
		return -1;
	}
	u->milestones = plan_new();
	size_t i;
	json_t *m;
	json_array_foreach(arr, i, m) {
		const char *title, *due, *done_at, *bad;
		char prefix[40], nth[24];
		if (snprintf(prefix, sizeof prefix, "milestone %zu: ", i + 1) >= (int)sizeof prefix ||
		    snprintf(nth, sizeof nth, "%zu", i + 1) >= (int)sizeof nth)
			return -1; /* i is at most 50 */
		if (!json_is_object(m)) {
			err_coded(e, NULL, "wrong_type", "milestone {2} must be an object {title, due, done_at}", "milestones", nth,
				  NULL);
			return -1;
		}
		if ((bad = unknown_member(m, allowed))) {
			err_coded(e, NULL, "unknown_field", "milestone {2}: unknown field \"{1}\" (allowed: title, due, done_at)",
				  bad, nth, NULL);
			return -1;
		}
		int trc = opt_string(m, "title", false, prefix, &title, e);
		if (trc > 0)
			err_coded(e, NULL, "milestone_title", "milestone {1}: title is required", nth, NULL);
		if (trc != 0)
			return -1;
		char due_iso[11], done_iso[11];
		if (opt_string(m, "due", true, prefix, &due, e) < 0 || opt_string(m, "done_at", true, prefix, &done_at, e) < 0 ||
		    milestone_day(i + 1, "due", &due, due_iso, e) < 0 ||
		    milestone_day(i + 1, "done_at", &done_at, done_iso, e) < 0 ||
		    plan_milestone_check(i + 1, title, due, done_at, e) < 0)
			return -1;
		plan_add_milestone(u->milestones, title, due, done_at);
	}
	u->milestones_set = true;
	return 0;
}

enum outcome plans_update_parse(const json_t *body, struct plan_update *u, struct err *e)
{
	static const char *const allowed[] = { "status", "due", "note", "milestones", NULL };
	*u = (struct plan_update){ 0 };
	err_clear(e);
	const char *bad = unknown_member(body, allowed);
	enum plan_status s;
	if (bad) {
		err_coded(e, NULL, "unknown_field", "unknown field \"{1}\" (allowed: status, due, note, milestones)", bad, NULL);
		return OUTCOME_INVALID;
	}
	if (json_object_size(body) == 0) {
		err_coded(e, NULL, "nothing_to_set", "nothing to set (give any of status, due, note, milestones)", NULL);
		return OUTCOME_INVALID;
	}
	int due_rc = opt_string(body, "due", true, "", &u->due, e);
	if (opt_string(body, "status", false, "", &u->status, e) < 0 || due_rc < 0 ||
	    opt_string(body, "note", false, "", &u->note, e) < 0)
		return OUTCOME_INVALID;
	u->due_set = due_rc == 0;
	if (u->due && jpinput_date(u->due, u->due_iso, e) < 0) {
		err_prefix(e, "due");
		return OUTCOME_INVALID;
	}
	if (u->due)
		u->due = u->due_iso;
	if ((u->status && plan_status_parse(u->status, &s, e) < 0) ||
	    (u->note && plan_note_check(u->note, e) < 0))
		return OUTCOME_INVALID;
	if (u->note && !*u->note) {
		err_coded(e, NULL, "note_empty", "note is empty", NULL);
		return OUTCOME_INVALID;
	}
	const json_t *m = json_object_get(body, "milestones");
	if (m && parse_milestones(m, u, e) < 0)
		return OUTCOME_INVALID;
	return 0;
}

void plans_update_release(struct plan_update *u)
{
	plan_free(u->milestones);
	*u = (struct plan_update){ 0 };
}

static bool same_milestones(const struct plan *a, const struct plan *b)
{
	if (a->n_milestones != b->n_milestones)
		return false;
	for (size_t i = 0; i < a->n_milestones; i++) {
		const struct plan_milestone *x = &a->milestones[i], *y = &b->milestones[i];
		if (!same(x->title, y->title) || !same(x->due, y->due) || !same(x->done_at, y->done_at))
			return false;
	}
	return true;
}

/* "3 milestones, 1 done". */
static char *milestones_detail(const struct plan *p)
{
	size_t done = 0;
	for (size_t i = 0; i < p->n_milestones; i++)
		done += p->milestones[i].done_at != NULL;
	return xasprintf("%zu milestone%s, %zu done", p->n_milestones, p->n_milestones == 1 ? "" : "s", done);
}

/* Inside the transaction: applies u to p, one history entry per change. */
static int apply_update(struct store *st, const char *actor, struct plan *p, const struct plan_update *u,
			const char *now, json_t *fields, struct err *e)
{
	enum plan_status s = p->status;
	if (u->status && plan_status_parse(u->status, &s, e) == 0 && s != p->status) {
		char *detail = xasprintf("%s → %s", plan_status_name(p->status), plan_status_name(s));
		p->status = s;
		set_str(&p->closed_at, s == PLAN_DONE ? now : NULL);
		int rc = event(st, p, now, actor, "status", detail, 0, e);
		free(detail);
		if (rc < 0)
			return -1;
		json_array_append_new(fields, json_string("status"));
	}
	if (u->due_set && !same(u->due, p->due)) {
		char *detail = due_change(p->due, u->due);
		set_str(&p->due, u->due);
		int rc = event(st, p, now, actor, "due", detail, 0, e);
		free(detail);
		if (rc < 0)
			return -1;
		json_array_append_new(fields, json_string("due"));
	}
	if (u->note) {
		if (event(st, p, now, actor, "note", u->note, 0, e) < 0)
			return -1;
		json_array_append_new(fields, json_string("note"));
	}
	if (u->milestones_set && !same_milestones(p, u->milestones)) {
		plan_clear_milestones(p);
		for (size_t i = 0; i < u->milestones->n_milestones; i++) {
			const struct plan_milestone *m = &u->milestones->milestones[i];
			plan_add_milestone(p, m->title, m->due, m->done_at);
		}
		char *detail = milestones_detail(p);
		int rc = store_plan_set_milestones(st, p, e) < 0 || event(st, p, now, actor, "milestones", detail, 0, e) < 0;
		free(detail);
		if (rc)
			return -1;
		json_array_append_new(fields, json_string("milestones"));
	}
	if (json_array_size(fields) == 0)
		return 0;
	set_str(&p->updated_at, now);
	return store_plan_update(st, p, e) < 0 ||
			       audit_plan(st, actor, p, AUDIT_PLAN_UPDATE, json_pack("{s:O}", "fields", fields), e) < 0
		       ? -1
		       : 0;
}

enum outcome plans_update(struct store *st, const char *actor, long long connector_id, long long id,
			  const struct plan_update *u, struct plan **out, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	struct plan *p = NULL;
	if (out)
		*out = NULL;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = store_plan_get(st, id, &p, e);
	if (rc == STORE_OK && connector_id && p->connector_id != connector_id)
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no plan %lld", id);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK) {
		json_t *fields = json_array();
		rc = apply_update(st, actor, p, u, now, fields, e) < 0 || store_commit(st, e) < 0 ? -1 : 0;
		json_decref(fields);
	}
	if (rc != 0)
		store_rollback(st);
	if (rc == 0 && out)
		*out = p;
	else
		plan_free(p);
	return rc;
}

void plans_visible_release(struct plans_visible *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].catalog_id);
	free(v->items);
	*v = (struct plans_visible){ 0 };
}

long long plans_visible_submission(const struct plans_visible *v, const struct plan *p)
{
	long long found = 0;
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].connector_id == p->connector_id && v->items[i].no == p->no &&
		    strcmp(v->items[i].catalog_id, p->catalog_id) == 0)
			found = v->items[i].submission_id;
	return found;
}

bool plans_visible_has(const struct plans_visible *v, const struct plan *p)
{
	return plans_visible_submission(v, p) != 0;
}

int plans_visible_load(struct store *st, long long bank_id, const char *now, struct plans_visible *v,
		       struct err *e)
{
	*v = (struct plans_visible){ 0 };
	struct share **shares = NULL;
	size_t n = 0;
	if (!bank_id)
		return 0;
	if (store_share_inbox(st, bank_id, now, &shares, &n, e) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct submission_record *rec = NULL;
		struct submission *doc = NULL;
		rc = submissions_load(st, shares[i]->submission_id, &rec, &doc, e) != 0 ? -1 : 0;
		for (size_t k = 0; rc == 0 && k < doc->answers->n_items; k++) {
			const struct answer *a = &doc->answers->items[k];
			if (!plan_needed(a->status))
				continue;
			v->items = xrealloc(v->items, (v->n + 1) * sizeof *v->items);
			v->items[v->n++] = (struct plans_visible_item){ rec->org_id, xstrdup(doc->catalog_id), a->no,
									 rec->id };
		}
		submission_record_free(rec);
		submission_free(doc);
	}
	share_list_free(shares, n);
	if (rc < 0)
		plans_visible_release(v);
	return rc;
}

/* Inside the transaction: tells p's connector that bank requires due. */
static int tell_required(struct store *st, const struct plan *p, const struct org *bank, const char *due,
			 const char *actor, const char *now, struct err *e)
{
	struct notification n = { .kind = NOTIFY_REQUIRED_DATE, .no = p->no, .plan_id = p->id, .bank = bank->name,
				  .connector = p->connector, .detail = (char *)due, .actor = (char *)actor,
				  .created_at = (char *)now };
	return notify_event(st, p->connector_id, NOTIFY_CONNECTOR_EDITORS, &n, e);
}

enum outcome plans_require(struct store *st, const char *actor, const struct org *bank, long long id, const char *due,
			   struct err *e)
{
	char due_iso[11];
	if (due && jpinput_date(due, due_iso, e) < 0) {
		err_prefix(e, "due");
		return OUTCOME_INVALID;
	}
	if (due)
		due = due_iso;
	char now[CLOCK_TEXT_SIZE];
	struct plan *p = NULL;
	struct plans_visible v = { 0 };
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = plans_visible_load(st, bank->id, now, &v, e) < 0 ? -1 : store_plan_get(st, id, &p, e);
	if (rc == STORE_OK && !plans_visible_has(&v, p))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no plan %lld", id);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK && !same(plan_required_of(p, bank->id), due)) {
		const char *was = plan_required_of(p, bank->id);
		char *detail = due ? xasprintf("%s: %s", bank->name, due)
				   : xasprintf("%s: removed (was %s)", bank->name, was);
		set_str(&p->updated_at, now);
		rc = store_plan_required_set(st, p->id, bank->id, due, e) < 0 ||
				     event(st, p, now, actor, "required", detail, bank->id, e) < 0 ||
				     store_plan_update(st, p, e) < 0 ||
				     audit_plan(st, actor, p, AUDIT_PLAN_REQUIRED,
						json_pack("{s:s, s:o}", "bank", bank->name, "due",
							  due ? json_string(due) : json_null()),
						e) < 0 ||
				     (due && tell_required(st, p, bank, due, actor, now, e) < 0)
			     ? -1
			     : 0;
		free(detail);
	}
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	plans_visible_release(&v);
	plan_free(p);
	return rc;
}
