#include "web/server.h"

#include <errno.h>
#include <limits.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "lib/ipaddr.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/attachments.h"
#include "web/api_reply.h"
#include "web/dbcache.h"
#include "web/http_json.h"
#include "web/listen.h"
#include "web/page.h"
#include "web/reqlog.h"
#include "web/routes.h"

/* On every response, errors included. The CSP allows no inline script or
 * style: pages load their code and styles from our own origin only. */
static const struct http_header security_headers[] = {
	{ "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				     "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "no-referrer" },
	{ "X-Frame-Options", "DENY" },
};

struct server {
	const struct server_config *cfg;
	struct conn_guard *guard;
	atomic_int in_flight; /* requests begun and not yet completed */
	atomic_size_t body_bytes; /* reserved for bodies held in memory now */
};

/* One request, from its request line (uri_begin) to request_done. */
struct exchange {
	struct server *srv;
	struct timespec start;
	char *path;   /* as sent, without the query: for the log */
	char *method; /* NULL until the handler is first called */
	struct http_request req;
	struct http_response resp;
	const struct route *route;
	bool begun;
	struct strbuf body;
	size_t limit, received;
	size_t reserved; /* of srv->body_bytes, given back in request_done */
	bool over_limit;
	bool busy;       /* its body did not fit the server's upload memory */
	bool too_many_query; /* cut by uri_begin: answered 400 */
	char note[128];
	const char *proxy_note; /* proxy_result_note(): static */
};

static const char *header_lookup(void *cls, const char *name)
{
	return MHD_lookup_connection_value(cls, MHD_HEADER_KIND, name);
}

static void *uri_begin(void *cls, const char *uri, struct MHD_Connection *con)
{
	struct server *srv = cls;
	struct exchange *x = xcalloc(1, sizeof *x);
	x->srv = srv;
	clock_gettime(CLOCK_MONOTONIC, &x->start);
	const char *q = strchr(uri, '?');
	x->path = q ? xstrndup(uri, (size_t)(q - uri)) : xstrdup(uri);
	if (q && router_query_count(q + 1) > HTTP_MAX_QUERY) {
		/* libmicrohttpd 0.9.75 keeps a record of each query argument in
		 * the connection's memory pool as it parses the request line,
		 * and when the pool runs out there (about 980 arguments in 64
		 * KiB) it neither answers nor ends the request: the client
		 * waits for the idle timeout and the request is never freed.
		 * This callback runs just before that parse, on the request
		 * line's own buffer: an empty query is all it gets to parse, and
		 * begin() answers the 400 that more than HTTP_MAX_QUERY earns. */
		((char *)q)[1] = '\0';
		x->too_many_query = true;
	}
	strbuf_init(&x->body);
	unsigned char id[HTTP_REQUEST_ID_LEN / 2];
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(x->req.request_id, sizeof x->req.request_id, id, sizeof id);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	/* In canonical text, so that a dual-stack socket's "::ffff:192.0.2.1"
	 * is 192.0.2.1. The headers are not read yet: until begin(), the
	 * client is the peer, which is what a request refused before then
	 * (headers too large) is logged with. */
	struct ipaddr a;
	if (ci && ipaddr_from_sockaddr(ci->client_addr, &a))
		ipaddr_format(&a, x->req.peer);
	else
		strcpy(x->req.peer, "unknown");
	memcpy(x->req.remote, x->req.peer, sizeof x->req.remote);
	x->req.db_path = srv->cfg->db_path;
	x->req.auth = srv->cfg->auth;
	x->req.routes = srv->cfg->routes;
	x->req.n_routes = srv->cfg->n_routes;
	x->req.secure_cookies = srv->cfg->secure_cookies;
	atomic_fetch_add(&srv->in_flight, 1);
	return x;
}

/* libmicrohttpd decodes the path and query before we see them; we keep
 * them as sent and decode each piece ourselves (http_decode), so a "%2F"
 * stays inside its segment and bad escapes are refused, not passed on. */
static size_t unescape_none(void *cls, struct MHD_Connection *con, char *s)
{
	(void)cls;
	(void)con;
	return strlen(s);
}

static enum MHD_Result add_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct exchange *x = cls;
	return router_add_query(&x->req, key, value, &x->resp) == 0 ? MHD_YES : MHD_NO;
}

/* The body's announced length: 0 for none, ULLONG_MAX when chunked or
 * too large to say. libmicrohttpd has checked the header is a number. */
