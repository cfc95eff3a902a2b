/*
 * api_attachments: a connector's evidence files over HTTP
 * (service/attachments.h has the rules, and the refusals' words).
 *
 *   POST /api/v1/attachments?name=N&items=1,2[&title=T][&valid_until=D]
 *       (connectors, ANSWERS_EDIT) the file's raw bytes as the body,
 *       application/octet-stream, at most ATTACHMENTS_FILE_MAX (the
 *       route's body limit) → 201 the attachment; items and valid_until
 *       as jpinput reads them (「２、３」, 令和9年7月31日); 400 the
 *       service's refusals and "name is required"; 409 the quota; 413 the
 *       size
 *   GET /api/v1/attachments (connectors, READ) → 200 [attachment...]
 *   PATCH /api/v1/attachments/{id} (connectors, ANSWERS_EDIT)
 *       {title?, items?: [N...], valid_until?: "D"|null} → 200 the
 *       attachment; 404 "no attachment N"
 *   DELETE /api/v1/attachments/{id} (connectors, ANSWERS_EDIT) → 200
 *       {id, removed: true}; the file is kept
 *   GET /api/v1/attachments/{id}/file (connectors, READ) → 200 the bytes
 *       with the download headers (web/download.h)
 * The attachment: attachments_item_json().
 */
#ifndef SHINSA_WEB_API_ATTACHMENTS_H
#define SHINSA_WEB_API_ATTACHMENTS_H

#include "service/attachments.h"
#include "web/http.h"

/* The upload route's body limit: the service's file limit, one figure. */
#define ATTACHMENTS_UPLOAD_MAX ((size_t)ATTACHMENTS_FILE_MAX)

void api_attachments_add(struct http_request *req, struct http_response *resp);
void api_attachments_list(struct http_request *req, struct http_response *resp);
void api_attachments_set(struct http_request *req, struct http_response *resp);
void api_attachments_remove(struct http_request *req, struct http_response *resp);
void api_attachments_file(struct http_request *req, struct http_response *resp);

#endif
