#include "store/store_sql.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct sql {
	sqlite3 *db;
};

struct sql_stmt {
	struct sql *db;
	sqlite3_stmt *st;
};

int sql_open(const char *path, bool create, struct sql **out, struct err *e)
{
	sqlite3 *db = NULL;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
	*out = NULL;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		err_set(e, "cannot open database %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, 5000);
	struct sql *s = xcalloc(1, sizeof *s);
	s->db = db;
	/* WAL lets readers go on while one writer commits; foreign keys are off
	 * in SQLite unless asked for on every connection. */
	if (sql_exec(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", e) < 0) {
		err_prefix(e, "cannot open database %s", path);
		sql_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

void sql_close(struct sql *db)
{
	if (!db)
		return;
	sqlite3_close(db->db);
	free(db);
}

int sql_exec(struct sql *db, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(db->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, "%s", msg ? msg : sqlite3_errmsg(db->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int sql_has_table(struct sql *db, const char *name, bool *out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, name);
	int rc = sql_step(q, e);
	*out = rc == 1 && sql_int(q, 0) > 0;
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

struct sql_stmt *sql_prepare(struct sql *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->db, sql, -1, &st, NULL) != SQLITE_OK) {
		err_set(e, "%s", sqlite3_errmsg(db->db));
		return NULL;
	}
	struct sql_stmt *s = xcalloc(1, sizeof *s);
	s->db = db;
	s->st = st;
	return s;
}

/* Bind errors can only be a wrong index or type: a bug in our SQL, which
 * the next step reports. */
void sql_bind_text(struct sql_stmt *st, int i, const char *s)
{
	if (!st)
		return;
	if (s)
		sqlite3_bind_text(st->st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, i);
}

void sql_bind_blob(struct sql_stmt *st, int i, const void *data, size_t len)
{
	if (st) /* SQLITE_STATIC: the caller's bytes outlive the statement, and 20 MiB is not copied */
		sqlite3_bind_blob64(st->st, i, len ? data : "", len, SQLITE_STATIC);
}

void sql_bind_int(struct sql_stmt *st, int i, long long v)
{
	if (!st)
		return;
	sqlite3_bind_int64(st->st, i, v);
}

int sql_step(struct sql_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	err_set(e, "%s", sqlite3_errmsg(st->db->db));
	return -1;
}

const char *sql_text(struct sql_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

long long sql_int(struct sql_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

size_t sql_bytes(struct sql_stmt *st, int col)
{
	/* After sql_text(), as SQLite asks, so the count is of the UTF-8 text. */
	sqlite3_column_text(st->st, col);
	return (size_t)sqlite3_column_bytes(st->st, col);
}

const void *sql_blob(struct sql_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(st->st, col);
	*len = (size_t)sqlite3_column_bytes(st->st, col);
	return p;
}

bool sql_is_null(struct sql_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

void sql_finalize(struct sql_stmt *st)
{
	if (!st)
		return;
	sqlite3_finalize(st->st);
	free(st);
}

int sql_run(struct sql_stmt *st, struct err *e)
{
	int rc = sql_step(st, e);
	sql_finalize(st);
	return rc < 0 ? -1 : 0;
}

void sql_decode_text(struct sql_stmt *q, void *slot)
{
	*(char **)slot = xstrdup(sql_text(q, 0));
}

void sql_drop_text(void *slot)
{
	free(*(char **)slot);
}

int sql_get_one(struct sql_stmt *q, size_t size, sql_decode_fn decode, void *out, struct err *e)
{
	memset(out, 0, size);
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc == 1)
		decode(q, out);
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? SQL_FOUND : SQL_NOT_FOUND;
}

int sql_collect(struct sql_stmt *q, size_t size, sql_decode_fn decode, sql_drop_fn drop, void *out, size_t *n,
		struct err *e)
{
	char *items = NULL;
	size_t count = 0, cap = 0;
	int rc = -1;
	while (q && (rc = sql_step(q, e)) == 1) {
		if (count == cap) {
			cap = cap ? 2 * cap : 8;
			items = xrealloc(items, cap * size);
		}
		char *slot = items + count++ * size;
		memset(slot, 0, size);
		decode(q, slot);
	}
	sql_finalize(q);
	if (rc < 0) {
		for (size_t i = 0; drop && i < count; i++)
			drop(items + i * size);
		free(items);
		items = NULL;
		count = 0;
	}
	memcpy(out, &items, sizeof items);
	*n = count;
	return rc < 0 ? -1 : 0;
}

int sql_write_one(struct sql_stmt *q, long long *id, struct err *e)
{
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc == 1 && id)
		*id = sql_int(q, 0);
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? SQL_FOUND : SQL_NOT_FOUND;
}
