/*
 * plan: remediation plans and re-assessment cycles — the rules, as plain
 * data and pure functions (no store, no clock: "today" is always given).
 *
 * A plan follows one item of a connector's master answer set whose answer
 * is partial (一部対応) or not_implemented (未対応): it has a status, a due
 * date, milestones, a history, and each bank's own required date. Plans are
 * kept in step with the answers by service/plans.h and never deleted.
 *
 * Dates are "YYYY-MM-DD" (UTC, the clock's date); they compare as text in
 * time order, so every rule below is a comparison of strings.
 *
 * Overdue: a plan that is not done is overdue on a day when a date it must
 * meet lies before that day (the due date itself still counts as in time).
 * For the connector those dates are its own due and every bank's required
 * date; for a bank, the date it sees (its required date if it set one,
 * else the connector's due).
 *
 * A re-assessment cycle (bank and connector): every `months` (1 to 60,
 * default 12) from the last assessment. The next due date is the bank's
 * explicit one if it set one, else the last assessment + months, else none
 * (never assessed). Month arithmetic keeps the day of the month, or takes
 * the month's last day when it has no such day (2026-01-31 + 1 month =
 * 2026-02-28).
 *
 * A plan owns its strings, milestones, history and required dates;
 * plan_free() releases them.
 */
#ifndef SHINSA_CORE_PLAN_H
#define SHINSA_CORE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "lib/err.h"

enum plan_status {
	PLAN_OPEN = 1,
	PLAN_IN_PROGRESS,
	PLAN_DONE,
};

#define PLAN_NOTE_MAX 4000             /* characters of a progress note */
#define PLAN_MILESTONE_TITLE_MAX 200   /* characters of a milestone's title */
#define PLAN_MILESTONES_MAX 50         /* milestones of one plan */
#define PLAN_DATE_LEN 10               /* YYYY-MM-DD */

struct plan_milestone {
	char *title;
	char *due;     /* NULL: no date */
	char *done_at; /* NULL: not done */
};

/* One entry of a plan's history: what changed, when and by whom. */
struct plan_event {
	char *at;     /* clock stamp */
	char *actor;  /* an email, or "cli:NAME" */
	char *what;   /* "created", "due", "status", "note", "milestones", "closed", "reopened", "required" */
	char *detail; /* for people: "2026-09-30 → 2026-10-31", the note's text, ... */
	long long bank_id; /* a "required" entry's bank (only that bank sees it); 0 otherwise */
};

/* A bank's own required date for a plan. */
struct plan_required {
	long long bank_id;
	char *bank;
	char *due;
};

struct plan {
	long long id;
	long long connector_id;
	char *connector;   /* the connector's name */
	char *catalog_id;
	int no;            /* the item's 通番 */
	enum plan_status status;
	char *due;         /* NULL: the answer has no 対応予定日 */
	char *created_at;
	char *updated_at;
	char *closed_at;   /* when it became done; NULL otherwise */
	struct plan_milestone *milestones;
	size_t n_milestones;
	struct plan_event *history; /* oldest first */
	size_t n_history;
	struct plan_required *required; /* by bank id */
	size_t n_required;
};

struct plan *plan_new(void);
void plan_free(struct plan *p);
/* Frees n plans and the array; accepts NULL. */
void plan_list_free(struct plan **list, size_t n);

/* Append copies (NULL strings stay NULL). */
void plan_add_milestone(struct plan *p, const char *title, const char *due, const char *done_at);
void plan_add_event(struct plan *p, const char *at, const char *actor, const char *what, const char *detail,
		    long long bank_id);
void plan_add_required(struct plan *p, long long bank_id, const char *bank, const char *due);
/* Empties the milestones. */
void plan_clear_milestones(struct plan *p);
/* bank_id's required date, or NULL. */
const char *plan_required_of(const struct plan *p, long long bank_id);

/* "open", "in_progress", "done"; and back: 0, or -1 with e
 * "unknown status \"TEXT\" (want open, in_progress or done)". */
const char *plan_status_name(enum plan_status s);
int plan_status_parse(const char *s, enum plan_status *out, struct err *e);

/* Whether an answer with status s needs a plan: partial, not_implemented. */
bool plan_needed(enum answer_status s);

/* True when date is set and lies before today. */
bool plan_date_passed(const char *date, const char *today);
/* Overdue for the connector: not done, and its due or any bank's required
 * date passed. */
bool plan_overdue(const struct plan *p, const char *today);
/* The date bank_id holds the plan to: its required date, else the due. */
const char *plan_due_for_bank(const struct plan *p, long long bank_id);
/* Overdue for bank_id: not done and plan_due_for_bank() passed. */
bool plan_overdue_for_bank(const struct plan *p, long long bank_id, const char *today);
/* The earliest of the dates that make p overdue for the connector (the
 * key a reminder is deduplicated by), or NULL when it is not overdue. */
