#include "service/plan_view.h"

#include <stdlib.h>
#include <string.h>

#include "core/plan.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/people.h"
#include "service/plans.h"
#include "service/shares.h"
#include "store/store_catalog.h"
#include "store/store_plan.h"

/* The checklists the plans are for, each loaded once. */
struct objectives {
	struct catalog **cats;
	size_t n;
};

static void objectives_release(struct objectives *o)
{
	for (size_t i = 0; i < o->n; i++)
		catalog_free(o->cats[i]);
	free(o->cats);
}

/* Item no's objective ("" if the checklist no longer has it). */
static int objective(struct store *st, struct objectives *o, const struct plan *p, const char **out, struct err *e)
{
	struct catalog *cat = NULL;
	for (size_t i = 0; i < o->n && !cat; i++)
		if (strcmp(o->cats[i]->id, p->catalog_id) == 0)
			cat = o->cats[i];
	if (!cat) {
		if (store_catalog_get(st, p->catalog_id, &cat, e) != STORE_OK)
			return -1;
		o->cats = xrealloc(o->cats, (o->n + 1) * sizeof *o->cats);
		o->cats[o->n++] = cat;
	}
	const struct catalog_item *it = catalog_find_no(cat, p->no);
	*out = it && it->text ? it->text : "";
	return 0;
}

static json_t *date_or_null(const char *d)
{
	return d ? json_string(d) : json_null();
}

static json_t *milestones_json(const struct plan *p)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < p->n_milestones; i++)
		json_array_append_new(arr, json_pack("{s:s, s:o, s:o}", "title", p->milestones[i].title, "due",
						     date_or_null(p->milestones[i].due), "done_at",
						     date_or_null(p->milestones[i].done_at)));
	return arr;
}

/* The history, for a bank (bank_id non-zero) without other banks' entries. */
static json_t *history_json(const struct plan *p, long long bank_id)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < p->n_history; i++) {
		const struct plan_event *ev = &p->history[i];
		if (bank_id && ev->bank_id && ev->bank_id != bank_id)
			continue;
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "at", ev->at, "actor", ev->actor, "what",
						     ev->what, "detail", ev->detail));
	}
	return arr;
}

static json_t *connector_json(const struct plan *p, const char *obj, const char *today)
{
	json_t *req = json_array();
	for (size_t i = 0; i < p->n_required; i++)
		json_array_append_new(req, json_pack("{s:s, s:s, s:b}", "bank", p->required[i].bank, "due",
						     p->required[i].due, "overdue",
						     p->status != PLAN_DONE && plan_date_passed(p->required[i].due, today)));
	return json_pack("{s:I, s:s, s:i, s:s, s:s, s:o, s:b, s:o, s:o, s:s}", "id", (json_int_t)p->id, "catalog",
			 p->catalog_id, "no", p->no, "objective", obj, "status", plan_status_name(p->status), "due",
			 date_or_null(p->due), "overdue", plan_overdue(p, today), "milestones", milestones_json(p),
			 "required", req, "updated_at", p->updated_at);
}

static json_t *bank_json(const struct plan *p, long long bank_id, const char *obj, const char *today)
{
	return json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:o, s:o, s:o, s:b, s:o, s:s}", "id", (json_int_t)p->id,
			 "connector", p->connector, "catalog", p->catalog_id, "no", p->no, "objective", obj, "status",
			 plan_status_name(p->status), "due", date_or_null(plan_due_for_bank(p, bank_id)),
			 "connector_due", date_or_null(p->due), "required", date_or_null(plan_required_of(p, bank_id)),
			 "overdue", plan_overdue_for_bank(p, bank_id, today), "milestones", milestones_json(p),
			 "updated_at", p->updated_at);
}

static bool is_bank(const struct org *viewer)
{
	return viewer && viewer->kind == ORG_BANK;
}

static json_t *plan_json(const struct plan *p, const struct org *viewer, const char *obj, const char *today)
{
	return is_bank(viewer) ? bank_json(p, viewer->id, obj, today) : connector_json(p, obj, today);
}

/* The plans viewer may see, whole (with history) only when one is asked;
 * for a bank *v is its consent view at now (the caller releases it). */
static int visible_plans(struct store *st, const struct org *viewer, const char *now, struct plans_visible *v,
			 struct plan ***out, size_t *n, struct err *e)
{
	if (!is_bank(viewer))
		return store_plan_list(st, viewer ? viewer->id : 0, out, n, e);
	if (plans_visible_load(st, viewer->id, now, v, e) < 0)
		return -1;
	int rc = v->n ? store_plan_list(st, 0, out, n, e) : 0;
	size_t kept = 0;
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		if (plans_visible_has(v, (*out)[i]))
			(*out)[kept++] = (*out)[i];
		else
			plan_free((*out)[i]);
	}
	if (rc == 0)
		*n = kept;
	return rc;
}

/* A read that is recorded (a bank's user; not the command line) runs in
 * one transaction: begun here, with the clock's now and today. */
