/*
 * review_compare: the before and after of a re-review on the review page
 * (web/templates/review_before_after.html, review_previous_decision.html),
 * made from what GET /api/v1/reviews/{submission} gives
 * (service/review_before.h). Pure reshaping; the words changed are marked
 * by core/text_diff.
 *
 * review_compare_add() changes data, review_screen_build()'s result, in
 * place:
 *   prev_decision  [{d: {DECISION: true}}] for the previous review's
 *                  decision (one element, for the chip partial), or []
 *   each ITEM with a previous_answer gets
 *     compare  [{f: {FIELD: true}, changed, status, st_before, st_after,
 *               before: [SEG], after: [SEG]}] for status, current, issues,
 *              plan, plan_due and notes, in that order, each field that is
 *              given on either side; st_* {STATUS: true} (status only);
 *              before holds the old text's segments (same and del), after
 *              the new one's (same and ins), SEG {text, same|del|ins: true}
 */
#ifndef SHINSA_WEB_REVIEW_COMPARE_H
#define SHINSA_WEB_REVIEW_COMPARE_H

#include <jansson.h>

void review_compare_add(json_t *data);

#endif
