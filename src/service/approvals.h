/*
 * approvals: a bank's decision by 起案 and 承認. Layer: service, above
 * service/reviews.h.
 *
 * A bank whose setting require_approval is on (core/org.h;
 * service/orgs.h sets it) decides in two steps: a user with REVIEW drafts
 * the decision (approvals_decide()), and an approver (core/user.h,
 * ACTION_APPROVE) other than the drafter approves it — it is then signed
 * and stored as reviews_decide() would, the document naming the drafter
 * and the approver — or rejects it with a reason, which returns it to the
 * drafter: the draft and the reason stay in the review's history, and a
 * new draft may be made. While a draft is pending the review's verdicts
 * and bank answers do not change (what the approver approves is what was
 * drafted). A bank without the setting decides in one step, as before.
 *
 * Audit events (the bank's trail, object "review:ID"):
 *   review_draft   {"decision", "draft", "submission"}
 *   review_approve {"decision", "draft", "submission"}, then review_decision
 *   review_reject  {"draft", "reason", "submission"}
 * Notifications (drafted to approvers, approved or rejected to the
 * drafter) hook onto these three functions' success.
 *
 * Outcomes as service/reviews.h says, and:
 *   OUTCOME_CONFLICT "a decision of submission N is awaiting approval"
 *                    (a second draft, or deciding while one is pending)
 *   OUTCOME_CONFLICT "no decision of submission N is awaiting approval"
 *   OUTCOME_REFUSED  "you drafted this decision: another approver must
 *                    approve it" (reject: "... must reject it")
 *   OUTCOME_INVALID  "a rejection needs a reason: say what to change", and
 *                    review_text_check("the reason")'s messages
 * A review handed out (*out) is yours, review_free() it.
 */
#ifndef SHINSA_SERVICE_APPROVALS_H
#define SHINSA_SERVICE_APPROVALS_H

#include "core/review.h"
#include "lib/err.h"
#include "lib/keys.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * The bank's decision by name or label ("bad decision \"X\" (want meets,
 * conditional or does_not_meet)"), with review_reason_check()'s rules
 * (OUTCOME_INVALID) and review_decidable()'s (OUTCOME_CONFLICT, the items
 * as err_coded() data). Without the setting: the canonical document
 * (formats/review_decision.h) hashed, signed with the bank's key (opened
 * with secret) and stored with its event (reviews_record_decision()), in
 * one transaction. With it: a draft, nothing signed (the review's pending
 * draft is then review_pending_draft(*out)).
 */
/* The items that stopped a decision (e->code items_pending: those with no
 * verdict; items_open: those query or improvement): their 通番 in order,
 * read in the same transaction as the refusal. Owns nos. */
struct approvals_stopped {
	int *nos;
	size_t n;
};

void approvals_stopped_release(struct approvals_stopped *s);

/* stopped (NULL: not wanted) is filled on those two refusals. */
enum outcome approvals_decide(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
			      long long bank_id, long long submission_id, const char *decision, const char *reason,
			      struct review **out, struct approvals_stopped *stopped, struct err *e);

/* The pending draft approved by actor, and signed. */
enum outcome approvals_approve(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
			       long long bank_id, long long submission_id, struct review **out, struct err *e);

/* The pending draft rejected by actor with reason, back to its drafter. */
enum outcome approvals_reject(struct store *st, const char *actor, long long bank_id, long long submission_id,
			      const char *reason, struct review **out, struct err *e);

#endif
