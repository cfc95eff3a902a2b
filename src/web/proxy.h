/*
 * proxy: which address a request comes from, when Shinsa runs behind the
 * TLS proxy docs/operations.md asks for. The socket's peer is then the
 * proxy, for every client; the client's address is in the X-Forwarded-For
 * header the proxy adds. But anyone can send that header, so it is believed only
 * from a peer named with --trusted-proxy, and only as far as the chain of
 * trusted proxies goes: each proxy appends the address it got the request
 * from, so reading from the right, the first address that is not itself
 * a trusted proxy is the client (what the client wrote further left is
 * the client's own say and counts for nothing).
 *
 *   peer not trusted                   the peer; X-Forwarded-For ignored
 *   trusted, header well formed        the right-most untrusted address
 *                                      (the left-most if all are trusted)
 *   trusted, no header                 the peer, PROXY_NO_HEADER
 *   trusted, an entry read on the way  the peer, PROXY_MALFORMED
 *   is not an IP address literal
 *
 * Entries are comma-separated, spaces and tabs around them ignored, each
 * an IPv4 or IPv6 literal as inet_pton takes it (no ports, brackets or
 * zone ids). Entries left of the client are not read. Several
 * X-Forwarded-For headers count as one, joined with commas in the order
 * sent (RFC 9110 5.3). The header's size is bounded by the server's
 * header limit. Addresses come out in canonical text (lib/ipaddr).
 *
 * A proxy_trust is a plain value, filled once before the server starts
 * and read by every thread.
 */
#ifndef SHINSA_WEB_PROXY_H
#define SHINSA_WEB_PROXY_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"
#include "lib/ipaddr.h"

#define PROXY_MAX_TRUSTED 32

struct proxy_trust {
	struct ipaddr addrs[PROXY_MAX_TRUSTED];
	size_t n;
};

/*
 * Adds the addresses of spec, one or several separated by commas
 * ("127.0.0.1", "10.0.0.2,::1"). -1 with e set, naming the entry:
 * "--trusted-proxy wants IPv4 or IPv6 addresses, got \"proxy.local\"",
 * "--trusted-proxy: more than 32 addresses".
 */
int proxy_trust_add(struct proxy_trust *t, const char *spec, struct err *e);

bool proxy_trusted(const struct proxy_trust *t, const struct ipaddr *a);

enum proxy_result {
	PROXY_DIRECT = 0, /* the peer, not a trusted proxy: taken as it is */
	PROXY_FORWARDED,  /* from X-Forwarded-For */
	PROXY_NO_HEADER,  /* a trusted proxy sent none: its own address */
	PROXY_MALFORMED,  /* a trusted proxy sent a bad one: its own address */
};

/*
 * The client's address for a request from peer (text; "unknown" or any
 * other non-address is never trusted) with the X-Forwarded-For value xff
 * (NULL: none), into out (IPADDR_TEXT_MAX bytes, or the peer text cut to
 * fit). t may be NULL or empty: then every peer is direct.
 */
enum proxy_result proxy_client(const struct proxy_trust *t, const char *peer, const char *xff,
			       char out[IPADDR_TEXT_MAX]);

/* For the request's log line, "" for DIRECT and FORWARDED:
 * "no X-Forwarded-For from the trusted proxy: client taken to be the proxy",
 * "X-Forwarded-For from the trusted proxy is not a list of IP addresses:
 * client taken to be the proxy". */
const char *proxy_result_note(enum proxy_result r);

#endif
