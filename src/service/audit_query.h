/*
 * audit_query: the filters of the audit log (GET /api/v1/audit, the /audit
 * page and its CSV download) read from what people type, and the download
 * itself with its audit event. Layer: service.
 *
 * Dates are days as the page shows times, in JST: "2027-07-31" or
 * "2027/7/31". A from day starts at its JST midnight, a to day ends at the
 * next one, so from=to=one day takes that whole day.
 */
#ifndef SHINSA_SERVICE_AUDIT_QUERY_H
#define SHINSA_SERVICE_AUDIT_QUERY_H

#include <stdbool.h>

#include "lib/err.h"
#include "lib/strbuf.h"
#include "store/store.h"
#include "store/store_audit.h"

/* A clock_stamp() time and its NUL. */
#define AUDIT_QUERY_STAMP 21

/*
 * The UTC bound of JST day text (as lib/jpinput.h reads it: 2027/7/31,
 * 令和9年7月31日 too): its start, or with end the next day's start. 0, or
 * -1 when text is not a day that exists (2027-02-30).
 */
int audit_query_day(const char *text, bool end, char out[AUDIT_QUERY_STAMP]);

/*
 * The CSV download of org_id's events that filter takes, built by the
 * caller in *csv (rows of them), handed to *out (csv is left empty) after
 * the audit_export event by actor — its details the filter as given and
 * the rows — is appended; it commits once the bytes are moved
 * (service/export.h). 0, or -1 with e set.
 */
int audit_query_export(struct store *st, const char *actor, long long org_id, const struct store_audit_filter *filter,
		       long long rows, struct strbuf *csv, struct strbuf *out, struct err *e);

#endif
