/*
 * page_evidence: the evidence files as the submission pages show them
 * (issue 18). Layer: web. Pure shaping of what the API gave, for the
 * partials connector_submission_files.html and connector_diff_files.html;
 * every json_t returned is yours.
 *
 *   sealed   GET /api/v1/submissions/{id}/attachments (part C's list,
 *            [{sha256, name, title, items, size, type, valid_until}]) as
 *            rows {name, title, items "2、3", sha12, kb|mb, href}; the
 *            list's download links are …/attachments/{sha256}.
 *   review   the same, under each item of the bank's review that a file
 *            lists, flagged expired when its 有効期限 is before today.
 *   diff     a diff's "files" ([{change, name, before, after}]) as rows
 *            {name, added|removed|replaced: true, before, after}, each
 *            side's sha12 (or absent).
 */
#ifndef SHINSA_WEB_PAGE_EVIDENCE_H
#define SHINSA_WEB_PAGE_EVIDENCE_H

#include <jansson.h>

#include "web/http.h"

/* The sealed files of submission id read as the caller: an array of rows
 * (empty when the submission lists none), or NULL when the list cannot be
 * had (a server without part C's route): the page then says nothing of
 * files rather than refusing. */
json_t *page_evidence_sealed(struct http_request *req, struct http_response *resp, json_int_t id);

/* The review page (review_item_files.html): each item of data's groups
 * gets "files", the sealed files of submission id that list it, rows as
 * above with valid_until and expired (before the server's today, plans_today()); nothing
 * when the list cannot be had. */
void page_evidence_review(struct http_request *req, struct http_response *resp, json_t *data, json_int_t id);

/* The diff's files as rows (NULL files: an empty array). */
json_t *page_evidence_diff_files(const json_t *files);

#endif
