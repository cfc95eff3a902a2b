/*
 * api_notifications: the caller's own notifications (service/notify.h).
 * Any signed-in user, of either kind; every call names the caller's user,
 * so no one reaches another's notifications.
 *
 *   GET  /api/v1/notifications[?limit=N][&before=ID]
 *          {unread, email, notifications: [notify_json()...], next}: newest
 *          first, at most N (default 50, 1 to 200), those before
 *          notification ID; next is the before of the following page (null
 *          on the last); unread counts all the caller's unread ones;
 *          unread_threads [{submission, bank, unread}]: the unread of the
 *          review threads (reply, query, improvement, bank_message) per
 *          review, for the inbox's and the review list's 回答あり
 *   POST /api/v1/notifications/read   {"ids": [ID...]} or {"all": true}
 *          → {marked, unread}; 400 "give ids or all, not both",
 *          "give ids or all", "ids must be notification numbers", "all
 *          must be true", "ids holds more than 200 numbers"; 404 "no
 *          notification N" (not the caller's: nothing is marked)
 *   PUT  /api/v1/notifications/email  {"email": true|false} → {email}:
 *          whether the caller gets its notifications by e-mail too
 */
#ifndef SHINSA_WEB_API_NOTIFICATIONS_H
#define SHINSA_WEB_API_NOTIFICATIONS_H

#include "web/http.h"

void api_notifications_list(struct http_request *req, struct http_response *resp);
void api_notifications_read(struct http_request *req, struct http_response *resp);
void api_notifications_email(struct http_request *req, struct http_response *resp);

#endif
