#include "store/store_attachment.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

#define COLUMNS                                                                                                  \
	"a.id, a.org_id, a.sha256, a.name, a.title, b.type, b.size, a.valid_until, a.created_by, a.created_at," \
	" a.removed_at FROM attachment a JOIN attachment_blob b ON b.sha256 = a.sha256"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void decode(struct sql_stmt *q, void *slot)
{
	struct attachment *a = slot;
	a->id = sql_int(q, 0);
	a->org_id = sql_int(q, 1);
	a->sha256 = xstrdup(sql_text(q, 2));
	a->name = xstrdup(sql_text(q, 3));
	a->title = xstrdup(sql_text(q, 4));
	a->type = xstrdup(sql_text(q, 5));
	a->size = sql_int(q, 6);
	a->valid_until = dup_or_null(sql_text(q, 7));
	a->created_by = xstrdup(sql_text(q, 8));
	a->created_at = xstrdup(sql_text(q, 9));
	a->removed_at = dup_or_null(sql_text(q, 10));
}

void attachment_clear(struct attachment *a)
{
	if (!a)
		return;
	free(a->sha256);
	free(a->name);
	free(a->title);
	free(a->type);
	free(a->valid_until);
	free(a->created_by);
	free(a->created_at);
	free(a->removed_at);
	free(a->items);
	memset(a, 0, sizeof *a);
}

static void drop(void *slot)
{
	attachment_clear(slot);
}

void attachments_free(struct attachment *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		attachment_clear(&list[i]);
	free(list);
}

int store_attachment_blob_put(struct store *st, const char *sha256, const void *data, size_t len, const char *type,
			      const char *now, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO attachment_blob (sha256, bytes, size, type, created_at) VALUES (?, ?, ?, ?, ?)"
		" ON CONFLICT (sha256) DO NOTHING", e);
	sql_bind_text(q, 1, sha256);
	sql_bind_blob(q, 2, data, len);
	sql_bind_int(q, 3, (long long)len);
	sql_bind_text(q, 4, type);
	sql_bind_text(q, 5, now);
	return q ? sql_run(q, e) : -1;
}

