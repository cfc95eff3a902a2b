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
/* Placeholders count from 1. A NULL text binds SQL NULL. The text is copied. */
void sql_bind_text(struct sql_stmt *st, int i, const char *s);
void sql_bind_int(struct sql_stmt *st, int i, long long v);
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
/* Accepts NULL. */
void sql_finalize(struct sql_stmt *st);

/* Runs a prepared statement that returns no rows, then finalises it. */
int sql_run(struct sql_stmt *st, struct err *e);

#endif
