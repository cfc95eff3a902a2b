/*
 * api_approvals: a bank's decision by draft and approval
 * (service/approvals.h), and the bank's setting that asks for it.
 *
 *   POST /api/v1/reviews/{submission}/decision          REVIEW: 201 the
 *        signed decision, or 202 the draft where the bank requires approval
 *   POST /api/v1/reviews/{submission}/decision/approve  APPROVE: 200 the
 *        signed decision
 *   POST /api/v1/reviews/{submission}/decision/reject   APPROVE, {reason}:
 *        200 the rejected draft
 *   GET  /api/v1/org                                    READ: the caller's
 *        organisation {name, kind, require_approval}
 *   PUT  /api/v1/org  {require_approval}                a bank's ADMIN_USERS
 *
 * A decision refused for its items (409) names them as data too:
 * error.problems[0] is {cell: "", code: "items_pending" | "items_open",
 * args: [count, "1, 2, 3"], items: [1, 2, 3]}, for a page to say it in its
 * own words with a link to each item.
 */
#ifndef SHINSA_WEB_API_APPROVALS_H
#define SHINSA_WEB_API_APPROVALS_H

#include "web/http.h"

void api_approval_decide(struct http_request *req, struct http_response *resp);
void api_approval_approve(struct http_request *req, struct http_response *resp);
void api_approval_reject(struct http_request *req, struct http_response *resp);
void api_org_show(struct http_request *req, struct http_response *resp);
void api_org_update(struct http_request *req, struct http_response *resp);

#endif
