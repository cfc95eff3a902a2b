#include "web/api_receive.h"

#include <jansson.h>

#include "service/receive.h"
#include "web/api_reply.h"
#include "web/http_json.h"

void api_receive_package(struct http_request *req, struct http_response *resp)
{
	const char *name = http_query(req, "name");
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	struct receive_result r;
	enum outcome rc = receive_package(st, req->who.user->email, req->org->name, name && *name ? name : "package.zip",
					  req->body ? req->body : "", req->body_len, &r, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
		return;
	}
	http_json_send(resp, 201,
		       json_pack("{s:I, s:i, s:s, s:s, s:b, s:I, s:s}", "submission", (json_int_t)r.submission_id,
				 "version", r.version, "connector", r.org_name, "fingerprint", r.fingerprint, "pinned",
				 r.org_created, "files", (json_int_t)r.n_files, "sha256", r.sha256));
}
