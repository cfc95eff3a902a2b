/*
 * page_review: the review pages, for both sides, and the bank's inbox
 * (web/page.h says how pages are made; every value comes from the API as
 * the caller, so the API's gate and shares_bank_access decide what shows).
 *
 *   GET /inbox                         bank: the submissions shared with
 *        it (GET /api/v1/inbox) with connector, version, date, expiry and
 *        the state of its review of each (GET /api/v1/reviews), linked
 *   GET /reviews                       both kinds: the reviews (a bank's
 *        own, or those of a connector's submissions by every bank)
 *   GET /reviews/{submission}          both kinds (a connector adds
 *        ?bank=NAME): the review screen, item by item grouped by 区分,
 *        with the answer, what changed since the bank's previous review
 *        (the API's "changed" flags: no other submission is fetched, so
 *        nothing is recorded as read but this one), the verdict (carried
 *        ones say from where), the
 *        thread, and the decision (web/review_screen.h makes the data).
 *        A bank with the REVIEW role gets a verdict form per item and the
 *        decision form; either side posts on threads (shinsa.js forms).
 *   GET /reviews/{submission}/criteria bank: the review through the
 *        bank's own criteria, each met / partly met / open / not covered;
 *        without imported criteria, a sentence and a link to /criteria
 *
 * A submission that is not a number, or not reachable, is the 404 page.
 */
#ifndef SHINSA_WEB_PAGE_REVIEW_H
#define SHINSA_WEB_PAGE_REVIEW_H

#include "web/http.h"

void page_inbox(struct http_request *req, struct http_response *resp);
void page_reviews(struct http_request *req, struct http_response *resp);
void page_review(struct http_request *req, struct http_response *resp);
void page_review_criteria(struct http_request *req, struct http_response *resp);

#endif
