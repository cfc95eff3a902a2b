/*
 * plan_view: plans as each side sees them, in JSON — for GET /api/v1/plans
 * and `shinsa plans list --json` alike. Layer: service. Who sees which
 * plan is service/plans.h's rule; this applies it and shapes the answer.
 *
 * Today is the clock's date (SHINSA_NOW in tests); overdue is core/plan.h's
 * rule for the side asking.
 *
 * Return values: 0; OUTCOME_NOT_FOUND "no plan N"; OUTCOME_INVALID for a bad
 * filter; -1 for a failure of the system (e set).
 */
#ifndef SHINSA_SERVICE_PLAN_VIEW_H
#define SHINSA_SERVICE_PLAN_VIEW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/org.h"
#include "core/user.h"
#include "lib/err.h"
#include "store/store.h"

/* Filters of a listing: status NULL for any; overdue_only. */
struct plans_filter {
	const char *status;
	bool overdue_only;
};

/*
 * reader: the user of viewer who reads, or NULL (the command line, which
 * records nothing). A bank's plans are its connectors' data seen through
 * their shares: when a bank's user reads them, each share in force
 * through which a plan shown was opened (plans_visible_submission()) gets
 * one read, recorded and audited as plans_read (service/shares.h,
 * shares_record_read()) in one transaction with the reading, before the
 * plans are handed over; a plan refused or filtered out is no read. A
 * connector's reads of its own plans are not recorded.
 *
 * The plans viewer sees, filtered, oldest item first: for a connector
 * [{id, catalog, no, objective, status, due, overdue, milestones[{title,
 * due, done_at}], required[{bank, due, overdue}], updated_at}]; for a bank
 * [{id, connector, catalog, no, objective, status, due, connector_due,
 * required, overdue, milestones, updated_at}], due being its required
 * date (required) if it set one, else the connector's (connector_due). A
 * bad status filter is OUTCOME_INVALID with plan_status_parse()'s message.
 * *out is yours.
 */
enum outcome plan_view_list(struct store *st, const struct org *viewer, const struct user *reader,
			    const struct plans_filter *f, json_t **out, struct err *e);

/* One plan viewer sees, as in the list plus created_at, closed_at and
 * history[{at, actor, what, detail}] (a bank: without other banks'
 * entries). connector_id of the command line: viewer NULL shows it as its
 * connector sees it. */
enum outcome plan_view_show(struct store *st, const struct org *viewer, const struct user *reader, long long id,
			    json_t **out, struct err *e);

#endif
