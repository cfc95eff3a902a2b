/*
 * router: from method and path to a route, and the one gate every request
 * passes before its handler runs.
 *
 * A route is a method, a pattern and a handler. Patterns are literal
 * segments and {name} segments: "/api/v1/submissions/{id}/diff/{other}".
 * The path is split at "/" first and each segment percent-decoded after
 * (http_decode), so "%2F" inside a parameter never makes a new segment; a
 * {name} matches one non-empty segment. HEAD is routed as GET.
 *
 * The order of work for each request (server.c follows it):
 *   1. router_match: 400 for a path that does not decode, 404 for no
 *      route, 405 with an Allow header for a path whose routes all want
 *      other methods;
 *   2. router_authorize: who may call it (below), before any body is read,
 *      so nobody unauthenticated can make the server buffer a body;
 *   3. the body, up to router_body_limit (413 past it);
 *   4. the handler.
 *
 * Access: every route says who may call it in flags. Zero, the default, is
 * the strictest: a signed-in user. A route opens up only by saying so
 * (ROUTE_PUBLIC), so a route added without thought is closed, not open.
 * router_authorize is the only place this is checked; the accounts step
 * fills it in (session cookie, with X-CSRF-Token on state-changing methods,
 * or an Authorization: Bearer token) and hands the user to the handler.
 * Until then a non-public route answers 401 to everyone.
 */
#ifndef SHINSA_WEB_ROUTER_H
#define SHINSA_WEB_ROUTER_H

#include <stddef.h>

#include "web/http.h"

typedef void (*route_handler)(struct http_request *req, struct http_response *resp);

enum route_flags {
	ROUTE_SIGNED_IN = 0,   /* the default: a signed-in user (see above) */
	ROUTE_PUBLIC = 1 << 0, /* anyone, signed in or not */
};

/* The largest body a route takes unless it says otherwise (JSON). */
#define ROUTE_BODY_DEFAULT ((size_t)1 << 20)
/* Path segments we split at most; no route has nearly as many. */
#define ROUTE_MAX_SEGMENTS 16

struct route {
	const char *method;  /* "GET", "POST", "PUT", "DELETE" */
	const char *pattern; /* "/api/v1/answers/{no}" */
	route_handler handler;
	unsigned flags;      /* enum route_flags */
	size_t body_limit;   /* bytes; 0 means ROUTE_BODY_DEFAULT */
};

/*
 * Finds the route for req->method and req->path among n routes. On a match
 * fills req->params (decoded) and returns the route; otherwise answers resp
 * (400, 404 or 405) and returns NULL.
 */
const struct route *router_match(const struct route *routes, size_t n, struct http_request *req,
				 struct http_response *resp);

/* The access gate (see above): 0 to go on, or -1 having answered resp. */
int router_authorize(const struct route *route, struct http_request *req, struct http_response *resp);

/* The body limit of route in bytes. */
size_t router_body_limit(const struct route *route);

/*
 * Decodes one raw query argument (name and value as sent; value may be
 * NULL for "?flag") into req->query. Returns 0, or -1 having answered resp
 * with 400 when it does not decode or is one more than HTTP_MAX_QUERY.
 */
int router_add_query(struct http_request *req, const char *name, const char *value, struct http_response *resp);

#endif
