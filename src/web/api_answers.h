/*
 * api_answers: the connector's master answer set over HTTP; the work is
 * service/answers'. Routes are for connectors (ROUTE_CONNECTOR), always
 * the caller's own organisation's answers; each takes ?catalog=ID when the
 * database holds more than one checklist.
 *
 *   GET  /api/v1/answers          (READ) what `shinsa answers show --json`
 *                                 prints: {org, catalog, items[]}, each
 *                                 item with its revision
 *   GET  /api/v1/answers/check    (READ) what a submission would be
 *                                 refused for: {catalog, ready,
 *                                 problems[], problem_details[],
 *                                 warnings[]} (answers_check_json)
 *   PUT  /api/v1/answers/{no}     (ANSWERS_EDIT) body with any of status,
 *                                 current, issues, plan, plan_due, notes
 *                                 (status and plan_due null or "" unset
 *                                 them), and optionally the revision the
 *                                 client read: 200 and the item {no,
 *                                 status, current, issues, plan, plan_due,
 *                                 notes, revision}; 404 no such item; 403
 *                                 a bank item; 400 a bad value (the
 *                                 field's message); 409 conflict when the
 *                                 revision is not the item's now, with
 *                                 "current": the item as it is (nothing
 *                                 written)
 *   POST /api/v1/answers/import   (ANSWERS_EDIT) body: the .xlsx bytes,
 *                                 Content-Type ANSWERS_XLSX_TYPE, at most
 *                                 20 MiB; ?dry_run=1 writes nothing;
 *                                 ?filename=NAME names the upload in the
 *                                 result and the audit trail. 200 with what
 *                                 `answers import --json` prints; 422
 *                                 invalid_workbook with the sheet's errors
 *                                 as "details" (English lines) and as
 *                                 "problems" [{cell, code, args}] (see
 *                                 xlsx_answers.h); 400 a file the reader
 *                                 refuses (its message)
 *   GET  /api/v1/answers/export   (READ) the form with the answers, as an
 *                                 attachment "ORG-CATALOG.xlsx" (RFC 6266:
 *                                 an ASCII filename= and the UTF-8
 *                                 filename*=); the export is recorded
 *                                 before the bytes are sent
 */
#ifndef SHINSA_WEB_API_ANSWERS_H
#define SHINSA_WEB_API_ANSWERS_H

#include "web/http.h"

#define ANSWERS_XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* The import's body limit: xlsx_read's own limit on a file. */
#define ANSWERS_IMPORT_MAX ((size_t)20 << 20)

void api_answers_show(struct http_request *req, struct http_response *resp);
void api_answers_check(struct http_request *req, struct http_response *resp);
void api_answers_put(struct http_request *req, struct http_response *resp);
void api_answers_import(struct http_request *req, struct http_response *resp);
void api_answers_export(struct http_request *req, struct http_response *resp);

#endif
