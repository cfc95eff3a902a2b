/*
 * reqlog: the server's log on stderr, one JSON object per line.
 *
 * A request:  {"time","request_id","remote","method","path","status","bytes","ms"}
 *             and "peer" when the socket's peer is not the client (a
 *             trusted proxy, web/proxy: "remote" is then the client it
 *             forwarded for), "note" when there is one (a store error, a
 *             dropped body, a bad X-Forwarded-For).
 *             method is null and status what libmicrohttpd sent when the
 *             request never reached a handler (headers too large).
 * An event:   {"time","event","message"} (start, stop, libmicrohttpd's own
 *             messages).
 * "time" is clock_stamp() (SHINSA_NOW when set); "ms" the milliseconds from
 * the request line to the end of the response, to the microsecond. A path
 * that is not UTF-8 is logged with its bytes above 0x7F as %XX. Nothing a
 * client might put a secret in (query, headers, body) is ever logged.
 * Each line goes out in one write, so lines of concurrent requests never mix.
 */
#ifndef SHINSA_WEB_REQLOG_H
#define SHINSA_WEB_REQLOG_H

#include <stddef.h>

struct reqlog_entry {
	const char *request_id;
	const char *remote; /* the client */
	const char *peer;   /* the socket's peer; NULL or equal to remote: not logged */
	const char *method; /* NULL: unknown */
	const char *path;   /* as sent, without the query */
	int status;         /* 0: no response was sent */
	size_t bytes;       /* body bytes sent */
	double ms;
	const char *note;   /* NULL or "" for none */
};

/* The request's line, without the newline; yours to free. */
char *reqlog_line(const struct reqlog_entry *entry);
void reqlog_request(const struct reqlog_entry *entry);
void reqlog_event(const char *event, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
