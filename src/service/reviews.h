/*
 * reviews: a bank's review of a submission shared with it — verdicts, the
 * bank's own answers, threads per item, verdicts carried from its earlier
 * review, and the signed decision. Layer: service (service/auth.h). For
 * the command line and the server.
 *
 * Who may do what, beyond the role (the server's gate checks REVIEW for
 * the bank's writes; for a message the handler checks REVIEW or
 * ANSWERS_EDIT by the caller's kind):
 *   - a bank reaches a review only through a share of the submission with
 *     it in force now (shares_bank_access(), the rule a read goes
 *     through); otherwise OUTCOME_NOT_FOUND "no submission N", as if it
 *     did not exist — before sharing, for another bank, after revoke or
 *     expiry alike;
 *   - the first time the bank reads or writes its review, the review is
 *     opened: created with one pending item per checklist item, the
 *     verdicts of its earlier review carried (core/review.h, review_carry)
 *     and the event review_open, in the transaction of that read or write;
 *   - the connector that owns the submission reads every bank's review of
 *     it and posts to its threads; anyone else's submission, or a bank
 *     with no review of it, is OUTCOME_NOT_FOUND;
 *   - a decided review is closed: verdicts, bank answers and the decision
 *     are OUTCOME_CONFLICT "review of submission N is decided"; messages
 *     may still be posted.
 *
 * Audit events (actor as given; organisation: the one that acts, whose
 * record it is; object "review:ID"):
 *   review_open        {"carried", "carried_from", "connector", "submission"}
 *   review_verdict     {"no", "submission", "verdict"}
 *   review_bank_answer {"fields", "no", "submission"}
 *   review_message     {"bank", "no", "submission"} (also for a verdict's text;
 *                      "files": [sha256...] when it carries files)
 *   review_decision    {"decision", "sha256", "submission"} (service/approvals.h)
 *
 * Return values: 0; OUTCOME_NOT_FOUND (404), OUTCOME_INVALID (400: what was
 * asked wrongly) and OUTCOME_CONFLICT (409: what the review's state does
 * not allow), each with e saying why in one line; -1 for a failure of the
 * system. A review handed out (*out) is yours, review_free() it.
 */
#ifndef SHINSA_SERVICE_REVIEWS_H
#define SHINSA_SERVICE_REVIEWS_H


#include "core/org.h"
#include "core/review.h"
#include "lib/err.h"
#include "lib/keys.h"
#include "service/outcome.h"
#include "store/store.h"

/* The bank's review of submission_id, opened now if it has none. */
enum outcome reviews_open(struct store *st, const char *actor, long long bank_id, long long submission_id,
			  struct review **out, struct err *e);

/*
 * The bank's verdict on item no: verdict by name or label (core/review.h),
 * with text (NULL or blank: none). The text is the verdict's message: it
 * becomes the item's comment and opens or continues the item's thread as
 * a message given with the verdict (review_message in the same
 * transaction); a query and an improvement need one, an acceptance or
 * not_applicable may carry one as a note. revision (NULL: not checked) is
 * the item's revision (review_item_revision()) the caller read: when it is
 * no longer that, nothing is written, OUTCOME_CONFLICT "item N changed
 * since revision R: it is now S", and *out is the review as it now is
 * (for no other refusal: a decided review, or one with a decision awaiting
 * approval, is OUTCOME_CONFLICT with *out NULL).
 * "CATALOG has no item N" (NOT_FOUND), the messages of
 * review_verdict_check() and "bad verdict \"X\" (want accepted, query,
 * improvement or not_applicable)" (INVALID). The verdict becomes the
 * bank's own (no longer carried).
 */
enum outcome reviews_verdict(struct store *st, const char *actor, long long bank_id, long long submission_id, int no,
			     const char *verdict, const char *text, const char *revision, struct review **out,
			     struct err *e);
