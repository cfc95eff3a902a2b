#include "lib/ipaddr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

static const unsigned char v4_mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

static void set_v6(struct ipaddr *out, const unsigned char b[16])
{
	if (memcmp(b, v4_mapped, sizeof v4_mapped) == 0) {
		memcpy(out->bytes, b + 12, 4);
	} else {
		out->v6 = true;
		memcpy(out->bytes, b, 16);
	}
}

bool ipaddr_parse(const char *s, size_t len, struct ipaddr *out)
{
	char text[IPADDR_TEXT_MAX];
	if (len == 0 || len >= sizeof text || memchr(s, '\0', len))
		return false;
	memcpy(text, s, len);
	text[len] = '\0';
	memset(out, 0, sizeof *out);
	if (inet_pton(AF_INET, text, out->bytes) == 1)
		return true;
	unsigned char b[16];
	if (inet_pton(AF_INET6, text, b) != 1)
		return false;
	set_v6(out, b);
	return true;
}

void ipaddr_format(const struct ipaddr *a, char out[IPADDR_TEXT_MAX])
{
	/* Cannot fail: the family is known and out is large enough. */
	if (!inet_ntop(a->v6 ? AF_INET6 : AF_INET, a->bytes, out, IPADDR_TEXT_MAX))
		strcpy(out, "unknown");
}

bool ipaddr_from_sockaddr(const struct sockaddr *sa, struct ipaddr *out)
{
	memset(out, 0, sizeof *out);
	if (sa && sa->sa_family == AF_INET) {
		memcpy(out->bytes, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
		return true;
	}
	if (sa && sa->sa_family == AF_INET6) {
		set_v6(out, ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr);
		return true;
	}
	return false;
}

bool ipaddr_equal(const struct ipaddr *a, const struct ipaddr *b)
{
	return a->v6 == b->v6 && memcmp(a->bytes, b->bytes, a->v6 ? 16 : 4) == 0;
}

struct ipaddr ipaddr_prefix(const struct ipaddr *a, unsigned bits)
{
	struct ipaddr p = *a;
	unsigned size = a->v6 ? 16 : 4;
	for (unsigned i = 0; i < size; i++) {
		unsigned keep = bits >= 8 * (i + 1) ? 8 : bits > 8 * i ? bits - 8 * i : 0;
		p.bytes[i] &= (unsigned char)(0xff00u >> keep);
	}
	return p;
}
