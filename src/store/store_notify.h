/*
 * store_notify: the rows of notifications (core/notify.h) and each user's
 * e-mail opt-out. Who gets what is service/notify.h's; this keeps the
 * rows. A notification changes once, when read (a trigger keeps the
 * rest). Every query names the user: no call here reaches another user's
 * rows. Records returned are yours (notification_free(),
 * notification_list_free()).
 */
#ifndef SHINSA_STORE_NOTIFY_H
#define SHINSA_STORE_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/notify.h"
#include "lib/err.h"

struct store;

/* Adds n (user_id, kind, the fields, created_at set) and sets n->id. */
int store_notify_add(struct store *st, struct notification *n, struct err *e);

/* user_id's notifications newest first, at most limit, those with an id
 * below before (0: from the newest). */
int store_notify_list(struct store *st, long long user_id, long long before, size_t limit,
		      struct notification ***out, size_t *n, struct err *e);

/* How many of user_id's notifications are unread. */
int store_notify_unread(struct store *st, long long user_id, long long *count, struct err *e);

/* Marks user_id's notification id read at at (kept if read before):
 * STORE_OK, or STORE_NOT_FOUND when it is not the user's. */
int store_notify_mark(struct store *st, long long user_id, long long id, const char *at, struct err *e);

/* Marks read every unread notification of user_id about submission_id (0:
 * about anything) from bank (NULL: any bank); *marked how many. */
int store_notify_mark_all(struct store *st, long long user_id, long long submission_id, const char *bank,
			  const char *at, long long *marked, struct err *e);

/* Unread notifications of one review's threads. */
struct notify_unread {
	long long submission_id;
	char *bank;
	long long count;
};

/* user_id's unread notifications of the threads (reply, query,
 * improvement, bank_message), counted per review (submission and bank),
 * by submission then bank. free() each bank and the array. */
int store_notify_unread_threads(struct store *st, long long user_id, struct notify_unread **out, size_t *n,
				struct err *e);

/* Whether user_id wants e-mail (true unless turned off). */
int store_notify_email_get(struct store *st, long long user_id, bool *on, struct err *e);
int store_notify_email_set(struct store *st, long long user_id, bool on, struct err *e);

#endif