const char *plan_overdue_since(const struct plan *p, const char *today);
/* The same counting only the required dates i with counted[i] (NULL:
 * all): the banks whose dates still bind the connector. */
const char *plan_overdue_since_of(const struct plan *p, const char *today, const bool *counted);

/*
 * Checks what a connector may send: the note (at most PLAN_NOTE_MAX
 * characters of UTF-8), and a milestone (the index counts from 1 in the
 * messages). Messages (exact):
 *   "note is not valid UTF-8"
 *   "note is longer than 4000 characters"
 *   "milestone N: title is empty"
 *   "milestone N: title is longer than 200 characters"
 *   "milestone N: title contains a control character or invalid UTF-8"
 *   "milestone N: due \"TEXT\" is not a date (want YYYY-MM-DD)"
 *   "milestone N: done_at \"TEXT\" is not a date (want YYYY-MM-DD)"
 * and for a plan's or a bank's date:
 *   "due \"TEXT\" is not a date (want YYYY-MM-DD)"
 */
int plan_note_check(const char *note, struct err *e);
int plan_milestone_check(size_t index, const char *title, const char *due, const char *done_at, struct err *e);
int plan_date_check(const char *name, const char *date, struct err *e);

/* Date arithmetic on YYYY-MM-DD (out: 11 bytes). -1 for a date that is
 * not one or a result before 1970 or after 9999. */
int plan_date_add_months(const char *date, int months, char out[PLAN_DATE_LEN + 1]);
int plan_date_add_days(const char *date, int days, char out[PLAN_DATE_LEN + 1]);

/* Re-assessment cycles. */
#define CYCLE_MONTHS_DEFAULT 12
#define CYCLE_MONTHS_MIN 1
#define CYCLE_MONTHS_MAX 60
#define CYCLE_DUE_DAYS 30 /* "due" this many days ahead and less */

enum cycle_state {
	CYCLE_NOT_ASSESSED = 1, /* no next due date: never assessed */
	CYCLE_SCHEDULED,        /* the next due date is more than 30 days ahead */
	CYCLE_DUE,              /* today up to 30 days ahead */
	CYCLE_OVERDUE,          /* before today */
};

/* "not_assessed", "scheduled", "due", "overdue". */
const char *cycle_state_name(enum cycle_state s);

/* The next due date by the rule above into out: 1 when there is one, 0
 * when there is none (out ""), -1 for a stored date that is not one. */
int cycle_next_due(const char *explicit_next, const char *last_assessed, int months, char out[PLAN_DATE_LEN + 1]);
/* The state of a cycle whose next due date is next_due ("" or NULL: none). */
enum cycle_state cycle_state_of(const char *next_due, const char *today);
/* "months must be a whole number from 1 to 60" unless 1 <= months <= 60. */
int cycle_months_check(long long months, struct err *e);

/* A re-assessment cycle of a bank and a connector as stored: what the bank
 * set and the last assessment; the next due date is cycle_next_due()'s. */
struct cycle {
	long long bank_id;
	char *bank;
	long long connector_id;
	char *connector;
	int months;
	char *next_due;      /* the bank's explicit date; NULL: none */
	char *last_assessed; /* NULL: never assessed */
};

struct cycle *cycle_new(void);
void cycle_free(struct cycle *c);
void cycle_list_free(struct cycle **list, size_t n);

/* What a reminder says and to whom: one organisation, its admins. */
enum notice_kind {
	NOTICE_REASSESSMENT_DUE = 1,
	NOTICE_REASSESSMENT_OVERDUE,
	NOTICE_PLAN_OVERDUE,
	NOTICE_EVENT, /* an event's e-mail (service/notify.h): its recipients chose them */
	NOTICE_ATTACHMENT_EXPIRING, /* an attached file's 有効期限 is near or here (service/reminders.h) */
};
#define NOTICE_KIND_LAST NOTICE_ATTACHMENT_EXPIRING

/* "reassessment_due", "reassessment_overdue", "plan_overdue", "event",
 * "attachment_expiring"; and back (0). */
const char *notice_kind_name(enum notice_kind k);
enum notice_kind notice_kind_parse(const char *s);

struct notice {
	long long id;
	char *dedup_key;  /* kind, the pair or the plan, the due date, the recipient */
	long long org_id; /* the recipient organisation */
	char *org;        /* its name */
	enum notice_kind kind;
	char *subject;
	char *body;
	char *recipients; /* the admins' emails, ", " between them; "" for none */
	char *created_at;
	char *sent_at;    /* NULL: not sent */
};

struct notice *notice_new(void);
void notice_free(struct notice *n);
void notice_list_free(struct notice **list, size_t n);

#endif
