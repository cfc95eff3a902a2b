#include "service/questions.h"

#include <stdlib.h>
#include <string.h>

#include "core/criteria.h"
#include "core/review.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/lookup.h"
#include "service/reviews.h"
#include "service/shares.h"
#include "store/store_criteria.h"
#include "store/store_question.h"

/* Frees what q holds, leaving it unanswered. */
static void question_unanswer(struct question *q)
{
	free(q->answer);
	free(q->answered_at);
	free(q->answered_by);
	q->answer = q->answered_at = q->answered_by = NULL;
}

static void question_release(struct question *q)
{
	question_unanswer(q);
	free(q->key);
	free(q->category);
	free(q->text);
}

void question_free(struct question *q)
{
	if (q)
		question_release(q);
	free(q);
}

void question_list_free(struct question_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		question_release(&l->items[i]);
	free(l->items);
	free(l->bank);
	free(l->connector);
	free(l);
}

/* What an answer was given to: the hash of the question's text ("" for a
 * damaged criterion, which has none). */
static void wording(const struct question *q, char out[HASH_HEX_LEN + 1])
{
	const char *t = q->text ? q->text : "";
	hash_sha256_hex(t, strlen(t), out);
}

/* Gives each question of l its answer among a[0..n) (by key), if any: an
 * answer to an earlier wording of the question is not its answer. */
static void attach(struct question_list *l, const struct question_answer *a, size_t n)
{
	char w[HASH_HEX_LEN + 1];
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < n; k++)
			if (strcmp(l->items[i].key, a[k].key) == 0) {
				wording(&l->items[i], w);
				if (strcmp(w, a[k].wording) != 0)
					break;
				l->items[i].answer = xstrdup(a[k].answer);
				l->items[i].answered_at = xstrdup(a[k].answered_at);
				l->items[i].answered_by = xstrdup(a[k].answered_by);
				break;
			}
}

/* bank's questions with the answers of connector_id (0: none). */
static int build(struct store *st, const struct org *bank, long long connector_id, const char *connector,
		 struct question_list **out, struct err *e)
{
	struct criteria_list *cl = NULL;
	int rc = store_criteria_get(st, bank->id, &cl, e);
	if (rc < 0)
		return -1;
	struct question_list *l = xcalloc(1, sizeof *l);
	l->bank = xstrdup(bank->name);
	l->connector = xstrdup(connector);
	if (cl) {
		l->items = xcalloc(cl->cat->n_items ? cl->cat->n_items : 1, sizeof *l->items);
		for (size_t i = 0; i < cl->cat->n_items; i++) {
			const struct catalog_item *it = &cl->cat->items[i];
			/* A damaged row has no text to answer: the bank fixes or
			 * drops it (its list marks it), it is never asked. */
			if (cl->map->rows[i].relation != RELATION_NONE || it->damaged)
				continue;
			struct question *q = &l->items[l->n++];
			q->key = xstrdup(it->key);
			q->category = xstrdup(it->category);
			q->text = xstrdup(it->text);
		}
	}
	criteria_list_free(cl);
	if (connector_id) {
		struct question_answer *a;
		size_t n;
		if (store_question_list(st, bank->id, connector_id, &a, &n, e) < 0) {
			question_list_free(l);
			return -1;
		}
		attach(l, a, n);
		question_answers_free(a, n);
	}
	*out = l;
	return 0;
}

enum outcome questions_list(struct store *st, const char *bank, const struct org *connector, struct question_list **out,
			    struct err *e)
{
	struct org *b;
	*out = NULL;
	int rc = lookup_bank(st, bank, &b, e);
	if (rc == 0)
		rc = build(st, b, connector ? connector->id : 0, connector ? connector->name : NULL, out, e);
	org_free(b);
	return rc;
}