/* reviews_verdict() whose text's message carries the files files[0..n_files)
 * (by sha256) the bank uploaded to the submission's threads
 * (service/review_files.h); files need a text ("files go with the
 * verdict's text: write one", review_files_need_text). */
enum outcome reviews_verdict_files(struct store *st, const char *actor, long long bank_id, long long submission_id,
				   int no, const char *verdict, const char *text, const char *revision,
				   const char *const *files, size_t n_files, struct review **out, struct err *e);

/*
 * The bank's own answer to item no (a bank or common item): the fields
 * given (NULL: unchanged) among status (name, label, or "" to unset),
 * current and notes, with answer_set_field()'s rules and messages prefixed
 * "item N: ". "item N is the connector's to answer" and "nothing to set
 * (give any of status, current, notes)" (INVALID).
 */
enum outcome reviews_bank_answer(struct store *st, const char *actor, long long bank_id, long long submission_id,
				 int no, const char *status, const char *current, const char *notes,
				 struct review **out, struct err *e);

/*
 * A message on item no's thread by actor of org. A bank posts to its own
 * review (opened if need be); a connector to bank's review of its own
 * submission ("no review of submission N by BANK" when there is none, or no
 * such bank). text: review_text_check("the message"). Open or decided.
 */
enum outcome reviews_message(struct store *st, const char *actor, const struct org *org, long long submission_id,
			     const char *bank, int no, const char *text, struct review **out, struct err *e);
/* reviews_message() carrying the files files[0..n_files) (by sha256),
 * which actor's organisation uploaded to the submission's threads
 * (service/review_files.h: review_files_names()'s refusals). */
enum outcome reviews_message_files(struct store *st, const char *actor, const struct org *org,
				   long long submission_id, const char *bank, int no, const char *text,
				   const char *const *files, size_t n_files, struct review **out, struct err *e);

/*
 * For service/approvals.h, which builds on these: fn runs on the bank's
 * review (reached and opened as for every write of the bank) inside one
 * transaction, committed when fn returns 0; *out is the review after.
 */
struct reviews_hook {
	int (*fn)(struct store *st, struct review *r, const char *actor, const char *now, void *arg, struct err *e);
	void *arg;
};
enum outcome reviews_bank_write(struct store *st, const char *actor, long long bank_id, long long submission_id,
				const struct reviews_hook *hook, struct review **out, struct err *e);

/*
 * The bank's decision is taken through service/approvals.h
 * (approvals_decide(): in one step, or drafted and approved where the bank
 * requires it). Inside such a transaction: signs r's decision (decision and
 * reason set; drafted_by and drafted_at too when it was approved) as
 * decided by actor now, stores it with the event review_decision and
 * records the assessment for the re-assessment cycle.
 */
int reviews_record_decision(struct store *st, struct review *r, const unsigned char *secret, const char *actor,
			    const char *now, struct err *e);

/*
 * The review of submission_id by the bank named bank, as its connector
 * sees it (connector_id 0: the command line, any connector). Nothing is
 * opened or recorded. NOT_FOUND "no submission N" for a submission that is
 * not connector_id's, "no review of submission N by BANK" otherwise.
 */
enum outcome reviews_get(struct store *st, long long connector_id, long long submission_id, const char *bank,
			 struct review **out, struct err *e);

/*
 * Bank bank_id's own review of submission_id, whether or not a share is in
 * force now: what it holds is the bank's judgement, and a bank keeps the
 * record of its assessments (its decision file stays downloadable after a
 * revoke). Nothing is opened or recorded. NOT_FOUND "no submission N" when
 * the bank has no review of it (never opened, or not its submission to see).
 */
enum outcome reviews_bank_own(struct store *st, long long bank_id, long long submission_id, struct review **out,
		     struct err *e);

/* The refusal of a change to a decided review r: CONFLICT with e
 * "review of submission N is decided", coded review_decided. */
enum outcome reviews_decided(const struct review *r, struct err *e);

#endif
