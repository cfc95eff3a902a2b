#include "service/review_before.h"

#include <stdbool.h>
#include <string.h>

#include "formats/submission_json.h"
#include "lib/clock.h"
#include "service/outcome.h"
#include "service/people.h"
#include "service/review_view.h"
#include "service/shares.h"
#include "service/submissions.h"
#include "store/store_review.h"

static json_t *decision_json(const struct review *old)
{
	if (old->decision == DECISION_NONE)
		return json_null();
	return json_pack("{s:s, s:s, s:s, s:s}", "decision", review_decision_name(old->decision), "reason",
			 old->reason ? old->reason : "", "decided_at", old->decided_at ? old->decided_at : "",
			 "decided_by", old->decided_by ? old->decided_by : "");
}

/* Whether reader's bank may see old's submission now; if so, the read is
 * recorded on its share. 1 yes, 0 no, -1. */
static int may_show(struct store *st, const struct user *reader, const struct review *old, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	if (!reader)
		return 1;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = shares_record_read(st, reader, old->bank_id, old->submission_id, AUDIT_REVIEW_READ, now, NULL, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	if (rc == OUTCOME_NOT_FOUND) {
		e->msg[0] = '\0';
		return 0;
	}
	return rc == 0 ? 1 : -1;
}

/* The item's thread as review_view_item() shows it; [] for none. */
static json_t *messages_json(const struct review_item *it)
{
	if (!it)
		return json_array();
	json_t *view = review_view_item(it);
	json_t *messages = json_incref(json_object_get(view, "messages"));
	json_decref(view);
	return messages;
}

static const struct review_item *item_of(const struct review *old, const char *key)
{
	for (size_t i = 0; i < old->n_items; i++)
		if (strcmp(old->items[i].item_key, key) == 0)
			return &old->items[i];
	return NULL;
}

/* Each item of view (r's, in r's order) gets old's answer (changed items)
 * and old's thread; null and [] unless shown. */
static int add_items(struct store *st, const struct review *r, const struct review *old, bool shown,
		     json_t *view, struct err *e)
{
	struct submission_record *rec = NULL;
	struct submission *then = NULL;
	if (shown && submissions_load(st, old->submission_id, &rec, &then, e) != 0)
		return -1;
	json_t *items = json_object_get(view, "items"), *cache = json_object();
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < r->n_items && i < json_array_size(items); i++) {
		json_t *row = json_array_get(items, i);
		const struct answer *a = then ? answer_set_find_key(then->answers, r->items[i].item_key) : NULL;
		bool changed = json_is_true(json_object_get(row, "changed"));
		json_object_set_new(row, "previous_answer", changed && a ? submission_json_answer(a) : json_null());
		json_object_set_new(row, "previous_messages",
				    messages_json(shown ? item_of(old, r->items[i].item_key) : NULL));
		/* Named as the current thread's messages are (service/people.h). */
		rc = people_name_all(st, cache, json_object_get(row, "previous_messages"), "author", e);
	}
	json_decref(cache);
	submission_free(then);
	submission_record_free(rec);
	return rc;
}

int review_before_add(struct store *st, const struct user *reader, const struct review *r, json_t *view,
		      struct err *e)
{
	json_t *previous = json_object_get(view, "previous");
	if (!json_is_object(previous))
		return 0;
	struct review *old = NULL;
	int rc = store_review_previous(st, r->bank_id, r->connector_id, r->catalog_id, r->version, &old, e);
	if (rc != STORE_OK)
		return rc < 0 ? -1 : 0;
	int show = may_show(st, reader, old, e);
	json_t *decision = decision_json(old), *cache = json_object();
	if (show >= 0 && json_is_object(decision) && people_name(st, cache, decision, "decided_by", e) < 0)
		show = -1;
	json_decref(cache);
	json_object_set_new(previous, "decision", decision);
	json_object_set_new(previous, "shared", json_boolean(show == 1));
	rc = show < 0 ? -1 : add_items(st, r, old, show == 1, view, e);
	review_free(old);
	return rc;
}
