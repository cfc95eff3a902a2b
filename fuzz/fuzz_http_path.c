/*
 * libFuzzer target: the request path and query as sent, through our own
 * percent-decoding (http_decode) and the router on the server's real route
 * table. The input is split at the first NUL into a path and a raw query
 * argument. Any answer must be 400, 404 or 405 with a JSON error; a match
 * must have decoded parameters that are UTF-8 with no control character.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/text.h"
#include "lib/xalloc.h"
#include "web/router.h"
#include "web/routes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = xstrndup((const char *)data, size); /* stops at a NUL, like a C string would */
	size_t plen = strlen(path);
	char *query = plen < size ? xstrndup((const char *)data + plen + 1, size - plen - 1) : NULL;
	struct http_request req = { .method = size && data[0] & 1 ? "GET" : "POST", .path = path };
	struct http_response resp = { 0 };
	const struct route *r = router_match(routes, n_routes, &req, &resp);
	if (r) {
		if (resp.status)
			__builtin_trap();
		for (size_t i = 0; i < req.n_params; i++) {
			const char *v = req.params[i].value;
			if (!v[0] || !text_utf8_valid(v, strlen(v)))
				__builtin_trap();
			for (const char *p = v; *p; p++)
				if ((unsigned char)*p < 0x20 || *p == 0x7f)
					__builtin_trap();
		}
	} else if (resp.status != 400 && resp.status != 404 && resp.status != 405) {
		__builtin_trap();
	}
	http_response_release(&resp);
	if (query) {
		char *eq = strchr(query, '=');
		if (eq)
			*eq = '\0';
		if (router_add_query(&req, query, eq ? eq + 1 : NULL, &resp) < 0 && resp.status != 400)
			__builtin_trap();
		http_response_release(&resp);
	}
	http_request_release(&req);
	free(query);
	free(path);
	return 0;
}
