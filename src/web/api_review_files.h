/*
 * api_review_files: files in review threads over HTTP
 * (service/review_files.h has the rules and the refusals' words).
 *
 *   POST /api/v1/reviews/{submission}/files?name=N (a bank: REVIEW; the
 *       connector: ANSWERS_EDIT) the file's raw bytes as the body,
 *       application/octet-stream, at most ATTACHMENTS_FILE_MAX → 201
 *       {sha256, name, type, size}; a message then names it
 *       (POST .../items/{no}/messages {"text", "files": [sha256...]});
 *       400 the kind's refusals and "name is required"; 404 "no
 *       submission N"; 409 the quota; 413 the size
 *   GET /api/v1/reviews/{submission}/files/{sha256} (both, READ) → 200
 *       the bytes with the download headers (web/download.h); 404 "no
 *       submission N" (no share in force, another's), "no file SHA256"
 */
#ifndef SHINSA_WEB_API_REVIEW_FILES_H
#define SHINSA_WEB_API_REVIEW_FILES_H

#include "web/http.h"

void api_review_files_upload(struct http_request *req, struct http_response *resp);
void api_review_files_download(struct http_request *req, struct http_response *resp);

#endif
