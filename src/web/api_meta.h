/*
 * api_meta: what the server says about itself.
 *
 *   GET /healthz              200 {"status":"ok","schema":N} once a fresh
 *                             store opens the database (the schema current);
 *                             503 {"error":{"code":"unavailable",...}} if not
 *   GET /api/v1/openapi.json  the OpenAPI 3.1 document web/openapi.json,
 *                             compiled in (scripts/embed.sh)
 */
#ifndef SHINSA_WEB_API_META_H
#define SHINSA_WEB_API_META_H

#include "web/http.h"

void api_healthz(struct http_request *req, struct http_response *resp);
void api_openapi(struct http_request *req, struct http_response *resp);

/* The compiled-in OpenAPI document (NUL after it) and its length. */
const char *api_openapi_text(size_t *len);

#endif
