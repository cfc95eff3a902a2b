/*
 * review: one bank's review of one submission, as plain data, and the
 * rules that need no database: verdict and decision names, whether a
 * verdict may be given, when a decision may be taken, and which verdicts
 * an earlier review carries forward.
 *
 * A review has one item per checklist item. On connector and common items
 * the bank gives a verdict (pending until it does); bank items take none:
 * the bank answers them itself, and its side of common items, in
 * bank_answer. A verdict can be carried from the bank's earlier review of
 * the same connector and checklist when the item's answer is unchanged
 * (review_carry()); the item then says so (carried, carried_from) until
 * the bank gives its own verdict.
 *
 * A decision closes the review: meets, conditional or does_not_meet, with
 * a reason (required but for meets), signed by the bank (service/reviews.h
 * and formats/review_decision.h).
 *
 * A review owns its items, their strings and messages; review_free()
 * releases everything and accepts NULL.
 */
#ifndef SHINSA_CORE_REVIEW_H
#define SHINSA_CORE_REVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/catalog.h"
#include "core/mapping.h"
#include "lib/err.h"

#define REVIEW_TEXT_MAX 4000 /* characters of a comment, a message or a reason */

enum review_verdict {
	VERDICT_PENDING = 0,    /* no verdict yet */
	VERDICT_ACCEPTED,       /* 確認済 */
	VERDICT_QUERY,          /* 要確認 */
	VERDICT_IMPROVEMENT,    /* 要改善 */
	VERDICT_NOT_APPLICABLE, /* 対象外 */
};

enum review_decision {
	DECISION_NONE = 0,      /* not decided */
	DECISION_MEETS,         /* 適合 */
	DECISION_CONDITIONAL,   /* 条件付適合 */
	DECISION_DOES_NOT_MEET, /* 不適合 */
};

/* "accepted", ... (NULL for pending); labels 確認済, ... ("" for pending).
 * Parsing takes the name or the label; -1 for anything else. */
const char *review_verdict_name(enum review_verdict v);
const char *review_verdict_label(enum review_verdict v);
int review_verdict_parse(const char *s, enum review_verdict *out);

/* "meets", ... (NULL for none); labels 適合, ...; parsing as for verdicts. */
const char *review_decision_name(enum review_decision d);
const char *review_decision_label(enum review_decision d);
int review_decision_parse(const char *s, enum review_decision *out);

/* A file sent with a thread's message (service/review_files.h): the
 * bytes are an attachment blob, named by sha256. */
struct review_message_file {
	char *sha256;
	char *name;
	char *type; /* a sniff token (formats/sniff.h) */
	long long size;
};

/* One message of an item's thread. */
struct review_message {
	char *org;    /* the poster's organisation */
	char *author; /* the poster's email, or "cli:NAME" */
	char *at;
	char *text;
	/* The verdict the message was given with (the verdict's text is the
	 * message: service/reviews.h); VERDICT_PENDING for a plain message. */
	enum review_verdict verdict;
	long long id; /* the stored row's (0 before it is stored) */
	struct review_message_file *files; /* in the order they were sent */
	size_t n_files;
};

struct review_item {
	int no;
	char *item_key;
	enum party party;
	enum review_verdict verdict;
	char *comment;    /* "" when none */
	char *verdict_at; /* when the verdict was given (NULL: pending); for a
			   * carried one, when it was first given */
	bool carried;     /* the verdict came from an earlier review */
	long long carried_submission; /* where it was first given (carried only) */
	int carried_version;
	/* The bank's own answer (bank and common items): status, current and
	 * notes are used; has_bank_answer says whether there is one. */
	struct answer bank_answer;
	bool has_bank_answer;
	bool bank_answer_carried; /* copied from the earlier review, untouched since */
	struct review_message *messages; /* oldest first */
	size_t n_messages;
};

/* A decision drafted where the bank requires approval (service/approvals.h):
 * pending until an approver other than the drafter approves it (it is then
 * the review's signed decision) or rejects it with a reason. */
enum review_draft_state {
	DRAFT_PENDING = 0,
	DRAFT_APPROVED,
	DRAFT_REJECTED,
};

