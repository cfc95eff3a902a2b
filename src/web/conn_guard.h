/*
 * conn_guard: what keeps one slow or greedy client from taking the server
 * away from everyone else (server.c wires it into libmicrohttpd).
 *
 * libmicrohttpd's connection timeout is an idle timeout: a client that
 * sends one header line every few seconds is never idle, and 300 of them
 * held every connection of the server. The guard adds what it lacks:
 *
 *  - a deadline for the request head: the request line and every header
 *    within head_timeout seconds of the connection opening, or of the
 *    previous answer on a kept-alive connection;
 *  - a deadline for the body that moves with its progress: body_timeout
 *    seconds, plus one second for every body_min_rate bytes received
 *    (Apache's mod_reqtimeout body=20,MinRate=500 is the model);
 *  - a cap on the connections one client address holds open at once
 *    (per_address; a trusted proxy's address is exempt: every client of
 *    the proxy comes from it, and the proxy has limits of its own). At the
 *    cap, a new connection first takes the place of the address's
 *    longest-idle kept-alive one (answered, waiting for its next request),
 *    which is closed: many browsers behind one office NAT each keep spare
 *    connections; only an address whose connections are all at work or
 *    still sending their first request is turned away.
 *
 * A connection past its deadline is shut down (shutdown(2) on its socket,
 * which libmicrohttpd sees as the client leaving and cleans up as usual);
 * one over its address's cap is refused when it is accepted (unless an
 * idle one of the address's makes room). A reaper
 * thread looks at the deadlines CONN_GUARD_TICK_MS apart.
 *
 * Ownership: conn_guard_new() copies the config but not trusted, which the
 * caller keeps alive until conn_guard_free().
 */
#ifndef SHINSA_WEB_CONN_GUARD_H
#define SHINSA_WEB_CONN_GUARD_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"
#include "web/proxy.h"

#define CONN_GUARD_DEFAULT_HEAD_TIMEOUT 20
#define CONN_GUARD_DEFAULT_BODY_TIMEOUT 20
#define CONN_GUARD_DEFAULT_BODY_MIN_RATE 500
#define CONN_GUARD_DEFAULT_PER_ADDRESS 32
#define CONN_GUARD_TICK_MS 250

struct conn_guard_config {
	unsigned head_timeout;  /* seconds for the request line and headers */
	unsigned body_timeout;  /* seconds a body gets before its rate counts */
	unsigned body_min_rate; /* bytes a second that earn a body one more second */
	unsigned per_address;   /* connections open at once per client address; 0: no cap */
	const struct proxy_trust *trusted; /* exempt from per_address; may be NULL */
};

/* Where a request on a connection is, for its deadline. */
enum conn_phase {
	CONN_HEAD, /* waiting for the request line and headers */
	CONN_BODY, /* headers in, the body coming */
	CONN_BUSY, /* being answered: the handler's and the client's reading
		    * time, under libmicrohttpd's idle timeout only */
};

/*
 * Whether a connection that has been in phase for seconds, with received
 * body bytes so far, is past its deadline under cfg. Never for CONN_BUSY.
 */
bool conn_guard_overdue(const struct conn_guard_config *cfg, enum conn_phase phase, double seconds,
			size_t received);

struct conn_guard;

struct conn_guard *conn_guard_new(const struct conn_guard_config *cfg);
/* Stops the reaper (if started) and frees g; NULL is fine. Call it after
 * the daemon has stopped: no connection may still be tracked. */
void conn_guard_free(struct conn_guard *g);
/* Starts the reaper thread. -1 with e set if it cannot. */
int conn_guard_start(struct conn_guard *g, struct err *e);

/* libmicrohttpd's accept policy (MHD_start_daemon's apc, with g as cls):
 * MHD_NO for an address at its cap. */
enum MHD_Result conn_guard_accept(void *cls, const struct sockaddr *addr, socklen_t len);
/* MHD_OPTION_NOTIFY_CONNECTION's callback, with g as cls: tracks each
 * connection from its start (in CONN_HEAD) to its close. */
void conn_guard_notify(void *cls, struct MHD_Connection *con, void **socket_context,
		       enum MHD_ConnectionNotificationCode code);

/* The request on con has moved to phase (its clock starts again). */
void conn_guard_phase(struct MHD_Connection *con, enum conn_phase phase);
/* n more body bytes arrived on con. */
void conn_guard_received(struct MHD_Connection *con, size_t n);

#endif
