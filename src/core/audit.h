/*
 * audit: the tamper-evident audit trail — events chained by SHA-256.
 *
 * Every security-relevant action (a login, an answer edited, a submission
 * made, exported or read, ...) is one event, appended and never changed.
 * Each event carries the hash of the one before it, so changing, removing
 * or reordering any event breaks the chain at that event, and
 * audit_chain_next() names it.
 *
 * An event:
 *   seq        1, 2, 3, ... with no gaps: the position in the chain
 *   at         clock_stamp() when it was appended, "YYYY-MM-DDTHH:MM:SSZ"
 *   actor      who: a user's email, or "cli:" + the operating-system user
 *              name for the command line (see cli_audit.h)
 *   org_id     the organisation the event belongs to; 0 for none (a system
 *              event, a failed login for an unknown email)
 *   action     a name from the vocabulary below, kept as text so that an
 *              event written by a newer shinsa still verifies in an older one
 *   object     what it was done to, "KIND:ID" ("answer:12", "submission:3");
 *              "" when there is nothing
 *   details    a small JSON text the caller built (canonical JSON by
 *              convention); opaque here, "{}" when there is nothing
 *   prev_hash  the previous event's hash; 64 zeros for event 1
 *   hash       audit_event_hash() of all the above
 *
 * THE HASH RULE (shinsa-audit/1), for anyone re-checking with other tools:
 * hash = lowercase hex of SHA-256 over the concatenation of nine netstrings,
 * a netstring being the field's length in bytes in decimal, ":", the bytes
 * (UTF-8), ",":
 *   "shinsa-audit/1", seq, at, actor, org, action, object, details,
 *   prev_hash
 * — the format tag, then the eight fields; seq and org are plain decimal (no
 * sign, no leading zeros), org is "" when the event has none (ids start at
 * 1, so "" is never an id). Example: event 1 at 2026-04-01T09:00:00Z by
 * "cli:alice" for org 1, action org_add, object "org:1", details "{}" is
 * SHA-256 of
 *   14:shinsa-audit/1,1:1,20:2026-04-01T09:00:00Z,9:cli:alice,1:1,7:org_add,
 *   5:org:1,2:{},64:0000...0000,
 * (one line, no spaces). Lengths make the encoding unambiguous: no choice
 * of field contents can make two different events serialise alike.
 *
 * An audit_event owns its strings; audit_event_free() releases them.
 */
#ifndef SHINSA_CORE_AUDIT_H
#define SHINSA_CORE_AUDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"
#include "lib/hash.h"
#include "lib/strbuf.h"

/*
 * The vocabulary. A name, once used, keeps its meaning forever; new actions
 * are added at the end. The numbers are this build's only, never stored.
 */
enum audit_action {
	AUDIT_LOGIN = 1,        /* login */
	AUDIT_LOGIN_FAILED,     /* login_failed */
	AUDIT_LOGOUT,           /* logout */
	AUDIT_USER_ADD,         /* user_add */
	AUDIT_PASSWORD_CHANGE,  /* password_change */
	AUDIT_TOTP_ENROL,       /* totp_enrol */
	AUDIT_TOKEN_CREATE,     /* token_create */
	AUDIT_TOKEN_REVOKE,     /* token_revoke */
	AUDIT_ORG_ADD,          /* org_add */
	AUDIT_ANSWER_EDIT,      /* answer_edit */
	AUDIT_ANSWERS_IMPORT,   /* answers_import */
	AUDIT_ANSWERS_EXPORT,   /* answers_export */
	AUDIT_SUBMISSION_CREATE, /* submission_create */
	AUDIT_SUBMISSION_EXPORT, /* submission_export */
	AUDIT_SUBMISSION_READ,  /* submission_read: a bank read a shared submission */
	AUDIT_SHARE_CREATE,     /* share_create */
	AUDIT_SHARE_REVOKE,     /* share_revoke */
	AUDIT_CRITERIA_IMPORT,  /* criteria_import: a bank's own criteria list replaced */
	AUDIT_CRITERIA_MAP,     /* criteria_map: one criterion's cross-walk row set */
	AUDIT_REVIEW_OPEN,      /* review_open: a bank's review of a submission began */
	AUDIT_REVIEW_VERDICT,   /* review_verdict */
	AUDIT_REVIEW_MESSAGE,   /* review_message */
	AUDIT_REVIEW_BANK_ANSWER, /* review_bank_answer */
	AUDIT_REVIEW_DECISION,  /* review_decision */
	AUDIT_PLAN_CREATE,      /* plan_create: a partial or not_implemented answer opened a plan */
	AUDIT_PLAN_UPDATE,      /* plan_update: status, due, note, milestones; reopened */
	AUDIT_PLAN_CLOSE,       /* plan_close: the answer became implemented or not_applicable */
	AUDIT_PLAN_REQUIRED,    /* plan_required: a bank set or removed its required date */
	AUDIT_CYCLE_SET,        /* cycle_set: a bank set a re-assessment cycle */
	AUDIT_REMINDERS_RUN,    /* reminders_run */
	AUDIT_NOTICE_SENT,      /* notice_sent: a notice handed to the mail program */
	AUDIT_QUESTION_ANSWER,  /* question_answer: a connector answered (or cleared) a bank's supplementary question */
	AUDIT_DECISION_EXPORT,  /* decision_export: a bank's signed decision written to a file or downloaded */
	AUDIT_USER_UPDATE,      /* user_update: an admin changed a user's role or disabled/enabled them */
	AUDIT_TOTP_RESET,       /* totp_reset: an admin turned a user's TOTP off (lost device) */
	AUDIT_BACKUP,           /* backup: shinsa backup copied the database (recorded after the copy, so not in it) */
	AUDIT_RESTORE,          /* restore: shinsa restore put a backup in place (the first event after the copy's) */
	AUDIT_QUESTIONS_READ,   /* questions_read: a bank read a connector's answers to its questions through a share */
	AUDIT_REVIEW_READ,      /* review_read: a bank read its review of a connector's submission through a share */
	AUDIT_REVIEW_CRITERIA_READ, /* review_criteria_read: the same review, seen through the bank's criteria */
	AUDIT_PLANS_READ,       /* plans_read: a bank read a connector's remediation plans through a share */
	AUDIT_ORG_SETTING,      /* org_setting: an organisation's setting changed (require_approval) */
	AUDIT_REVIEW_DRAFT,     /* review_draft: a decision drafted, awaiting approval */
	AUDIT_REVIEW_APPROVE,   /* review_approve: an approver approved a draft (review_decision follows) */
	AUDIT_REVIEW_REJECT,    /* review_reject: an approver returned a draft to its drafter, with a reason */
	AUDIT_AUDIT_EXPORT,     /* audit_export: the audit log downloaded as CSV, with the filters applied */
	AUDIT_PASSWORD_RESET,   /* password_reset: an admin gave a user a new one-time password (sessions ended) */
	AUDIT_ATTACHMENT_ADD,   /* attachment_add: a connector attached a file to its items */
	AUDIT_ATTACHMENT_SET,   /* attachment_set: an attachment's title, items or validity changed */
	AUDIT_ATTACHMENT_REMOVE, /* attachment_remove: an attachment removed (its file is kept) */
	AUDIT_ATTACHMENT_READ,  /* attachment_read: a bank downloaded a submission's file through a share */
	AUDIT_PACKAGE_READ,     /* package_read: a bank downloaded a submission's package through a share */
	AUDIT_REVIEW_FILE_ADD,  /* review_file_add: a file uploaded to a submission's review threads */
	AUDIT_REVIEW_FILE_READ, /* review_file_read: a bank downloaded a thread's file through a share */
	AUDIT_NACTIONS,
};

