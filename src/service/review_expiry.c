#include "service/review_expiry.h"

#include <string.h>

#include "core/plan.h"
#include "service/plans.h"
#include "service/submissions.h"

bool review_expiry_passed(const char *valid_until, const char *today)
{
	/* YYYY-MM-DD sorts as the days do. */
	return valid_until && strcmp(valid_until, today) < 0;
}

int review_expiry_mark_list(json_t *list, struct err *e)
{
	char today[PLAN_DATE_LEN + 1];
	if (plans_today(today, e) < 0)
		return -1;
	size_t i;
	json_t *a;
	json_array_foreach (list, i, a)
		json_object_set_new(a, "expired",
				    json_boolean(review_expiry_passed(json_string_value(json_object_get(a, "valid_until")),
								      today)));
	return 0;
}

/* Whether a supports item no. */
static bool supports(const struct submission_attachment *a, int no)
{
	for (size_t i = 0; i < a->n_items; i++)
		if (a->items[i] == no)
			return true;
	return false;
}

int review_expiry_mark_items(struct store *st, const struct review *r, json_t *items, struct err *e)
{
	char today[PLAN_DATE_LEN + 1];
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	int rc = plans_today(today, e) < 0 || submissions_load(st, r->submission_id, &rec, &doc, e) != 0 ? -1 : 0;
	for (size_t i = 0; rc == 0 && i < r->n_items; i++) {
		json_t *expired = json_array();
		/* The document holds its attachments by name already. */
		for (size_t k = 0; k < doc->n_attachments; k++) {
			const struct submission_attachment *a = &doc->attachments[k];
			if (supports(a, r->items[i].no) && review_expiry_passed(a->valid_until, today))
				json_array_append_new(expired, json_pack("{s:s, s:s, s:s, s:s}", "sha256", a->sha256,
									 "name", a->name, "title", a->title,
									 "valid_until", a->valid_until));
		}
		json_object_set_new(json_array_get(items, i), "expired_files", expired);
	}
	submission_free(doc);
	submission_record_free(rec);
	return rc;
}
