#include "web/api_audit.h"

#include <stdlib.h>

#include "formats/audit_json.h"
#include "service/audit_log.h"
#include "store/store.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* ?name as a whole number from 1 to max, else def when absent: 0, or -1
 * answered 400 with want ("a number from 1 to 10000"). */
static int query_number(const struct http_request *req, struct http_response *resp, const char *name,
			long long max, long long def, const char *want, long long *out)
{
	const char *text = http_query(req, name);
	*out = def;
	if (!text)
		return 0;
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || text[0] < '0' || text[0] > '9' || v < 1 || v > max) {
		http_json_error(resp, 400, "bad_request", "%s wants %s, not \"%s\"", name, want, text);
		return -1;
	}
	*out = v;
	return 0;
}

void api_audit_list(struct http_request *req, struct http_response *resp)
{
	long long limit, before;
	if (query_number(req, resp, "limit", AUDIT_LOG_LIST_MAX, 100, "a number from 1 to 10000", &limit) < 0 ||
	    query_number(req, resp, "before", (long long)1 << 62, 0, "an event number", &before) < 0)
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
