/*
 * listen: the address `shinsa serve --listen` names, and its socket.
 *
 * "HOST:PORT": HOST an IPv4 address, a name (looked up; the first address
 * is taken) or an IPv6 address in brackets ("[::1]:8080"); PORT 0 to 65535,
 * 0 letting the system pick a free one. We open the socket ourselves rather
 * than let libmicrohttpd do it, for exact error messages and the real port.
 */
#ifndef SHINSA_WEB_LISTEN_H
#define SHINSA_WEB_LISTEN_H

#include <stddef.h>
#include <sys/socket.h>

#include "lib/err.h"

struct listen_addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

/* 0, or -1 with e set: "--listen wants HOST:PORT (e.g. 127.0.0.1:8080), got \"x\"", ... */
int listen_parse(const char *s, struct listen_addr *out, struct err *e);

/* A bound, listening, non-blocking, close-on-exec socket in *fd (yours to
 * close); -1 with e set ("cannot listen on 127.0.0.1:8080: Address already in use"). */
int listen_open(const struct listen_addr *a, const char *name, int *fd, struct err *e);

/* "http://ADDRESS:PORT" of the socket as bound (the real port). */
int listen_url(int fd, char *out, size_t size, struct err *e);

#endif
