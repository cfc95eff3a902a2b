/*
 * ipaddr: IPv4 and IPv6 address literals, parsed and written back in one
 * canonical form, so that two spellings of one address ("2001:DB8::1",
 * "2001:db8:0::1", "::ffff:192.0.2.1" and "192.0.2.1") compare and key
 * the same. Only literals: no names, ports, brackets, prefixes or zone
 * ids ("fe80::1%eth0"). Plain values, nothing to free.
 */
#ifndef SHINSA_LIB_IPADDR_H
#define SHINSA_LIB_IPADDR_H

#include <stdbool.h>
#include <stddef.h>

/* Longest text ipaddr_format writes, NUL included (INET6_ADDRSTRLEN). */
#define IPADDR_TEXT_MAX 46

struct ipaddr {
	bool v6;                  /* false: IPv4, in bytes[0..3] */
	unsigned char bytes[16];
};

/* Parses the len bytes of s (no NUL needed) as an address literal. An
 * IPv4-mapped IPv6 address (::ffff:a.b.c.d) is taken as the IPv4 address:
 * a dual-stack socket reports IPv4 peers that way. False if it is not one. */
bool ipaddr_parse(const char *s, size_t len, struct ipaddr *out);

/* The canonical text (inet_ntop's: lower case, "::" for the longest run of
 * zeros) into out, at least IPADDR_TEXT_MAX bytes. */
void ipaddr_format(const struct ipaddr *a, char out[IPADDR_TEXT_MAX]);

/* The address of a socket's AF_INET or AF_INET6 sockaddr (an IPv4-mapped
 * one taken as IPv4, as above). False for another family or NULL. */
struct sockaddr;
bool ipaddr_from_sockaddr(const struct sockaddr *sa, struct ipaddr *out);
bool ipaddr_equal(const struct ipaddr *a, const struct ipaddr *b);

/* a with all but its first bits bits zero (bits up to 32 or 128). */
struct ipaddr ipaddr_prefix(const struct ipaddr *a, unsigned bits);

#endif
