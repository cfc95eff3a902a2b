/*
 * api_pages: the pages every visitor and every signed-in person has, and
 * the static files (web/page.h says how pages are made).
 *
 *   GET /                 where a person starts: a connector's answers,
 *                         a bank's inbox (sign-in first if need be)
 *   GET /login            the sign-in page; ?next=PATH (a path of ours)
 *                         is where it goes after signing in
 *   GET /lang/{code}      "ja" or "en": keeps the choice in the language
 *                         cookie for a year and goes back to ?next=PATH
 *                         (or /); 404 for another code
 *   GET /static/{name}    a file of web/static/ (CSS, JS, SVG); 404 for
 *                         anything else
 *
 * Pages carry no inline script or style: the server's CSP allows scripts
 * and styles from this origin only.
 */
#ifndef SHINSA_WEB_API_PAGES_H
#define SHINSA_WEB_API_PAGES_H

#include "web/http.h"

void page_root(struct http_request *req, struct http_response *resp);
void page_login(struct http_request *req, struct http_response *resp);
void page_lang_switch(struct http_request *req, struct http_response *resp);
void page_static(struct http_request *req, struct http_response *resp);

#endif
