#include "web/download.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "web/api_reply.h"

static void send(struct http_response *resp, const char *mime, bool show, const char *name, const char *fallback,
		 void *data, size_t len)
{
	http_response_set(resp, 200, mime, data, len);
	char *cd = api_content_disposition(name, fallback);
	if (show) {
		/* "attachment; filename=…" becomes "inline; filename=…". */
		char *in = xmalloc(strlen(cd) + 1);
		strcpy(in, "inline");
		strcat(in, cd + strlen("attachment"));
		free(cd);
		cd = in;
	}
	http_response_header(resp, "Content-Disposition", cd);
	free(cd);
	/* These replace the server's own (server.c sends a header the handler
	 * set instead of its default). */
	http_response_header(resp, "X-Content-Type-Options", "nosniff");
	http_response_header(resp, "Content-Security-Policy", "sandbox; default-src 'none'");
	http_response_header(resp, "Cache-Control", "private, no-store");
}

void download_send(struct http_response *resp, enum sniff_kind kind, const char *name, const char *fallback,
		   void *data, size_t len)
{
	send(resp, sniff_kind_mime(kind), false, name, fallback, data, len);
}

void download_preview(struct http_response *resp, enum sniff_kind kind, const char *name, const char *fallback,
		      void *data, size_t len)
{
	send(resp, sniff_kind_mime(kind), kind == SNIFF_PNG || kind == SNIFF_JPEG, name, fallback, data, len);
}

void download_send_zip(struct http_response *resp, const char *name, const char *fallback, void *data, size_t len)
{
	send(resp, "application/zip", false, name, fallback, data, len);
}
