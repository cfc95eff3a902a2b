#include "store/store_criteria.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static int run_org(struct sql *db, const char *sql, long long org_id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(db, sql, e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, org_id);
	return sql_run(q, e);
}

static int put_items(struct sql *db, long long org_id, const struct mapping_row *row, struct err *e)
{
	for (size_t k = 0; k < row->n_items; k++) {
		struct sql_stmt *q = sql_prepare(db,
			"INSERT INTO criterion_item (org_id, key, seq, item_no) VALUES (?, ?, ?, ?)", e);
		if (!q)
			return -1;
		sql_bind_int(q, 1, org_id);
		sql_bind_text(q, 2, row->criterion);
		sql_bind_int(q, 3, (long long)k);
		sql_bind_int(q, 4, row->items[k]);
		if (sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

static int put_criterion(struct sql *db, const struct criteria_list *l, size_t i, struct err *e)
{
	const struct catalog_item *it = &l->cat->items[i];
	const struct mapping_row *row = &l->map->rows[i];
	struct sql_stmt *q = sql_prepare(db,
		"INSERT INTO criterion (org_id, key, seq, no, section, category, text, damaged, relation, note,"
		" changed_by, changed_at, note_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, l->org_id);
	sql_bind_text(q, 2, it->key);
	sql_bind_int(q, 3, (long long)i);
	sql_bind_int(q, 4, it->no);
	sql_bind_text(q, 5, it->section);
	sql_bind_text(q, 6, it->category);
	sql_bind_text(q, 7, it->text);
	sql_bind_int(q, 8, it->damaged);
	sql_bind_text(q, 9, relation_name(row->relation)); /* NULL: not mapped yet */
	sql_bind_text(q, 10, row->note);
	sql_bind_text(q, 11, row->changed_by);
	sql_bind_text(q, 12, row->changed_at);
	sql_bind_text(q, 13, row->note_en);
	if (sql_run(q, e) < 0)
		return -1;
	return put_items(db, l->org_id, row, e);
}

int store_criteria_put(struct store *st, const struct criteria_list *l, struct err *e)
{
	struct sql *db = store_sql(st);
	if (run_org(db, "DELETE FROM criterion_item WHERE org_id = ?", l->org_id, e) < 0 ||
	    run_org(db, "DELETE FROM criterion WHERE org_id = ?", l->org_id, e) < 0 ||
	    run_org(db, "DELETE FROM criteria_list WHERE org_id = ?", l->org_id, e) < 0)
		return -1;
	struct sql_stmt *q = sql_prepare(db,
		"INSERT INTO criteria_list (org_id, title, source, format, sha256, imported_at, imported_by, checklist_id)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, l->org_id);
	sql_bind_text(q, 2, l->title);
	sql_bind_text(q, 3, l->source);
	sql_bind_text(q, 4, l->format);
	sql_bind_text(q, 5, l->sha256);
	sql_bind_text(q, 6, l->imported_at);
	sql_bind_text(q, 7, l->imported_by);
	sql_bind_text(q, 8, l->checklist_id);
	if (sql_run(q, e) < 0)
		return -1;
	for (size_t i = 0; i < l->cat->n_items; i++)
		if (put_criterion(db, l, i, e) < 0)
			return -1;
	return 0;
}

static int get_criteria(struct sql *db, struct criteria_list *l, struct err *e)
{
	struct sql_stmt *q = sql_prepare(db,
		"SELECT key, no, section, category, text, damaged, relation, note, changed_by, changed_at, note_en"
		" FROM criterion WHERE org_id = ? ORDER BY seq", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, l->org_id);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		struct catalog_item *it = catalog_add_item(l->cat);
		it->key = xstrdup(sql_text(q, 0));
		it->no = (int)sql_int(q, 1);
		it->section = xstrdup(sql_text(q, 2));
		it->category = xstrdup(sql_text(q, 3));
		it->text = xstrdup(sql_text(q, 4));
		it->damaged = sql_int(q, 5) != 0;
		struct mapping_row *row = mapping_add_row(l->map, it->key, relation_parse(sql_text(q, 6)));
		free(row->note);
		row->note = xstrdup(sql_text(q, 7));
		row->changed_by = xstrdup(sql_text(q, 8));
		row->changed_at = xstrdup(sql_text(q, 9));
		free(row->note_en);
		row->note_en = xstrdup(sql_text(q, 10));
	}
	sql_finalize(q);
	if (rc < 0)
		return -1;
	/* The items of every row, in one query, in row order. */
	q = sql_prepare(db,
		"SELECT c.seq, i.item_no FROM criterion_item i JOIN criterion c ON c.org_id = i.org_id AND c.key = i.key"
		" WHERE i.org_id = ? ORDER BY c.seq, i.seq", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, l->org_id);
	while ((rc = sql_step(q, e)) == 1) {
		long long seq = sql_int(q, 0);
		if (seq >= 0 && (size_t)seq < l->map->n_rows)
			mapping_row_add_item(&l->map->rows[seq], (int)sql_int(q, 1));
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

static void list_decode(struct sql_stmt *q, void *slot)
{
	struct criteria_list *l = criteria_list_new();
	l->title = xstrdup(sql_text(q, 0));
	l->source = xstrdup(sql_text(q, 1));
	l->format = xstrdup(sql_text(q, 2));
	l->sha256 = xstrdup(sql_text(q, 3));
	l->imported_at = xstrdup(sql_text(q, 4));
	l->imported_by = xstrdup(sql_text(q, 5));
	l->checklist_id = xstrdup(sql_text(q, 6));
	l->map->checklist_id = xstrdup(l->checklist_id);
	*(struct criteria_list **)slot = l;
}

int store_criteria_get(struct store *st, long long org_id, struct criteria_list **out, struct err *e)
{
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"SELECT title, source, format, sha256, imported_at, imported_by, checklist_id FROM criteria_list"
		" WHERE org_id = ?", e);
	sql_bind_int(q, 1, org_id);
	int rc = sql_get_one(q, sizeof *out, list_decode, out, e);
	if (rc != STORE_OK)
		return rc;
	(*out)->org_id = org_id;
	if (get_criteria(db, *out, e) < 0) {
		criteria_list_free(*out);
		*out = NULL;
		return -1;
	}
	return STORE_OK;
}

int store_criteria_map(struct store *st, long long org_id, const struct mapping_row *row, struct err *e)
{
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"UPDATE criterion SET relation = ?, note = ?, changed_by = ?, changed_at = ?, note_en = ? WHERE org_id = ? AND key = ?"
		" RETURNING seq", e);
	sql_bind_text(q, 1, relation_name(row->relation));
	sql_bind_text(q, 2, row->note);
	sql_bind_text(q, 3, row->changed_by);
	sql_bind_text(q, 4, row->changed_at);
	sql_bind_text(q, 5, row->note_en);
	sql_bind_int(q, 6, org_id);
	sql_bind_text(q, 7, row->criterion);
	int rc = sql_write_one(q, NULL, e);
	if (rc != STORE_OK)
		return rc;
	struct sql_stmt *d = sql_prepare(db, "DELETE FROM criterion_item WHERE org_id = ? AND key = ?", e);
	if (!d)
		return -1;
	sql_bind_int(d, 1, org_id);
	sql_bind_text(d, 2, row->criterion);
	if (sql_run(d, e) < 0)
		return -1;
	return put_items(db, org_id, row, e);
}
