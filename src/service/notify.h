/*
 * notify: notifications of what someone else did, in the product and by
 * e-mail. Layer: service. Every event that tells someone calls
 * notify_event() inside its own transaction, so a notification exists
 * exactly when its event does.
 *
 * Who hears of what (the roles that act on it; docs/notifications.md):
 *   shared, revoked, reply                 the bank's admins and reviewers
 *   query, improvement, bank_message,
 *   decision, required_date                the connector's admins and editors
 *   drafted                                the bank's approvers
 *   approved, rejected                     the drafter (notify_person())
 * No one is told of what they did themselves (an approver who drafts is
 * not told of the draft).
 * A disabled user hears of nothing. Each recipient gets one notification
 * (core/notify.h); those of them who have not turned e-mail off get one
 * e-mail between them: one outbox notice (kind "event", key
 * "event:ID" with ID the event's first notification) that `shinsa
 * reminders send` delivers through SHINSA_SENDMAIL like any reminder
 * (service/reminders.h). No one wanting e-mail: no notice.
 *
 * Reads and marks name the user: a user reaches only their own
 * notifications; another's id is "no notification N" (OUTCOME_NOT_FOUND).
 */
#ifndef SHINSA_SERVICE_NOTIFY_H
#define SHINSA_SERVICE_NOTIFY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/notify.h"
#include "core/user.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"
#include "store/store_notify.h"

/* A role as a bit of notify_event()'s roles. */
#define NOTIFY_ROLE(r) (1u << (r))
#define NOTIFY_BANK_REVIEWERS (NOTIFY_ROLE(ROLE_ADMIN) | NOTIFY_ROLE(ROLE_REVIEWER))
#define NOTIFY_CONNECTOR_EDITORS (NOTIFY_ROLE(ROLE_ADMIN) | NOTIFY_ROLE(ROLE_EDITOR))

/*
 * Inside the caller's transaction: event n (kind, the fields it uses,
 * actor and created_at set; user_id ignored) to every user of org_id whose
 * role is in roles, and its e-mail to the outbox. 0 or -1.
 */
int notify_event(struct store *st, long long org_id, unsigned roles, const struct notification *n, struct err *e);
/* The same, to the one user of org_id whose email is email (if enabled). */
int notify_person(struct store *st, long long org_id, const char *email, const struct notification *n,
		  struct err *e);

/* What a user's list holds. */
struct notify_page {
	struct notification **items; /* newest first */
	size_t n;
	long long unread; /* of all the user's, not only this page */
	bool email;       /* whether the user wants e-mail */
	struct notify_unread *threads; /* unread of the threads, per review */
	size_t n_threads;
};

/* user_id's notifications, at most limit, those before id before (0:
 * from the newest), with the unread counts. notify_page_release() it. */
int notify_list(struct store *st, long long user_id, long long before, size_t limit, struct notify_page *out,
		struct err *e);
void notify_page_release(struct notify_page *p);

/* {id, kind, submission, no, plan, bank, connector, detail, actor, link,
 * created_at, read}: link the page to open, as the recipient's kind sees
 * it (bank: true for a bank user). */
json_t *notify_json(const struct notification *n, bool bank);

/* Marks ids (n of them) read, all or none: OUTCOME_NOT_FOUND "no
 * notification N" for one that is not the user's; one already read is
 * fine. *marked how many were unread. */
enum outcome notify_read(struct store *st, long long user_id, const long long *ids, size_t n, long long *marked,
			 struct err *e);
int notify_read_all(struct store *st, long long user_id, long long *marked, struct err *e);
/* Marks read every notification of user_id about the review of
 * submission_id (from bank, for a connector that names one; NULL: any):
 * what its page shows the reader has now seen. *marked how many. */
int notify_read_review(struct store *st, long long user_id, long long submission_id, const char *bank,
		       long long *marked, struct err *e);

/* Turns user_id's e-mail on or off, with the event user_update
 * {"email_notifications": on} on "user:ID" in org_id's trail. */
int notify_email_set(struct store *st, const char *actor, long long org_id, long long user_id, bool on,
		     struct err *e);

#endif
