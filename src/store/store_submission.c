#include "store/store_submission.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

int store_submission_next_version(struct store *st, long long org_id, const char *catalog_id, int *version,
				  struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT coalesce(max(version), 0) + 1 FROM submission WHERE org_id = ? AND catalog_id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org_id);
	sql_bind_text(q, 2, catalog_id);
	int rc = sql_step(q, e);
	if (rc == 1)
		*version = (int)sql_int(q, 0);
	sql_finalize(q);
	return rc == 1 ? 0 : -1;
}

int store_submission_add(struct store *st, struct submission_record *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO submission (org_id, catalog_id, version, document, sha256, signature, submitted_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", e);
	sql_bind_int(q, 1, r->org_id);
	sql_bind_text(q, 2, r->catalog_id);
	sql_bind_int(q, 3, r->version);
	sql_bind_text(q, 4, r->document);
	sql_bind_text(q, 5, r->sha256);
	sql_bind_text(q, 6, r->signature);
	sql_bind_text(q, 7, r->submitted_at);
	return sql_write_one(q, &r->id, e) == STORE_OK ? 0 : -1;
}

#define RECORD_QUERY                                                                                       \
	"SELECT s.id, s.org_id, o.name, s.catalog_id, s.version, s.submitted_at, s.document, s.sha256,"   \
	" s.signature FROM submission s JOIN org o ON o.id = s.org_id"

static void record_decode(struct sql_stmt *q, void *slot)
{
	struct submission_record *r = submission_record_new();
	r->id = sql_int(q, 0);
	r->org_id = sql_int(q, 1);
	r->org_name = xstrdup(sql_text(q, 2));
	r->catalog_id = xstrdup(sql_text(q, 3));
	r->version = (int)sql_int(q, 4);
	r->submitted_at = xstrdup(sql_text(q, 5));
	r->document = xstrdup(sql_text(q, 6));
	r->document_len = strlen(r->document);
	r->sha256 = xstrdup(sql_text(q, 7));
	r->signature = xstrdup(sql_text(q, 8));
	*(struct submission_record **)slot = r;
}

static void record_drop(void *slot)
{
	submission_record_free(*(struct submission_record **)slot);
}

int store_submission_get(struct store *st, long long id, struct submission_record **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), RECORD_QUERY " WHERE s.id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, record_decode, out, e);
}

int store_submission_list(struct store *st, long long org_id, struct submission_record ***out, size_t *n,
			  struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		RECORD_QUERY " WHERE s.org_id = ? ORDER BY s.catalog_id, s.version", e);
	sql_bind_int(q, 1, org_id);
	return sql_collect(q, sizeof **out, record_decode, record_drop, out, n, e);
}

int store_submission_by_sha256(struct store *st, const char *sha256, struct submission_record **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), RECORD_QUERY " WHERE s.sha256 = ? ORDER BY s.id LIMIT 1", e);
	sql_bind_text(q, 1, sha256);
	return sql_get_one(q, sizeof *out, record_decode, out, e);
}

int store_submission_by_version(struct store *st, long long org_id, const char *catalog_id, int version,
				struct submission_record **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		RECORD_QUERY " WHERE s.org_id = ? AND s.catalog_id = ? AND s.version = ?", e);
	sql_bind_int(q, 1, org_id);
	sql_bind_text(q, 2, catalog_id);
	sql_bind_int(q, 3, version);
	return sql_get_one(q, sizeof *out, record_decode, out, e);
}
