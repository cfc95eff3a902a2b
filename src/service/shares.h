/*
 * shares: consent. A connector shares one of its submissions with a bank;
 * the bank reads it while the share is in force (core/share.h); the
 * connector revokes it when it likes and sees every read the bank made.
 * Layer: service (service/auth.h). For the command line and the server.
 *
 * Who may do what, beyond the role (the server's gate checks SHARE, READ):
 *   - only the connector that owns a submission shares it or revokes its
 *     shares, and only with an organisation that is a bank;
 *   - one share of a submission with a bank is in force at a time; a new one
 *     can be made once that one is revoked or has expired;
 *   - a bank reads a submission only through a share to it in force; every
 *     such read is recorded (share_access) and audited (submission_read)
 *     in one transaction before the submission is handed over; so is every
 *     other read a bank makes of the connector's data through the share:
 *     its answers to the bank's questions (questions_read), the bank's
 *     review of the submission (review_read) and that review by the bank's
 *     criteria (review_criteria_read, web/api_reviews.h), the connector's
 *     plans (plans_read, service/plan_view.h);
 *   - what the caller may not see is OUTCOME_NOT_FOUND, never "forbidden",
 *     so that its existence does not leak: another connector's submission
 *     or share, a submission no share in force opens to the bank.
 *
 * connector_id 0 means the command line, which acts for any connector
 * (whoever runs it can write the database anyway).
 *
 * Audit events (actor as given; organisation: the connector that owns the
 * submission, whose record it is):
 *   share_create    share:ID       {"bank", "expires_at", "submission"}
 *   share_revoke    share:ID       {"bank", "submission"}
 *   submission_read submission:ID  {"bank", "share"}
 *   questions_read  submission:ID  {"bank", "share"}  (service/questions.h)
 *   review_read, review_criteria_read, plans_read: alike
 *   attachment_read submission:ID  {"bank", "share", "sha256", "name"}
 *   package_read    submission:ID  {"bank", "share"}  (service/submission_files.h)
 *
 * Return values: 0; OUTCOME_NOT_FOUND (the message names what: "no
 * submission N", "no share N"); OUTCOME_INVALID for what was asked wrongly:
 *   "no bank \"NAME\""  (no organisation of that name, or not a bank)
 *   the expiry's messages (share_expiry_parse());
 * OUTCOME_CONFLICT for what the current state does not allow:
 *   "submission N is already shared with BANK (share M)"
 *   "share N is already revoked";
 * or -1 for a failure of the system; e always says why.
 */
#ifndef SHINSA_SERVICE_SHARES_H
#define SHINSA_SERVICE_SHARES_H

#include <jansson.h>
#include <stddef.h>

#include "core/audit.h"
#include "core/share.h"
#include "core/submission.h"
#include "core/user.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/* Shares submission_id with the bank named bank until expires (NULL: until
 * revoked; share_expiry_parse()). *out (may be NULL) gets the share, yours. */
enum outcome shares_add(struct store *st, const char *actor, long long connector_id, long long submission_id,
			const char *bank, const char *expires, struct share **out, struct err *e);

/* Revokes share_id; with submission_id non-zero it must be that
 * submission's. *out (may be NULL) gets the share as revoked, yours. */
enum outcome shares_revoke(struct store *st, const char *actor, long long connector_id, long long submission_id,
			   long long share_id, struct share **out, struct err *e);

/* Every share of connector_id's submissions with every access, oldest
 * first. share_list_free() the result. */
int shares_list(struct store *st, long long connector_id, struct share ***out, size_t *n, struct err *e);

/* The shares with bank_id in force now, oldest first. */
int shares_inbox(struct store *st, long long bank_id, struct share ***out, size_t *n, struct err *e);

/*
 * The rule every access of a bank to a submission goes through (reading
 * it here, its review in service/reviews.h): a share of submission_id with
 * bank_id in force at now (a stamp). 0 and *out (may be NULL) the share,
 * yours; OUTCOME_NOT_FOUND "no submission N" otherwise, as if it did not
 * exist; -1. Records nothing.
 */
enum outcome shares_bank_access(struct store *st, long long bank_id, long long submission_id, const char *now,
				struct share **out, struct err *e);

/*
 * Inside the caller's transaction: reader, a user of bank_id, reads data of
 * the connector that owns submission_id through the share of it in force
 * at now (a stamp), else OUTCOME_NOT_FOUND "no submission N". The read is
 * recorded on the share (the connector sees it among its accesses) and
 * audited as action on "submission:ID" {bank, share}, in the connector's
 * trail. *out (may be NULL) the share, yours.
 */
enum outcome shares_record_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
				enum audit_action action, const char *now, struct share **out, struct err *e);

/* shares_record_read() whose audit details also say what was read: the
 * members of what (may be NULL; borrowed) beside {bank, share}, as a
 * file's {sha256, name} for attachment_read. */
enum outcome shares_record_read_of(struct store *st, const struct user *reader, long long bank_id,
				   long long submission_id, enum audit_action action, json_t *what, const char *now,
				   struct share **out, struct err *e);
/*
 * shares_record_read() in a transaction of its own, at the clock's now:
 * for a read whose answer is made first, then recorded, then handed over
 * (one that is refused, or whose share ends meanwhile, is not recorded and
 * hands nothing over). 0, OUTCOME_NOT_FOUND "no submission N", or -1.
 */
enum outcome shares_note_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
			      enum audit_action action, struct err *e);

/*
 * reader, a user of bank_id, reads submission_id: through a share in force
 * now (else OUTCOME_NOT_FOUND "no submission N"), recorded and audited
 * first. *rec and *doc are the submission (yours), *valid whether it still
 * verifies (submissions_check()).
 */
enum outcome shares_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
			 struct submission_record **rec, struct submission **doc, bool *valid, struct err *e);

/* The JSON of a share for its connector, now being the time the "in_force"
 * member is judged at: {id, submission, version, bank, created_by,
 * created_at, expires_at, revoked_at, in_force, accesses[{user, at}]}. */
json_t *shares_json(const struct share *s, const char *now);

/* The JSON of a share for the bank's inbox: {share, submission, connector,
 * version, sha256, shared_at, expires_at}. */
json_t *shares_inbox_json(const struct share *s);

#endif
