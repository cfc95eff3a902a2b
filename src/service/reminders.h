/*
 * reminders: due and overdue notices of re-assessments and remediation
 * plans, written to an outbox and, if delivery is configured, handed to a
 * sendmail-compatible program. Layer: service. For `shinsa reminders`.
 *
 * reminders_run() looks at today (the clock's date) and writes, in one
 * transaction with its reminders_run event ({written, already}, no
 * organisation), one notice per recipient organisation:
 *   reassessment_due      a pair's next due date is today or within 30
 *                         days (core/plan.h): to the bank and to the
 *                         connector
 *   reassessment_overdue  the next due date has passed: to both
 * — both only while a share between the pair is in force now (of any of
 * the connector's submissions): a pair whose shares are all revoked or
 * expired is reminded of nothing until the next share;
 *   plan_overdue          a plan is overdue: to the connector (its due or
 *                         the required date of a bank it shares with now
 *                         passed; the earliest such date is the notice's),
 *                         and to each bank that sees the plan
 *                         (service/plans.h: through a share in force) and
 *                         for which it is overdue (its required date, else
 *                         the due)
 * — so a bank with no share in force from the connector is not reminded of
 * its plans, nor the connector of that bank's required dates, until the
 * next share;
 *   attachment_expiring   a connector's current attachment (service/
 *                         attachments.h) has a 有効期限 60, 30 or 0 days
 *                         ahead or past: to the connector, the nearest of
 *                         those that has come (60 days before, then 30,
 *                         then on the day or after), naming the file, its
 *                         items and the date; each once (keyed by the
 *                         attachment, the days and the date);
 * Each notice has a Japanese subject and body with an English line, and
 * the e-mail addresses of the organisation's admins (not disabled) as
 * recipients. Its key — kind, pair or plan, due date, recipient — makes a
 * second run on the same state write nothing new; a moved date is a new
 * notice.
 *
 * reminders_send() pipes each unsent notice with recipients to `PROGRAM
 * -t -i` as an RFC 5322 message (UTF-8, 8bit body, the Subject as RFC 2047
 * encoded words) and, once the program exits 0, marks it sent in one
 * transaction with its notice_sent event (on "notice:ID" in the recipient
 * organisation's trail, details {kind, recipients}). Delivery is at least
 * once: a notice the program took but the database could not mark is sent
 * again next time. A notice whose organisation has no admin is left unsent
 * and counted as skipped.
 */
#ifndef SHINSA_SERVICE_REMINDERS_H
#define SHINSA_SERVICE_REMINDERS_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "core/plan.h"
#include "lib/err.h"
#include "store/store.h"

/* What reminders_run and reminders_send did. */
struct reminders_result {
	size_t written; /* run: new notices */
	size_t already; /* run: notices found in the outbox already */
	size_t sent;    /* send */
	size_t skipped; /* send: no recipients */
};

int reminders_run(struct store *st, const char *actor, struct reminders_result *r, struct err *e);

/* The outbox, oldest first (notice_list_free()). */
int reminders_list(struct store *st, struct notice ***out, size_t *n, struct err *e);

/* {id, kind, org, recipients[], subject, body, created_at, sent_at}. */
json_t *reminders_json(const struct notice *n);

/*
 * The message of n as sent: From (from), To (the recipients), Subject
 * (encoded words of at most 75 characters, folded), Date (now),
 * Message-ID <shinsa-notice-ID@DOMAIN> (DOMAIN: from's), MIME headers,
 * an empty line and the body; lines end "\n" (sendmail -t takes them so).
 * You own it.
 */
char *reminders_message(const struct notice *n, const char *from, time_t now);

/* Sends every unsent notice through program; the first failure stops it
 * ("notice N: PROGRAM exited with status S", or could not be run). */
int reminders_send(struct store *st, const char *actor, const char *program, const char *from,
		   struct reminders_result *r, struct err *e);

#endif
