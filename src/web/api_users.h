/*
 * api_users: an administrator manages the users of their own
 * organisation (service/users.h). Routes are ACTION_ADMIN_USERS; a user
 * of another organisation is 404 "no user N", as one that does not exist.
 *
 *   GET  /api/v1/users        [USER], ordered by email
 *   POST /api/v1/users        {email, role, password}: 201 USER + one_time_password
 *                             (shown once; changed at first sign-in);
 *                             400 bad email or role, 409 "a user with email
 *                             E already exists"
 *   PUT  /api/v1/users/{id}   {role?, disabled?, totp_reset?, password}:
 *                             200 USER; 400 "nothing to change: give role,
 *                             disabled or totp_reset", 409 for one's own
 *                             role or access
 *
 * password is the administrator's own, asked again for every change (a
 * stolen session must not add a user or weaken one), after the body's
 * shape is checked: 400 "password is required: your own, to confirm the
 * change", 400 "the current password is wrong" (event user_add or
 * user_update {"result":"failed"}, object the administrator), 429 with
 * Retry-After when throttled (account_recheck()).
 *
 * USER is {id, email, role, must_change_password, totp_enabled, disabled,
 * created_at}, as `shinsa user list --json` prints it.
 */
#ifndef SHINSA_WEB_API_USERS_H
#define SHINSA_WEB_API_USERS_H

#include "web/http.h"

void api_users_list(struct http_request *req, struct http_response *resp);
void api_users_add(struct http_request *req, struct http_response *resp);
void api_users_update(struct http_request *req, struct http_response *resp);

/* POST /api/v1/users/{id}/password-reset {password}: a new one-time
 * password for another user of the organisation (users_reset_password()),
 * 200 with the user and "one_time_password", shown this once. */
void api_users_reset(struct http_request *req, struct http_response *resp);

/* PUT /api/v1/me {name?, department?}: the signed-in user's own 氏名 and
 * 部署; 200 with the user as /api/v1/users lists it. */
void api_me_update(struct http_request *req, struct http_response *resp);

#endif
