/*
 * api_receive: POST /api/v1/inbox/packages, a package from another
 * server received for the caller's bank (service/receive.h): the body is
 * the zip as it is (application/zip), ?name= the file's name for the
 * messages (default package.zip). A bank's admin or reviewer
 * (ACTION_REVIEW). 201 {submission, version, connector, fingerprint,
 * pinned, files, sha256}; pinned says the connector was new and its key
 * pinned now. Refusals are service/receive.h's, each naming the file.
 */
#ifndef SHINSA_WEB_API_RECEIVE_H
#define SHINSA_WEB_API_RECEIVE_H

#include "formats/package.h"
#include "web/http.h"

/* The route's body limit. A package may be as large as PACKAGE_MAX
 * (about 1.1 GiB), but a body is held in memory until its handler runs
 * (web/server.h: the server's upload memory, 512 MiB by default): over the
 * web, at most 256 MiB, so that one upload never takes the memory the
 * server's other requests need; a larger package is received with
 * `shinsa submission receive FILE.zip`, which reads the file. */
#define RECEIVE_UPLOAD_MAX ((size_t)256 << 20)
_Static_assert(RECEIVE_UPLOAD_MAX <= PACKAGE_MAX, "the route takes no more than a package may be");

void api_receive_package(struct http_request *req, struct http_response *resp);

#endif