static unsigned long long body_length(struct MHD_Connection *con)
{
	if (MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING))
		return ULLONG_MAX;
	const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (!cl)
		return 0;
	errno = 0;
	unsigned long long n = strtoull(cl, NULL, 10);
	return errno == ERANGE ? ULLONG_MAX : n;
}

/* len: the body's length as announced, or as far as it was read. */
/* Takes n more bytes of the server's upload memory for x's body, if they
 * fit. Atomic: the worker threads reserve at the same time. */
static bool reserve(struct exchange *x, unsigned long long n)
{
	size_t cap = x->srv->cfg->upload_memory;
	size_t cur = atomic_load(&x->srv->body_bytes);
	do {
		if (n > cap || cur > cap - (size_t)n)
			return false;
	} while (!atomic_compare_exchange_weak(&x->srv->body_bytes, &cur, cur + (size_t)n));
	x->reserved += (size_t)n;
	return true;
}

static void busy(struct exchange *x)
{
	char mib[32];
	if (snprintf(mib, sizeof mib, "%zu", x->srv->cfg->upload_memory >> 20) >= (int)sizeof mib)
		mib[0] = '\0'; /* cannot happen: a size_t has at most 20 digits */
	http_json_problem(&x->resp, 503, "server_busy", "server_busy", (const char *[]){ mib }, 1,
			  "the server is receiving other uploads (%s MiB at once): try again in a moment", mib);
	http_response_header(&x->resp, "Retry-After", "5");
}

static void too_large(struct exchange *x, unsigned long long len)
{
	if (x->route->flags & ROUTE_FILE_UPLOAD) {
		struct err e = { 0 };
		const char *name = http_query(&x->req, "name");
		attachments_too_large(name ? name : "", len > LLONG_MAX ? LLONG_MAX : (long long)len, &e);
		api_refused(&x->resp, OUTCOME_TOO_LARGE, &e, NULL);
		return;
	}
	char max[32];
	if (snprintf(max, sizeof max, "%zu", x->limit) >= (int)sizeof max)
		max[0] = '\0'; /* cannot happen: a size_t has at most 20 digits */
	http_json_problem(&x->resp, 413, "payload_too_large", "body_too_large", (const char *[]){ max }, 1,
			  "the request body is larger than %zu bytes", x->limit);
}

struct forwarded {
	struct strbuf list;
	bool found;
};

static enum MHD_Result add_forwarded(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct forwarded *f = cls;
	if (strcasecmp(key, "X-Forwarded-For") == 0) {
		if (f->found)
			strbuf_addch(&f->list, ',');
		strbuf_addstr(&f->list, value ? value : "");
		f->found = true;
	}
	return MHD_YES;
}

/* Who the client is (web/proxy.h), once the headers are in. Several
 * X-Forwarded-For headers count as one list, in the order sent: taking only
 * the first would let a client's own header stand in for the proxy's. */
static void decide_client(struct exchange *x, struct MHD_Connection *con)
{
	const struct proxy_trust *t = x->srv->cfg->trusted_proxies;
	if (!t || !t->n)
		return;
	struct forwarded f = { STRBUF_INIT, false };
	MHD_get_connection_values(con, MHD_HEADER_KIND, add_forwarded, &f);
	enum proxy_result r = proxy_client(t, x->req.peer, f.found ? f.list.buf : NULL, x->req.remote);
	strbuf_release(&f.list);
	x->proxy_note = proxy_result_note(r);
}

/* The first call for a request: client, route, gate, limits. May answer. */
static void begin(struct exchange *x, struct MHD_Connection *con, const char *url, const char *method)
{
	const struct server_config *cfg = x->srv->cfg;
	x->begun = true;
	decide_client(x, con);
	x->method = xstrdup(method);
	x->req.method = x->method;
	x->req.path = url;
	x->req.header_fn = header_lookup;
	x->req.header_cls = con;
	x->route = router_match(cfg->routes, cfg->n_routes, &x->req, &x->resp);
	if (!x->route)
		return;
	if (x->too_many_query)
		router_refuse_query_count(&x->resp);
	else
		MHD_get_connection_values(con, MHD_GET_ARGUMENT_KIND, add_query, x);
	if (x->resp.status)
		return;
	struct route_refusal why;
	if (router_authorize(x->route, &x->req, &x->resp, &why) < 0) {
		page_refusal_answer(x->route, &x->req, &x->resp, &why);
		return;
	}
	x->limit = router_body_limit(x->route);
	unsigned long long len = body_length(con);
	if (len != ULLONG_MAX && len > x->limit)
		too_large(x, len);
	else if (len != ULLONG_MAX && len > 0 && !reserve(x, len))
		busy(x);
}

