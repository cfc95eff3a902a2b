/*
 * gate: router_authorize(), the one place that decides who may call a
 * route (the rules are in router.h). Kept apart from the router, which
 * only matches paths, so the whole access policy reads in one file. It
 * answers nothing itself: the caller renders the refusal, as JSON or as a
 * page (page_refusal_answer), so the gate needs nothing of the pages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "store/store.h"
#include "service/lookup.h"
#include "web/api_reply.h"
#include "web/router.h"

/* The refusal, for the caller to answer (router.h: route_refusal). */
__attribute__((format(printf, 4, 5))) static void refuse(struct route_refusal *why, int status, const char *code,
							 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(why->message, sizeof why->message, fmt, ap);
	va_end(ap);
	if (n < 0)
		why->message[0] = 0; /* a message cut short by the buffer is still a message */
	why->status = status;
	why->code = code;
	why->problem = NULL;
}

static bool changes_state(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

/* The token of "Authorization: Bearer TOKEN", or NULL. */
static const char *bearer(const struct http_request *req)
{
	const char *h = http_header(req, "Authorization");
	if (!h || strncasecmp(h, "Bearer ", 7) != 0)
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	return h;
}

/* Who is calling: 0, or -1 with *why (401, or 500 for our failure). */
static int identify(struct http_request *req, struct store *st, struct http_response *resp,
		    struct route_refusal *why)
{
	struct err e = { 0 };
	const char *token = bearer(req);
	int rc;
	if (token) {
		rc = auth_token_check(st, token, &req->who, &e);
	} else if (http_cookie(req, AUTH_COOKIE, req->session_token, sizeof req->session_token)) {
		rc = auth_session_check(st, req->auth, req->session_token, &req->who, &e);
	} else {
		refuse(why, 401, "unauthorized", "not signed in");
		return -1;
	}
	if (rc == OUTCOME_OK)
		return 0;
	req->session_token[0] = 0;
	if (rc < 0) {
		http_response_note(resp, e.msg);
		refuse(why, 500, "internal", "the server could not check who is calling");
	} else {
		refuse(why, 401, "unauthorized", "%s", e.msg);
	}
	return -1;
}

int router_authorize(const struct route *route, struct http_request *req, struct http_response *resp,
		     struct route_refusal *why)
{
	*why = (struct route_refusal){ 0 };
	if (route->flags & ROUTE_PUBLIC)
		return 0;
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	if (!st || identify(req, st, resp, why) < 0)
		return -1;
	const struct user *u = req->who.user;
	if (req->session_token[0] && changes_state(req->method) &&
	    !auth_csrf_check(req->session_token, http_header(req, "X-CSRF-Token"))) {
		refuse(why, 403, "csrf", "missing or wrong X-CSRF-Token header");
		return -1;
	}
	if (u->must_change_password && !(route->flags & ROUTE_PASSWORD_CHANGE)) {
		refuse(why, 403, "password_change_required",
				"change your one-time password first (POST /api/v1/me/password)");
		return -1;
	}
	enum outcome rc = lookup_org_id(st, u->org_id, &req->org, &e);
	if (rc != OUTCOME_OK) {
		http_response_note(resp, rc == OUTCOME_NOT_FOUND ? "the user's organisation is gone" : e.msg);
		refuse(why, 500, "internal", "the server could not load your organisation");
		return -1;
	}
	if ((route->flags & ROUTE_CONNECTOR) && req->org->kind != ORG_CONNECTOR) {
		refuse(why, 403, "forbidden", "this is for connectors");
		return -1;
	}
	if ((route->flags & ROUTE_BANK) && req->org->kind != ORG_BANK) {
		refuse(why, 403, "forbidden", "this is for banks");
		return -1;
	}
	if (route->action && !user_role_can(u->role, route->action)) {
		refuse(why, 403, "forbidden", "your role (%s) may not do this", user_role_name(u->role));
		/* A role name is a short word of ours: it always fits; were it
		 * cut, the page's words would still stand without it. */
		why->problem = "role";
		int n = snprintf(why->problem_arg, sizeof why->problem_arg, "%s", user_role_name(u->role));
		if (n < 0 || (size_t)n >= sizeof why->problem_arg)
			why->problem_arg[0] = '\0';
		return -1;
	}
	return 0;
}