static int begin(struct store *st, bool recorded, char now[CLOCK_TEXT_SIZE], char today[PLAN_DATE_LEN + 1], struct err *e)
{
	if (clock_stamp(now, e) < 0 || (recorded && store_begin(st, e) < 0))
		return -1;
	memcpy(today, now, PLAN_DATE_LEN);
	today[PLAN_DATE_LEN] = 0;
	return 0;
}

/* Ends what begin() began: committed if rc is 0, else undone. */
static int end(struct store *st, bool recorded, int rc, struct err *e)
{
	if (recorded && rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (recorded && rc != 0)
		store_rollback(st);
	return rc;
}

/* Inside the transaction: reader read, through the share of submission
 * sub, plans of its connector (0 when the share cannot be found, which
 * the transaction's consent view rules out). */
static int record_read(struct store *st, const struct org *bank, const struct user *reader, long long sub,
		       const char *now, struct err *e)
{
	return shares_record_read(st, reader, bank->id, sub, AUDIT_PLANS_READ, now, NULL, e) != 0 ? -1 : 0;
}

/* Appends id to (*ids, *n) unless it is there. */
static void add_once(long long **ids, size_t *n, long long id)
{
	for (size_t k = 0; k < *n; k++)
		if ((*ids)[k] == id)
			return;
	*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
	(*ids)[(*n)++] = id;
}

enum outcome plan_view_list(struct store *st, const struct org *viewer, const struct user *reader,
			    const struct plans_filter *f, json_t **out, struct err *e)
{
	enum plan_status want = 0;
	char now[CLOCK_TEXT_SIZE], today[PLAN_DATE_LEN + 1];
	struct plan **list = NULL;
	size_t n = 0, n_subs = 0;
	long long *subs = NULL; /* the submissions whose shares opened what is shown, each once */
	struct plans_visible v = { 0 };
	struct objectives o = { 0 };
	bool recorded = is_bank(viewer) && reader;
	*out = NULL;
	if (f && f->status && plan_status_parse(f->status, &want, e) < 0)
		return OUTCOME_INVALID;
	if (begin(st, recorded, now, today, e) < 0)
		return -1;
	int rc = visible_plans(st, viewer, now, &v, &list, &n, e) < 0 ? -1 : 0;
	json_t *arr = json_array();
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct plan *p = list[i];
		bool overdue = is_bank(viewer) ? plan_overdue_for_bank(p, viewer->id, today) : plan_overdue(p, today);
		const char *obj;
		if ((want && p->status != want) || (f && f->overdue_only && !overdue))
			continue;
		rc = objective(st, &o, p, &obj, e);
		if (rc == 0)
			json_array_append_new(arr, plan_json(p, viewer, obj, today));
		if (recorded)
			add_once(&subs, &n_subs, plans_visible_submission(&v, p));
	}
	/* One read of each share through which plans were shown. */
	for (size_t k = 0; k < n_subs && rc == 0; k++)
		rc = record_read(st, viewer, reader, subs[k], now, e);
	rc = end(st, recorded, rc, e);
	free(subs);
	plans_visible_release(&v);
	plan_list_free(list, n);
	objectives_release(&o);
	if (rc < 0) {
		json_decref(arr);
		return -1;
	}
	*out = arr;
	return 0;
}

enum outcome plan_view_show(struct store *st, const struct org *viewer, const struct user *reader, long long id,
			    json_t **out, struct err *e)
{
	char now[CLOCK_TEXT_SIZE], today[PLAN_DATE_LEN + 1];
	struct plan *p = NULL;
	struct plans_visible v = { 0 };
	struct objectives o = { 0 };
	const char *obj;
	bool recorded = is_bank(viewer) && reader;
	*out = NULL;
	if (begin(st, recorded, now, today, e) < 0)
		return -1;
	int rc = is_bank(viewer) && plans_visible_load(st, viewer->id, now, &v, e) < 0 ? -1
										    : store_plan_get(st, id, &p, e);
	if (rc == STORE_OK && ((is_bank(viewer) && !plans_visible_has(&v, p)) ||
			       (viewer && !is_bank(viewer) && p->connector_id != viewer->id)))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no plan %lld", id);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK && (rc = objective(st, &o, p, &obj, e)) == 0) {
		*out = plan_json(p, viewer, obj, today);
		json_object_set_new(*out, "created_at", json_string(p->created_at));
		json_object_set_new(*out, "closed_at", date_or_null(p->closed_at));
		json_t *history = history_json(p, is_bank(viewer) ? viewer->id : 0), *people = json_object();
		/* Who changed what, by name (service/people.h). */
		rc = people_name_all(st, people, history, "actor", e);
		json_decref(people);
		json_object_set_new(*out, "history", history);
		if (rc == 0 && recorded)
			rc = record_read(st, viewer, reader, plans_visible_submission(&v, p), now, e);
	}
	rc = end(st, recorded, rc, e);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	plans_visible_release(&v);
	objectives_release(&o);
	plan_free(p);
	return rc;
}
