#include "web/api_banks.h"

#include <stdlib.h>

#include "service/lookup.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_banks_list(struct http_request *req, struct http_response *resp)
{
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	char **names = NULL;
	size_t n = 0;
	bool more = false;
	if (lookup_banks(st, http_query(req, "q"), API_BANKS_MAX, &names, &n, &more, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *banks = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(banks, json_pack("{s:s}", "name", names[i]));
		free(names[i]);
	}
	free(names);
	http_json_send(resp, 200, json_pack("{s:o, s:b}", "banks", banks, "more", more));
}
