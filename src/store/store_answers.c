#include "store/store_answers.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static int set_id(struct store *st, const struct org *org, const char *catalog_id, bool create, const char *stamp,
		  long long *id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT id FROM answer_set WHERE org_id = ? AND catalog_id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org->id);
	sql_bind_text(q, 2, catalog_id);
	int rc = sql_step(q, e);
	*id = rc == 1 ? sql_int(q, 0) : 0;
	sql_finalize(q);
	if (rc != 0 || !create)
		return rc < 0 ? -1 : 0;
	q = sql_prepare(store_sql(st),
		"INSERT INTO answer_set (org_id, catalog_id, updated_at) VALUES (?, ?, ?) RETURNING id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org->id);
	sql_bind_text(q, 2, catalog_id);
	sql_bind_text(q, 3, stamp);
	rc = sql_step(q, e);
	if (rc == 1)
		*id = sql_int(q, 0);
	sql_finalize(q);
	return rc == 1 ? 0 : -1;
}

int store_answers_get(struct store *st, const struct org *org, const struct catalog *cat, struct answer_set **out,
		      struct err *e)
{
	*out = NULL;
	long long id;
	if (set_id(st, org, cat->id, false, NULL, &id, e) < 0)
		return -1;
	struct answer_set *set = answer_set_new(org->name, cat);
	if (!id) {
		*out = set;
		return 0;
	}
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT item_key, status, current, issues, plan, plan_due, notes FROM answer WHERE answer_set_id = ?", e);
	if (!q) {
		answer_set_free(set);
		return -1;
	}
	sql_bind_int(q, 1, id);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		const struct catalog_item *it = catalog_find_key(cat, sql_text(q, 0));
		struct answer *a = it ? answer_set_find(set, it->no) : NULL;
		if (!a)
			continue; /* cannot happen: the foreign key holds */
		if (!sql_is_null(q, 1))
			answer_status_parse(sql_text(q, 1), &a->status);
		for (int f = FIELD_CURRENT; f < ANSWER_NFIELDS; f++) {
			const char *v = sql_text(q, f + 1);
			answer_load_field(a, (enum answer_field)f, v ? v : "", NULL);
		}
	}
	sql_finalize(q);
	if (rc < 0) {
		answer_set_free(set);
		return -1;
	}
	*out = set;
	return 0;
}

int store_answer_put(struct store *st, const struct org *org, const struct catalog *cat, const struct answer *a,
		     struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	long long id;
	if (clock_stamp(stamp, e) < 0 || set_id(st, org, cat->id, true, stamp, &id, e) < 0)
		return -1;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO answer (answer_set_id, catalog_id, item_key, status, current, issues, plan, plan_due, notes,"
		" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (answer_set_id, item_key) DO UPDATE SET status = excluded.status,"
		" current = excluded.current, issues = excluded.issues, plan = excluded.plan,"
		" plan_due = excluded.plan_due, notes = excluded.notes, updated_at = excluded.updated_at", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, id);
	sql_bind_text(q, 2, cat->id);
	sql_bind_text(q, 3, a->item_key);
	sql_bind_text(q, 4, answer_status_name(a->status));
	sql_bind_text(q, 5, a->current);
	sql_bind_text(q, 6, a->issues);
	sql_bind_text(q, 7, a->plan);
	sql_bind_text(q, 8, a->plan_due);
	sql_bind_text(q, 9, a->notes);
	sql_bind_text(q, 10, stamp);
	if (sql_run(q, e) < 0)
		return -1;
	q = sql_prepare(store_sql(st), "UPDATE answer_set SET updated_at = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, stamp);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}
