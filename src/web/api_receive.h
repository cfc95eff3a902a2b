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

/* The route's body limit: the package's own, one figure. */
#define RECEIVE_UPLOAD_MAX ((size_t)PACKAGE_MAX)

void api_receive_package(struct http_request *req, struct http_response *resp);

#endif
