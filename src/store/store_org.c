#include "store/store_org.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static void org_decode(struct sql_stmt *q, void *slot)
{
	struct org *org = org_new();
	org->id = sql_int(q, 0);
	org->kind = org_kind_parse(sql_text(q, 1));
	org->name = xstrdup(sql_text(q, 2));
	org->reg_no = xstrdup(sql_text(q, 3)); /* NULL stays NULL */
	org->public_key = xstrdup(sql_text(q, 4));
	org->created_at = xstrdup(sql_text(q, 5));
	org->require_approval = sql_int(q, 6) != 0;
	org->received_at = xstrdup(sql_text(q, 7)); /* NULL stays NULL */
	*(struct org **)slot = org;
}

static void org_drop(void *slot)
{
	org_free(*(struct org **)slot);
}

/* One statement, so that of two adds of one name at once the second is
 * told so in words, on any backend and in or out of a transaction. An
 * organisation received from elsewhere has no sealed key ('') and its
 * received_at set. */
static int org_insert(struct store *st, struct org *org, const char *sealed_key, bool received, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	free(org->created_at);
	org->created_at = xstrdup(stamp);
	free(org->received_at);
	org->received_at = received ? xstrdup(stamp) : NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO org (kind, name, reg_no, public_key, sealed_key, created_at, received_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id", e);
	sql_bind_text(q, 1, org_kind_name(org->kind));
	sql_bind_text(q, 2, org->name);
	sql_bind_text(q, 3, org->reg_no);
	sql_bind_text(q, 4, org->public_key);
	sql_bind_text(q, 5, sealed_key);
	sql_bind_text(q, 6, org->created_at);
	sql_bind_text(q, 7, org->received_at);
	int rc = sql_write_one(q, &org->id, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "an organisation named \"%s\" already exists", org->name);
	return rc == STORE_OK ? 0 : -1;
}

int store_org_add(struct store *st, struct org *org, const char *sealed_key, struct err *e)
{
	return org_insert(st, org, sealed_key, false, e);
}

#define ORG_COLUMNS "id, kind, name, reg_no, public_key, created_at, require_approval, received_at"

int store_org_get(struct store *st, const char *name, struct org **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " ORG_COLUMNS " FROM org WHERE name = ?", e);
	sql_bind_text(q, 1, name);
	return sql_get_one(q, sizeof *out, org_decode, out, e);
}

int store_org_get_id(struct store *st, long long id, struct org **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " ORG_COLUMNS " FROM org WHERE id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, org_decode, out, e);
}

int store_org_sealed_key(struct store *st, long long id, char **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT sealed_key FROM org WHERE id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, sql_decode_text, out, e);
}

int store_org_list(struct store *st, struct org ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " ORG_COLUMNS " FROM org ORDER BY name", e);
	return sql_collect(q, sizeof **out, org_decode, org_drop, out, n, e);
}

int store_org_set_require_approval(struct store *st, long long id, bool on, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE org SET require_approval = ? WHERE id = ?", e);
	sql_bind_int(q, 1, on);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}

int store_org_add_received(struct store *st, struct org *org, struct err *e)
{
	return org_insert(st, org, "", true, e);
}

int store_org_pin(struct store *st, long long id, const char *public_key, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE org SET public_key = ? WHERE id = ? AND received_at IS NOT NULL", e);
	sql_bind_text(q, 1, public_key);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}

static void decode_id(struct sql_stmt *q, void *slot)
{
	*(long long *)slot = sql_int(q, 0);
}

int store_org_receivers(struct store *st, long long id, long long **ids, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(
		store_sql(st),
		"SELECT s.bank_id FROM share s JOIN submission su ON su.id = s.submission_id WHERE su.org_id = ?1"
		" UNION SELECT su.org_id FROM received_decision r JOIN submission su ON su.id = r.submission_id"
		" WHERE r.bank_id = ?1 ORDER BY 1",
		e);
	sql_bind_int(q, 1, id);
	return sql_collect(q, sizeof **ids, decode_id, NULL, ids, n, e);
}
