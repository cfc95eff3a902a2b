#include "store/store_catalog.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

/* The sha256 stored for an id, or NULL (you own it). */
static int stored_sha(struct store *st, const char *table, const char *id, char **out, struct err *e)
{
	/* table is one of our two literals, never user input. */
	const char *sql = strcmp(table, "catalog") == 0 ? "SELECT sha256 FROM catalog WHERE id = ?"
							  : "SELECT sha256 FROM mapping WHERE id = ?";
	struct sql_stmt *q = sql_prepare(store_sql(st), sql, e);
	sql_bind_text(q, 1, id);
	return sql_get_one(q, sizeof *out, sql_decode_text, out, e) < 0 ? -1 : 0;
}

/*
 * Decides between added, unchanged and conflict before any row is written.
 * Returns 1 when the rows are to be written (stamp then holds the time),
 * 0 when the same content is there already, -1 on a conflict or error.
 */
static int begin_put(struct store *st, const char *what, const char *id, const char *sha, enum store_put *result,
		     char stamp[CLOCK_TEXT_SIZE], struct err *e)
{
	char *old;
	if (stored_sha(st, what, id, &old, e) < 0)
		return -1;
	*result = old ? STORE_PUT_UNCHANGED : STORE_PUT_ADDED;
	if (old && strcmp(old, sha) != 0) {
		err_set(e, "%s %s: the database holds different content under this id (a published %s never changes: give the new version a new id)",
			what, id, what);
		free(old);
		return -1;
	}
	free(old);
	if (*result == STORE_PUT_UNCHANGED)
		return 0;
	return clock_stamp(stamp, e) < 0 ? -1 : 1;
}

