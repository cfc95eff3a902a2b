/*
 * page_account: the pages of one's own account (web/page.h: each reads
 * the API as its caller and renders a template; changes go from the
 * browser to the API through web/static/account.js and shinsa.js).
 *
 *   GET /account/password   change the password (POST /api/v1/me/password);
 *                           open to a user who must change a one-time
 *                           password (the gate sends them here), then "/"
 *   GET /account            who I am (GET /api/v1/me), two-step
 *                           verification (POST /api/v1/me/totp, its QR
 *                           code, .../confirm, the recovery codes once),
 *                           my API tokens (GET/POST/DELETE /api/v1/me/tokens)
 *   GET /admin/users        the organisation's users (GET /api/v1/users):
 *                           add one (its one-time password shown once),
 *                           change a role, disable or enable, reset TOTP
 *                           (POST, PUT /api/v1/users...); administrators
 *   GET /audit[?before=SEQ] the organisation's audit trail, PAGE_AUDIT_ROWS
 *                           events a page, newest first (GET
 *                           /api/v1/audit?limit=&before=), each action
 *                           in words and as its code; "older" pages on;
 *                           administrators (AUDIT_READ)
 */
#ifndef SHINSA_WEB_PAGE_ACCOUNT_H
#define SHINSA_WEB_PAGE_ACCOUNT_H

/* Audit events a page shows. */
#define PAGE_AUDIT_ROWS 50

#include "web/http.h"

void page_account_password(struct http_request *req, struct http_response *resp);
void page_account(struct http_request *req, struct http_response *resp);
void page_admin_users(struct http_request *req, struct http_response *resp);
void page_audit(struct http_request *req, struct http_response *resp);

#endif
