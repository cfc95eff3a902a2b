#include "store/store_share.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

int store_share_add(struct store *st, struct share *s, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO share (submission_id, bank_id, created_by, created_at, expires_at, revoked_at)"
		" VALUES (?, ?, ?, ?, ?, NULL) RETURNING id", e);
	sql_bind_int(q, 1, s->submission_id);
	sql_bind_int(q, 2, s->bank_id);
	sql_bind_text(q, 3, s->created_by);
	sql_bind_text(q, 4, s->created_at);
	sql_bind_text(q, 5, s->expires_at);
	return sql_write_one(q, &s->id, e) == STORE_OK ? 0 : -1;
}

#define SHARE_QUERY                                                                                        \
	"SELECT sh.id, sh.submission_id, sub.version, sub.sha256, sub.org_id, c.name, sh.bank_id, b.name,"    \
	" sh.created_by, sh.created_at, sh.expires_at, sh.revoked_at FROM share sh"                          \
	" JOIN submission sub ON sub.id = sh.submission_id JOIN org c ON c.id = sub.org_id"                  \
	" JOIN org b ON b.id = sh.bank_id"

static void share_decode(struct sql_stmt *q, void *slot)
{
	struct share *s = share_new();
	s->id = sql_int(q, 0);
	s->submission_id = sql_int(q, 1);
	s->version = (int)sql_int(q, 2);
	s->sha256 = xstrdup(sql_text(q, 3));
	s->connector_id = sql_int(q, 4);
	s->connector_name = xstrdup(sql_text(q, 5));
	s->bank_id = sql_int(q, 6);
	s->bank_name = xstrdup(sql_text(q, 7));
	s->created_by = xstrdup(sql_text(q, 8));
	s->created_at = xstrdup(sql_text(q, 9));
	s->expires_at = xstrdup(sql_text(q, 10)); /* NULL stays NULL */
	s->revoked_at = xstrdup(sql_text(q, 11));
	*(struct share **)slot = s;
}

static void share_drop(void *slot)
{
	share_free(*(struct share **)slot);
}

int store_share_get(struct store *st, long long id, struct share **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), SHARE_QUERY " WHERE sh.id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, share_decode, out, e);
}

/* "In force at ?" in SQL: the same rule as share_in_force(). */
#define IN_FORCE " sh.revoked_at IS NULL AND (sh.expires_at IS NULL OR sh.expires_at > ?)"

int store_share_in_force(struct store *st, long long submission_id, long long bank_id, const char *now,
			 struct share **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		SHARE_QUERY " WHERE sh.submission_id = ? AND sh.bank_id = ? AND" IN_FORCE " ORDER BY sh.id LIMIT 1", e);
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, bank_id);
	sql_bind_text(q, 3, now);
	return sql_get_one(q, sizeof *out, share_decode, out, e);
}

int store_share_pair_in_force(struct store *st, long long bank_id, long long connector_id, const char *now,
			      struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT 1 FROM share sh JOIN submission sub ON sub.id = sh.submission_id"
		" WHERE sh.bank_id = ? AND sub.org_id = ? AND" IN_FORCE " LIMIT 1", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	sql_bind_text(q, 3, now);
	int rc = sql_step(q, e);
	sql_finalize(q);
	return rc;
}

int store_share_revoke(struct store *st, long long id, const char *at, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE share SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id", e);
	sql_bind_text(q, 1, at);
	sql_bind_int(q, 2, id);
	return sql_write_one(q, NULL, e);
}

int store_share_access_add(struct store *st, long long share_id, long long user_id, const char *at, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO share_access (share_id, user_id, at) VALUES (?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, share_id);
	sql_bind_int(q, 2, user_id);
	sql_bind_text(q, 3, at);
	return sql_run(q, e);
}

/* Fills the accesses of list (sorted by id) from one query over them all. */
static int add_accesses(struct store *st, long long connector_id, struct share **list, size_t n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT a.share_id, u.email, a.at FROM share_access a JOIN share sh ON sh.id = a.share_id"
		" JOIN submission sub ON sub.id = sh.submission_id JOIN user_account u ON u.id = a.user_id"
		" WHERE sub.org_id = ? ORDER BY a.share_id, a.id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, connector_id);
	int rc;
	size_t i = 0;
	while ((rc = sql_step(q, e)) == 1) {
		long long share_id = sql_int(q, 0);
		while (i < n && list[i]->id < share_id)
			i++;
		if (i < n && list[i]->id == share_id)
			share_add_access(list[i], sql_text(q, 1), sql_text(q, 2));
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

int store_share_list(struct store *st, long long connector_id, struct share ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), SHARE_QUERY " WHERE sub.org_id = ? ORDER BY sh.id", e);
	sql_bind_int(q, 1, connector_id);
	if (sql_collect(q, sizeof **out, share_decode, share_drop, out, n, e) < 0)
		return -1;
	if (add_accesses(st, connector_id, *out, *n, e) < 0) {
		share_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int store_share_inbox(struct store *st, long long bank_id, const char *now, struct share ***out, size_t *n,
		      struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), SHARE_QUERY " WHERE sh.bank_id = ? AND" IN_FORCE " ORDER BY sh.id", e);
	sql_bind_int(q, 1, bank_id);
	sql_bind_text(q, 2, now);
	return sql_collect(q, sizeof **out, share_decode, share_drop, out, n, e);
}