/* Writes the answer and its event, inside the caller's transaction. */
static int write_answer(struct store *st, const char *actor, const struct org *connector, const struct org *bank,
			const char *key, const char *text, struct question **out, struct err *e)
{
	struct question_list *l = NULL;
	int rc = build(st, bank, connector->id, connector->name, &l, e);
	if (rc != 0)
		return rc;
	size_t i = 0;
	while (i < l->n && strcmp(l->items[i].key, key) != 0)
		i++;
	if (i == l->n) {
		err_coded(e, NULL, "no_question", "{1} has no question \"{2}\"", bank->name, key, NULL);
		question_list_free(l);
		return OUTCOME_NOT_FOUND;
	}
	char now[CLOCK_TEXT_SIZE], w[HASH_HEX_LEN + 1];
	bool clear = text_is_blank(text);
	if (clear && !l->items[i].answer) {
		/* Nothing to clear: no change, no event. */
		if (out) {
			*out = xmalloc(sizeof **out);
			**out = l->items[i];
			memset(&l->items[i], 0, sizeof l->items[i]);
		}
		question_list_free(l);
		return 0;
	}
	wording(&l->items[i], w);
	struct question_answer a = { .key = (char *)key, .wording = w, .answer = clear ? NULL : (char *)text,
				     .answered_at = now, .answered_by = (char *)actor };
	json_t *details = json_pack("{s:s, s:s, s:b}", "bank", bank->name, "key", key, "cleared", clear);
	rc = clock_stamp(now, e) < 0 || store_question_put(st, bank->id, connector->id, &a, e) < 0 ||
			     audit_log(st, actor, connector->id, AUDIT_QUESTION_ANSWER, details, e, "question:%lld-%s",
				       bank->id, key) < 0
		     ? -1
		     : 0;
	json_decref(details);
	struct question *q = &l->items[i];
	if (rc == 0 && out) {
		question_unanswer(q);
		if (!clear) {
			q->answer = xstrdup(text);
			q->answered_at = xstrdup(now);
			q->answered_by = xstrdup(actor);
		}
		*out = xmalloc(sizeof **out);
		**out = *q;
		memset(q, 0, sizeof *q);
	}
	question_list_free(l);
	return rc;
}

enum outcome questions_answer(struct store *st, const char *actor, const struct org *connector, const char *bank,
			      const char *key, const char *text, struct question **out, struct err *e)
{
	if (out)
		*out = NULL;
	if (connector->kind != ORG_CONNECTOR) {
		err_set(e, "%s is a bank: answers belong to connectors", connector->name);
		return OUTCOME_REFUSED;
	}
	if (!text_is_blank(text) && review_text_check("the answer", text, e) < 0)
		return OUTCOME_INVALID;
	struct org *b = NULL;
	if (store_begin(st, e) < 0)
		return -1;
	int rc = lookup_bank(st, bank, &b, e);
	if (rc == 0)
		rc = write_answer(st, actor, connector, b, key, text, out, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0) {
		store_rollback(st);
		if (out) { /* handed out before a commit that failed */
			question_free(*out);
			*out = NULL;
		}
	}
	org_free(b);
	return rc;
}

enum outcome questions_review(struct store *st, const struct org *viewer, const struct user *reader,
			      long long submission_id, const char *bank, struct question_list **out, struct err *e)
{
	*out = NULL;
	if (viewer->kind == ORG_BANK) {
		char now[CLOCK_TEXT_SIZE];
		struct share *s = NULL;
		if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
			return -1;
		/* Recorded first, as a read of the submission is: the connector
		 * sees every read of its answers among the share's accesses. */
		int rc = shares_record_read(st, reader, viewer->id, submission_id, AUDIT_QUESTIONS_READ, now, &s, e);
		if (rc == 0 && store_commit(st, e) < 0)
			rc = -1;
		if (rc != 0)
			store_rollback(st);
		if (rc == 0)
			rc = build(st, viewer, s->connector_id, s->connector_name, out, e);
		else if (rc == OUTCOME_NOT_FOUND)
			rc = OUTCOME_NOT_FOUND;
		share_free(s);
		return rc;
	}
	struct review *r = NULL;
	int rc = reviews_get(st, viewer->id, submission_id, bank, &r, e);
	if (rc == OUTCOME_NOT_FOUND) {
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == 0) {
		struct org b = { .id = r->bank_id, .kind = ORG_BANK, .name = r->bank_name };
		rc = build(st, &b, viewer->id, viewer->name, out, e);
	} else {
		rc = -1;
	}
	review_free(r);
	return rc;
}

json_t *questions_item_json(const struct question *q)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "key", q->key, "category", q->category, "text",
			 q->text ? json_string(q->text) : json_null(), "answer",
			 q->answer ? json_string(q->answer) : json_null(), "answered_at",
			 q->answered_at ? json_string(q->answered_at) : json_null(), "answered_by",
			 q->answered_by ? json_string(q->answered_by) : json_null());
}

json_t *questions_json(const struct question_list *l)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(arr, questions_item_json(&l->items[i]));
	return arr;
}

json_t *questions_review_json(const struct question_list *l)
{
	return json_pack("{s:s, s:o, s:o}", "bank", l->bank, "connector",
			 l->connector ? json_string(l->connector) : json_null(), "questions", questions_json(l));
}