/*
 * Whether a request answered before its body should have the body read
 * and dropped first. A client that waits for 100 Continue sends nothing
 * once answered, and a body far over the limit is not worth reading: those
 * are answered at once (libmicrohttpd then closes the connection). Any
 * other client is sending already, and a socket closed on its unread bytes
 * resets the connection under the answer: it reads "connection reset", not
 * the 413 or 401.
 */
static bool drain_first(const struct exchange *x, struct MHD_Connection *con)
{
	const char *expect = MHD_lookup_connection_value(con, MHD_HEADER_KIND, MHD_HTTP_HEADER_EXPECT);
	if (expect && strcasecmp(expect, "100-continue") == 0)
		return false;
	unsigned long long len = body_length(con);
	return len == ULLONG_MAX || len <= (unsigned long long)x->limit + SERVER_DISCARD_MAX;
}

static enum MHD_Result send_response(struct exchange *x, struct MHD_Connection *con)
{
	struct http_response *r = &x->resp;
	struct MHD_Response *mr = MHD_create_response_from_buffer(r->body_len, r->body, MHD_RESPMEM_PERSISTENT);
	if (!mr)
		return MHD_NO;
	if (r->content_type)
		MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		if (!http_response_get_header(r, security_headers[i].name)) /* a download sets a stricter one */
			MHD_add_response_header(mr, security_headers[i].name, security_headers[i].value);
	MHD_add_response_header(mr, "X-Request-Id", x->req.request_id);
	if (!http_response_get_header(r, "Cache-Control"))
		MHD_add_response_header(mr, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	for (size_t i = 0; i < r->n_headers; i++)
		MHD_add_response_header(mr, r->headers[i].name, r->headers[i].value);
	enum MHD_Result rc = MHD_queue_response(con, (unsigned)r->status, mr);
	MHD_destroy_response(mr);
	return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	struct exchange *x = *con_cls; /* made by uri_begin */
	if (!x->begun) {
		begin(x, con, url, method);
		/* Answering now, before the body, is what lets libmicrohttpd refuse
		 * a body without reading it; it then closes the connection. Else
		 * the answer waits for the body's end (drain_first()), or, with no
		 * body, for the next call, which keeps the connection open for the
		 * client's next request. */
		bool body = body_length(con) > 0;
		if (x->resp.status && body && !drain_first(x, con))
			return send_response(x, con);
		conn_guard_phase(con, body ? CONN_BODY : CONN_BUSY);
		return MHD_YES;
	}
	conn_guard_received(con, *upload_size);
	if (x->resp.status) { /* answered by begin(): its body read and dropped */
		if (!*upload_size)
			return send_response(x, con);
		x->received += *upload_size;
		*upload_size = 0;
		if (x->received > x->limit + SERVER_DISCARD_MAX) {
			static const char note[] = "body still coming after the answer: connection closed";
			_Static_assert(sizeof note <= sizeof x->note, "the note fits");
			memcpy(x->note, note, sizeof note);
			return MHD_NO;
		}
		return MHD_YES;
	}
	if (*upload_size) {
		size_t n = *upload_size;
		*upload_size = 0;
		x->received += n;
		if (x->received > x->limit) {
			/* libmicrohttpd 0.9.75 cannot answer in the middle of a body:
			 * drop the rest and answer when it ends, or give up. */
			x->over_limit = true;
			strbuf_release(&x->body);
			if (x->received - x->limit > SERVER_DISCARD_MAX) {
				snprintf(x->note, sizeof x->note, "body over %zu bytes and still coming: connection closed",
					 x->limit);
				return MHD_NO;
			}
			return MHD_YES;
		}
		/* A chunked body says no length: its memory is taken as it comes. */
		if (x->body.len + n > x->reserved && !x->busy && !reserve(x, x->body.len + n - x->reserved)) {
			x->busy = true;
			strbuf_release(&x->body);
		}
		if (x->busy) {
			if (x->received > SERVER_DISCARD_MAX) {
				static const char note[] = "body over the upload memory and still coming: connection closed";
				_Static_assert(sizeof note <= sizeof x->note, "the note fits");
				memcpy(x->note, note, sizeof note);
				return MHD_NO;
			}
			return MHD_YES;
		}
		strbuf_add(&x->body, upload, n);
		return MHD_YES;
	}
	conn_guard_phase(con, CONN_BUSY);
	if (x->busy) {
		busy(x);
	} else if (x->over_limit) {
		too_large(x, x->received);
	} else {
		x->req.body = x->received ? x->body.buf : NULL;
		x->req.body_len = x->body.len;
		x->route->handler(&x->req, &x->resp);
		dbcache_done();
		if (!x->resp.status)
			http_json_error(&x->resp, 500, "internal", "the handler gave no answer");
	}
	return send_response(x, con);
}

static double ms_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) * 1e3 + (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

static void request_done(void *cls, struct MHD_Connection *con, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	struct exchange *x = *con_cls;
	if (!x)
		return;
	*con_cls = NULL;
	atomic_fetch_sub(&x->srv->body_bytes, x->reserved);
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_HTTP_STATUS);
	int status = ci ? (int)ci->http_status : x->resp.status;
	bool sent = toe == MHD_REQUEST_TERMINATED_COMPLETED_OK;
	const char *note = x->note[0] ? x->note : x->resp.log_note;
	if (!sent && !note[0])
		note = "connection closed before the response was sent";
	char notes[512];
	if (x->proxy_note && x->proxy_note[0]) {
		if (note[0] && snprintf(notes, sizeof notes, "%s; %s", x->proxy_note, note) >= 0)
			note = notes; /* cut if need be: both parts are ours and short */
		else
			note = x->proxy_note;
	}
	struct reqlog_entry en = {
		.request_id = x->req.request_id,
		.remote = x->req.remote,
		.peer = x->req.peer,
		.method = x->method,
		.path = x->path,
		.status = status,
		.bytes = sent && x->method && strcmp(x->method, "HEAD") != 0 ? x->resp.body_len : 0,
		.ms = ms_since(&x->start),
		.note = note,
	};
	reqlog_request(&en);
	/* A kept-alive connection's next request head is due from now. */
	conn_guard_phase(con, CONN_HEAD);
	atomic_fetch_sub(&x->srv->in_flight, 1);
	http_request_release(&x->req);
	http_response_release(&x->resp);
	strbuf_release(&x->body);
	free(x->method);
	free(x->path);
	free(x);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[512];
	if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
		strcpy(msg, "(unprintable message)");
	size_t len = strlen(msg);
	while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	reqlog_event("libmicrohttpd", "%s", msg);
}
#pragma GCC diagnostic pop


