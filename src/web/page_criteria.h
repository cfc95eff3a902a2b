/*
 * page_criteria: the bank's own criteria page (web/page.h says how pages
 * are made).
 *
 *   GET /criteria    bank: its criteria (GET /api/v1/criteria) with each
 *        one's cross-walk to the checklist (relation and items, with the
 *        items' objectives from GET /api/v1/catalogs/{checklist}) and the
 *        ranked suggestions beside it (GET /api/v1/criteria/suggestions);
 *        for the CRITERIA_EDIT role, the import form (POST
 *        /api/v1/criteria, the file's bytes; web/static/criteria.js puts
 *        the format and the file's name in its query) and a mapping form
 *        per criterion (PUT /api/v1/criteria/{key}/mapping), where a
 *        suggestion is taken with one button. Without criteria: a
 *        sentence and the import form.
 */
#ifndef SHINSA_WEB_PAGE_CRITERIA_H
#define SHINSA_WEB_PAGE_CRITERIA_H

#include "web/http.h"

void page_criteria(struct http_request *req, struct http_response *resp);

#endif
