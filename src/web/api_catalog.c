#include "web/api_catalog.h"

#include <stdlib.h>

#include "formats/catalog_json.h"
#include "service/lookup.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_catalog_list(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	struct catalog **cats;
	size_t n;
	if (!st)
		return;
	if (lookup_catalogs(st, &cats, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, catalog_json_encode_summary(cats[i]));
		catalog_free(cats[i]);
	}
	free(cats);
	http_json_send(resp, 200, arr);
}

void api_catalog_show(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	struct catalog *cat;
	const char *id = http_param(req, "id");
	if (!st)
		return;
	enum outcome rc = lookup_catalog_id(st, id, &cat, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
		return;
	}
	http_json_send(resp, 200, catalog_json_encode(cat));
	catalog_free(cat);
}