void server_config_init(struct server_config *cfg, const char *db_path)
{
	*cfg = (struct server_config){
		.listen = SERVER_DEFAULT_LISTEN,
		.db_path = db_path,
		.threads = SERVER_DEFAULT_THREADS,
		.timeout = SERVER_DEFAULT_TIMEOUT,
		.max_connections = SERVER_DEFAULT_MAX_CONNECTIONS,
		.guard = {
			.head_timeout = CONN_GUARD_DEFAULT_HEAD_TIMEOUT,
			.body_timeout = CONN_GUARD_DEFAULT_BODY_TIMEOUT,
			.body_min_rate = CONN_GUARD_DEFAULT_BODY_MIN_RATE,
			.per_address = CONN_GUARD_DEFAULT_PER_ADDRESS,
		},
		.grace = SERVER_DEFAULT_GRACE,
		.header_limit = SERVER_DEFAULT_HEADER_LIMIT,
		.upload_memory = (size_t)SERVER_DEFAULT_UPLOAD_MEMORY_MIB << 20,
		.routes = routes,
		.n_routes = n_routes,
	};
}

/*
 * Threads: a fixed pool (config.threads), each running its own event loop
 * over many connections, not a thread per connection. Idle keep-alive
 * connections and slow clients then cost a socket, not a thread, and the
 * number of threads, and so of open stores (dbcache: one per thread, used
 * by one request at a time), stays what the configuration says. Handlers
 * run on the pool thread and are short (a few SQLite queries); one that
 * blocks holds up only the connections of its own thread.
 */
static struct MHD_Daemon *start(struct server *srv, int fd, unsigned max_connections)
{
	const struct server_config *cfg = srv->cfg;
	return MHD_start_daemon(
		MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, conn_guard_accept, srv->guard,
		on_request, srv,
		/* First, or libmicrohttpd logs about the options before it in its own format. */
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, srv, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd, MHD_OPTION_THREAD_POOL_SIZE, cfg->threads,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout, MHD_OPTION_CONNECTION_LIMIT, max_connections,
		MHD_OPTION_NOTIFY_CONNECTION, conn_guard_notify, srv->guard,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->header_limit, MHD_OPTION_URI_LOG_CALLBACK, uri_begin, srv,
		MHD_OPTION_NOTIFY_COMPLETED, request_done, srv, MHD_OPTION_UNESCAPE_CALLBACK, unescape_none, srv,
		MHD_OPTION_END);
}

