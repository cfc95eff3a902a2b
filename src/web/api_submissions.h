/*
 * api_submissions: the submission endpoints.
 *
 *   POST /api/v1/submissions              connector, SUBMIT: submit the
 *        working answers (body optional: {catalog}); 201 {id, version,
 *        sha256, submitted_at} and Location; 422 "incomplete" with the
 *        problem lines in error.details when answers check fails
 *   GET  /api/v1/submissions              connector, READ: its own, as
 *        `shinsa submission list --json`
 *   GET  /api/v1/submissions/{id}         READ: the owner connector, or a
 *        bank through a share in force (that read is recorded and audited,
 *        service/shares.h); the shape of `shinsa submission show --json`
 *   GET  /api/v1/submissions/{id}/diff/{other}  connector, READ, owner
 *        only; {other} a submission id or "working"; `shinsa diff --json`
 *
 * Anything the caller may not see is 404 "no submission N", exactly as if
 * it did not exist. Kind and role are the gate's (routes.c).
 */
#ifndef SHINSA_WEB_API_SUBMISSIONS_H
#define SHINSA_WEB_API_SUBMISSIONS_H

#include "web/http.h"

void api_submission_create(struct http_request *req, struct http_response *resp);
void api_submission_list(struct http_request *req, struct http_response *resp);
void api_submission_show(struct http_request *req, struct http_response *resp);
void api_submission_diff(struct http_request *req, struct http_response *resp);

#endif
