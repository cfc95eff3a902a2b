#include "web/api_catalog.h"

#include <stdlib.h>

#include "formats/catalog_json.h"
#include "web/dbcache.h"
#include "web/http_json.h"

/* A store error is ours, not the client's: the details go to the log, the
 * client gets a line that leaks nothing of the server. */
static void store_failed(struct http_response *resp, const struct err *e)
{
	http_json_error(resp, 500, "internal", "the database failed; the server log has the details");
	http_response_note(resp, e->msg);
}

void api_catalog_list(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st;
	struct catalog **cats;
	size_t n;
	if (dbcache_get(req->db_path, &st, &e) < 0 || store_catalog_list(st, &cats, &n, &e) < 0) {
		store_failed(resp, &e);
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
	struct store *st;
	struct catalog *cat;
	const char *id = http_param(req, "id");
	if (dbcache_get(req->db_path, &st, &e) < 0) {
		store_failed(resp, &e);
		return;
	}
	int rc = store_catalog_get(st, id, &cat, &e);
	if (rc == STORE_NOT_FOUND) {
		http_json_error(resp, 404, "not_found", "no catalog \"%s\"", id);
		return;
	}
	if (rc != STORE_OK) {
		store_failed(resp, &e);
		return;
	}
	http_json_send(resp, 200, catalog_json_encode(cat));
	catalog_free(cat);
}
