#include "service/approvals.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/text.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/notify.h"
#include "service/reviews.h"
#include "store/store_org.h"
#include "store/store_review_draft.h"

struct decide_arg {
	const char *decision, *reason;
	const unsigned char *secret;
	bool drafted; /* out: a draft was made (the bank requires approval) */
	struct approvals_stopped *stopped; /* out: the items of an items_pending or items_open refusal */
};

void approvals_stopped_release(struct approvals_stopped *s)
{
	if (!s)
		return;
	free(s->nos);
	s->nos = NULL;
	s->n = 0;
}

/* The items review_decidable() refused r for (its code in e), into a->stopped. */
static void keep_stopped(const struct review *r, const struct err *e, struct decide_arg *a)
{
	bool pending = strcmp(e->code, "items_pending") == 0;
	if (!a->stopped || !(pending || strcmp(e->code, "items_open") == 0))
		return;
	unsigned mask = pending ? 1u << VERDICT_PENDING : 1u << VERDICT_QUERY | 1u << VERDICT_IMPROVEMENT;
	approvals_stopped_release(a->stopped);
	a->stopped->nos = xcalloc(r->n_items + 1, sizeof *a->stopped->nos);
	a->stopped->n = review_items_with(r, mask, a->stopped->nos);
}

/* Inside the transaction: tells of a draft's step (kind) on r by actor:
 * the bank's approvers of a draft, its drafter (to) of an approval or a
 * return. */
static int tell(struct store *st, const struct review *r, enum notify_kind kind, const char *to, const char *actor,
		const char *now, const char *detail, struct err *e)
{
	struct notification n = { .kind = kind, .submission_id = r->submission_id, .bank = r->bank_name,
				  .connector = r->connector_name, .detail = (char *)(detail ? detail : ""),
				  .actor = (char *)actor, .created_at = (char *)now };
	return to ? notify_person(st, r->bank_id, to, &n, e)
		  : notify_event(st, r->bank_id, NOTIFY_ROLE(ROLE_APPROVER), &n, e);
}

static int pending_conflict(const struct review *r, struct err *e)
{
	char id[24];
	if (snprintf(id, sizeof id, "%lld", r->submission_id) >= (int)sizeof id)
		abort(); /* a long long has at most 20 characters */
	err_coded(e, NULL, "awaiting_approval", "a decision of submission {1} is awaiting approval", id, NULL);
	return OUTCOME_CONFLICT;
}

/* Inside the transaction: a draft, or the decision in one step. */
static int do_decide(struct store *st, struct review *r, const char *actor, const char *now, void *arg,
		     struct err *e)
{
	struct decide_arg *a = arg;
	struct org *bank = NULL;
	enum review_decision d;
	if (review_decision_parse(a->decision, &d) < 0) {
		err_set(e, "bad decision \"%s\" (want meets, conditional or does_not_meet)", a->decision);
		return OUTCOME_INVALID;
	}
	if (review_reason_check(d, a->reason, e) < 0)
		return OUTCOME_INVALID;
	if (review_decidable(r, d, e) < 0) {
		keep_stopped(r, e, a);
		return OUTCOME_CONFLICT;
	}
	if (review_pending_draft(r))
		return pending_conflict(r, e);
	if (store_org_get_id(st, r->bank_id, &bank, e) != STORE_OK)
		return -1;
	a->drafted = bank->require_approval;
	org_free(bank);
	r->decision = d;
	r->reason = xstrdup(a->reason ? a->reason : "");
	if (!a->drafted)
		return reviews_record_decision(st, r, a->secret, actor, now, e);
	struct review_draft draft = { .decision = d, .reason = r->reason, .drafted_by = (char *)actor,
				      .drafted_at = (char *)now };
	if (store_review_draft_add(st, r->id, &draft, e) < 0)
		return -1;
	json_t *details = json_pack("{s:s, s:I, s:I}", "decision", review_decision_name(d), "draft",
				    (json_int_t)draft.id, "submission", (json_int_t)r->submission_id);
	int rc = audit_log(st, actor, r->bank_id, AUDIT_REVIEW_DRAFT, details, e, "review:%lld", r->id);
	json_decref(details);
	if (rc == 0)
		rc = tell(st, r, NOTIFY_DRAFTED, NULL, actor, now, review_decision_name(d), e);
	return rc < 0 ? -1 : 0;
}

