/*
 * api_catalog: the catalogs, as `shinsa catalog list/show --json` print
 * them (the same encoders, in formats/catalog_json).
 *
 *   GET /api/v1/catalogs        200 [{id, kind, title, publisher, date, item_count}]
 *   GET /api/v1/catalogs/{id}   200 {id, kind, title, ..., items[]}; 404 not_found
 */
#ifndef SHINSA_WEB_API_CATALOG_H
#define SHINSA_WEB_API_CATALOG_H

#include "web/http.h"

void api_catalog_list(struct http_request *req, struct http_response *resp);
void api_catalog_show(struct http_request *req, struct http_response *resp);

#endif
