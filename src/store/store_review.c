#include "store/store_review.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_review_draft.h"
#include "store/store_review_file.h"
#include "store/store_sql.h"

/* The review_item columns an item is written with, from ?2 on. */
static void bind_item(struct sql_stmt *q, const struct review_item *it)
{
	sql_bind_text(q, 2, it->item_key);
	sql_bind_text(q, 3, review_verdict_name(it->verdict));
	sql_bind_text(q, 4, it->comment ? it->comment : "");
	sql_bind_text(q, 5, it->verdict_at);
	sql_bind_int(q, 6, it->carried);
	if (it->carried) {
		sql_bind_int(q, 7, it->carried_submission);
		sql_bind_int(q, 8, it->carried_version);
	} else {
		sql_bind_text(q, 7, NULL);
		sql_bind_text(q, 8, NULL);
	}
	const struct answer *a = &it->bank_answer;
	sql_bind_text(q, 9, it->has_bank_answer ? answer_status_name(a->status) : NULL);
	sql_bind_text(q, 10, it->has_bank_answer ? a->current : NULL);
	sql_bind_text(q, 11, it->has_bank_answer ? a->notes : NULL);
	sql_bind_int(q, 12, it->bank_answer_carried);
}

int store_review_add(struct store *st, struct review *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO review (submission_id, bank_id, opened_at, opened_by) VALUES (?, ?, ?, ?) RETURNING id", e);
	sql_bind_int(q, 1, r->submission_id);
	sql_bind_int(q, 2, r->bank_id);
	sql_bind_text(q, 3, r->opened_at);
	sql_bind_text(q, 4, r->opened_by);
	if (sql_write_one(q, &r->id, e) != STORE_OK)
		return -1;
	for (size_t i = 0; i < r->n_items; i++) {
		q = sql_prepare(store_sql(st),
			"INSERT INTO review_item (review_id, item_key, verdict, comment, verdict_at, carried,"
			" carried_submission, carried_version, bank_status, bank_current, bank_notes, bank_carried)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
		if (!q)
			return -1;
		sql_bind_int(q, 1, r->id);
		bind_item(q, &r->items[i]);
		if (sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

#define REVIEW_QUERY                                                                                         \
	"SELECT r.id, r.submission_id, s.version, s.org_id, c.name, r.bank_id, b.name, s.catalog_id,"           \
	" r.opened_at, r.opened_by, r.decision, r.reason, r.decided_at, r.decided_by, r.decision_document,"     \
	" r.decision_sha256, r.decision_signature FROM review r JOIN submission s ON s.id = r.submission_id"    \
	" JOIN org c ON c.id = s.org_id JOIN org b ON b.id = r.bank_id"

static void review_decode(struct sql_stmt *q, void *slot)
{
	struct review *r = review_new();
	r->id = sql_int(q, 0);
	r->submission_id = sql_int(q, 1);
	r->version = (int)sql_int(q, 2);
	r->connector_id = sql_int(q, 3);
	r->connector_name = xstrdup(sql_text(q, 4));
	r->bank_id = sql_int(q, 5);
	r->bank_name = xstrdup(sql_text(q, 6));
	r->catalog_id = xstrdup(sql_text(q, 7));
	r->opened_at = xstrdup(sql_text(q, 8));
	r->opened_by = xstrdup(sql_text(q, 9));
	review_decision_parse(sql_text(q, 10), &r->decision);
	r->reason = xstrdup(sql_text(q, 11));
	r->decided_at = xstrdup(sql_text(q, 12));
	r->decided_by = xstrdup(sql_text(q, 13));
	r->decision_document = xstrdup(sql_text(q, 14));
	r->decision_sha256 = xstrdup(sql_text(q, 15));
	r->decision_signature = xstrdup(sql_text(q, 16));
	*(struct review **)slot = r;
}

static void item_decode(struct sql_stmt *q, void *slot)
{
	struct review_item *it = slot;
	it->item_key = xstrdup(sql_text(q, 0));
	it->no = (int)sql_int(q, 1);
	it->party = party_parse(sql_text(q, 2));
	review_verdict_parse(sql_text(q, 3), &it->verdict);
	it->comment = xstrdup(sql_text(q, 4));
	it->verdict_at = xstrdup(sql_text(q, 5));
	it->carried = sql_int(q, 6) != 0;
	it->carried_submission = sql_int(q, 7);
	it->carried_version = (int)sql_int(q, 8);
	answer_init(&it->bank_answer, it->no, it->item_key);
	it->has_bank_answer = !sql_is_null(q, 10);
	if (it->has_bank_answer) {
		if (!sql_is_null(q, 9))
			answer_status_parse(sql_text(q, 9), &it->bank_answer.status);
		answer_load_field(&it->bank_answer, FIELD_CURRENT, sql_text(q, 10), NULL);
		answer_load_field(&it->bank_answer, FIELD_NOTES, sql_text(q, 11) ? sql_text(q, 11) : "", NULL);
	}
	it->bank_answer_carried = sql_int(q, 12) != 0;
}

static void item_drop(void *slot)
{
	review_item_release(slot);
}

/* Fills r's items (checklist order) and their messages. */
static int load_items(struct store *st, struct review *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT ri.item_key, ci.no, ci.party, ri.verdict, ri.comment, ri.verdict_at, ri.carried,"
		" ri.carried_submission, ri.carried_version, ri.bank_status, ri.bank_current, ri.bank_notes,"
		" ri.bank_carried FROM review_item ri JOIN catalog_item ci ON ci.catalog_id = ? AND ci.key = ri.item_key"
		" WHERE ri.review_id = ? ORDER BY ci.seq", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, r->catalog_id);
	sql_bind_int(q, 2, r->id);
	if (sql_collect(q, sizeof *r->items, item_decode, item_drop, &r->items, &r->n_items, e) < 0)
		return -1;
	q = sql_prepare(store_sql(st),
		"SELECT m.item_key, o.name, m.author, m.at, m.text, m.verdict FROM review_message m JOIN org o ON o.id = m.org_id"
		" WHERE m.review_id = ? ORDER BY m.id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, r->id);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		struct review_item *it = (struct review_item *)review_find_key(r, sql_text(q, 0));
		enum review_verdict v = VERDICT_PENDING;
		if (!sql_is_null(q, 5))
			review_verdict_parse(sql_text(q, 5), &v);
		if (it) /* always: the foreign key holds */
			review_item_add_message(it, sql_text(q, 1), sql_text(q, 2), sql_text(q, 3), sql_text(q, 4), v);
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

/* Runs q (bound) for at most one review, with its items. */
static int one(struct store *st, struct sql_stmt *q, struct review **out, struct err *e)
{
	int rc = sql_get_one(q, sizeof *out, review_decode, out, e);
	if (rc == STORE_OK && (load_items(st, *out, e) < 0 || store_review_draft_load(st, *out, e) < 0 ||
			       store_review_files_load(st, *out, e) < 0)) {
		review_free(*out);
		*out = NULL;
		return -1;
	}
	return rc;
}

int store_review_get(struct store *st, long long submission_id, long long bank_id, struct review **out,
		     struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), REVIEW_QUERY " WHERE r.submission_id = ? AND r.bank_id = ?", e);
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, bank_id);
	return one(st, q, out, e);
}

int store_review_previous(struct store *st, long long bank_id, long long connector_id, const char *catalog_id,
			  int version, struct review **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), REVIEW_QUERY
		" WHERE r.bank_id = ? AND s.org_id = ? AND s.catalog_id = ? AND s.version < ?"
		" ORDER BY s.version DESC LIMIT 1", e);
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	sql_bind_text(q, 3, catalog_id);
	sql_bind_int(q, 4, version);
	return one(st, q, out, e);
}

