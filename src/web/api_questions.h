/*
 * api_questions: a bank's supplementary questions and a connector's
 * answers to them over HTTP (service/questions.h has the rules).
 *
 *   GET /api/v1/banks/{bank}/questions (connectors, READ) → 200
 *       [{key, category, text, answer, answered_at, answered_by}], the
 *       bank's questions with the caller's answers (null when unanswered);
 *       {bank} is the bank's name, percent-encoded; 404 "no bank \"NAME\""
 *   PUT /api/v1/banks/{bank}/questions/{key} (connectors, ANSWERS_EDIT)
 *       {"answer": "..."} → 200 the item as above; "" (or blank) clears
 *       the answer; 400 "answer is required", "answer must be a string",
 *       "the answer is longer than 4000 characters", an unknown field;
 *       404 "no bank \"NAME\"", "BANK has no question \"KEY\""
 *   GET /api/v1/reviews/{submission}/questions (both kinds, READ; a
 *       connector adds ?bank=NAME) → 200 {bank, connector, questions:[...]}:
 *       the access of GET /api/v1/reviews/{submission} (a bank through a
 *       share in force, the connector its own submission's review), else
 *       404 with that route's message ("no submission N", "no review of
 *       submission N by BANK"); 400 "bank is required: say whose review
 *       with ?bank=NAME" for a connector without it
 */
#ifndef SHINSA_WEB_API_QUESTIONS_H
#define SHINSA_WEB_API_QUESTIONS_H

#include "web/http.h"

void api_questions_list(struct http_request *req, struct http_response *resp);
void api_questions_answer(struct http_request *req, struct http_response *resp);
void api_questions_review(struct http_request *req, struct http_response *resp);

#endif
