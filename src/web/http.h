/*
 * http: the request a handler reads and the response it fills, with no
 * trace of the HTTP library underneath (server.c translates), so handlers,
 * the router and their tests need no socket.
 *
 * Ownership: a web_request is filled by the server (or a test) and lives
 * until the response is sent; its strings belong to whoever filled it,
 * except the decoded values in params and query, which it owns and
 * http_request_release() frees. A web_response owns its body (unless
 * body_static) and its header values; http_response_release() frees them.
 */
#ifndef SHINSA_WEB_HTTP_H
#define SHINSA_WEB_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/org.h"
#include "service/auth.h"

#define HTTP_MAX_PARAMS 4   /* {name} segments in one route pattern */
#define HTTP_MAX_QUERY 32   /* query arguments kept; more is a 400 */
#define HTTP_MAX_HEADERS 8  /* extra response headers a handler may add */
#define HTTP_REQUEST_ID_LEN 16

struct route; /* web/router.h */

struct http_pair {
	char *name;
	char *value;
};

struct http_header {
	const char *name; /* static */
	char *value;
};

struct http_request {
	const char *method;   /* as sent: "GET", "HEAD" (routed as GET), "POST", ... */
	const char *path;     /* as sent, percent-escapes and all, without the query */
	struct http_pair params[HTTP_MAX_PARAMS]; /* the route's {name}s and their decoded values */
	size_t n_params;
	struct http_pair query[HTTP_MAX_QUERY]; /* names and values decoded ("+" is a space) */
	size_t n_query;
	/* Request headers: look them up with http_header(). */
	const char *(*header_fn)(void *cls, const char *name);
	void *header_cls;
	const char *body;     /* the whole body (NUL after it), or NULL */
	size_t body_len;
	char request_id[HTTP_REQUEST_ID_LEN + 1];
	char remote[64];      /* the client's address, without the port: the peer's,
			       * or behind a trusted proxy X-Forwarded-For's (web/proxy) */
	char peer[64];        /* the socket's peer (the proxy, when there is one) */
	const char *db_path;  /* the database handlers open with dbcache_get() */
	const struct auth_config *auth; /* the server's sign-in settings */
	/* The route table the request is served from, for a page's own reads
	 * of the API (page_fetch): handed on, since the table lists the pages. */
	const struct route *routes;
	size_t n_routes;
	bool secure_cookies;  /* behind TLS: cookies get Secure */
	/* Filled by the access gate (router_authorize) and owned by the
	 * request: the caller (who.user NULL when nobody signed in, on a
	 * public route) and the caller's organisation (NULL likewise). */
	struct auth_principal who;
	struct org *org;
	char session_token[TOKEN_MAX]; /* the cookie's token, "" for none or a bearer token */
};

struct http_response {
	int status;               /* 0 until a handler answers */
	const char *content_type; /* a static string */
	char *body;
	size_t body_len;
	bool body_static;         /* body points at bytes that outlive the response */
	struct http_header headers[HTTP_MAX_HEADERS];
	size_t n_headers;
	char log_note[256];       /* for the request's log line only, never sent */
};

/* The decoded value of the route parameter / query argument name, or NULL. */
const char *http_param(const struct http_request *req, const char *name);
const char *http_query(const struct http_request *req, const char *name);
/* The request header name (any case), or NULL. */
const char *http_header(const struct http_request *req, const char *name);

/*
 * The value of cookie name in the Cookie header, copied into out (size
 * bytes). False if there is none or it does not fit.
 */
bool http_cookie(const struct http_request *req, const char *name, char *out, size_t size);

/* Frees what the request owns (params, query, the caller) and empties it. */
void http_request_release(struct http_request *req);

/* Sets status, type and body; takes ownership of body (len bytes, malloc'd). */
void http_response_set(struct http_response *resp, int status, const char *type, char *body, size_t len);
/* The same for bytes that outlive the response (a compiled-in document). */
void http_response_set_static(struct http_response *resp, int status, const char *type, const void *body,
			      size_t len);
/* Adds header name (a static string) with a copy of value; a header of the
 * same name is replaced. Aborts past HTTP_MAX_HEADERS: a programming error. */
void http_response_header(struct http_response *resp, const char *name, const char *value);
/* The value of a header the handler set, or NULL. */
const char *http_response_get_header(const struct http_response *resp, const char *name);
/* Keeps msg (cut to fit) as the response's log note. */
void http_response_note(struct http_response *resp, const char *msg);
/* Cuts s to at most max bytes (max >= 4) at a character boundary, ending
 * it "...", so text a client sent never makes a line long or breaks UTF-8. */
void http_cut_utf8(char *s, size_t max);
/* Frees body and header values and makes resp empty again. */
void http_response_release(struct http_response *resp);

/* Why a piece of a URL was refused by http_decode. */
enum http_decode_error {
	HTTP_DECODE_OK,
	HTTP_DECODE_BAD_ESCAPE, /* "%" not followed by two hex digits */
	HTTP_DECODE_NUL,        /* %00 */
	HTTP_DECODE_CONTROL,    /* another control character, raw or escaped */
	HTTP_DECODE_UTF8,       /* the decoded bytes are not UTF-8 */
};

/*
 * Percent-decodes len bytes of in (a path segment, or with plus_space a
 * query name or value, where "+" is a space) into a new string you own in
 * *out. Refuses what a handler must never see: bad escapes, NUL, control
 * characters (C0 and DEL) and bytes that are not UTF-8.
 */
enum http_decode_error http_decode(const char *in, size_t len, bool plus_space, char **out);
/* What was wrong, to follow "the path has ": "bad percent-encoding",
 * "a NUL byte", "a control character", "bytes that are not UTF-8". */
const char *http_decode_message(enum http_decode_error err);

#endif
