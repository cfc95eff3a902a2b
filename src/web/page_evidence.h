/*
 * page_evidence: the evidence files as the submission pages show them
 * (issue 18). Layer: web. Shaping of what the API gives, for the partials
 * review_item_files.html and connector_diff_files.html; every json_t
 * returned is yours.
 *
 *   review   a submission's sealed files (its "attachments", as GET
 *            /api/v1/submissions/{id} and …/attachments list them:
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

/* The review page (review_item_files.html): each item of data's groups
 * gets "files", those of submission id's files that list it, rows as
 * above, expired (before the server's today, plans_today()). files is
 * the submission's "attachments" (read with the submission: no read of
 * its own). */
void page_evidence_review(json_t *data, json_int_t id, const json_t *files);

/* The diff's files as rows (NULL files: an empty array). */
json_t *page_evidence_diff_files(const json_t *files);

#endif
