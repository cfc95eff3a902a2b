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
 * router_authorize (web/gate.c) is the only place this is checked:
 *   - who: an Authorization: Bearer API token, else the session cookie
 *     (AUTH_COOKIE); neither, or one that is not valid: 401;
 *   - a cookie session on POST, PUT, PATCH or DELETE needs X-CSRF-Token
 *     (given at sign-in and by GET /api/v1/me): else 403 "csrf". Bearer
 *     tokens need none: a browser never sends that header by itself;
 *   - a user who must change a one-time password reaches only routes
 *     flagged ROUTE_PASSWORD_CHANGE: else 403 "password_change_required";
 *   - ROUTE_CONNECTOR / ROUTE_BANK: the caller's organisation is of that
 *     kind, else 403 "forbidden";
 *   - route->action (core/user.h) is one the role may do, else 403
 *     "forbidden".
 * On a ROUTE_PAGE route the same refusals are pages (web/page.h): a 401 is
 * a redirect to the sign-in page, the password change one to the page
 * that changes it, the others an error page.
 * On success req->who and req->org are the caller and its organisation.
 * Which objects of which organisation the caller may see is the
 * handler's to check against req->org; a resource the caller may not see
 * is 404, never 403, so its existence does not leak.
 */
#ifndef SHINSA_WEB_ROUTER_H
#define SHINSA_WEB_ROUTER_H

#include <stddef.h>

#include "core/user.h"
#include "web/http.h"

typedef void (*route_handler)(struct http_request *req, struct http_response *resp);

enum route_flags {
	ROUTE_SIGNED_IN = 0,   /* the default: a signed-in user (see above) */
	ROUTE_PUBLIC = 1 << 0, /* anyone, signed in or not */
	ROUTE_CONNECTOR = 1 << 1, /* the caller's organisation is a connector */
	ROUTE_BANK = 1 << 2,      /* the caller's organisation is a bank */
	ROUTE_PASSWORD_CHANGE = 1 << 3, /* open while a one-time password must be changed */
	ROUTE_PAGE = 1 << 4, /* an HTML page: refusals are pages (page_refused), not JSON */
	/* The body is one file named by ?name=: a body over the limit is
	 * refused in the file's words (attachments_too_large()), not the
	 * body's. */
	ROUTE_FILE_UPLOAD = 1 << 5,
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
	enum user_action action; /* what the role must be allowed; 0: any signed-in user */
};

/*
 * Finds the route for req->method and req->path among n routes. On a match
 * fills req->params (decoded) and returns the route; otherwise answers resp
 * (400, 404 or 405) and returns NULL.
 */
const struct route *router_match(const struct route *routes, size_t n, struct http_request *req,
				 struct http_response *resp);

/* Why the gate refused a call, for the caller to answer: as JSON, or as a
 * page on a ROUTE_PAGE route (page_refusal_answer in web/page.h). */
struct route_refusal {
	int status;        /* 0: resp is answered already (503, no database) */
	const char *code;  /* static: "unauthorized", "forbidden", ... */
	char message[512];
	/* A problem code (static) for a page's own words, with its one value
	 * (http_json_problem); NULL when the message is the only word. */
	const char *problem;
	char problem_arg[32];
};

/* The access gate (see above): 0 to go on, or -1 with *why the refusal,
 * which the caller answers; notes for the log are on resp. */
int router_authorize(const struct route *route, struct http_request *req, struct http_response *resp,
		     struct route_refusal *why);

/* The body limit of route in bytes. */
size_t router_body_limit(const struct route *route);
/* The largest body limit among the n routes. */
size_t router_body_limit_max(const struct route *routes, size_t n);

/*
 * Decodes one raw query argument (name and value as sent; value may be
 * NULL for "?flag") into req->query. Returns 0, or -1 having answered resp
 * with 400 when it does not decode or is one more than HTTP_MAX_QUERY.
 */
int router_add_query(struct http_request *req, const char *name, const char *value, struct http_response *resp);

/*
 * How many arguments the query (the text after "?", NUL-terminated) holds,
 * counted as libmicrohttpd splits it: at each "&", "a&&b" being three and a
 * final "&" adding none. The server counts before libmicrohttpd parses.
 */
size_t router_query_count(const char *query);
/* Answers resp: 400 "too many query arguments (at most HTTP_MAX_QUERY)". */
void router_refuse_query_count(struct http_response *resp);

#endif
