#include "web/conn_guard.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "lib/ipaddr.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "web/reqlog.h"

/* One open connection. Its fields are the guard's, under its lock: the
 * connection's thread moves its phase, the reaper reads it. */
struct tracked {
	struct tracked *prev, *next;
	struct conn_guard *g;
	struct ipaddr addr;
	bool exempt; /* a trusted proxy: not counted against per_address */
	int fd;
	enum conn_phase phase;
	struct timespec since; /* CLOCK_MONOTONIC, when the phase began */
	size_t received;
	bool shut; /* shut down by the guard; libmicrohttpd closes it */
	bool served; /* a request was answered: now kept alive, waiting */
};

struct conn_guard {
	struct conn_guard_config cfg;
	pthread_mutex_t lock;
	pthread_cond_t wake; /* signalled to stop the reaper */
	struct tracked *head;
	bool running, stopping;
	pthread_t reaper;
	/* Refusals since the reaper last said so: one log line a tick, not
	 * one per connection, whatever a flood of them does. */
	unsigned long refused;
	struct ipaddr last_refused;
};

bool conn_guard_overdue(const struct conn_guard_config *cfg, enum conn_phase phase, double seconds,
			size_t received)
{
	switch (phase) {
	case CONN_HEAD:
		return seconds > cfg->head_timeout;
	case CONN_BODY: {
		double earned = cfg->body_min_rate ? (double)received / cfg->body_min_rate : 0;
		return seconds > cfg->body_timeout + earned;
	}
	case CONN_BUSY:
		break;
	}
	return false;
}

struct conn_guard *conn_guard_new(const struct conn_guard_config *cfg)
{
	struct conn_guard *g = xcalloc(1, sizeof *g);
	g->cfg = *cfg;
	pthread_mutex_init(&g->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&g->wake, &ca);
	pthread_condattr_destroy(&ca);
	return g;
}

void conn_guard_free(struct conn_guard *g)
{
	if (!g)
		return;
	if (g->running) {
		pthread_mutex_lock(&g->lock);
		g->stopping = true;
		pthread_cond_signal(&g->wake);
		pthread_mutex_unlock(&g->lock);
		pthread_join(g->reaper, NULL);
	}
	while (g->head) { /* none, once the daemon has stopped; no leak if not */
		struct tracked *t = g->head;
		g->head = t->next;
		free(t);
	}
	pthread_cond_destroy(&g->wake);
	pthread_mutex_destroy(&g->lock);
	free(g);
}

static double seconds_since(const struct timespec *then, const struct timespec *now)
{
	return (double)(now->tv_sec - then->tv_sec) + (double)(now->tv_nsec - then->tv_nsec) / 1e9;
}

static const char *phase_reason(enum conn_phase p)
{
	return p == CONN_HEAD ? "no whole request head in time" : "request body too slow";
}

/*
 * One pass over the connections, under the lock; what to log goes to out,
 * written once the lock is released, so that no connection's thread waits
 * on the log. A kept-alive connection closed while it waits for its next
 * request is the ordinary end of one (a browser's spare connection): not
 * logged.
 */
static void reap(struct conn_guard *g, struct strbuf *out)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	for (struct tracked *t = g->head; t; t = t->next) {
		if (t->shut || !conn_guard_overdue(&g->cfg, t->phase, seconds_since(&t->since, &now), t->received))
			continue;
		/* The fd is still the connection's: libmicrohttpd tells us it
		 * closes (and we untrack it, under this lock) before it closes
		 * the socket, so the number cannot be another's yet. */
		shutdown(t->fd, SHUT_RDWR);
		t->shut = true;
		if (t->phase == CONN_HEAD && t->served)
			continue;
		char a[IPADDR_TEXT_MAX];
		ipaddr_format(&t->addr, a);
		strbuf_addf(out, "closed a connection from %s: %s\n", a, phase_reason(t->phase));
	}
	if (g->refused) {
		char a[IPADDR_TEXT_MAX];
		ipaddr_format(&g->last_refused, a);
		strbuf_addf(out, "refused %lu connections over the cap of %u per address (the last from %s)\n",
			    g->refused, g->cfg.per_address, a);
		g->refused = 0;
	}
}

/* Each line of text (reap's) as a guard event. */
static void log_lines(const struct strbuf *text)
{
	for (const char *s = text->buf, *nl; *s; s = nl + 1) {
		nl = strchr(s, '\n');
		reqlog_event("guard", "%.*s", (int)(nl - s), s);
	}
}

