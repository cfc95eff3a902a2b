#include "service/plan_view.h"

#include <stdlib.h>
#include <string.h>

#include "core/plan.h"
#include "lib/xalloc.h"
#include "service/plans.h"

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

/* The plans viewer may see, whole (with history) only when one is asked. */
static int visible_plans(struct store *st, const struct org *viewer, struct plan ***out, size_t *n, struct err *e)
{
	struct plans_visible v = { 0 };
	if (!is_bank(viewer))
		return store_plan_list(st, viewer ? viewer->id : 0, out, n, e);
	if (plans_visible_load(st, viewer->id, &v, e) < 0)
		return -1;
	int rc = v.n ? store_plan_list(st, 0, out, n, e) : 0;
	size_t kept = 0;
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		if (plans_visible_has(&v, (*out)[i]))
			(*out)[kept++] = (*out)[i];
		else
			plan_free((*out)[i]);
	}
	if (rc == 0)
		*n = kept;
	plans_visible_release(&v);
	return rc;
}

int plan_view_list(struct store *st, const struct org *viewer, const struct plans_filter *f, json_t **out,
		   struct err *e)
{
	enum plan_status want = 0;
	char today[PLAN_DATE_LEN + 1];
	struct plan **list = NULL;
	size_t n = 0;
	struct objectives o = { 0 };
	*out = NULL;
	if (f && f->status && plan_status_parse(f->status, &want, e) < 0)
		return PLANS_INVALID;
	if (plans_today(today, e) < 0 || visible_plans(st, viewer, &list, &n, e) < 0)
		return -1;
	json_t *arr = json_array();
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct plan *p = list[i];
		bool overdue = is_bank(viewer) ? plan_overdue_for_bank(p, viewer->id, today) : plan_overdue(p, today);
		const char *obj;
		if ((want && p->status != want) || (f && f->overdue_only && !overdue))
			continue;
		rc = objective(st, &o, p, &obj, e);
		if (rc == 0)
			json_array_append_new(arr, plan_json(p, viewer, obj, today));
	}
	plan_list_free(list, n);
	objectives_release(&o);
	if (rc < 0) {
		json_decref(arr);
		return -1;
	}
	*out = arr;
	return 0;
}

int plan_view_show(struct store *st, const struct org *viewer, long long id, json_t **out, struct err *e)
{
	char today[PLAN_DATE_LEN + 1];
	struct plan *p = NULL;
	struct plans_visible v = { 0 };
	struct objectives o = { 0 };
	const char *obj;
	*out = NULL;
	if (plans_today(today, e) < 0 || (is_bank(viewer) && plans_visible_load(st, viewer->id, &v, e) < 0))
		return -1;
	int rc = store_plan_get(st, id, &p, e);
	if (rc == STORE_OK && ((is_bank(viewer) && !plans_visible_has(&v, p)) ||
			       (viewer && !is_bank(viewer) && p->connector_id != viewer->id)))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no plan %lld", id);
		rc = PLANS_NOT_FOUND;
	} else if (rc == STORE_OK && (rc = objective(st, &o, p, &obj, e)) == 0) {
		*out = plan_json(p, viewer, obj, today);
		json_object_set_new(*out, "created_at", json_string(p->created_at));
		json_object_set_new(*out, "closed_at", date_or_null(p->closed_at));
		json_object_set_new(*out, "history", history_json(p, is_bank(viewer) ? viewer->id : 0));
	}
	plans_visible_release(&v);
	objectives_release(&o);
	plan_free(p);
	return rc;
}
