#include "web/api_audit.h"

#include "formats/audit_json.h"
#include "service/audit_log.h"
#include "store/store.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_audit_list(struct http_request *req, struct http_response *resp)
{
	long long limit, before;
	if (api_query_number(req, resp, "limit", AUDIT_LOG_LIST_MAX, 100, "a number from 1 to 10000", &limit) < 0 ||
	    api_query_number(req, resp, "before", (long long)1 << 62, 0, "an event number", &before) < 0)
		return;
	struct err e = { 0 };
	struct audit_event **evs = NULL;
	size_t n = 0;
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	/* The gate made sure the caller is signed in; req->org is theirs. */
	if (audit_log_list(st, req->org->id, before, (size_t)limit, &evs, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, audit_json_event(evs[i]));
		audit_event_free(evs[i]);
	}
	free(evs);
	http_json_send(resp, 200, arr);
}
