/*
 * api_shares: consent over HTTP (service/shares.h has the rules).
 *
 *   POST   /api/v1/submissions/{id}/shares          connector, SHARE:
 *          {bank, expires?} → 201 the share as in GET /api/v1/shares;
 *          404 not the caller's submission, 422 "invalid" (no such bank,
 *          a bad or past expiry), 409 "conflict" (already shared)
 *   DELETE /api/v1/submissions/{id}/shares/{share}  connector, SHARE:
 *          200 {id, revoked_at}; 404, 409 "conflict" (already revoked)
 *   GET    /api/v1/shares                           connector, READ: every
 *          share of its submissions with every read a bank made
 *   GET    /api/v1/inbox                            bank, READ: the shares
 *          with it in force now
 */
#ifndef SHINSA_WEB_API_SHARES_H
#define SHINSA_WEB_API_SHARES_H

#include "web/http.h"

void api_share_create(struct http_request *req, struct http_response *resp);
void api_share_revoke(struct http_request *req, struct http_response *resp);
void api_share_list(struct http_request *req, struct http_response *resp);
void api_inbox(struct http_request *req, struct http_response *resp);

#endif
