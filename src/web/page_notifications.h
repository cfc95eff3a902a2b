/*
 * page_notifications: お知らせ, the caller's own notifications
 * (web/api_notifications.h), newest first, the unread marked, each
 * linking to what it is about; one marks one or all read from there.
 *
 *   GET /notifications[?before=ID]   any signed-in user
 */
#ifndef SHINSA_WEB_PAGE_NOTIFICATIONS_H
#define SHINSA_WEB_PAGE_NOTIFICATIONS_H

#include <jansson.h>

#include "web/http.h"

void page_notifications(struct http_request *req, struct http_response *resp);

/*
 * Sets "unread_thread" on each row of rows (rows of GET /api/v1/inbox or
 * /api/v1/reviews: submission, and bank for a connector's) to the caller's
 * unread notifications of that review's threads (unread_threads of GET
 * /api/v1/notifications), 0 when none or when they cannot be had: the
 * inbox's and the review list's 回答あり.
 */
void page_notifications_flag(struct http_request *req, struct http_response *resp, json_t *rows);

#endif
