#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store_sql.h"

int store_org_add(struct store *st, struct org *org, const char *sealed_key, struct err *e)
{
	struct org *existing;
	int rc = store_org_get(st, org->name, &existing, e);
	org_free(existing);
	if (rc < 0)
		return -1;
	if (rc == STORE_OK) {
		err_set(e, "an organisation named \"%s\" already exists", org->name);
		return -1;
	}
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	free(org->created_at);
	org->created_at = xstrdup(stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO org (kind, name, reg_no, public_key, sealed_key, created_at) VALUES (?, ?, ?, ?, ?, ?)"
		" RETURNING id", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, org_kind_name(org->kind));
	sql_bind_text(q, 2, org->name);
	sql_bind_text(q, 3, org->reg_no);
	sql_bind_text(q, 4, org->public_key);
	sql_bind_text(q, 5, sealed_key);
	sql_bind_text(q, 6, org->created_at);
	rc = sql_step(q, e);
	if (rc == 1)
		org->id = sql_int(q, 0);
	sql_finalize(q);
	return rc == 1 ? 0 : -1;
}

static struct org *org_from_row(struct sql_stmt *q)
{
	struct org *org = org_new();
	org->id = sql_int(q, 0);
	org->kind = org_kind_parse(sql_text(q, 1));
	org->name = xstrdup(sql_text(q, 2));
	org->reg_no = sql_is_null(q, 3) ? NULL : xstrdup(sql_text(q, 3));
	org->public_key = xstrdup(sql_text(q, 4));
	org->created_at = xstrdup(sql_text(q, 5));
	return org;
}

#define ORG_COLUMNS "id, kind, name, reg_no, public_key, created_at"

/* One org by the query sql, whose one "?" is name, else id. */
static int get_one(struct store *st, const char *sql, const char *name, long long id, struct org **out,
		   struct err *e)
{
	*out = NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st), sql, e);
	if (!q)
		return -1;
	if (name)
		sql_bind_text(q, 1, name);
	else
		sql_bind_int(q, 1, id);
	int rc = sql_step(q, e);
	if (rc == 1)
		*out = org_from_row(q);
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? STORE_OK : STORE_NOT_FOUND;
}

int store_org_get(struct store *st, const char *name, struct org **out, struct err *e)
{
	return get_one(st, "SELECT " ORG_COLUMNS " FROM org WHERE name = ?", name, 0, out, e);
}

int store_org_get_id(struct store *st, long long id, struct org **out, struct err *e)
{
	return get_one(st, "SELECT " ORG_COLUMNS " FROM org WHERE id = ?", NULL, id, out, e);
}

int store_org_sealed_key(struct store *st, long long id, char **out, struct err *e)
{
	*out = NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT sealed_key FROM org WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, id);
	int rc = sql_step(q, e);
	if (rc == 1)
		*out = xstrdup(sql_text(q, 0));
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? STORE_OK : STORE_NOT_FOUND;
}

int store_org_list(struct store *st, struct org ***out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " ORG_COLUMNS " FROM org ORDER BY name", e);
	if (!q)
		return -1;
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = org_from_row(q);
	}
	sql_finalize(q);
	if (rc < 0) {
		for (size_t i = 0; i < *n; i++)
			org_free((*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
