/*
 * store_backup: a copy of the whole database, and checking one. Included by
 * store.h; callers include store.h.
 *
 * This is SQLite's side of `shinsa backup` and `shinsa restore`; the
 * PostgreSQL backend (a later issue) will have its own procedure
 * (pg_dump), not these.
 */
#ifndef SHINSA_STORE_BACKUP_H
#define SHINSA_STORE_BACKUP_H

#include "lib/err.h"

struct store;

/*
 * Writes a consistent copy of the database to path, a new file (or an empty
 * one), while other connections go on reading and writing. Not inside a
 * transaction of st. The copy is flushed to disk. 0, or -1 with e set.
 */
int store_copy_into(struct store *st, const char *path, struct err *e);

/*
 * Checks every page and index of the database (SQLite's integrity_check).
 * 0, or -1 with e set: "the database is damaged: FIRST PROBLEM", or the
 * store's error.
 */
int store_check_intact(struct store *st, struct err *e);

#endif
