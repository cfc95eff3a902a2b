/*
 * store: the one interface to persistence. Callers never see SQL.
 *
 * A store is an opaque handle on one database. Today that is SQLite (a file
 * path); the queries behind this header are portable SQL over store_sql.h,
 * so a PostgreSQL backend can be added without touching any caller.
 *
 * Return values: 0 (STORE_OK) on success, STORE_NOT_FOUND where a lookup
 * finds nothing, -1 on error with e set to one line for people.
 *
 * This header holds only what every part of the store shares; each
 * store_*.h declares its own tables' functions, and a caller includes the
 * ones it uses (no umbrella: store_*.c include this header).
 */
#ifndef SHINSA_STORE_H
#define SHINSA_STORE_H

#include <stdbool.h>

#include "lib/err.h"

#define STORE_OK 0
#define STORE_NOT_FOUND 1

struct store;

enum store_mode {
	STORE_EXISTING, /* the database must exist and have the current schema */
	STORE_CREATE,   /* create the file if missing; for `shinsa init` */
};

/*
 * Opens the database at path. With STORE_EXISTING a missing file or an old
 * schema is an error that tells the user to run `shinsa init`. You own *out
 * and close it with store_close().
 */
int store_open(const char *path, enum store_mode mode, struct store **out, struct err *e);
/* Accepts NULL. Rolls back an open transaction. */
void store_close(struct store *st);

/*
 * Applies the numbered schema migrations the database lacks, each in its own
 * transaction. *from and *to (either may be NULL) get the schema version
 * before and after.
 */
int store_migrate(struct store *st, int *from, int *to, struct err *e);
/* The newest schema version this build knows. */
int store_schema_latest(void);

/* Multi-step writes go between these. store_rollback() accepts a store
 * with no open transaction. */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);
/* Whether a transaction from store_begin() is open. */
bool store_in_tx(const struct store *st);

/* For the store_*.c modules only. */
struct sql *store_sql(struct store *st);

#endif
