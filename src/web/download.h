/*
 * download: a stored file handed to a browser to save, never to show:
 * the one place the download headers are set, for the owner's download
 * of its attachments now and a bank's download under consent later.
 *
 *   Content-Type               the sniffed kind's MIME type (formats/sniff.h)
 *   Content-Disposition        attachment; an ASCII fallback filename and
 *                              filename*=UTF-8''... (api_content_disposition)
 *   X-Content-Type-Options     nosniff
 *   Content-Security-Policy    sandbox; default-src 'none': should a browser
 *                              show it after all, nothing in it runs or loads
 *   Cache-Control              private, no-store
 */
#ifndef SHINSA_WEB_DOWNLOAD_H
#define SHINSA_WEB_DOWNLOAD_H

#include <stddef.h>

#include "formats/sniff.h"
#include "web/http.h"

/* Sends data[0..len) (taken: malloc'd, freed with the response) with
 * status 200 as the file name (UTF-8), fallback the ASCII name for old
 * clients. */
void download_send(struct http_response *resp, enum sniff_kind kind, const char *name, const char *fallback,
		   void *data, size_t len);

/*
 * download_send(), but a PNG or JPEG image is sent "inline" for an <img>
 * to show (a bank's preview on the review page). Safe because the type is
 * the one the content was sniffed as when stored (never the name's or the
 * uploader's word) and nosniff holds the browser to it, so the bytes are
 * only ever decoded as an image; the CSP sandbox stays, should the URL be
 * opened as a page. Every other kind goes as a download, as ever.
 */
void download_preview(struct http_response *resp, enum sniff_kind kind, const char *name, const char *fallback,
		      void *data, size_t len);

/* A zip (a submission's package, formats/package.h) as application/zip,
 * with the same headers. */
void download_send_zip(struct http_response *resp, const char *name, const char *fallback, void *data, size_t len);

#endif