static void *reaper_main(void *arg)
{
	struct conn_guard *g = arg;
	pthread_mutex_lock(&g->lock);
	while (!g->stopping) {
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += CONN_GUARD_TICK_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		int rc;
		do
			rc = pthread_cond_timedwait(&g->wake, &g->lock, &until);
		while (rc == 0 && !g->stopping);
		if (g->stopping)
			break;
		struct strbuf lines = STRBUF_INIT;
		reap(g, &lines);
		pthread_mutex_unlock(&g->lock);
		log_lines(&lines);
		strbuf_release(&lines);
		pthread_mutex_lock(&g->lock);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

int conn_guard_start(struct conn_guard *g, struct err *e)
{
	int rc = pthread_create(&g->reaper, NULL, reaper_main, g);
	if (rc) {
		err_set(e, "cannot start the connection guard: %s", strerror(rc));
		return -1;
	}
	g->running = true;
	return 0;
}

/* How many connections from a are open, under the lock. One the guard has
 * shut down no longer counts: libmicrohttpd is closing it. */
static unsigned open_from(const struct conn_guard *g, const struct ipaddr *a)
{
	unsigned n = 0;
	for (const struct tracked *t = g->head; t; t = t->next)
		if (!t->exempt && !t->shut && ipaddr_equal(&t->addr, a))
			n++;
	return n;
}

/*
 * Makes room for one more connection from a, under the lock: shuts down the
 * one of a's connections that has waited longest for its next request after
 * an answer, if any. An office behind one NAT address is many browsers, each
 * keeping several spare connections open; closing a spare one is what a
 * browser expects of any server (it opens another when it needs one), so
 * the cap turns away only connections that are all at work or still
 * sending their first request. True if one was shut down.
 */
static bool evict_idle(struct conn_guard *g, const struct ipaddr *a)
{
	struct tracked *oldest = NULL;
	for (struct tracked *t = g->head; t; t = t->next)
		if (!t->exempt && !t->shut && t->served && t->phase == CONN_HEAD && t->fd >= 0 &&
		    ipaddr_equal(&t->addr, a) &&
		    (!oldest || t->since.tv_sec < oldest->since.tv_sec ||
		     (t->since.tv_sec == oldest->since.tv_sec && t->since.tv_nsec < oldest->since.tv_nsec)))
			oldest = t;
	if (!oldest)
		return false;
	/* As in reap(): the fd is still this connection's under the lock. */
	shutdown(oldest->fd, SHUT_RDWR);
	oldest->shut = true;
	return true;
}

/* Whether a connection from a over its cap must be turned away, under the
 * lock (after making room, if an idle one can go); counts a refusal. */
static bool over_cap(struct conn_guard *g, const struct ipaddr *a)
{
	if (open_from(g, a) < g->cfg.per_address || evict_idle(g, a))
		return false;
	g->refused++;
	g->last_refused = *a;
	return true;
}

static bool exempt(const struct conn_guard *g, const struct ipaddr *a)
{
	return !g->cfg.per_address || (g->cfg.trusted && proxy_trusted(g->cfg.trusted, a));
}

enum MHD_Result conn_guard_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
	(void)len;
	struct conn_guard *g = cls;
	struct ipaddr a;
	if (!ipaddr_from_sockaddr(addr, &a) || exempt(g, &a))
		return MHD_YES;
	pthread_mutex_lock(&g->lock);
	bool full = over_cap(g, &a);
	pthread_mutex_unlock(&g->lock);
	return full ? MHD_NO : MHD_YES;
}

static void track(struct conn_guard *g, struct MHD_Connection *con, void **socket_context)
{
	struct tracked *t = xcalloc(1, sizeof *t);
	t->g = g;
	t->fd = -1;
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci)
		t->fd = ci->connect_fd;
	ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	bool known = ci && ipaddr_from_sockaddr(ci->client_addr, &t->addr);
	t->exempt = !known || exempt(g, &t->addr);
	t->phase = CONN_HEAD;
	clock_gettime(CLOCK_MONOTONIC, &t->since);
	pthread_mutex_lock(&g->lock);
	/* Two connections from one address accepted at once on two threads
	 * both passed conn_guard_accept(); the one over the cap goes now. */
	if (!t->exempt && t->fd >= 0 && over_cap(g, &t->addr)) {
		shutdown(t->fd, SHUT_RDWR);
		t->shut = true;
	}
	t->next = g->head;
	if (g->head)
		g->head->prev = t;
	g->head = t;
	pthread_mutex_unlock(&g->lock);
	*socket_context = t;
}

static void untrack(struct tracked *t)
{
	struct conn_guard *g = t->g;
	pthread_mutex_lock(&g->lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		g->head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	pthread_mutex_unlock(&g->lock);
	free(t);
}

void conn_guard_notify(void *cls, struct MHD_Connection *con, void **socket_context,
		       enum MHD_ConnectionNotificationCode code)
{
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		track(cls, con, socket_context);
	else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
		untrack(*socket_context);
		*socket_context = NULL;
	}
}

static struct tracked *tracked_of(struct MHD_Connection *con)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(con, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

void conn_guard_phase(struct MHD_Connection *con, enum conn_phase phase)
{
	struct tracked *t = tracked_of(con);
	if (!t)
		return;
	pthread_mutex_lock(&t->g->lock);
	if (phase == CONN_HEAD && t->phase != CONN_HEAD)
		t->served = true; /* back to waiting, after an answer */
	t->phase = phase;
	t->received = 0;
	clock_gettime(CLOCK_MONOTONIC, &t->since);
	pthread_mutex_unlock(&t->g->lock);
}

void conn_guard_received(struct MHD_Connection *con, size_t n)
{
	struct tracked *t = tracked_of(con);
	if (!t)
		return;
	pthread_mutex_lock(&t->g->lock);
	t->received += n;
	pthread_mutex_unlock(&t->g->lock);
}
