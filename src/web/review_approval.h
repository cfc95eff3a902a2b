/*
 * review_approval: the approval part of the review page's decision panel
 * (web/page_review.h), made from what the API gives: the review's drafts
 * (GET /api/v1/reviews/{submission}, the bank's reads only) and the bank's
 * setting (GET /api/v1/org). Pure reshaping: no request, no database;
 * every argument is borrowed, the result is yours.
 *
 * The result is an object:
 *   required     the bank requires approval (the decide form then drafts)
 *   pending      [DRAFT] (one element) while a draft awaits approval, else []
 *   mine         the pending draft is the caller's (who waits for another
 *                approver)
 *   may_resolve  the caller may approve or reject it (an approver who did
 *                not draft it)
 *   rejected     [DRAFT], the last draft when it was rejected and nothing
 *                is pending since (its reason and who rejected it), else []
 *   drafts       [DRAFT] every draft, oldest first
 *   any          drafts is not empty
 * where DRAFT is the API's draft with d ({DECISION: true}, the chip's
 * flag) and st ({STATE: true}: pending_approval, approved, rejected).
 */
#ifndef SHINSA_WEB_REVIEW_APPROVAL_H
#define SHINSA_WEB_REVIEW_APPROVAL_H

#include <stdbool.h>

#include <jansson.h>

/* drafts may be NULL (a connector's read has none); me is the caller's
 * e-mail; may_approve says the caller's role may approve. */
json_t *review_approval_build(const json_t *drafts, bool required, const char *me, bool may_approve);

#endif
