/*
 * api_submission_files: the files sealed into a submission, and its
 * package, over HTTP (service/submission_files.h has the rules: the owner
 * connector reads its own; a bank only through a share in force, each
 * read recorded; anyone else 404 "no submission N").
 *
 *   GET /api/v1/submissions/{id}/attachments (READ) → 200 [{sha256, name,
 *       title, items, size, type, valid_until}], as the signed document
 *       lists them
 *   GET /api/v1/submissions/{id}/attachments/{sha256}[?inline=1] (READ)
 *       → 200 the bytes with the download headers (web/download.h);
 *       ?inline=1 shows a PNG or JPEG in an <img> (download_preview());
 *       404 "no file SHA256" for a hash the submission does not list
 *   GET /api/v1/submissions/{id}/package (READ) → 200 application/zip,
 *       the package (formats/package.h), named submission-ID.zip
 */
#ifndef SHINSA_WEB_API_SUBMISSION_FILES_H
#define SHINSA_WEB_API_SUBMISSION_FILES_H

#include "web/http.h"

void api_submission_files_list(struct http_request *req, struct http_response *resp);
void api_submission_files_get(struct http_request *req, struct http_response *resp);
void api_submission_package(struct http_request *req, struct http_response *resp);

#endif
