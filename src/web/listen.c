#include "web/listen.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/xalloc.h"

int listen_parse(const char *s, struct listen_addr *out, struct err *e)
{
	char *host = NULL;
	const char *port = "";
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (close && close[1] == ':') {
			host = xstrndup(s + 1, (size_t)(close - s - 1));
			port = close + 2;
		}
	} else {
		const char *colon = strrchr(s, ':');
		if (colon && !memchr(s, ':', (size_t)(colon - s))) {
			host = xstrndup(s, (size_t)(colon - s));
			port = colon + 1;
		}
	}
	char *end = NULL;
	long n = -1;
	if (host && host[0] && port[0] >= '0' && port[0] <= '9')
		n = strtol(port, &end, 10);
	if (n < 0 || n > 65535 || *end != '\0') {
		free(host);
		err_set(e, "--listen wants HOST:PORT (e.g. 127.0.0.1:8080), got \"%s\"", s);
		return -1;
	}
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res;
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		err_set(e, "--listen %s: %s", s, gai_strerror(rc));
		free(host);
		return -1;
	}
	free(host);
	memcpy(&out->ss, res->ai_addr, res->ai_addrlen);
	out->len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

int listen_open(const struct listen_addr *a, const char *name, int *fd, struct err *e)
{
	int s = socket(a->ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s < 0) {
		err_set(e, "cannot listen on %s: %s", name, strerror(errno));
		return -1;
	}
	/* A restarted server must not wait for the old one's TIME_WAIT sockets. */
	int one = 1;
	if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(s, (const struct sockaddr *)&a->ss, a->len) < 0 || listen(s, SOMAXCONN) < 0) {
		err_set(e, "cannot listen on %s: %s", name, strerror(errno));
		close(s);
		return -1;
	}
	*fd = s;
	return 0;
}

int listen_url(int fd, char *out, size_t size, struct err *e)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[INET6_ADDRSTRLEN];
	int port, n = -1;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
		err_set(e, "cannot read the listening address: %s", strerror(errno));
		return -1;
	}
	if (ss.ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
		port = ntohs(in6->sin6_port);
		if (inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host))
			n = snprintf(out, size, "http://[%s]:%d", host, port);
	} else {
		const struct sockaddr_in *in4 = (const struct sockaddr_in *)&ss;
		port = ntohs(in4->sin_port);
		if (inet_ntop(AF_INET, &in4->sin_addr, host, sizeof host))
			n = snprintf(out, size, "http://%s:%d", host, port);
	}
	if (n < 0 || (size_t)n >= size) {
		err_set(e, "cannot format the listening address");
		return -1;
	}
	return 0;
}
