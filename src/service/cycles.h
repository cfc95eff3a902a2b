/*
 * cycles: periodic re-assessment of each bank and connector pair, for the
 * command line, the server and the reminders. Layer: service. The rule
 * (next due date, state) is core/plan.h's.
 *
 * A pair exists once the connector has shared any submission with the
 * bank (in force or not, ever): before that there is nothing to
 * re-assess. Its cycle is CYCLE_MONTHS_DEFAULT months with no dates until
 * the bank sets it (cycles_set) or an assessment is recorded
 * (cycles_assessed, called by the bank's review decision inside its own
 * transaction).
 *
 * Who sees what: a bank its pairs with every connector, a connector its
 * pairs with every bank; only the bank sets its cycle. A pair the caller
 * is not part of is OUTCOME_NOT_FOUND "no connector \"NAME\"" whether the
 * name exists or not, so no other organisation's name leaks.
 *
 * Audit: cycle_set on "cycle:BANK_ID-CONNECTOR_ID" in the bank's trail,
 * details {connector, months, next_due} (as now set).
 *
 * Return values: 0; OUTCOME_NOT_FOUND; OUTCOME_INVALID (the message says
 * what); OUTCOME_REFUSED "NAME is a connector: cycles are set by banks" (the
 * command line; the server's route is for banks only); -1 for a failure of
 * the system; e always says why.
 */
#ifndef SHINSA_SERVICE_CYCLES_H
#define SHINSA_SERVICE_CYCLES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/org.h"
#include "core/plan.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/* The pairs viewer is part of (NULL: every pair), by bank then connector.
 * cycle_list_free() the result. */
int cycles_list(struct store *st, const struct org *viewer, struct cycle ***out, size_t *n, struct err *e);

/* {bank, connector, months, last_assessed, next_due, state} at today. */
json_t *cycles_json(const struct cycle *c, const char *today);

/*
 * What a bank sends: months (when months_set; 1 to 60, else
 * "months must be a whole number from 1 to 60") and next_due (when
 * next_due_set: a date, or NULL to go back to last assessment + months).
 * Nothing set: "nothing to set (give months or next_due)".
 */
struct cycle_update {
	bool months_set;
	long long months;
	bool next_due_set;
	const char *next_due;
};

/* The bank sets its cycle with the connector named connector; next_due is
 * read as lib/jpinput.h reads a day (2027/7/31, 令和9年7月31日, ...; refused
 * "next_due: ..."). *out (may be NULL) is the cycle as stored, yours. */
enum outcome cycles_set(struct store *st, const char *actor, const struct org *bank, const char *connector,
			const struct cycle_update *u, struct cycle **out, struct err *e);

/*
 * Inside the caller's transaction: the bank assessed the connector on
 * date (YYYY-MM-DD, else OUTCOME_INVALID "date \"X\" is not a date (want
 * YYYY-MM-DD)"). The next due date is then date + months, unless the bank
 * set an explicit one after date: an explicit date on or before the
 * assessment has been served and is cleared.
 */
enum outcome cycles_assessed(struct store *st, long long bank_id, long long connector_id, const char *date,
			     struct err *e);

#endif
