#include "web/api_review_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/review_files.h"
#include "web/api_reply.h"
#include "web/download.h"
#include "web/http_json.h"

/* Whether the caller's role may write to a thread: both kinds post, each
 * with its own action (the gate checked READ); false having answered 403. */
static bool may_post(const struct http_request *req, struct http_response *resp)
{
	const struct user *u = req->who.user;
	if (user_role_can(u->role, req->org->kind == ORG_BANK ? ACTION_REVIEW : ACTION_ANSWERS_EDIT))
		return true;
	http_json_problem(resp, 403, "forbidden", "role", (const char *[]){ user_role_name(u->role) }, 1,
			  "your role (%s) may not do this", user_role_name(u->role));
	return false;
}

void api_review_files_upload(struct http_request *req, struct http_response *resp)
{
	if (!may_post(req, resp))
		return;
	const char *name = http_query(req, "name");
	if (!name || !*name) {
		http_json_problem(resp, 400, "bad_request", "attachment_name_required", NULL, 0,
				  "name is required: the file's name, as ?name=");
		return;
	}
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "submission", "submission", &id, resp))
		return;
	struct err e = { 0 };
	struct review_message_file f;
	enum outcome rc = review_files_upload(st, req->who.user->email, req->org, id, name,
					      req->body ? req->body : "", req->body_len, &f, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
		return;
	}
	http_json_send(resp, 201, json_pack("{s:s, s:s, s:s, s:I}", "sha256", f.sha256, "name", f.name, "type", f.type,
					    "size", (json_int_t)f.size));
	review_files_clear(&f);
}

void api_review_files_download(struct http_request *req, struct http_response *resp)
{
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "submission", "submission", &id, resp))
		return;
	const char *sha = http_param(req, "sha256");
	struct err e = { 0 };
	char *name = NULL;
	void *data = NULL;
	size_t len = 0;
	enum sniff_kind kind;
	enum outcome rc = review_files_download(st, req->who.user, req->org, id, sha ? sha : "", &name, &data, &len,
						&kind, &e);
	if (rc != OUTCOME_OK) {
		api_refused(resp, rc, &e, NULL);
		return;
	}
	/* The ASCII fallback: the hash's first 12 and the name's extension. */
	char fallback[40];
	const char *dot = strrchr(name, '.');
	if (snprintf(fallback, sizeof fallback, "file-%.12s%s", sha, dot && strlen(dot) < 12 ? dot : "") >=
	    (int)sizeof fallback)
		fallback[0] = '\0'; /* cannot be: 5 + 12 + 11 bytes */
	download_send(resp, kind, name, fallback, data, len);
	free(name);
}
