/*
 * api_plans: remediation plans and re-assessment cycles over HTTP
 * (service/plans.h, service/plan_view.h and service/cycles.h have the
 * rules: who sees which plan, what a change records).
 *
 *   GET /api/v1/plans[?status=S][&overdue=true]   READ, connector or bank:
 *          the plans the caller sees (plan_view_list()); 400 for a bad
 *          filter
 *   GET /api/v1/plans/{id}                        READ: one, with history;
 *          404 "no plan N" for one the caller may not see
 *   PUT /api/v1/plans/{id}                        connector, ANSWERS_EDIT:
 *          {status?, due?, note?, milestones?} → 200 the plan as GET
 *          shows it; 400 with plans_update_parse()'s messages; 404
 *   PUT /api/v1/plans/{id}/required               bank, REVIEW: {due}
 *          (a date, or null to remove it) → 200 the plan; 400; 404
 *   GET /api/v1/cycles                            READ, either side:
 *          [{bank, connector, months, last_assessed, next_due, state}]
 *   PUT /api/v1/cycles/{connector}                bank, REVIEW:
 *          {months?, next_due?} → 200 the cycle; 400; 404 "no connector
 *          \"NAME\"" for a connector it has no share with
 *   GET /api/v1/portfolio                         READ, either side: one
 *          row per counterpart (service/portfolio.h)
 */
#ifndef SHINSA_WEB_API_PLANS_H
#define SHINSA_WEB_API_PLANS_H

#include "web/http.h"

void api_portfolio(struct http_request *req, struct http_response *resp);
void api_plan_list(struct http_request *req, struct http_response *resp);
void api_plan_show(struct http_request *req, struct http_response *resp);
void api_plan_update(struct http_request *req, struct http_response *resp);
void api_plan_required(struct http_request *req, struct http_response *resp);
void api_cycle_list(struct http_request *req, struct http_response *resp);
void api_cycle_set(struct http_request *req, struct http_response *resp);

#endif
