/*
 * api_pages: the HTML pages and their static files, compiled into the
 * binary from web/pages/ and web/static/ (scripts/embed.sh).
 *
 *   GET /               303 to /login (the full interface comes later)
 *   GET /login          the sign-in page (Japanese)
 *   GET /static/{name}  shinsa.css, login.js; 404 for anything else
 *
 * Pages carry no inline script or style: the server's CSP allows scripts
 * and styles from this origin only.
 */
#ifndef SHINSA_WEB_API_PAGES_H
#define SHINSA_WEB_API_PAGES_H

#include "web/http.h"

void page_root(struct http_request *req, struct http_response *resp);
void page_login(struct http_request *req, struct http_response *resp);
void page_static(struct http_request *req, struct http_response *resp);

#endif
