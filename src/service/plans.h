/*
 * plans: remediation plans for the command line and the server — kept in
 * step with the master answer set, updated by the connector, seen by the
 * banks under consent. Layer: service (see service/auth.h). The rules of
 * status, dates and overdue are core/plan.h's.
 *
 * In step with the answers (plans_sync(), called by service/answers inside
 * the transaction that writes an answer, for set and import alike):
 *   - an answer that becomes partial or not_implemented gets a plan if it
 *     has none (status open, due = the answer's 対応予定日, history
 *     "created", event plan_create);
 *   - a plan that was done is reopened when its answer goes back to
 *     partial or not_implemented from another status ("reopened");
 *   - a changed 対応予定日 moves the plan's due ("due");
 *   - an answer that becomes implemented or not_applicable closes the plan
 *     (status done, closed_at, "closed": "answer now implemented");
 *   - an answer whose status is cleared leaves its plan as it is.
 * Reopening, moving and the connector's own updates are plan_update events;
 * closing is plan_close. Plans are never deleted.
 *
 * Who sees what (a viewer is an organisation; NULL means the command line,
 * which acts for anyone):
 *   - a connector sees its own plans, with every bank's required date;
 *   - a bank sees a connector's plan for item N while some submission of
 *     that connector shared with the bank by a share in force has item N
 *     partial or not_implemented; it sees its own required date and none
 *     of another bank's (nor their history entries);
 *   - anything else is OUTCOME_NOT_FOUND "no plan N", never "forbidden".
 *
 * Audit events (organisation: the connector, whose plan it is; actor as
 * given; object "plan:ID"):
 *   plan_create   {catalog, no, due}
 *   plan_update   {catalog, no, fields[]}  fields among status, due, note,
 *                                          milestones
 *   plan_close    {catalog, no, reason}
 *   plan_required {bank, catalog, no, due}  (due null: removed)
 *
 * The JSON shapes of both sides are service/plan_view.h's.
 *
 * Return values: 0; OUTCOME_NOT_FOUND; OUTCOME_INVALID (what was sent is
 * wrong: the message says what, exactly as tested); -1 for a failure of
 * the system. e always says why.
 */
#ifndef SHINSA_SERVICE_PLANS_H
#define SHINSA_SERVICE_PLANS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/org.h"
#include "core/plan.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * Inside the caller's write transaction: brings the plan of item
 * after->no in step with its answer having gone from before (only status
 * and plan_due are read) to after, by the rules above.
 */
int plans_sync(struct store *st, const char *actor, long long connector_id, const char *catalog_id,
	       const struct answer *before, const struct answer *after, struct err *e);

/* What the connector sends to update a plan; fields not sent are NULL /
 * false. Owned by the caller, or filled by plans_update_parse(). */
struct plan_update {
	const char *status;
	bool due_set;
	const char *due;     /* NULL with due_set: remove the due date */
	char due_iso[11];    /* due as read (lib/jpinput.h: 令和9年7月31日 too), due points here */
	const char *note;
	bool milestones_set;
	struct plan *milestones; /* only its milestones are used */
};

/*
 * The body of PUT /api/v1/plans/{id} into u (pointing into body, which
 * must outlive u): {status?, due?, note?, milestones?[{title, due?,
 * done_at?}]}, every value checked (core/plan.h's messages), and:
 *   "unknown field \"x\" (allowed: status, due, note, milestones)"
 *   "nothing to set (give any of status, due, note, milestones)"
 *   "status must be a string", "due must be a string or null",
 *   "note must be a string", "note is empty",
 *   "milestones must be an array of {title, due, done_at}",
 *   "too many milestones (at most 50)",
 *   "milestone N must be an object {title, due, done_at}",
 *   "milestone N: unknown field \"x\" (allowed: title, due, done_at)",
 *   "milestone N: title is required", "milestone N: title must be a string",
 *   "milestone N: due must be a string or null" (done_at alike);
 * due and a milestone's due and done_at read as typed in Japan
 * (lib/jpinput.h: 令和9年7月31日, R9.7.31), refused with its coded
 * message ("milestone N: due: 2027-02-30 is not a day").
 * 0, or OUTCOME_INVALID. plans_update_release() frees what it made.
 */
enum outcome plans_update_parse(const json_t *body, struct plan_update *u, struct err *e);
void plans_update_release(struct plan_update *u);

/*
 * The connector (connector_id; 0: the command line, any) updates plan
 * id: every change is a history entry and one plan_update event; a change
 * to done sets closed_at, away from done clears it. Nothing that differs:
 * no entry, no event. *out (may be NULL) is the plan as stored, yours.
 */
enum outcome plans_update(struct store *st, const char *actor, long long connector_id, long long id,
			  const struct plan_update *u, struct plan **out, struct err *e);

/* A bank sets (due a date) or removes (NULL) its required date for plan
 * id, which it must see. Messages: "no plan N", the date's. */
enum outcome plans_require(struct store *st, const char *actor, const struct org *bank, long long id, const char *due,
			   struct err *e);

/* The clock's date, YYYY-MM-DD. */
int plans_today(char out[PLAN_DATE_LEN + 1], struct err *e);

/*
 * The items of each connector a bank sees plans for at now (a stamp; by
 * the consent rule above): a list of (connector, catalog, no) with the
 * submission whose share opens it, by share oldest first. bank_id 0 gives
 * none.
 */
struct plans_visible {
	struct plans_visible_item {
		long long connector_id;
		char *catalog_id;
		int no;
		long long submission_id;
	} *items;
	size_t n;
};
int plans_visible_load(struct store *st, long long bank_id, const char *now, struct plans_visible *v,
		       struct err *e);
bool plans_visible_has(const struct plans_visible *v, const struct plan *p);
/* The submission whose share opens p to the bank, the newest share's when
 * several do (the one a read of p is recorded on); 0: none. */
long long plans_visible_submission(const struct plans_visible *v, const struct plan *p);
void plans_visible_release(struct plans_visible *v);

#endif
