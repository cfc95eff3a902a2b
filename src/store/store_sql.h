/*
 * store_sql: the few things the store asks of a SQL database, so that the
 * queries in store_*.c are written once in portable SQL ("?" placeholders,
 * no backend-specific functions) and a PostgreSQL backend only has to
 * provide this interface again. Internal to src/store/.
 *
 * Connections and statements are opaque. A statement belongs to its
 * connection and must be finalised before the connection is closed.
 */
#ifndef SHINSA_STORE_SQL_H
#define SHINSA_STORE_SQL_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"

struct sql;
struct sql_stmt;

/* Opens (create: or creates) the SQLite database at path with WAL, foreign
 * keys and a busy timeout set. */
int sql_open(const char *path, bool create, struct sql **out, struct err *e);
void sql_close(struct sql *db);

/* Whether a table of that name exists (catalog lookups differ per backend). */
int sql_has_table(struct sql *db, const char *name, bool *out, struct err *e);

/* Runs one or more statements that return no rows. */
int sql_exec(struct sql *db, const char *sql, struct err *e);

/* NULL on error (e set). */
struct sql_stmt *sql_prepare(struct sql *db, const char *sql, struct err *e);
/* Placeholders count from 1. A NULL text binds SQL NULL. The text is copied.
 * A NULL statement (a failed sql_prepare, its error already in e) is
 * ignored, so a caller binds and hands it to a helper below unchecked. */
void sql_bind_text(struct sql_stmt *st, int i, const char *s);
void sql_bind_int(struct sql_stmt *st, int i, long long v);
/* Binds len bytes at data as a BLOB, not copied: they must live until the
 * statement is finalised (sql_run() does it). */
void sql_bind_blob(struct sql_stmt *st, int i, const void *data, size_t len);
/* 1: a row is ready; 0: done; -1: error (e set). */
int sql_step(struct sql_stmt *st, struct err *e);
/* Columns count from 0; the text lives until the next step or finalise.
 * NULL for SQL NULL. */
const char *sql_text(struct sql_stmt *st, int col);
long long sql_int(struct sql_stmt *st, int col);
/* The length in bytes of a text column: more than strlen(sql_text()) when
 * the value holds a NUL byte. */
size_t sql_bytes(struct sql_stmt *st, int col);
bool sql_is_null(struct sql_stmt *st, int col);
/* A BLOB column's bytes (until the next step or finalise) and their
 * length in *len. */
const void *sql_blob(struct sql_stmt *st, int col, size_t *len);
/* Accepts NULL. */
void sql_finalize(struct sql_stmt *st);

/* Runs a prepared statement that returns no rows, then finalises it. */
int sql_run(struct sql_stmt *st, struct err *e);

/*
 * The loops every store module needs, once. Each runs q (prepared and
 * bound), finalises it, and accepts a NULL q: that is -1, the error being
 * the one sql_prepare left in e. Only stepping and columns are used, so a
 * PostgreSQL backend provides these over its own cursor unchanged.
 *
 * A decoder reads the current row of q into the slot it is given: the
 * fields of a struct, or a pointer it sets to a new object it allocates.
 * A dropper frees what a decoder put in a slot (not the slot itself).
 */
typedef void (*sql_decode_fn)(struct sql_stmt *q, void *slot);
typedef void (*sql_drop_fn)(void *slot);

/* A decoder for a char * slot: a copy of the row's first column (NULL for
 * SQL NULL), which the caller frees; sql_drop_text frees it. */
void sql_decode_text(struct sql_stmt *q, void *slot);
void sql_drop_text(void *slot);

/* What sql_get_one and sql_write_one return besides -1: the numbers of
 * STORE_OK and STORE_NOT_FOUND (store.c checks they agree), so a store_*.c
 * passes them on as they are. Defined here because store.h sits above this
 * module: store.c uses it, so it must not include store.h back. */
#define SQL_FOUND 0
#define SQL_NOT_FOUND 1

/* Zeroes the size bytes at out, then decodes the first row of q into out:
 * SQL_FOUND; SQL_NOT_FOUND when q gives no row; -1 on error (e set). */
int sql_get_one(struct sql_stmt *q, size_t size, sql_decode_fn decode, void *out, struct err *e);

/*
 * Decodes every row of q into a new slot of size bytes (zeroed first) at the
 * end of a growing array. out is the address of the caller's array pointer
 * (a T ** for slots of type T; object pointers are alike, as POSIX has
 * them): it gets the array, which you own and free(), and *n its length,
 * NULL and 0 when there is no row. On error the slots decoded so far are
 * dropped and the array freed: NULL, 0 and -1.
 */
int sql_collect(struct sql_stmt *q, size_t size, sql_decode_fn decode, sql_drop_fn drop, void *out, size_t *n,
		struct err *e);

/*
 * Runs q, an INSERT or UPDATE that writes at most one row and ends in
 * "RETURNING" one integer column: SQL_FOUND with *id (id may be NULL) that
 * value; SQL_NOT_FOUND when no row was written (an UPDATE whose WHERE met
 * none, an INSERT ... ON CONFLICT DO NOTHING that met its conflict); -1 on
 * error. Both clauses are standard SQL that SQLite (3.35) and PostgreSQL
 * share, so an add of something unique decides a race in one statement.
 */
int sql_write_one(struct sql_stmt *q, long long *id, struct err *e);

#endif
