/*
 * api_session: signing in and out, and the caller's own account.
 *
 *   POST   /api/v1/session          {email, password, totp?} (public)
 *            200 {email, role, org{id, name, kind}, must_change_password,
 *                 totp_enabled, csrf_token, expires_at} and the session
 *                 cookie (HttpOnly, SameSite=Strict, Secure with
 *                 --secure-cookies); 401 "wrong email, password or code";
 *                 429 with Retry-After when throttled
 *   DELETE /api/v1/session          ends the cookie's session, clears the cookie
 *   GET    /api/v1/me               who is calling (csrf_token for a cookie session)
 *   POST   /api/v1/me/password      {current, new}: also ends the user's other sessions
 *   POST   /api/v1/me/totp          {password}: starts enrolment: {secret,
 *                                   otpauth_uri, qr_size, qr_svg_path} (the
 *                                   URI as a QR code: formats/qr_svg.h)
 *   POST   /api/v1/me/totp/confirm  {password, code}: {totp_enabled,
 *                                   recovery_codes[10]}, shown once
 *   GET    /api/v1/me/tokens        the caller's API tokens, oldest first:
 *                                   [{id, name, created_at, last_used_at
 *                                   (null: never), revoked}]
 *   POST   /api/v1/me/tokens        {password, name?}: 201 {id, name,
 *                                   created_at, token}, the token shown once
 *   DELETE /api/v1/me/tokens/{id}   revokes one of the caller's own tokens:
 *                                   {id, revoked: true}; 404 "no API token
 *                                   N" (none, or another user's), 409 "API
 *                                   token N is already revoked"
 *   The password, TOTP and token creation routes check the password again (service/account.h): 400 "the
 *   current password is wrong", 429 with Retry-After while the account is
 *   locked, as for sign-in.
 *
 * Every sign-in and failed sign-in, sign-out, password change (and wrong
 * current password) and TOTP enrolment is an audit event, the account ones
 * written by the service in the change's transaction (500 if they cannot
 * be); of throttled sign-ins only an account lock's first refusal is (the
 * others are in the request's log note). A failed sign-in records the
 * reason and the client address, the account's organisation when there is
 * an account, and the email only when it is an address (a password typed
 * into the wrong field must not land in the trail). A sign-in whose event
 * cannot be written is undone and answered 500.
 */
#ifndef SHINSA_WEB_API_SESSION_H
#define SHINSA_WEB_API_SESSION_H

#include "web/http.h"

void api_session_create(struct http_request *req, struct http_response *resp);
void api_session_delete(struct http_request *req, struct http_response *resp);
void api_me(struct http_request *req, struct http_response *resp);
void api_me_password(struct http_request *req, struct http_response *resp);
void api_me_totp_begin(struct http_request *req, struct http_response *resp);
void api_me_totp_confirm(struct http_request *req, struct http_response *resp);
void api_me_tokens_list(struct http_request *req, struct http_response *resp);
void api_me_tokens_create(struct http_request *req, struct http_response *resp);
void api_me_tokens_revoke(struct http_request *req, struct http_response *resp);

#endif