static int items_put(struct store *st, long long id, const int *items, size_t n, struct err *e)
{
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db, "DELETE FROM attachment_item WHERE attachment_id = ?", e);
	sql_bind_int(q, 1, id);
	if (!q || sql_run(q, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		q = sql_prepare(db, "INSERT INTO attachment_item (attachment_id, item_no) VALUES (?, ?)"
				    " ON CONFLICT DO NOTHING", e);
		sql_bind_int(q, 1, id);
		sql_bind_int(q, 2, items[i]);
		if (!q || sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

int store_attachment_insert(struct store *st, const struct attachment *a, long long *id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO attachment (org_id, sha256, name, title, valid_until, created_by, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", e);
	sql_bind_int(q, 1, a->org_id);
	sql_bind_text(q, 2, a->sha256);
	sql_bind_text(q, 3, a->name);
	sql_bind_text(q, 4, a->title ? a->title : "");
	sql_bind_text(q, 5, a->valid_until);
	sql_bind_text(q, 6, a->created_by);
	sql_bind_text(q, 7, a->created_at);
	if (sql_write_one(q, id, e) != SQL_FOUND)
		return -1;
	return items_put(st, *id, a->items, a->n_items, e);
}

/* Fills the items of list[0..n) from attachment_item, in one query. */
static int items_fill(struct store *st, long long org_id, long long only, struct attachment *list, size_t n,
		      struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT i.attachment_id, i.item_no FROM attachment_item i JOIN attachment a ON a.id = i.attachment_id"
		" WHERE a.org_id = ? AND a.removed_at IS NULL AND (? = 0 OR a.id = ?)"
		" ORDER BY i.attachment_id, i.item_no", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org_id);
	sql_bind_int(q, 2, only);
	sql_bind_int(q, 3, only);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		long long id = sql_int(q, 0);
		for (size_t i = 0; i < n; i++) {
			if (list[i].id != id)
				continue;
			list[i].items = xrealloc(list[i].items, (list[i].n_items + 1) * sizeof *list[i].items);
			list[i].items[list[i].n_items++] = (int)sql_int(q, 1);
		}
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

int store_attachment_list(struct store *st, long long org_id, struct attachment **out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT " COLUMNS " WHERE a.org_id = ? AND a.removed_at IS NULL ORDER BY a.name, a.sha256, a.id", e);
	sql_bind_int(q, 1, org_id);
	if (sql_collect(q, sizeof **out, decode, drop, out, n, e) < 0)
		return -1;
	if (items_fill(st, org_id, 0, *out, *n, e) < 0) {
		attachments_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int store_attachment_get(struct store *st, long long org_id, long long id, struct attachment *out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT " COLUMNS " WHERE a.org_id = ? AND a.id = ? AND a.removed_at IS NULL", e);
	sql_bind_int(q, 1, org_id);
	sql_bind_int(q, 2, id);
	int rc = sql_get_one(q, sizeof *out, decode, out, e);
	if (rc == SQL_FOUND && items_fill(st, org_id, id, out, 1, e) < 0) {
		attachment_clear(out);
		return -1;
	}
	return rc;
}

int store_attachment_update(struct store *st, const struct attachment *a, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE attachment SET title = ?, valid_until = ? WHERE id = ?", e);
	sql_bind_text(q, 1, a->title ? a->title : "");
	sql_bind_text(q, 2, a->valid_until);
	sql_bind_int(q, 3, a->id);
	if (!q || sql_run(q, e) < 0)
		return -1;
	return items_put(st, a->id, a->items, a->n_items, e);
}

int store_attachment_remove(struct store *st, long long id, const char *now, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE attachment SET removed_at = ? WHERE id = ?", e);
	sql_bind_text(q, 1, now);
	sql_bind_int(q, 2, id);
	return q ? sql_run(q, e) : -1;
}

/* Column 0 of q's row, the bytes, copied into *data (yours). */
static void blob_copy(struct sql_stmt *q, void **data, size_t *len)
{
	size_t n;
	const void *p = sql_blob(q, 0, &n);
	*data = xmalloc(n ? n : 1);
	if (n)
		memcpy(*data, p, n);
	*len = n;
}

int store_attachment_bytes(struct store *st, long long org_id, const char *sha256, void **data, size_t *len,
			   char **type, struct err *e)
{
	*data = NULL;
	*len = 0;
	*type = NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT b.bytes, b.type FROM attachment_blob b WHERE b.sha256 = ? AND (?2 = 0 OR EXISTS (SELECT 1"
		" FROM attachment a WHERE a.sha256 = b.sha256 AND a.org_id = ?2 AND a.removed_at IS NULL))", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, sha256);
	sql_bind_int(q, 2, org_id);
	int rc = sql_step(q, e);
	if (rc == 1) {
		blob_copy(q, data, len);
		*type = xstrdup(sql_text(q, 1));
	}
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? STORE_OK : STORE_NOT_FOUND;
}

int store_attachment_has(struct store *st, long long org_id, const char *sha256, bool *has, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT 1 FROM attachment WHERE org_id = ?1 AND sha256 = ?2 AND removed_at IS NULL"
		" UNION ALL SELECT 1 FROM review_upload WHERE org_id = ?1 AND sha256 = ?2 LIMIT 1", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org_id);
	sql_bind_text(q, 2, sha256);
	int rc = sql_step(q, e);
	*has = rc == 1;
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

static int one_number(struct store *st, const char *sql, long long org_id, long long *out, long long if_null,
		      struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), sql, e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org_id);
	int rc = sql_step(q, e);
	*out = rc == 1 && !sql_is_null(q, 0) ? sql_int(q, 0) : if_null;
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

int store_attachment_usage(struct store *st, long long org_id, long long *bytes, struct err *e)
{
	return one_number(st,
			  "SELECT sum(size) FROM attachment_blob WHERE sha256 IN"
			  " (SELECT sha256 FROM attachment WHERE org_id = ?1 AND removed_at IS NULL"
			  "  UNION SELECT sha256 FROM review_upload WHERE org_id = ?1)",
			  org_id, bytes, 0, e);
}

int store_attachment_quota(struct store *st, long long org_id, long long *quota, struct err *e)
{
	return one_number(st, "SELECT attachment_quota FROM org WHERE id = ?", org_id, quota, -1, e);
}

int store_attachment_set_quota(struct store *st, long long org_id, long long quota, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE org SET attachment_quota = ? WHERE id = ?", e);
	if (!q)
		return -1;
	if (quota < 0)
		sql_bind_text(q, 1, NULL);
	else
		sql_bind_int(q, 1, quota);
	sql_bind_int(q, 2, org_id);
	return sql_run(q, e);
}