static int put_item(struct sql *db, const struct catalog *cat, size_t seq, struct err *e)
{
	const struct catalog_item *it = &cat->items[seq];
	struct sql_stmt *q = sql_prepare(db,
		"INSERT INTO catalog_item (catalog_id, key, seq, no, section, category, text, party, notes, damaged)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, cat->id);
	sql_bind_text(q, 2, it->key);
	sql_bind_int(q, 3, (long long)seq);
	if (it->no)
		sql_bind_int(q, 4, it->no);
	sql_bind_text(q, 5, it->section);
	sql_bind_text(q, 6, it->category);
	sql_bind_text(q, 7, it->text);
	sql_bind_text(q, 8, party_name(it->party));
	sql_bind_text(q, 9, it->notes);
	sql_bind_int(q, 10, it->damaged);
	if (sql_run(q, e) < 0)
		return -1;
	for (size_t r = 0; r < it->n_refs; r++) {
		q = sql_prepare(db, "INSERT INTO catalog_ref (catalog_id, item_key, seq, doc) VALUES (?, ?, ?, ?)", e);
		if (!q)
			return -1;
		sql_bind_text(q, 1, cat->id);
		sql_bind_text(q, 2, it->key);
		sql_bind_int(q, 3, (long long)r);
		sql_bind_text(q, 4, it->refs[r].doc);
		if (sql_run(q, e) < 0)
			return -1;
		for (size_t c = 0; c < it->refs[r].n_clauses; c++) {
			q = sql_prepare(db, "INSERT INTO catalog_clause (catalog_id, item_key, ref_seq, seq, clause)"
					    " VALUES (?, ?, ?, ?, ?)", e);
			if (!q)
				return -1;
			sql_bind_text(q, 1, cat->id);
			sql_bind_text(q, 2, it->key);
			sql_bind_int(q, 3, (long long)r);
			sql_bind_int(q, 4, (long long)c);
			sql_bind_text(q, 5, it->refs[r].clauses[c]);
			if (sql_run(q, e) < 0)
				return -1;
		}
	}
	return 0;
}

int store_catalog_put(struct store *st, const struct catalog *cat, enum store_put *result, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	int rc = begin_put(st, "catalog", cat->id, cat->sha256, result, stamp, e);
	if (rc <= 0)
		return rc;
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"INSERT INTO catalog (id, kind, title, publisher, date, source, sha256, loaded_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, cat->id);
	sql_bind_text(q, 2, catalog_kind_name(cat->kind));
	sql_bind_text(q, 3, cat->title);
	sql_bind_text(q, 4, cat->publisher);
	sql_bind_text(q, 5, cat->date);
	sql_bind_text(q, 6, cat->source);
	sql_bind_text(q, 7, cat->sha256);
	sql_bind_text(q, 8, stamp);
	if (sql_run(q, e) < 0)
		goto fail;
	for (size_t i = 0; i < cat->n_items; i++)
		if (put_item(db, cat, i, e) < 0)
			goto fail;
	return 0;
fail:
	err_prefix(e, "cannot store catalog %s", cat->id);
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int load_refs(struct sql *db, struct catalog *cat, struct err *e)
{
	struct sql_stmt *q = sql_prepare(db,
		"SELECT r.item_key, r.seq, r.doc, c.clause FROM catalog_ref r"
		" LEFT JOIN catalog_clause c ON c.catalog_id = r.catalog_id AND c.item_key = r.item_key AND c.ref_seq = r.seq"
		" WHERE r.catalog_id = ? ORDER BY r.item_key, r.seq, c.seq", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, cat->id);
	int rc;
	struct catalog_ref *ref = NULL;
	const char *last_key = NULL;
	long long last_seq = -1;
	while ((rc = sql_step(q, e)) == 1) {
		const char *key = sql_text(q, 0);
		struct catalog_item *it = (struct catalog_item *)catalog_find_key(cat, key);
		if (!it)
			continue; /* cannot happen: the foreign key holds */
		if (!ref || strcmp(last_key, it->key) != 0 || last_seq != sql_int(q, 1)) {
			ref = catalog_item_add_ref(it, sql_text(q, 2));
			last_key = it->key;
			last_seq = sql_int(q, 1);
		}
		if (!sql_is_null(q, 3))
			catalog_ref_add_clause(ref, sql_text(q, 3));
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

static int load_items(struct sql *db, struct catalog *cat, struct err *e)
{
	struct sql_stmt *q = sql_prepare(db,
		"SELECT key, no, section, category, text, party, notes, damaged FROM catalog_item"
		" WHERE catalog_id = ? ORDER BY seq", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, cat->id);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		struct catalog_item *it = catalog_add_item(cat);
		it->key = xstrdup(sql_text(q, 0));
		it->no = sql_is_null(q, 1) ? 0 : (int)sql_int(q, 1);
		it->section = dup_or_null(sql_text(q, 2));
		it->category = xstrdup(sql_text(q, 3));
		it->text = dup_or_null(sql_text(q, 4));
		it->party = party_parse(sql_text(q, 5));
		free(it->notes);
		it->notes = xstrdup(sql_text(q, 6));
		it->damaged = sql_int(q, 7) != 0;
	}
	sql_finalize(q);
	return rc < 0 ? -1 : load_refs(db, cat, e);
}

static void catalog_decode(struct sql_stmt *q, void *slot)
{
	struct catalog *cat = catalog_new(catalog_kind_parse(sql_text(q, 1)));
	cat->id = xstrdup(sql_text(q, 0));
	cat->title = xstrdup(sql_text(q, 2));
	cat->publisher = dup_or_null(sql_text(q, 3));
	cat->date = dup_or_null(sql_text(q, 4));
	cat->source = dup_or_null(sql_text(q, 5));
	cat->sha256 = xstrdup(sql_text(q, 6));
	*(struct catalog **)slot = cat;
}

int store_catalog_get(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"SELECT id, kind, title, publisher, date, source, sha256 FROM catalog WHERE id = ?", e);
	sql_bind_text(q, 1, id);
	int rc = sql_get_one(q, sizeof *out, catalog_decode, out, e);
	if (rc == STORE_OK && load_items(db, *out, e) < 0) {
		catalog_free(*out);
		*out = NULL;
		return -1;
	}
	return rc;
}

int store_catalog_list(struct store *st, struct catalog ***out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT id FROM catalog ORDER BY id", e);
	char **ids;
	size_t count;
	int rc = sql_collect(q, sizeof *ids, sql_decode_text, sql_drop_text, &ids, &count, e);
	struct catalog **cats = xcalloc(count, sizeof *cats);
	for (size_t i = 0; rc == 0 && i < count; i++)
		if (store_catalog_get(st, ids[i], &cats[i], e) != STORE_OK)
			rc = -1;
	for (size_t i = 0; i < count; i++)
		free(ids[i]);
	free(ids);
	if (rc < 0) {
		for (size_t i = 0; i < count; i++)
			catalog_free(cats[i]);
		free(cats);
		return -1;
	}
	*out = cats;
	*n = count;
	return 0;
}

int store_mapping_put(struct store *st, const struct mapping *m, enum store_put *result, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	int rc = begin_put(st, "mapping", m->id, m->sha256, result, stamp, e);
	if (rc <= 0)
		return rc;
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"INSERT INTO mapping (id, criteria_id, checklist_id, source, sha256, loaded_at) VALUES (?, ?, ?, ?, ?, ?)", e);
	if (!q)
		goto fail;
	sql_bind_text(q, 1, m->id);
	sql_bind_text(q, 2, m->criteria_id);
	sql_bind_text(q, 3, m->checklist_id);
	sql_bind_text(q, 4, m->source);
	sql_bind_text(q, 5, m->sha256);
	sql_bind_text(q, 6, stamp);
	if (sql_run(q, e) < 0)
		goto fail;
	for (size_t r = 0; r < m->n_rows; r++) {
		const struct mapping_row *row = &m->rows[r];
		q = sql_prepare(db, "INSERT INTO mapping_row (mapping_id, seq, criteria_id, criterion_key, relation, note, note_en)"
				    " VALUES (?, ?, ?, ?, ?, ?, ?)", e);
		if (!q)
			goto fail;
		sql_bind_text(q, 1, m->id);
		sql_bind_int(q, 2, (long long)r);
		sql_bind_text(q, 3, m->criteria_id);
		sql_bind_text(q, 4, row->criterion);
		sql_bind_text(q, 5, relation_name(row->relation));
		sql_bind_text(q, 6, row->note);
		sql_bind_text(q, 7, row->note_en);
		if (sql_run(q, e) < 0)
			goto fail;
		for (size_t i = 0; i < row->n_items; i++) {
			/* The file names items by 通番; the database by key, which
			 * survives a renumbering. */
			q = sql_prepare(db, "INSERT INTO mapping_item (mapping_id, row_seq, seq, checklist_id, item_key)"
					    " SELECT ?, ?, ?, catalog_id, key FROM catalog_item WHERE catalog_id = ? AND no = ?", e);
			if (!q)
				goto fail;
			sql_bind_text(q, 1, m->id);
			sql_bind_int(q, 2, (long long)r);
			sql_bind_int(q, 3, (long long)i);
			sql_bind_text(q, 4, m->checklist_id);
			sql_bind_int(q, 5, row->items[i]);
			if (sql_run(q, e) < 0)
				goto fail;
		}
	}
	return 0;
fail:
	err_prefix(e, "cannot store mapping %s", m->id);
	return -1;
}

static void mapping_decode(struct sql_stmt *q, void *slot)
{
	struct mapping *m = mapping_new();
	m->id = xstrdup(sql_text(q, 0));
	m->source = dup_or_null(sql_text(q, 1));
	m->sha256 = xstrdup(sql_text(q, 2));
	*(struct mapping **)slot = m;
}

int store_mapping_get(struct store *st, const char *criteria_id, const char *checklist_id, struct mapping **out,
		      struct err *e)
{
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"SELECT id, source, sha256 FROM mapping WHERE criteria_id = ? AND checklist_id = ?", e);
	sql_bind_text(q, 1, criteria_id);
	sql_bind_text(q, 2, checklist_id);
	int rc = sql_get_one(q, sizeof *out, mapping_decode, out, e);
	if (rc != STORE_OK)
		return rc;
	struct mapping *m = *out;
	*out = NULL;
	m->criteria_id = xstrdup(criteria_id);
	m->checklist_id = xstrdup(checklist_id);

	q = sql_prepare(db,
		"SELECT r.seq, r.criterion_key, r.relation, r.note, ci.no, r.note_en FROM mapping_row r"
		" LEFT JOIN mapping_item mi ON mi.mapping_id = r.mapping_id AND mi.row_seq = r.seq"
		" LEFT JOIN catalog_item ci ON ci.catalog_id = mi.checklist_id AND ci.key = mi.item_key"
		" WHERE r.mapping_id = ? ORDER BY r.seq, mi.seq", e);
	if (!q) {
		mapping_free(m);
		return -1;
	}
	sql_bind_text(q, 1, m->id);
	struct mapping_row *row = NULL;
	long long last = -1;
	while ((rc = sql_step(q, e)) == 1) {
		if (!row || sql_int(q, 0) != last) {
			row = mapping_add_row(m, sql_text(q, 1), relation_parse(sql_text(q, 2)));
			free(row->note);
			row->note = xstrdup(sql_text(q, 3));
			free(row->note_en);
			row->note_en = xstrdup(sql_text(q, 5));
			last = sql_int(q, 0);
		}
		if (!sql_is_null(q, 4))
			mapping_row_add_item(row, (int)sql_int(q, 4));
	}
	sql_finalize(q);
	if (rc < 0) {
		mapping_free(m);
		return -1;
	}
	*out = m;
	return STORE_OK;
}
