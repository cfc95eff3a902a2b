#include "store/store_review_draft.h"

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

int store_review_draft_add(struct store *st, long long review_id, struct review_draft *d, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO review_draft (review_id, decision, reason, drafted_by, drafted_at, state)"
		" VALUES (?, ?, ?, ?, ?, 'pending') RETURNING id", e);
	sql_bind_int(q, 1, review_id);
	sql_bind_text(q, 2, review_decision_name(d->decision));
	sql_bind_text(q, 3, d->reason ? d->reason : "");
	sql_bind_text(q, 4, d->drafted_by);
	sql_bind_text(q, 5, d->drafted_at);
	return sql_write_one(q, &d->id, e) == STORE_OK ? 0 : -1;
}

int store_review_draft_resolve(struct store *st, long long id, enum review_draft_state state, const char *by,
			       const char *at, const char *rejection, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE review_draft SET state = ?, resolved_by = ?, resolved_at = ?, rejection = ?"
		" WHERE id = ? AND state = 'pending' RETURNING id", e);
	sql_bind_text(q, 1, state == DRAFT_APPROVED ? "approved" : "rejected");
	sql_bind_text(q, 2, by);
	sql_bind_text(q, 3, at);
	sql_bind_text(q, 4, rejection);
	sql_bind_int(q, 5, id);
	return sql_write_one(q, NULL, e);
}

static void draft_decode(struct sql_stmt *q, void *slot)
{
	struct review_draft *d = slot;
	d->id = sql_int(q, 0);
	review_decision_parse(sql_text(q, 1), &d->decision);
	d->reason = xstrdup(sql_text(q, 2));
	d->drafted_by = xstrdup(sql_text(q, 3));
	d->drafted_at = xstrdup(sql_text(q, 4));
	/* The table says "pending" where the API says "pending_approval". */
	const char *state = sql_text(q, 5);
	d->state = state[0] == 'a' ? DRAFT_APPROVED : state[0] == 'r' ? DRAFT_REJECTED : DRAFT_PENDING;
	d->resolved_by = xstrdup(sql_text(q, 6));
	d->resolved_at = xstrdup(sql_text(q, 7));
	d->rejection = xstrdup(sql_text(q, 8));
}

static void draft_drop(void *slot)
{
	review_draft_release(slot);
}

int store_review_draft_load(struct store *st, struct review *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT id, decision, reason, drafted_by, drafted_at, state, resolved_by, resolved_at, rejection"
		" FROM review_draft WHERE review_id = ? ORDER BY id", e);
	sql_bind_int(q, 1, r->id);
	if (sql_collect(q, sizeof *r->drafts, draft_decode, draft_drop, &r->drafts, &r->n_drafts, e) < 0)
		return -1;
	for (size_t i = 0; i < r->n_drafts; i++)
		if (r->drafts[i].state == DRAFT_APPROVED) {
			r->drafted_by = xstrdup(r->drafts[i].drafted_by);
			r->drafted_at = xstrdup(r->drafts[i].drafted_at);
		}
	return 0;
}