int store_review_verdict(struct store *st, long long review_id, const struct review_item *item, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE review_item SET verdict = ?, comment = ?, verdict_at = ?, carried = 0,"
		" carried_submission = NULL, carried_version = NULL WHERE review_id = ? AND item_key = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, review_verdict_name(item->verdict));
	sql_bind_text(q, 2, item->comment);
	sql_bind_text(q, 3, item->verdict_at);
	sql_bind_int(q, 4, review_id);
	sql_bind_text(q, 5, item->item_key);
	return sql_run(q, e);
}

int store_review_bank_answer(struct store *st, long long review_id, const struct review_item *item, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE review_item SET bank_status = ?, bank_current = ?, bank_notes = ?, bank_carried = 0"
		" WHERE review_id = ? AND item_key = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, answer_status_name(item->bank_answer.status));
	sql_bind_text(q, 2, item->bank_answer.current);
	sql_bind_text(q, 3, item->bank_answer.notes);
	sql_bind_int(q, 4, review_id);
	sql_bind_text(q, 5, item->item_key);
	return sql_run(q, e);
}

int store_review_message_add(struct store *st, long long review_id, const char *item_key, long long org_id,
			     const char *author, const char *at, const char *text, enum review_verdict verdict,
			     struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO review_message (review_id, item_key, org_id, author, at, text, verdict)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, review_id);
	sql_bind_text(q, 2, item_key);
	sql_bind_int(q, 3, org_id);
	sql_bind_text(q, 4, author);
	sql_bind_text(q, 5, at);
	sql_bind_text(q, 6, text);
	sql_bind_text(q, 7, review_verdict_name(verdict));
	return sql_run(q, e);
}

int store_review_decide(struct store *st, const struct review *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE review SET decision = ?, reason = ?, decided_at = ?, decided_by = ?, decision_document = ?,"
		" decision_sha256 = ?, decision_signature = ? WHERE id = ? AND decision IS NULL RETURNING id", e);
	sql_bind_text(q, 1, review_decision_name(r->decision));
	sql_bind_text(q, 2, r->reason ? r->reason : "");
	sql_bind_text(q, 3, r->decided_at);
	sql_bind_text(q, 4, r->decided_by);
	sql_bind_text(q, 5, r->decision_document);
	sql_bind_text(q, 6, r->decision_sha256);
	sql_bind_text(q, 7, r->decision_signature);
	sql_bind_int(q, 8, r->id);
	return sql_write_one(q, NULL, e);
}

