/*
 * portfolio: where each of an organisation's counterparts stands, on one
 * page — for GET /api/v1/portfolio and `shinsa portfolio`. Layer: service.
 *
 * One row per pair the viewer is part of (service/cycles.h: a pair exists
 * once the connector has shared any submission with the bank, in force or
 * not): a bank gets one per connector, a connector one per bank, ordered
 * by the counterpart's name (byte order). Nothing of a pair the viewer is
 * not part of appears.
 *
 *   [{connector|bank: NAME, submission, version, decision, decided_at,
 *     open_queries, overdue_plans, open_plans, next_due, cycle_state}]
 *
 * (a bank's rows name the connector, a connector's the bank):
 *   - submission, version, decision, decided_at: the pair's most recently
 *     decided review (store_review_standing); all null when none is;
 *   - open_queries: the query verdicts of the pair's latest review (of the
 *     newest submission, decided or not); 0 without a review;
 *   - open_plans, overdue_plans: the connector's plans that the bank sees
 *     (service/plans.h's consent rule) and are not done, and those of them
 *     overdue for the bank (core/plan.h, plan_overdue_for_bank: its
 *     required date, else the connector's due, passed). Counted the bank's
 *     way on both sides, so both see the same numbers for a pair;
 *   - next_due, cycle_state: the re-assessment cycle (cycles_json()).
 * Today is the clock's date (SHINSA_NOW in tests).
 *
 * Return values: 0 and *out (yours); -1 for a failure of the system (e
 * says why). Read only: nothing is recorded.
 */
#ifndef SHINSA_SERVICE_PORTFOLIO_H
#define SHINSA_SERVICE_PORTFOLIO_H

#include <jansson.h>

#include "core/org.h"
#include "lib/err.h"
#include "store/store.h"
#include "store/store_review.h"

int portfolio_list(struct store *st, const struct org *viewer, json_t **out, struct err *e);

#endif
