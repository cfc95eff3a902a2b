/*
 * share: a connector's consent that one bank may read one submission — and
 * the rule that says when that consent is in force.
 *
 * A share is made by the connector that owns the submission, for one bank,
 * until an expiry (or until revoked); revoking ends it at once and for good.
 * A bank may read a submission only through a share in force (service/
 * shares.h): not revoked, and no expiry or an expiry after now. A share is
 * never deleted: it and every read made through it (struct share_access)
 * stay as the connector's record of what was seen by whom.
 *
 * Times are the clock's "YYYY-MM-DDTHH:MM:SSZ" (lib/clock.h), which compare
 * as text in time order, so the rule is a comparison of strings.
 *
 * A share owns its strings and its accesses; share_free() releases them.
 */
#ifndef SHINSA_CORE_SHARE_H
#define SHINSA_CORE_SHARE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/err.h"

/* One read of a shared submission by a user of the bank. */
struct share_access {
	char *user; /* the reader's email */
	char *at;   /* when */
};

struct share {
	long long id;
	long long submission_id;
	int version;           /* the submission's version, for people */
	char *sha256;          /* the submission's SHA-256 */
	long long connector_id; /* the organisation that owns the submission */
	char *connector_name;
	long long bank_id;
	char *bank_name;
	char *created_by;      /* the audit actor who shared: an email, or "cli:NAME" */
	char *created_at;
	char *expires_at;      /* NULL: until revoked */
	char *revoked_at;      /* NULL: not revoked */
	struct share_access *accesses; /* oldest first; filled by listings only */
	size_t n_accesses;
};

struct share *share_new(void);
void share_free(struct share *s);
/* Frees n shares and the array; accepts NULL. */
void share_list_free(struct share **list, size_t n);

/* Appends an access (copies user and at). */
void share_add_access(struct share *s, const char *user, const char *at);

/* Whether s is in force at now (a stamp): not revoked, and no expiry or
 * an expiry after now. */
bool share_in_force(const struct share *s, const char *now);

/*
 * What the connector may write for an expiry, turned into the stored stamp
 * (out, 21 bytes):
 *   "YYYY-MM-DD"            through the end of that day in UTC: the share
 *                           ends at 00:00:00Z of the next day;
 *   "YYYY-MM-DDTHH:MM:SSZ"  at that moment.
 * It must lie after now. Messages (exact, TEXT as given):
 *   "expiry \"TEXT\" is not a date (want YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"
 *   "expiry \"TEXT\" is in the past (it is now NOW)"
 */
int share_expiry_parse(const char *text, time_t now, char out[CLOCK_TEXT_SIZE], struct err *e);

#endif
