/*
 * page_refs: the form's columns a page shows beside an answer and that only
 * the checklist holds (区分, 対象者, 関連規定, 関連規定箇所), for the table
 * view and the cards of the review page and the connector's answers page.
 * Pure reshaping of a catalog item as GET /api/v1/catalogs/{id} gives it:
 * no request, no database.
 *
 * page_refs_cells(item) returns (yours) an object:
 *   category    the item's 区分 ("" without one)
 *   p           {PARTY: true} ("connector", "bank" or "common"; {} without)
 *   refs        [{doc, clauses}] in the catalog's order: each cited
 *               document with its clauses as one cell's text, as the A3
 *               form prints them (core/catalog.h catalog_ref_clauses_text)
 *   has_refs    whether refs is not empty
 * item may be NULL (an item the checklist does not hold): all empty.
 */
#ifndef SHINSA_WEB_PAGE_REFS_H
#define SHINSA_WEB_PAGE_REFS_H

#include <jansson.h>

json_t *page_refs_cells(const json_t *item);

#endif
