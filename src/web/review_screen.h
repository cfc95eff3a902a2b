/*
 * review_screen: the data of the review page (web/page_review.h), made
 * from what the API gives: the review (GET /api/v1/reviews/{submission}),
 * the checklist (GET /api/v1/catalogs/{id}) and the submission's answers.
 * Pure reshaping: no request, no database; every argument is borrowed.
 *
 * The result (yours) is the review object with, added:
 *   groups      [{category, items: [ITEM]}] in the checklist's order, one
 *               group per 区分 (category); every review item appears once
 *   counts      {items, pending, accepted, query, improvement,
 *               not_applicable, changed, carried}
 *   has_previous  true when the review has a previous review (its
 *               "previous" is an object)
 * where ITEM is the review's item with, added:
 *   objective, key   from the checklist
 *   answer      the submission's answer for the item (a bank item: the
 *               review's bank_answer), or null
 *   st          {STATUS: true} for the answer's status ({} without one)
 *   v           {VERDICT: true}, or {"pending": true}
 *   verdict_key "pending" when the verdict is null, else the verdict
 *   bank_item   party is "bank"
 *   changed     the review item's own "changed" (the API compares the
 *               answers with the bank's previous review), false for a
 *               bank item
 *   changed_key "yes" / "no", query_key "open" / "none" (filter values)
 *   flag_rows   [{k: {CODE: true}}] for each code of the item's "flags"
 *               (the contradictions in the connector's answer), in order
 *   form        the checklist's own columns (web/page_refs.h)
 * Returns NULL if review has no "items" array.
 */
#ifndef SHINSA_WEB_REVIEW_SCREEN_H
#define SHINSA_WEB_REVIEW_SCREEN_H

#include <jansson.h>

json_t *review_screen_build(const json_t *review, const json_t *catalog, const json_t *answers);

/* {NAME: true} for a JSON string NAME (anything else: {}), yours: how the
 * templates pick a word or a chip for a state. */
json_t *review_screen_flag(const json_t *name);

#endif