struct review_draft {
	long long id;
	enum review_decision decision;
	char *reason; /* "" when none */
	char *drafted_by;
	char *drafted_at;
	enum review_draft_state state;
	char *resolved_by; /* NULL while pending */
	char *resolved_at;
	char *rejection;   /* the reason given to the drafter (rejected only) */
};

/* Frees what d owns, not d itself. */
void review_draft_release(struct review_draft *d);

/* "pending_approval", "approved", "rejected"; and back (-1: unknown). */
const char *review_draft_state_name(enum review_draft_state s);
int review_draft_state_parse(const char *s, enum review_draft_state *out);

struct review {
	long long id;
	long long submission_id;
	int version;
	long long connector_id;
	char *connector_name;
	long long bank_id;
	char *bank_name;
	char *catalog_id;
	char *opened_at;
	char *opened_by;
	struct review_item *items; /* in checklist order */
	size_t n_items;
	/* The decision; DECISION_NONE and NULLs while open. */
	enum review_decision decision;
	char *reason;
	char *decided_at;
	char *decided_by;
	char *decision_document;  /* the canonical bytes that were signed */
	char *decision_sha256;
	char *decision_signature;
	/* Drafts, oldest first; the approved one's drafter and time are the
	 * decision's (NULL: decided in one step, by decided_by). */
	struct review_draft *drafts;
	size_t n_drafts;
	char *drafted_by;
	char *drafted_at;
};

/* r's draft awaiting approval, or NULL. */
struct review_draft *review_pending_draft(const struct review *r);

struct review *review_new(void);
void review_free(struct review *r);
/* Frees what item owns (its strings, answer and messages), not item itself. */
void review_item_release(struct review_item *item);

/* An item for every item of checklist cat, pending, in catalog order. */
void review_init_items(struct review *r, const struct catalog *cat);

/* The item numbered no, or NULL. */
struct review_item *review_find(struct review *r, int no);
const struct review_item *review_find_key(const struct review *r, const char *key);

/* Appends a message (strings copied) to item, given with verdict
 * (VERDICT_PENDING: a plain message). */
void review_item_add_message(struct review_item *item, const char *org, const char *author, const char *at,
			     const char *text, enum review_verdict verdict);

/* Appends a file (strings copied) to message m. */
void review_message_add_file(struct review_message *m, const char *sha256, const char *name, const char *type,
			     long long size);

/*
 * Whether message i of item, a query or an improvement, has been resolved:
 * a later message of the thread was given with accepted or not_applicable,
 * or the item's verdict now is one of those, given at or after the
 * message. False for any other message.
 */
bool review_message_resolved(const struct review_item *item, size_t i);

#define REVIEW_REVISION_LEN 16
/*
 * The item's revision: what the bank's writes change (verdict, comment,
 * its time, carried, the bank's answer), hashed; a write that names the
 * revision it read is refused when it is no longer this one. Messages are
 * not in it: they are only ever added.
 */
void review_item_revision(const struct review_item *item, char out[REVIEW_REVISION_LEN + 1]);

/*
 * Whether verdict v with comment may be given on item. Messages:
 *   "item 39 is the bank's to answer, not to review"
 *   "a query needs a comment: say what to ask"
 *   "an improvement needs a comment: say what to improve"
 *   "the comment is longer than 4000 characters"
 * (a blank comment counts as none). 0 or -1.
 */
int review_verdict_check(const struct review_item *item, enum review_verdict v, const char *comment,
			 struct err *e);

/* Whether text (a message or a reason, called what) is UTF-8, 1..4000
 * characters and not blank: "WHAT is not valid UTF-8", "WHAT is empty",
 * "WHAT is longer than 4000 characters". 0 or -1. */
int review_text_check(const char *what, const char *text, struct err *e);

/*
 * Whether decision d may have reason (0), or -1: "a conditional decision
 * needs a reason", "a does_not_meet decision needs a reason", and
 * review_text_check()'s length message (a request to correct).
 */
int review_reason_check(enum review_decision d, const char *reason, struct err *e);