/* "login", ...; NULL for a number outside the vocabulary. And back: 0 for
 * a name this build does not know. */
const char *audit_action_name(enum audit_action a);
enum audit_action audit_action_parse(const char *name);

/* The longest actor, object and details an event takes, in bytes. */
#define AUDIT_ACTOR_MAX 320
#define AUDIT_OBJECT_MAX 200
#define AUDIT_DETAILS_MAX 65536

struct audit_event {
	long long seq;
	char *at;
	char *actor;
	long long org_id;  /* 0: none */
	char *org_name;    /* for people; not part of the hash; may be NULL */
	char *action;
	char *object;
	char *details;
	char *prev_hash;
	char *hash;
	/* Set by a reader when a stored field held a NUL byte: what was read is
	 * not all the row holds, so it cannot be trusted to match its hash. */
	bool cut;
};

/*
 * A new event to append: copies of actor, object ("" for NULL) and details
 * ("{}" for NULL) and the name of action; the store sets seq, at,
 * prev_hash and hash.
 */
struct audit_event *audit_event_new(const char *actor, long long org_id, enum audit_action action, const char *object,
				    const char *details);
void audit_event_free(struct audit_event *ev);

/* Checks what a caller gives before it is appended: a known action, actor
 * 1..AUDIT_ACTOR_MAX bytes, object and details within their limits. */
int audit_event_check(const struct audit_event *ev, struct err *e);

/* Appends the serialisation the hash is taken over (the rule above). */
void audit_event_serialise(const struct audit_event *ev, struct strbuf *out);
/* The hash of ev by the rule above, from every field but ev->hash (NULL
 * strings count as ""). */
void audit_event_hash(const struct audit_event *ev, char out[HASH_HEX_LEN + 1]);

/* prev_hash of event 1. */
extern const char audit_genesis_hash[HASH_HEX_LEN + 1];

/*
 * Checking a chain, one event at a time in seq order. Start from
 * AUDIT_CHAIN_INIT; audit_chain_next() returns 0 when ev fits after what
 * came before, else -1 with e naming the first thing wrong, checked in this
 * order:
 *   "event 12 missing: sequence jumps from 11 to 13"
 *   "events 12 to 14 missing: sequence jumps from 11 to 15"
 *   "event 17: hash does not match its contents"
 *   "event 18: previous hash does not match event 17"
 *   "event 1: previous hash is not the start of the trail (64 zeros)"
 * (a first event other than 1 is "event 1 missing: ..." from 0). A seq
 * that does not grow is "event 9 out of order: it follows event 11".
 */
struct audit_chain {
	long long n;        /* events accepted */
	long long last_seq; /* 0 before the first */
	char last_hash[HASH_HEX_LEN + 1];
};
#define AUDIT_CHAIN_INIT { 0, 0, { 0 } }

int audit_chain_next(struct audit_chain *c, const struct audit_event *ev, struct err *e);

#endif
