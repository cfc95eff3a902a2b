/*
 * api_criteria: a bank's own criteria over HTTP (service/criteria.h has the
 * rules). Every route is for banks (ROUTE_BANK: a connector gets 403 from
 * the gate); reading needs READ, changing CRITERIA_EDIT (admin, reviewer).
 * Always the caller's own bank's list: another bank's is never reachable.
 *
 *   POST /api/v1/criteria?format=tsv|csv|xlsx|text|docx&name=FILE[&checklist=ID]
 *        body: the file's bytes (any Content-Type; at most
 *        CRITERIA_MAX_BYTES, 413 beyond) → 201 the list as GET gives it,
 *        with "warnings": [...]; 422 "invalid" with the reader's message for
 *        a file it refuses; 400 for a format neither given nor in the name,
 *        an unknown format, a name over 255 bytes, or several checklists
 *        and none named; 404 for an unknown checklist
 *        &base=B (from a preview: the import is refused, 409 "conflict"
 *        coded criteria_changed, when the list is no longer the one the
 *        preview saw; 400 for a base that is neither 64 hex digits nor
 *        "none")
 *   POST /api/v1/criteria/preview?format=…&name=… body: as the import's
 *        (a pasted list is sent as text) → 200 what the import would read
 *        (service/criteria_preview.h), saving nothing; the import's 400s
 *        and 413
 *   GET  /api/v1/criteria → the list: `shinsa criteria show --json`; 404
 *        "no criteria imported yet"
 *   PUT  /api/v1/criteria/{key}/mapping {relation, items?, note?} → 200
 *        the row; 404 no such criterion; 422 a relation, items or note the
 *        service refuses; 400 for the body's shape
 *   GET  /api/v1/criteria/suggestions?top=N → `shinsa criteria suggest
 *        --json` (N 1 to 100, default 3)
 */
#ifndef SHINSA_WEB_API_CRITERIA_H
#define SHINSA_WEB_API_CRITERIA_H

#include "formats/criteria_read.h"
#include "web/http.h"

/* The upload route's body limit. */
#define CRITERIA_UPLOAD_MAX ((size_t)CRITERIA_MAX_BYTES)

void api_criteria_import(struct http_request *req, struct http_response *resp);
void api_criteria_preview(struct http_request *req, struct http_response *resp);
void api_criteria_show(struct http_request *req, struct http_response *resp);
void api_criteria_map(struct http_request *req, struct http_response *resp);
void api_criteria_suggest(struct http_request *req, struct http_response *resp);

#endif
