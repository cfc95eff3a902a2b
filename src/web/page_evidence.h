/*
 * page_evidence: the evidence files as the submission pages show them
 * (issue 18). Layer: web. Shaping of what the API gives, for the partials
 * review_item_files.html and connector_diff_files.html; every json_t
 * returned is yours.
 *
 *   review   GET /api/v1/submissions/{id}/attachments (part C's list,
 *            [{sha256, name, title, items, size, type, valid_until}]) as
 *            rows {name, title, items "2、3", sha12, kb|mb, href
 *            (…/attachments/{sha256}), valid_until, expired} under each
 *            item of the review that a file lists.
 *   diff     a diff's "files" ([{change, name, before, after}]) as rows
 *            {name, added|removed|replaced: true, before, after}, each
 *            side's sha12 (or absent).
 */
#ifndef SHINSA_WEB_PAGE_EVIDENCE_H
#define SHINSA_WEB_PAGE_EVIDENCE_H

#include <jansson.h>

#include "web/http.h"

/* The review page (review_item_files.html): each item of data's groups
 * gets "files", the sealed files of submission id that list it, rows as
 * above, expired (before the server's today, plans_today()); nothing
 * when the list cannot be had. */
void page_evidence_review(struct http_request *req, struct http_response *resp, json_t *data, json_int_t id);

/* The diff's files as rows (NULL files: an empty array). */
json_t *page_evidence_diff_files(const json_t *files);

#endif