static void summary_decode(struct sql_stmt *q, void *slot)
{
	struct review_summary *s = slot;
	s->submission_id = sql_int(q, 0);
	s->version = (int)sql_int(q, 1);
	s->connector = xstrdup(sql_text(q, 2));
	s->bank = xstrdup(sql_text(q, 3));
	s->opened_at = xstrdup(sql_text(q, 4));
	review_decision_parse(sql_text(q, 5), &s->decision);
	s->decided_at = xstrdup(sql_text(q, 6));
	s->pending = (size_t)sql_int(q, 7);
	s->query = (size_t)sql_int(q, 8);
	s->improvement = (size_t)sql_int(q, 9);
}

static void summary_drop(void *slot)
{
	struct review_summary *s = slot;
	free(s->connector);
	free(s->bank);
	free(s->opened_at);
	free(s->decided_at);
}

int store_review_list(struct store *st, long long org_id, bool bank, struct review_summary **out, size_t *n,
		      struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), bank
		? "SELECT s.id, s.version, c.name, b.name, r.opened_at, r.decision, r.decided_at,"
		  " SUM(CASE WHEN ci.party <> 'bank' AND ri.verdict IS NULL THEN 1 ELSE 0 END),"
		  " SUM(CASE WHEN ri.verdict = 'query' THEN 1 ELSE 0 END),"
		  " SUM(CASE WHEN ri.verdict = 'improvement' THEN 1 ELSE 0 END)"
		  " FROM review r JOIN submission s ON s.id = r.submission_id JOIN org c ON c.id = s.org_id"
		  " JOIN org b ON b.id = r.bank_id JOIN review_item ri ON ri.review_id = r.id"
		  " JOIN catalog_item ci ON ci.catalog_id = s.catalog_id AND ci.key = ri.item_key"
		  " WHERE r.bank_id = ? GROUP BY r.id, s.id, s.version, c.name, b.name ORDER BY s.id, b.name"
		: "SELECT s.id, s.version, c.name, b.name, r.opened_at, r.decision, r.decided_at,"
		  " SUM(CASE WHEN ci.party <> 'bank' AND ri.verdict IS NULL THEN 1 ELSE 0 END),"
		  " SUM(CASE WHEN ri.verdict = 'query' THEN 1 ELSE 0 END),"
		  " SUM(CASE WHEN ri.verdict = 'improvement' THEN 1 ELSE 0 END)"
		  " FROM review r JOIN submission s ON s.id = r.submission_id JOIN org c ON c.id = s.org_id"
		  " JOIN org b ON b.id = r.bank_id JOIN review_item ri ON ri.review_id = r.id"
		  " JOIN catalog_item ci ON ci.catalog_id = s.catalog_id AND ci.key = ri.item_key"
		  " WHERE s.org_id = ? GROUP BY r.id, s.id, s.version, c.name, b.name ORDER BY s.id, b.name", e);
	sql_bind_int(q, 1, org_id);
	return sql_collect(q, sizeof **out, summary_decode, summary_drop, out, n, e);
}

void review_summary_list_free(struct review_summary *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		summary_drop(&list[i]);
	free(list);
}

/* The row of out for counterpart name, added if new. */
static struct review_standing *standing_for(struct review_standing **out, size_t *n, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*out)[i].counterpart, name) == 0)
			return &(*out)[i];
	*out = xrealloc(*out, (*n + 1) * sizeof **out);
	struct review_standing *s = &(*out)[(*n)++];
	memset(s, 0, sizeof *s);
	s->counterpart = xstrdup(name);
	return s;
}

static int by_counterpart(const void *a, const void *b)
{
	return strcmp(((const struct review_standing *)a)->counterpart, ((const struct review_standing *)b)->counterpart);
}

int store_review_standing(struct store *st, long long org_id, bool bank, struct review_standing **out, size_t *n,
			  struct err *e)
{
	*out = NULL;
	*n = 0;
	struct review_summary *list;
	size_t count;
	if (store_review_list(st, org_id, bank, &list, &count, e) < 0)
		return -1;
	/* The list is by submission id, so a later row of a pair is a newer
	 * submission: its review is the pair's latest. */
	for (size_t i = 0; i < count; i++) {
		const struct review_summary *r = &list[i];
		struct review_standing *s = standing_for(out, n, bank ? r->connector : r->bank);
		s->open_queries = r->query;
		if (r->decision != DECISION_NONE &&
		    (!s->latest_decided_at || strcmp(r->decided_at, s->latest_decided_at) >= 0)) {
			free(s->latest_decided_at);
			s->latest_decided_at = xstrdup(r->decided_at);
			s->latest_decision = r->decision;
			s->latest_submission = r->submission_id;
			s->latest_version = r->version;
		}
	}
	review_summary_list_free(list, count);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, by_counterpart);
	return 0;
}

void review_standing_list_free(struct review_standing *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++) {
		free(list[i].counterpart);
		free(list[i].latest_decided_at);
	}
	free(list);
}