enum outcome approvals_decide(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
			      long long bank_id, long long submission_id, const char *decision, const char *reason,
			      struct review **out, struct approvals_stopped *stopped, struct err *e)
{
	struct decide_arg a = { .decision = decision, .reason = reason, .secret = secret, .stopped = stopped };
	struct reviews_hook hook = { do_decide, &a };
	return reviews_bank_write(st, actor, bank_id, submission_id, &hook, out, e);
}

/* r's pending draft, to be resolved by actor (verb "approve"/"reject"). */
static int resolvable(struct review *r, const char *actor, const char *verb, struct review_draft **out,
		      struct err *e)
{
	if (r->decision != DECISION_NONE) {
		return reviews_decided(r, e);
	}
	*out = review_pending_draft(r);
	if (!*out) {
		err_set(e, "no decision of submission %lld is awaiting approval", r->submission_id);
		return OUTCOME_CONFLICT;
	}
	/* 起案 and 承認 by two people: the drafter's own approval is no approval. */
	if (strcmp((*out)->drafted_by, actor) == 0) {
		err_coded(e, NULL, "own_draft", "you drafted this decision: another approver must {1} it", verb, NULL);
		return OUTCOME_REFUSED;
	}
	return 0;
}

/* A draft's event: {"decision"|"reason": what, "draft", "submission"}. */
static int draft_event(struct store *st, const struct review *r, const char *actor, enum audit_action action,
		       const char *key, const char *what, long long draft, struct err *e)
{
	json_t *details = json_pack("{s:s, s:I, s:I}", key, what, "draft", (json_int_t)draft, "submission",
				    (json_int_t)r->submission_id);
	int rc = audit_log(st, actor, r->bank_id, action, details, e, "review:%lld", r->id);
	json_decref(details);
	return rc < 0 ? -1 : 0;
}

static int do_approve(struct store *st, struct review *r, const char *actor, const char *now, void *arg,
		      struct err *e)
{
	struct review_draft *d;
	int rc = resolvable(r, actor, "approve", &d, e);
	if (rc != 0)
		return rc;
	/* The verdicts did not change under the draft, but the rule is
	 * checked again where it is signed. */
	if (review_decidable(r, d->decision, e) < 0)
		return OUTCOME_CONFLICT;
	r->decision = d->decision;
	r->reason = xstrdup(d->reason);
	r->drafted_by = xstrdup(d->drafted_by);
	r->drafted_at = xstrdup(d->drafted_at);
	if (store_review_draft_resolve(st, d->id, DRAFT_APPROVED, actor, now, NULL, e) != STORE_OK ||
	    draft_event(st, r, actor, AUDIT_REVIEW_APPROVE, "decision", review_decision_name(d->decision), d->id, e) < 0 ||
	    tell(st, r, NOTIFY_APPROVED, d->drafted_by, actor, now, NULL, e) < 0)
		return -1;
	return reviews_record_decision(st, r, arg, actor, now, e);
}

enum outcome approvals_approve(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
			       long long bank_id, long long submission_id, struct review **out, struct err *e)
{
	struct reviews_hook hook = { do_approve, (void *)secret };
	return reviews_bank_write(st, actor, bank_id, submission_id, &hook, out, e);
}

static int do_reject(struct store *st, struct review *r, const char *actor, const char *now, void *arg,
		     struct err *e)
{
	const char *reason = arg;
	struct review_draft *d;
	int rc = resolvable(r, actor, "reject", &d, e);
	if (rc != 0)
		return rc;
	if (!reason || text_is_blank(reason)) {
		err_coded(e, NULL, "reason_required", "a rejection needs a reason: say what to change", NULL);
		return OUTCOME_INVALID;
	}
	if (review_text_check("the reason", reason, e) < 0)
		return OUTCOME_INVALID;
	if (store_review_draft_resolve(st, d->id, DRAFT_REJECTED, actor, now, reason, e) != STORE_OK ||
	    draft_event(st, r, actor, AUDIT_REVIEW_REJECT, "reason", reason, d->id, e) < 0)
		return -1;
	return tell(st, r, NOTIFY_REJECTED, d->drafted_by, actor, now, NULL, e);
}

enum outcome approvals_reject(struct store *st, const char *actor, long long bank_id, long long submission_id,
			      const char *reason, struct review **out, struct err *e)
{
	struct reviews_hook hook = { do_reject, (void *)reason };
	return reviews_bank_write(st, actor, bank_id, submission_id, &hook, out, e);
}
