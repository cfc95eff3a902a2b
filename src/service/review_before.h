/*
 * review_before: what a bank sees of its previous review beside a
 * re-review (docs/reviews.md, "Before and after"). Layer: service.
 *
 * review_before_add() adds to view, the review_view_json() of r (borrowed,
 * changed in place):
 *   previous.decision   the previous review's decision {decision, reason,
 *                       decided_at, decided_by, decided_by_name,
 *                       decided_by_department}, or null while undecided:
 *                       the bank's own judgement, always shown
 *   previous.shared     whether the previous version's answers and threads
 *                       are shown (below)
 *   items[].previous_answer    for a changed item, the previous version's
 *                       answer {status, current, issues, plan, plan_due,
 *                       notes} (as submissions show it); null otherwise
 *   items[].previous_messages  the item's thread in the previous review
 *                       [{org, author, author_name, author_department, at,
 *                       text, ...}] as items[].messages, [] when none
 * with view's previous null, nothing is added. The previous answers and
 * threads are the connector's data: for reader NULL (the connector reading
 * the review of its own submission) they are always shown and nothing is
 * recorded; for a bank's reader they are shown only while a share of the
 * previous submission with r's bank is in force (the rule of every bank's
 * read, shares_bank_access()), and the read is then recorded on that share
 * (review_read, shares_record_read()) in one transaction before the view
 * is returned. 0, or -1 with e.
 */
#ifndef SHINSA_SERVICE_REVIEW_BEFORE_H
#define SHINSA_SERVICE_REVIEW_BEFORE_H

#include <jansson.h>

#include "core/review.h"
#include "core/user.h"
#include "lib/err.h"
#include "store/store.h"

int review_before_add(struct store *st, const struct user *reader, const struct review *r, json_t *view,
		      struct err *e);

#endif
