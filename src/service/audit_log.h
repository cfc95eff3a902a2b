/*
 * audit_log: appending an event to the audit trail, for every front end.
 *
 * The command line passes its "cli:USER" actor (cli_audit_actor), the web the
 * signed-in user's email. Details are a JSON object the caller builds
 * (still the caller's; NULL for none), stored as canonical JSON so the
 * hash rule of core/audit.h has one spelling to hash.
 */
#ifndef SHINSA_SERVICE_AUDIT_LOG_H
#define SHINSA_SERVICE_AUDIT_LOG_H

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>

#include "core/audit.h"
#include "store/store.h"
#include "store/store_audit.h"

/*
 * Appends an event by actor for organisation org_id (0: none), the object
 * made from fmt ("submission:%lld"). Call it inside the transaction of the
 * change it records, so that both land or neither does. 0, or -1 with e set
 * (an object longer than AUDIT_OBJECT_MAX, a store error).
 */
int audit_log(struct store *st, const char *actor, long long org_id, enum audit_action action, json_t *details,
	      struct err *e, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
int audit_log_v(struct store *st, const char *actor, long long org_id, enum audit_action action, json_t *details,
		struct err *e, const char *fmt, va_list ap) __attribute__((format(printf, 7, 0)));

/*
 * Details that grow with the input (an import's changed items) may not fit
 * an event. Such a caller builds them whole, asks audit_log_fits(), and
 * when they do not fit logs a summary instead: counts, and the item numbers
 * as audit_log_ranges() writes them. The limit stays where it is: it keeps
 * every event readable on one screen of `audit list` and cheap to hash.
 */

/* Whether details, as audit_log() would store them, are at most
 * AUDIT_DETAILS_MAX bytes. */
bool audit_log_fits(const json_t *details);

/* The bytes audit_log_ranges() writes at most. */
#define AUDIT_RANGES_MAX 8192

/*
 * The n numbers nos as ranges of consecutive numbers in the order given,
 * "1-3,7,9-12", as a new JSON string (yours). Past AUDIT_RANGES_MAX bytes
 * the ranges that do not fit are left out and the text ends with ",...".
 */
json_t *audit_log_ranges(const int *nos, size_t n);

/* The most events a page of GET /api/v1/audit gives at once, and the most
 * a CSV download holds (audit_log_list() takes up to one more, to tell). */
#define AUDIT_LOG_LIST_MAX 10000
#define AUDIT_LOG_EXPORT_MAX 100000

/*
 * Reading the trail, for `shinsa audit list`, GET /api/v1/audit and
 * `shinsa audit verify`: as store/store_audit.h's store_audit_list()
 * (org_id's events, 0 for all, those filter takes (NULL: all), newest
 * first before id `before` (0: from the
 * newest), at most limit; the array and events are yours) and
 * store_audit_walk() (every event in order, to fn). 0, or -1 with e set.
 */
int audit_log_list(struct store *st, long long org_id, const struct store_audit_filter *filter, long long before,
		   size_t limit, struct audit_event ***out, size_t *n, struct err *e);
int audit_log_walk(struct store *st, int (*fn)(const struct audit_event *ev, void *arg), void *arg, struct err *e);

#endif
