/*
 * page_notifications: お知らせ, the caller's own notifications
 * (web/api_notifications.h), newest first, the unread marked, each
 * linking to what it is about; one marks one or all read from there.
 *
 *   GET /notifications[?before=ID]   any signed-in user
 */
#ifndef SHINSA_WEB_PAGE_NOTIFICATIONS_H
#define SHINSA_WEB_PAGE_NOTIFICATIONS_H

#include "web/http.h"

void page_notifications(struct http_request *req, struct http_response *resp);

#endif
