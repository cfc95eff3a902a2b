#include "web/api_meta.h"

#include "service/setup.h"
#include "store/store.h"
#include "web/http_json.h"

/* Generated from web/openapi.json by scripts/embed.sh (see the Makefile). */
extern const unsigned char embed_web_openapi_json[];
extern const size_t embed_web_openapi_json_len;

void api_healthz(struct http_request *req, struct http_response *resp)
{
	/* A store of its own, not this thread's cached one: the check is that
	 * the database opens now, not that it did once. */
	struct err e = { 0 };
	struct store *st;
	if (store_open(req->db_path, STORE_EXISTING, &st, &e) < 0) {
		/* The route is public and the store's words name the database's
		 * path on the server: those go to the log, never to the caller. */
		http_json_error(resp, 503, "unavailable", "the database is not available");
		http_response_note(resp, e.msg);
		return;
	}
	store_close(st);
	/* STORE_EXISTING refuses any schema but the latest. */
	http_json_send(resp, 200, json_pack("{s:s, s:i}", "status", "ok", "schema", setup_schema_latest()));
}

const char *api_openapi_text(size_t *len)
{
	*len = embed_web_openapi_json_len;
	return (const char *)embed_web_openapi_json;
}

void api_openapi(struct http_request *req, struct http_response *resp)
{
	(void)req;
	size_t len;
	const char *text = api_openapi_text(&len);
	http_response_set_static(resp, 200, HTTP_JSON_TYPE, text, len);
}