/* Sets e to "review of submission N is decided" for decided r, coded
 * review_decided with the value N (lib/err.h err_coded). */
void review_decided_err(const struct review *r, struct err *e);

/*
 * Whether r is in a state to take decision d (0), or -1 (the review's
 * state does not allow it):
 *   "review of submission N is decided" (review_decided_err)
 *   "3 items have no verdict: 12, 14, 20" ("1 item has no verdict: 12")
 *   "meets needs no open item: 2 items are query or improvement: 5, 7"
 * The last two are set with err_coded() (lib/err.h), so that a page says
 * them in its own words: code "items_pending" or "items_open", values the
 * count and the numbers ("12, 14, 20"); review_items_with() gives the
 * numbers themselves.
 */
int review_decidable(const struct review *r, enum review_decision d, struct err *e);

/*
 * The carry rule (re-review by exception). r is a new review of a
 * submission whose answers are now; earlier is the same bank's most recent
 * review of an earlier submission of the same connector and checklist,
 * whose answers were then. For each connector or common item of r (matched
 * by key) whose answer in now equals its answer in then in every field,
 * and which has a verdict in earlier, the verdict and comment are carried:
 * carried true, carried_from the submission and time where the verdict was
 * first given (earlier's own, or where earlier had it carried from). The
 * bank's answers of earlier are copied as r's, marked carried. Everything
 * else stays pending. Returns the number of verdicts carried.
 */
size_t review_carry(struct review *r, const struct answer_set *now, const struct review *earlier,
		    const struct answer_set *then);

/*
 * Whether the answer to the item keyed key differs between then and now in
 * any field: true when one of them has an answer and the other none, false
 * when neither has one. The rule review_carry() keeps a verdict by, and the
 * review's "changed" flags (service/review_view.h).
 */
bool review_answer_changed(const struct answer_set *now, const struct answer_set *then, const char *key);

/* The numbers of r's connector and common items whose verdict is in mask
 * (1u << verdict, or'ed), in checklist order, into nos (r->n_items long;
 * may be NULL to count only); how many. */
size_t review_items_with(const struct review *r, unsigned mask, int *nos);

/* Counts of r's connector and common items by verdict, indexed by enum
 * review_verdict. */
void review_count(const struct review *r, size_t counts[VERDICT_NOT_APPLICABLE + 1]);

/*
 * Where one of a bank's criteria stands in a review, from its row of the
 * bank's cross-walk (core/criteria.h) and the review's verdicts:
 *   - REVIEW_CRITERION_NOT_COVERED: the relation is none, or the row is not
 *     mapped yet, or it maps to no item that takes a verdict (bank items,
 *     which the bank answers itself, and numbers the review does not have
 *     are left out of the rule);
 *   - REVIEW_CRITERION_MET: every item left has verdict accepted or
 *     not_applicable, and the items cover the whole criterion (relation
 *     equal, or subset: the criterion is part of what they ask);
 *   - REVIEW_CRITERION_PARTLY_MET: the same verdicts, but the criterion
 *     asks more than its items (superset) or only overlaps them
 *     (intersects): what the checklist's answers cover is met, the rest is
 *     the bank's to judge;
 *   - REVIEW_CRITERION_OPEN: otherwise (some item pending, query or
 *     improvement);
 *   - REVIEW_CRITERION_MET_WITH_PLAN: met as above, but the connector
 *     rated one of those items partial or not_implemented in answers (the
 *     review's submitted answers; NULL: not known, never this state): the
 *     bank accepted a remaining gap with its improvement plan, which is not
 *     the same as met.
 */
enum review_criterion_state {
	REVIEW_CRITERION_NOT_COVERED = 0,
	REVIEW_CRITERION_MET,
	REVIEW_CRITERION_PARTLY_MET,
	REVIEW_CRITERION_OPEN,
	REVIEW_CRITERION_MET_WITH_PLAN,
};

/* "not_covered", "met", "partly_met", "open", "met_with_plan". */
const char *review_criterion_state_name(enum review_criterion_state s);
enum review_criterion_state review_criterion_state(const struct review *r, const struct mapping_row *row,
						   const struct answer_set *answers);

#endif
