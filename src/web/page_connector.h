/*
 * page_connector: the connector's pages (web/page.h says how pages are
 * made: each reads the JSON API as its caller and renders a template).
 *
 *   GET /answers    the master answer set as a grid grouped by 区分, a
 *                   count per status, filters (party, status, open plans,
 *                   text); each of the connector's items edited in place
 *                   and saved as it is typed (web/static/connector.js: PUT
 *                   /api/v1/answers/{no} with the revision the page read,
 *                   a 409 shown with the other version); the bank's items
 *                   read-only. Excel: check an upload with
 *                   POST /api/v1/answers/import?dry_run=1, then import it;
 *                   the export link. Reads GET /api/v1/answers and
 *                   GET /api/v1/catalogs/{id}.
 *
 * Routes are ROUTE_PAGE | ROUTE_CONNECTOR (src/web/routes.c): a bank's
 * user gets the 403 page, nobody signed in a 303 to /login.
 */
#ifndef SHINSA_WEB_PAGE_CONNECTOR_H
#define SHINSA_WEB_PAGE_CONNECTOR_H

#include <jansson.h>
#include <stdbool.h>

#include "web/http.h"

void page_answers(struct http_request *req, struct http_response *resp);

/*
 * The answer grid's data from GET /api/v1/answers (answers) and the
 * checklist's GET /api/v1/catalogs/{id} (catalog), both borrowed:
 *   {groups[{category, items[{no, objective, party, status, chip, st,
 *            current, issues, plan, plan_due, notes, revision, editable,
 *            open_plan, bank, common, form}]}],
 *    counts{implemented, partial, not_implemented, not_applicable, unset},
 *    total}
 * in catalog order, a group per run of one 区分. status is the API's name
 * or "unset"; st is {STATUS: true} for the template's choices; chip the
 * CSS class (good, warn, bad, info, none); party connector, common or
 * bank; bank true for the bank's items; form the checklist's own columns
 * (web/page_refs.h); editable when the item is not the
 * bank's and can_edit; open_plan when plan or plan_due is set. An answer
 * the catalog lacks is left out; the counts are of the connector's and
 * common items only (the bank's are not the connector's to answer).
 * NULL if either is not the shape the API gives.
 */
json_t *page_connector_answer_grid(const json_t *answers, const json_t *catalog, bool can_edit);

#endif
