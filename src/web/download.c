#include "web/download.h"

#include <stdlib.h>

#include "web/api_reply.h"

void download_send(struct http_response *resp, enum sniff_kind kind, const char *name, const char *fallback,
		   void *data, size_t len)
{
	http_response_set(resp, 200, sniff_kind_mime(kind), data, len);
	char *cd = api_content_disposition(name, fallback);
	http_response_header(resp, "Content-Disposition", cd);
	free(cd);
	/* These replace the server's own (server.c sends a header the handler
	 * set instead of its default). */
	http_response_header(resp, "X-Content-Type-Options", "nosniff");
	http_response_header(resp, "Content-Security-Policy", "sandbox; default-src 'none'");
	http_response_header(resp, "Cache-Control", "private, no-store");
}
