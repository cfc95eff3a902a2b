/*
 * page_submissions: the connector's submissions and consents as pages
 * (web/page.h says how pages are made; page_connector.h has /answers).
 *
 *   GET /submissions             the history (version, date, the banks it
 *                                is shared with now, links) and the submit
 *                                panel: what GET /api/v1/answers/check
 *                                says must be fixed first, or the button
 *                                (POST /api/v1/submissions, then the new
 *                                submission's page); when the check cannot
 *                                be made (400: more than one checklist,
 *                                none), a sentence and the API's reason
 *                                instead of the panel, the history still
 *   GET /submissions/{id}        one submission: its answers read-only,
 *                                grouped by 区分; its shares (state,
 *                                expiry, who read it and when) with revoke,
 *                                and the form to share it with a bank;
 *                                links to the diff with the version before
 *                                and with the working answers
 *   GET /submissions/{id}/diff/{other}   what changed from {id} to
 *                                {other} (a submission or "working"): per
 *                                item, field, before <del> and after <ins>
 *   GET /shares                  every share: state, expiry, last access,
 *                                revoke
 *
 * Routes are ROUTE_PAGE | ROUTE_CONNECTOR: a bank's user gets the 403
 * page, nobody signed in a 303 to /login, another connector's submission
 * the 404 page (the API's answer).
 */
#ifndef SHINSA_WEB_PAGE_SUBMISSIONS_H
#define SHINSA_WEB_PAGE_SUBMISSIONS_H

#include <jansson.h>

#include "web/http.h"

void page_submissions(struct http_request *req, struct http_response *resp);
void page_submission(struct http_request *req, struct http_response *resp);
void page_submission_diff(struct http_request *req, struct http_response *resp);
void page_shares(struct http_request *req, struct http_response *resp);

/*
 * GET /api/v1/shares (borrowed) as the pages' rows, those of submission
 * only when it is not 0, newest first: each share's members plus
 * state {in_force|revoked|expired: true} and state_chip (good, none,
 * warn), last_access_at (the latest accesses[].at, "" for none) and
 * n_accesses. NULL if shares is not an array.
 */
json_t *page_share_rows(const json_t *shares, json_int_t submission);

/*
 * GET .../diff/{other}'s items (borrowed) as rows, one per changed field:
 * [{no, field, f {FIELD: true}, before, after, status, before_s,
 * after_s}], before/after "" for null; status true for the status field,
 * whose before_s/after_s are [{st: {NAME|unset: true}}] for the labels
 * ([] for other fields). NULL if items is not an array.
 */
json_t *page_diff_rows(const json_t *items);

/*
 * GET /api/v1/answers/check's problem_details (borrowed) as the submit
 * panel's rows, [{no, k: {KEY: true}}] in order: KEY is the code
 * ("no_status", "no_reason"), or for a "required" field STATUS_FIELD
 * ("partial_issues", "not_implemented_plan_due"), so the template words
 * it with the message connector.problem.KEY in the person's language.
 */
json_t *page_submissions_problems(const json_t *details);

/*
 * GET /api/v1/answers/check's warnings (check borrowed, NULL gives none)
 * as the submit panel's rows, [{no, k: {CODE: true}}] in order, for the
 * messages flag.CODE; a warning on a field the problems already name for
 * the same item (a partial answer without a plan is refused too) is left
 * out, so no point is said twice. A new array, yours.
 */
json_t *page_submissions_warnings(const json_t *check);

#endif
