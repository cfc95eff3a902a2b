/*
 * page_plans: the follow-up pages, for both sides (web/page.h says how
 * pages are made).
 *
 *   GET /portfolio     both kinds: one row per counterpart (GET
 *        /api/v1/portfolio): latest decision, open queries, open and
 *        overdue plans, next re-assessment (GET /api/v1/cycles for its
 *        period), overdue rows marked; a bank's REVIEW role sets each
 *        connector's period and next date (PUT /api/v1/cycles/{connector})
 *   GET /plans         both kinds: the plans the caller sees (GET
 *        /api/v1/plans) with due dates, status and overdue chips, filtered
 *        by status and overdue on the page
 *   GET /plans/{id}    both kinds: one plan with its history (GET
 *        /api/v1/plans/{id}); the connector's editors update status, due
 *        date and note (PUT /api/v1/plans/{id}), a bank's reviewers set
 *        the date they require (PUT /api/v1/plans/{id}/required)
 *
 * A plan id that is not a number, or a plan the caller may not see, is
 * the 404 page.
 */
#ifndef SHINSA_WEB_PAGE_PLANS_H
#define SHINSA_WEB_PAGE_PLANS_H

#include "web/http.h"

void page_portfolio(struct http_request *req, struct http_response *resp);
void page_plans(struct http_request *req, struct http_response *resp);
void page_plan(struct http_request *req, struct http_response *resp);

#endif
