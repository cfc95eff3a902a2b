/*
 * api_reviews: banks' reviews over HTTP (service/reviews.h has the rules,
 * service/review_view.h the JSON; docs/reviews.md the reference).
 *
 *   GET  /api/v1/reviews                          READ, both kinds: a bank's
 *        reviews, or the reviews of a connector's submissions
 *   GET  /api/v1/reviews/{submission}             READ, both kinds: the
 *        bank's own review (opened on first read, through a share in
 *        force); the connector names the bank, ?bank=NAME; with what
 *        changed since the bank's previous review (service/review_view.h);
 *        a bank's read is recorded on the share as review_read
 *        (shares_note_read: once made, before it is sent)
 *   GET  /api/v1/reviews/{submission}/criteria    bank, READ: the bank's
 *        review by its own criteria (service/review_criteria.h), opened as
 *        above; 404 "not_found" "no criteria imported yet" without a list;
 *        recorded as review_criteria_read when given (a refusal is not)
 *   PUT  /api/v1/reviews/{submission}/items/{no}  bank, REVIEW:
 *        {verdict, comment?} → 200 the item
 *   PUT  /api/v1/reviews/{submission}/items/{no}/answer  bank, REVIEW:
 *        {status?, current?, notes?} → 200 the item
 *   POST /api/v1/reviews/{submission}/items/{no}/messages  both kinds:
 *        {text} from the bank (REVIEW), {text, bank} from the connector
 *        (ANSWERS_EDIT); the role is checked here because the action
 *        depends on the caller's kind → 201 the item
 *   POST /api/v1/reviews/{submission}/decision    web/api_approvals.h
 *   GET  /api/v1/reviews/{submission}/decision    READ, both kinds: the
 *        signed decision file to download (formats/review_decision.h;
 *        `shinsa verify` checks it offline); the connector as for GET of
 *        the review, the bank its own review's whether or not a share is in
 *        force now (the file holds its judgement, none of the answers):
 *        not a read of the share. Nor are the writes' answers (the item
 *        or decision the bank just wrote, its own).
 *
 * Service results: NOT_FOUND 404 "not_found", INVALID 400 "bad_request",
 * CONFLICT 409 "conflict".
 */
#ifndef SHINSA_WEB_API_REVIEWS_H
#define SHINSA_WEB_API_REVIEWS_H

#include "web/http.h"

void api_review_list(struct http_request *req, struct http_response *resp);
void api_review_show(struct http_request *req, struct http_response *resp);
void api_review_criteria(struct http_request *req, struct http_response *resp);
void api_review_verdict(struct http_request *req, struct http_response *resp);
void api_review_bank_answer(struct http_request *req, struct http_response *resp);
void api_review_message(struct http_request *req, struct http_response *resp);
void api_review_decision_file(struct http_request *req, struct http_response *resp);

#endif
