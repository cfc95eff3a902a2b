#include "service/review_criteria.h"

#include <string.h>

#include "service/criteria.h"
#include "service/submissions.h"

/* The review's item numbered no, or NULL. */
static const struct review_item *item_no(const struct review *r, int no)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].no == no)
			return &r->items[i];
	return NULL;
}

static json_t *verdict_json(const struct review_item *it)
{
	const char *name = it && it->party != PARTY_BANK ? review_verdict_name(it->verdict) : NULL;
	return name ? json_string(name) : json_null();
}

enum outcome review_criteria_view(struct store *st, const struct org *bank, const struct review *r, json_t **out,
				  struct err *e)
{
	struct criteria_list *l = NULL;
	size_t counts[REVIEW_CRITERION_MET_WITH_PLAN + 1] = { 0 };
	*out = NULL;
	if (r->bank_id != bank->id) {
		/* Another bank's verdicts through this bank's criteria: no caller
		 * should ask, and none gets them. */
		err_set(e, "no review of submission %lld by %s", r->submission_id, bank->name);
		return OUTCOME_NOT_FOUND;
	}
	int rc = criteria_show(st, bank, &l, e);
	if (rc != 0)
		return rc;
	if (strcmp(l->checklist_id, r->catalog_id) != 0) {
		err_set(e, "the criteria are mapped to %s, but submission %lld answers %s: map them to %s first",
			l->checklist_id, r->submission_id, r->catalog_id, r->catalog_id);
		criteria_list_free(l);
		return OUTCOME_CONFLICT;
	}
	/* The connector's statuses: an accepted gap is met with a plan. */
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	rc = submissions_load(st, r->submission_id, &rec, &doc, e);
	if (rc != 0) {
		criteria_list_free(l);
		return rc;
	}
	json_t *rows = json_array();
	for (size_t i = 0; i < l->cat->n_items; i++) {
		const struct catalog_item *c = &l->cat->items[i];
		const struct mapping_row *row = &l->map->rows[i];
		enum review_criterion_state s = review_criterion_state(r, row, doc->answers);
		json_t *items = json_array();
		for (size_t k = 0; k < row->n_items; k++)
			json_array_append_new(items, json_pack("{s:i, s:o}", "no", row->items[k], "verdict",
							       verdict_json(item_no(r, row->items[k]))));
		counts[s]++;
		json_array_append_new(rows, json_pack("{s:s, s:s, s:s?, s:s?, s:o, s:s}", "key", c->key, "category",
						       c->category, "text", c->text, "relation",
						       relation_name(row->relation), "items", items, "state",
						       review_criterion_state_name(s)));
	}
	submission_free(doc);
	submission_record_free(rec);
	*out = json_pack("{s:I, s:i, s:s, s:s, s:{s:I, s:I, s:I, s:I, s:I}, s:o}", "submission",
			 (json_int_t)r->submission_id, "version", r->version, "bank", r->bank_name, "connector",
			 r->connector_name, "summary", "met", (json_int_t)counts[REVIEW_CRITERION_MET], "met_with_plan",
			 (json_int_t)counts[REVIEW_CRITERION_MET_WITH_PLAN], "partly_met",
			 (json_int_t)counts[REVIEW_CRITERION_PARTLY_MET], "open", (json_int_t)counts[REVIEW_CRITERION_OPEN],
			 "not_covered", (json_int_t)counts[REVIEW_CRITERION_NOT_COVERED], "criteria", rows);
	criteria_list_free(l);
	return 0;
}
