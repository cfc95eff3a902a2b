/*
 * server: the HTTP server behind `shinsa serve`, on libmicrohttpd.
 *
 * server_run() listens, answers requests through a route table (router.h)
 * until SIGTERM or SIGINT, then stops gracefully: the listening socket is
 * closed at once (new connections are refused), requests in flight get up
 * to config.grace seconds to finish, idle connections are closed, and it
 * returns 0. Before that it prints "listening on http://HOST:PORT" as the
 * first line on stdout (the real port when asked for port 0) and flushes.
 *
 * Every response carries the security headers (server.c lists them), an
 * X-Request-Id, and Cache-Control: no-store unless the handler set one.
 * stderr gets one JSON object per line: one per request,
 *   {"time","request_id","remote","method","path","status","bytes","ms"}
 * (plus "peer" when it is not the client, "note" when the server has
 * something to add; reqlog.h), and lines with an
 * "event" for start, stop and libmicrohttpd's own messages. Query strings,
 * bodies, cookies and credentials are never logged.
 *
 * The client's address (request.remote: sign-in throttling, audit
 * details, the log) is the socket's peer, or, when the peer is one of
 * config.trusted_proxies, what its X-Forwarded-For says (web/proxy.h).
 *
 * Limits: bodies past the route's limit get 413: before any byte of the
 * body is read when Content-Length says so and the client waits for it
 * (Expect: 100-continue) or the body is over the limit by more than
 * SERVER_DISCARD_MAX; otherwise (a client already sending, a chunked body)
 * once the body has been read and dropped, so that the client reads the
 * answer instead of a reset from a socket closed with its bytes unread; a
 * body still coming SERVER_DISCARD_MAX bytes past the limit closes the
 * connection; the request line and headers
 * together must fit in config.header_limit (libmicrohttpd answers 431
 * itself past it), with at most HTTP_MAX_QUERY query arguments (400);
 * idle connections close after config.timeout seconds; at most
 * config.max_connections are open at once, of them at most
 * config.guard.per_address from one client address; the request head and
 * the body have deadlines (config.guard; web/conn_guard.h).
 */
#ifndef SHINSA_WEB_SERVER_H
#define SHINSA_WEB_SERVER_H

#include <stddef.h>

#include "lib/err.h"
#include "service/auth.h"
#include "web/conn_guard.h"
#include "web/proxy.h"
#include "web/router.h"

#define SERVER_DEFAULT_LISTEN "127.0.0.1:8080"
#define SERVER_DEFAULT_THREADS 4
#define SERVER_DEFAULT_TIMEOUT 30
#define SERVER_DEFAULT_MAX_CONNECTIONS 1024
#define SERVER_DEFAULT_GRACE 10
#define SERVER_DEFAULT_HEADER_LIMIT (64u << 10)
#define SERVER_DISCARD_MAX ((size_t)8 << 20)
/*
 * Request bodies are held in memory until their handler runs (a package, a
 * file, a workbook). At most this many MiB of them at once, whoever sends
 * them: a body that would take more (by its Content-Length, or as a chunked
 * body grows) is answered 503 server_busy with Retry-After, so that a few
 * large uploads cannot take the memory the other clients' requests need.
 * At least the largest route's limit, so that one upload of any size allowed
 * always fits when no other is under way.
 */
#define SERVER_DEFAULT_UPLOAD_MEMORY_MIB 512u

struct server_config {
	const char *listen;       /* "HOST:PORT" (listen.h); port 0 picks a free one */
	const char *db_path;
	unsigned threads;         /* worker threads */
	unsigned timeout;         /* seconds a connection may be idle */
	unsigned max_connections;
	struct conn_guard_config guard; /* deadlines and the per-address cap; its
					 * trusted is set from trusted_proxies */
	unsigned grace;           /* seconds in-flight requests get on stop */
	size_t header_limit;      /* bytes for request line and headers */
	size_t upload_memory;     /* bytes of request bodies held at once (above) */
	const struct route *routes;
	size_t n_routes;
	const struct auth_config *auth; /* sign-in settings; the caller's, must outlive the server */
	bool secure_cookies;      /* behind a TLS proxy: cookies get Secure */
	const struct proxy_trust *trusted_proxies; /* NULL: none; the caller's, must outlive the server */
};

/* The defaults above, with db_path and the routes of routes.h. */
void server_config_init(struct server_config *cfg, const char *db_path);

/* Runs the server until a signal stops it (above). -1 with e set when it
 * cannot start (the address is taken, ...); 0 after a clean stop. */
int server_run(const struct server_config *cfg, struct err *e);

#endif
