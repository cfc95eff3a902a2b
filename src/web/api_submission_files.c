#include "web/api_submission_files.h"

#include <stdio.h>
#include <string.h>

#include "service/submission_files.h"
#include "web/api_reply.h"
#include "web/download.h"
#include "web/http_json.h"

void api_submission_files_list(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "submission", &id, resp))
		return;
	struct err e = { 0 };
	json_t *list = NULL;
	enum outcome rc = submission_files_list(st, req->who.user, req->org, id, &list, &e);
	if (rc != OUTCOME_OK)
		api_refused(resp, rc, &e, NULL);
	else
		http_json_send(resp, 200, list);
}

/* A hash as a path holds it: 64 lowercase hex digits, nothing else. */
static bool sha256_text(const char *s)
{
	return s && strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

void api_submission_files_get(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "submission", &id, resp))
		return;
	const char *sha = http_param(req, "sha256");
	struct err e = { 0 };
	struct submission_file f;
	/* Not a hash: no such file, but only once the submission is known to
	 * be readable, so the answer says no more than a real hash's would. */
	enum outcome rc = submission_files_get(st, req->who.user, req->org, id,
					       sha256_text(sha) ? sha : "-", &f, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
		return;
	}
	char fallback[64];
	const char *dot = strrchr(f.name, '.');
	if (snprintf(fallback, sizeof fallback, "%.12s%s", sha, dot && strlen(dot) < 12 ? dot : "") >=
	    (int)sizeof fallback)
		fallback[0] = '\0'; /* cannot be: 12 + 11 bytes */
	const char *show = http_query(req, "inline");
	if (show && strcmp(show, "1") == 0)
		download_preview(resp, f.kind, f.name, fallback, f.data, f.len);
	else
		download_send(resp, f.kind, f.name, fallback, f.data, f.len);
	f.data = NULL; /* the response's now */
	submission_file_clear(&f);
}

void api_submission_package(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "submission", &id, resp))
		return;
	struct err e = { 0 };
	struct strbuf zip = STRBUF_INIT;
	enum outcome rc = submission_files_package(st, req->who.user, req->org, id, &zip, &e);
	if (rc != OUTCOME_OK) {
		strbuf_release(&zip);
		api_refused(resp, rc, &e, NULL);
		return;
	}
	char name[48];
	if (snprintf(name, sizeof name, "submission-%lld.zip", id) >= (int)sizeof name)
		name[0] = '\0'; /* cannot be: 15 + 10 bytes */
	size_t len = zip.len;
	download_send_zip(resp, name, name, strbuf_detach(&zip), len);
}
