/*
 * review_view: reviews as the API and `shinsa review` show them
 * (docs/reviews.md), with the decision's signature re-checked each time. Layer:
 * service. Every json_t returned is yours.
 */
#ifndef SHINSA_SERVICE_REVIEW_VIEW_H
#define SHINSA_SERVICE_REVIEW_VIEW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/org.h"
#include "core/review.h"
#include "lib/err.h"
#include "lib/strbuf.h"
#include "store/store.h"
#include "store/store_review.h"

/* Whether r's stored decision document has its SHA-256 and the signature
 * of the bank's current key (false while undecided). */
bool review_view_signature_valid(struct store *st, const struct review *r);

/*
 * {submission, version, connector, bank, opened_at, previous, items[],
 * decision}, each item review_view_item()'s with "changed" and "flags"
 * added.
 *
 * previous is the bank's previous review of the same connector and
 * checklist, {submission, version}, or null: the latest earlier version
 * this bank reviewed (store_review_previous()), the one whose verdicts
 * were carried into r — not simply the version before, which the bank may
 * never have been given. changed is true for a connector or common item
 * whose answer differs from the one in previous in any field, or is
 * given in one of them only (review_answer_changed()); false for a bank
 * item and when previous is null. Both answers are read from the store:
 * no share of the previous version is consulted and nothing is recorded
 * for it (the caller reached r through its own rule; a bank had access to
 * what it reviewed). flags are the codes of the contradictions in the
 * connector's answer to the item in r's submission, as of the server's
 * date (service/answers.h answers_warnings_json: "implemented_issues",
 * "implemented_future_due", "open_no_plan", "open_no_plan_due"), [] for
 * none and for a bank item. expired_files (service/review_expiry.h): the
 * sealed files that support the item and whose 有効期限 has passed by
 * today. NULL with e on a failure of the store.
 */
json_t *review_view_json(struct store *st, const struct review *r, struct err *e);

/* One item: {no, party, verdict, carried, carried_from, comment,
 * bank_answer, messages[{org, author, at, text, verdict, resolved}],
 * revision}; carried_from null or {submission, version, at}; bank_answer
 * null (none, or a connector item) or {status, current, notes, carried};
 * a message's verdict is the one it was given with (null: a plain
 * message), resolved as review_message_resolved() says; revision as
 * review_item_revision() gives it. */
json_t *review_view_item(const struct review_item *it);

/* review_view_item() with author_name and author_department on each
 * message, as review_view_json() gives them (service/people.h): the
 * answer to a write of one item. */
json_t *review_view_item_named(struct store *st, const struct review_item *it);

/* null, or {decision, reason, decided_at, decided_by, drafted_by,
 * approved_by, sha256, signature, signature_valid}: drafted_by is the
 * decider when it was decided in one step, approved_by then null. Beside
 * each of decided_by, drafted_by and approved_by: KEY_name and
 * KEY_department (service/people.h; null with approved_by null), which the
 * signed document does not hold. */
json_t *review_view_decision(struct store *st, const struct review *r);

/* The drafts of r's decision, oldest first (service/approvals.h): [{decision,
 * reason, drafted_by, drafted_at, state ("pending_approval", "approved",
 * "rejected"), resolved_by, resolved_at, rejection}], with drafted_by_name,
 * drafted_by_department and resolved_by_name, resolved_by_department (null
 * while unresolved) as for the decision. The bank's own
 * deliberation: for the bank only. */
json_t *review_view_drafts(struct store *st, const struct review *r);

/*
 * Exports the decision file of r (formats/review_decision.h): the stored
 * document as it was signed, its SHA-256 and signature, and the bank's
 * public key; whoever holds it checks it with `shinsa verify`. A stored
 * decision that no longer verifies is not exported. An export is an event,
 * as every export is (service/export.h): decision_export on "review:ID" to
 * org_id's trail by actor, details {bank, file, sha256, submission},
 * committed only once the file is written. review_view_decision_export()
 * writes it to path (file in the details: the path);
 * review_view_decision_bytes() puts it in out (empty; yours to release),
 * for a download named file, only once the event has committed. 0; OUTCOME_NOT_FOUND "the review of
 * submission N by BANK is not decided yet"; OUTCOME_CONFLICT "the stored
 * decision on submission N by BANK no longer verifies: it is not exported";
 * -1 (the store, the file).
 */
enum outcome review_view_decision_export(struct store *st, const char *actor, long long org_id, const struct review *r,
				const char *path, struct err *e);
enum outcome review_view_decision_bytes(struct store *st, const char *actor, long long org_id, const struct review *r,
			       const char *file, struct strbuf *out, struct err *e);

/* The reviews by a bank, or of a connector's submissions: [{submission,
 * version, connector, bank, opened_at, pending, query, improvement,
 * decision, decided_at}], by submission then bank. */
int review_view_list(struct store *st, const struct org *org, json_t **out, struct err *e);

#endif