/*
 * The connections the process may really hold: each is a file descriptor,
 * and past RLIMIT_NOFILE accept() fails for every client alike. The soft
 * limit is raised towards the hard one when it is lower than asked for;
 * what still does not fit lowers the limit (the start line says it). 64
 * descriptors are kept for the database, the log and the listening socket.
 */
static unsigned connections_possible(unsigned want)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
		return want;
	rlim_t need = (rlim_t)want + 64;
	if (rl.rlim_cur < need) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need ? need : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) < 0 && getrlimit(RLIMIT_NOFILE, &rl) < 0)
			return want;
	}
	if (rl.rlim_cur >= need)
		return want;
	return rl.rlim_cur > 64 + 1 ? (unsigned)(rl.rlim_cur - 64) : 1;
}

static const char *signal_name(int sig)
{
	return sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "a signal";
}

int server_run(const struct server_config *cfg, struct err *e)
{
	struct listen_addr addr;
	int fd;
	char url[128];
	if (listen_parse(cfg->listen, &addr, e) < 0 || listen_open(&addr, cfg->listen, &fd, e) < 0)
		return -1;
	if (listen_url(fd, url, sizeof url, e) < 0) {
		close(fd);
		return -1;
	}
	/* The signals are taken by sigtimedwait() below, never by a handler:
	 * blocked here, before any thread starts, so every thread inherits it. */
	sigset_t stop_signals, old;
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGTERM);
	sigaddset(&stop_signals, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop_signals, &old);
	struct conn_guard_config gc = cfg->guard;
	gc.trusted = cfg->trusted_proxies;
	struct server srv = { .cfg = cfg, .guard = conn_guard_new(&gc) };
	atomic_init(&srv.in_flight, 0);
	unsigned max_connections = connections_possible(cfg->max_connections);
	struct MHD_Daemon *d = NULL;
	if (conn_guard_start(srv.guard, e) < 0 || !(d = start(&srv, fd, max_connections))) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		close(fd);
		conn_guard_free(srv.guard);
		if (!e->msg[0])
			err_set(e, "cannot start the HTTP server on %s (see the log above)", cfg->listen);
		return -1;
	}
	printf("listening on %s\n", url);
	fflush(stdout);
	struct strbuf trusted = STRBUF_INIT;
	for (size_t i = 0; cfg->trusted_proxies && i < cfg->trusted_proxies->n; i++) {
		char a[IPADDR_TEXT_MAX];
		ipaddr_format(&cfg->trusted_proxies->addrs[i], a);
		strbuf_addf(&trusted, "%s%s", i ? ", " : "; X-Forwarded-For trusted from ", a);
	}
	reqlog_event("start",
		     "listening on %s (%u threads, timeout %u s, at most %u connections, %u per address; "
		     "request head within %u s, body within %u s + 1 s per %u bytes)%s",
		     url, cfg->threads, cfg->timeout, max_connections, cfg->guard.per_address, cfg->guard.head_timeout,
		     cfg->guard.body_timeout, cfg->guard.body_min_rate, trusted.buf);
	strbuf_release(&trusted);

	int sig;
	while ((sig = sigwaitinfo(&stop_signals, NULL)) < 0 && errno == EINTR)
		;
	/* Stop accepting first: the listening socket is closed now, so a new
	 * connection is refused instead of waiting for a server that is going. */
	MHD_socket lfd = MHD_quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	reqlog_event("stop", "%s: not accepting connections; letting %d requests finish (at most %u s)",
		     signal_name(sig), atomic_load(&srv.in_flight), cfg->grace);
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	for (unsigned i = 0; atomic_load(&srv.in_flight) > 0 && i < cfg->grace * 100u; i++) {
		if (sigtimedwait(&stop_signals, NULL, &tick) >= 0)
			break; /* a second signal: stop now */
	}
	int left = atomic_load(&srv.in_flight);
	MHD_stop_daemon(d); /* closes idle connections, joins the threads */
	conn_guard_free(srv.guard);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (left)
		reqlog_event("stopped", "stopped with %d requests unfinished", left);
	else
		reqlog_event("stopped", "stopped cleanly");
	return 0;
}
