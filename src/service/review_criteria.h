/*
 * review_criteria: a bank's review seen through the bank's own criteria —
 * each criterion of its imported list with its cross-walk row, the
 * verdicts of the items it maps to, and where it stands
 * (core/review.h, review_criterion_state). Layer: service. For
 * GET /api/v1/reviews/{submission}/criteria and `shinsa review criteria`.
 *
 * Access is the caller's: the review handed in was reached by the rules
 * of service/reviews.h (reviews_open for the bank over the API,
 * reviews_get for the command line); this reads the bank's list and
 * records nothing.
 *
 * Return values: 0 and *out (yours):
 *   {submission, version, bank, connector,
 *    summary:{met, met_with_plan, partly_met, open, not_covered},
 *    criteria:[{key, category, text, relation, items:[{no, verdict}], state}]}
 * in the list's order; state as core/review.h's review_criterion_state
 * names it, judged against the connector's statuses in the submission
 * (met_with_plan: accepted, but rated partial or not_implemented); relation
 * null when not mapped yet, text null for a
 * damaged criterion; verdict is the item's verdict name, null when it has
 * none (pending, or a bank item, which takes none), as in the review's
 * own JSON (service/review_view.h).
 * OUTCOME_NOT_FOUND "no criteria imported yet" when the bank has no list
 * (service/criteria.h's message), "no review of submission N by BANK" for
 * a review that is not bank's; OUTCOME_CONFLICT "the criteria are mapped
 * to X, but submission N answers Y: map them to Y first" (the cross-walk's
 * item numbers would mean other items); -1 for a failure of the system; e
 * says why.
 */
#ifndef SHINSA_SERVICE_REVIEW_CRITERIA_H
#define SHINSA_SERVICE_REVIEW_CRITERIA_H

#include <jansson.h>

#include "core/org.h"
#include "core/review.h"
#include "lib/err.h"
#include "store/store.h"

enum outcome review_criteria_view(struct store *st, const struct org *bank, const struct review *r, json_t **out,
				  struct err *e);

#endif
