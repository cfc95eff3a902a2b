/*
 * dbcache: one open store per server thread, reused request after request.
 *
 * Opening the database costs about 0.75 ms (measured: store_open then
 * store_close of an initialised database, 2,000 times, on the development
 * machine: the file check, SQLite's open, the WAL and foreign-key pragmas
 * and the schema check), several times what a simple read takes, so the
 * server does not open one per request. A store is not shared between
 * threads: each server thread handles one request at a time, so a store
 * kept per thread is used by one request at a time.
 *
 * The store belongs to the thread: callers never close it. It is closed
 * when the thread ends (a pthread key destructor) or by dbcache_drop().
 */
#ifndef SHINSA_WEB_DBCACHE_H
#define SHINSA_WEB_DBCACHE_H

#include "lib/err.h"
#include "store/store.h"

/*
 * This thread's store on the database at path, opened (STORE_EXISTING) the
 * first time or when path differs from the one it has. 0 and *out, or -1
 * with e set (nothing is cached then, so the next call tries again).
 */
int dbcache_get(const char *path, struct store **out, struct err *e);

/* After each request: rolls back a transaction a handler left open. */
void dbcache_done(void);

/* Closes this thread's store, if any. */
void dbcache_drop(void);

#endif
