/*
 * cli_audit: how the command line writes to the audit trail.
 *
 * The command line has no login: whoever can run it can read and write the
 * database file. So its actor is what the operating system says about who
 * ran it: "cli:" + the name of the effective user (getpwuid(geteuid())),
 * e.g. "cli:alice", or "cli:uid=1001" for an account without a name. Web
 * requests record the user's email instead, so the two never look alike
 * (an email has an "@", a CLI actor starts "cli:").
 */
#ifndef SHINSA_CLI_AUDIT_H
#define SHINSA_CLI_AUDIT_H

#include <jansson.h>

#include "core/audit.h"
#include "store/store.h"

/* The command line's actor as above; you own it. */
char *cli_audit_actor(void);

/*
 * Appends an event by the command line's actor for organisation org_id (0:
 * none) with details (still yours; NULL for none) written as
 * canonical JSON and the object made from fmt ("submission:%lld"). Call it
 * inside the transaction of the change it records, so that both land or
 * neither does.
 */
int cli_audit(struct store *st, long long org_id, enum audit_action action, json_t *details, struct err *e,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
