/*
 * audit_log: appending an event to the audit trail, for every front end.
 *
 * The command line passes its "cli:USER" actor (cli_audit), the web the
 * signed-in user's email. Details are a JSON object the caller builds
 * (still the caller's; NULL for none), stored as canonical JSON so the
 * hash rule of core/audit.h has one spelling to hash.
 */
#ifndef SHINSA_SERVICE_AUDIT_LOG_H
#define SHINSA_SERVICE_AUDIT_LOG_H

#include <jansson.h>
#include <stdarg.h>

#include "core/audit.h"
#include "store/store.h"

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

#endif
