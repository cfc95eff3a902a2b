/*
 * api_audit: the audit trail of the caller's own organisation.
 *
 *   GET /api/v1/audit[?limit=N][&before=SEQ]   (AUDIT_READ: an admin)
 *     the organisation's events newest first, at most N (default 100, 1 to
 *     10000), those before event SEQ for the next page: what `shinsa audit
 *     list --org ORG --json` prints (formats/audit_json.h). Events of other
 *     organisations and of none (a failed sign-in for an unknown email) are
 *     never in it.
 */
#ifndef SHINSA_WEB_API_AUDIT_H
#define SHINSA_WEB_API_AUDIT_H

#include "web/http.h"

/* GET /api/v1/audit: a page of the caller's organisation's events, newest
 * first, with ?limit, ?before and the filters ?actor, ?action, ?object,
 * ?from, ?to (JST days, service/audit_query.h). */
void api_audit_list(struct http_request *req, struct http_response *resp);

/* GET /api/v1/audit/csv: every event the same filters take (at most
 * AUDIT_LOG_EXPORT_MAX) as CSV (formats/csv.h) in the caller's language,
 * the download audited (audit_export). */
void api_audit_csv(struct http_request *req, struct http_response *resp);

#endif
