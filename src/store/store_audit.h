/*
 * store_audit: the audit trail (core/audit.h), append-only. Included by
 * store.h; callers include store.h.
 *
 * Appending reads the last event's seq and hash and inserts the next one;
 * the two must happen under one write lock, or two writers would both chain
 * onto the same event. In SQLite store_begin() is BEGIN IMMEDIATE, which
 * takes the database's write lock at once, so appends are serialised. A
 * PostgreSQL backend must take a lock of its own in the same transaction
 * before reading the last event (LOCK TABLE audit_event IN SHARE ROW
 * EXCLUSIVE MODE, or a transaction-scoped advisory lock): its default READ
 * COMMITTED isolation would otherwise let two transactions read the same
 * last hash, and the UNIQUE hash and PRIMARY KEY seq would make one of them
 * fail rather than queue.
 *
 * The database refuses UPDATE and DELETE on audit_event (triggers). Someone
 * with the file can drop the triggers; the hash chain is what shows it.
 */
#ifndef SHINSA_STORE_AUDIT_H
#define SHINSA_STORE_AUDIT_H

#include <stddef.h>

#include "core/audit.h"
#include "lib/err.h"

struct store;

/*
 * Appends ev (actor, org_id, action, object and details set, as
 * audit_event_new makes it) and sets its seq, at, prev_hash and hash.
 * Inside the caller's transaction when one is open — the event then
 * commits or rolls back with the change it records — else in a
 * transaction of its own. An event audit_event_check refuses is an error.
 */
int store_audit_append(struct store *st, struct audit_event *ev, struct err *e);

/* The most events store_audit_list returns at once: a page of the API
 * (10,000) or, one more than the CSV download takes (100,000), to tell
 * that a download would be cut. */
#define STORE_AUDIT_LIST_MAX 100001

/*
 * Which events a listing takes; NULL members (or a NULL filter) take all.
 * actor and object match as parts of the text ("alice" finds
 * alice@bank.example), action exactly; from and to are clock_stamp()
 * times, from inclusive and to exclusive (a JST day's bounds in UTC).
 */
struct store_audit_filter {
	const char *actor;
	const char *action;
	const char *object;
	const char *from;
	const char *to;
};

/*
 * Newest first: the events of organisation org_id (0: every event) that
 * filter takes (NULL: all), only those with seq below before (0: from the
 * newest), at most limit (1 to STORE_AUDIT_LIST_MAX). Events have org_name
 * set. You own the array and each event. The next page starts before the
 * last seq returned.
 */
int store_audit_list(struct store *st, long long org_id, const struct store_audit_filter *filter, long long before,
		     size_t limit, struct audit_event ***out, size_t *n, struct err *e);

/*
 * Calls fn for every event in seq order, one at a time (the event is fn's
 * to read only during the call; memory stays flat however long the trail).
 * Stops at the first non-zero return of fn and returns it; else 0, or -1
 * with e set if the database fails.
 */
int store_audit_walk(struct store *st, int (*fn)(const struct audit_event *ev, void *arg), void *arg, struct err *e);

#endif
