#include "store/store_received.h"

#include <stdlib.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

void received_decision_free(struct received_decision *d)
{
	if (!d)
		return;
	free(d->bank_name);
	free(d->bank_public_key);
	free(d->file);
	free(d->sha256);
	free(d->decision);
	free(d->decided_at);
	free(d->received_at);
	free(d->received_by);
	free(d);
}

int store_received_add(struct store *st, struct received_decision *d, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO received_decision (submission_id, bank_id, file, sha256, decision, decided_at,"
		" received_at, received_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", e);
	sql_bind_int(q, 1, d->submission_id);
	sql_bind_int(q, 2, d->bank_id);
	sql_bind_text(q, 3, d->file);
	sql_bind_text(q, 4, d->sha256);
	sql_bind_text(q, 5, d->decision);
	sql_bind_text(q, 6, d->decided_at);
	sql_bind_text(q, 7, d->received_at);
	sql_bind_text(q, 8, d->received_by);
	return sql_write_one(q, &d->id, e) == STORE_OK ? 0 : -1;
}

#define RECEIVED_QUERY                                                                                     \
	"SELECT r.id, r.submission_id, r.bank_id, o.name, o.public_key, r.file, r.sha256, r.decision,"    \
	" r.decided_at, r.received_at, r.received_by FROM received_decision r JOIN org o ON o.id = r.bank_id"

static void received_decode(struct sql_stmt *q, void *slot)
{
	struct received_decision *d = xcalloc(1, sizeof *d);
	d->id = sql_int(q, 0);
	d->submission_id = sql_int(q, 1);
	d->bank_id = sql_int(q, 2);
	d->bank_name = xstrdup(sql_text(q, 3));
	d->bank_public_key = xstrdup(sql_text(q, 4));
	d->file = xstrdup(sql_text(q, 5));
	d->sha256 = xstrdup(sql_text(q, 6));
	d->decision = xstrdup(sql_text(q, 7));
	d->decided_at = xstrdup(sql_text(q, 8));
	d->received_at = xstrdup(sql_text(q, 9));
	d->received_by = xstrdup(sql_text(q, 10));
	*(struct received_decision **)slot = d;
}

static void received_drop(void *slot)
{
	received_decision_free(*(struct received_decision **)slot);
}

int store_received_by_sha256(struct store *st, const char *sha256, struct received_decision **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), RECEIVED_QUERY " WHERE r.sha256 = ?", e);
	sql_bind_text(q, 1, sha256);
	return sql_get_one(q, sizeof *out, received_decode, out, e);
}

int store_received_by_pair(struct store *st, long long submission_id, long long bank_id,
			   struct received_decision **out, struct err *e)
{
	struct sql_stmt *q =
		sql_prepare(store_sql(st), RECEIVED_QUERY " WHERE r.submission_id = ? AND r.bank_id = ?", e);
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, bank_id);
	return sql_get_one(q, sizeof *out, received_decode, out, e);
}

int store_received_list(struct store *st, long long submission_id, struct received_decision ***out, size_t *n,
			struct err *e)
{
	struct sql_stmt *q =
		sql_prepare(store_sql(st), RECEIVED_QUERY " WHERE r.submission_id = ? ORDER BY r.id", e);
	sql_bind_int(q, 1, submission_id);
	return sql_collect(q, sizeof **out, received_decode, received_drop, out, n, e);
}
