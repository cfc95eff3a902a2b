#include "web/proxy.h"

#include <stdio.h>
#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The entry between begin and end, without the spaces around it. */
static bool parse_entry(const char *begin, const char *end, struct ipaddr *out)
{
	while (begin < end && is_space(*begin))
		begin++;
	while (end > begin && is_space(end[-1]))
		end--;
	return ipaddr_parse(begin, (size_t)(end - begin), out);
}

int proxy_trust_add(struct proxy_trust *t, const char *spec, struct err *e)
{
	const char *p = spec;
	for (;;) {
		const char *comma = strchr(p, ',');
		const char *end = comma ? comma : p + strlen(p);
		struct ipaddr a;
		if (!parse_entry(p, end, &a)) {
			err_set(e, "--trusted-proxy wants IPv4 or IPv6 addresses, got \"%.*s\"", (int)(end - p), p);
			return -1;
		}
		if (t->n == PROXY_MAX_TRUSTED) {
			err_set(e, "--trusted-proxy: more than %d addresses", PROXY_MAX_TRUSTED);
			return -1;
		}
		t->addrs[t->n++] = a;
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

bool proxy_trusted(const struct proxy_trust *t, const struct ipaddr *a)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (ipaddr_equal(&t->addrs[i], a))
			return true;
	return false;
}

enum proxy_result proxy_client(const struct proxy_trust *t, const char *peer, const char *xff,
			       char out[IPADDR_TEXT_MAX])
{
	struct ipaddr a;
	if (!ipaddr_parse(peer, strlen(peer), &a)) {
		snprintf(out, IPADDR_TEXT_MAX, "%s", peer); /* cut to fit: it is only for the log */
		return PROXY_DIRECT;
	}
	ipaddr_format(&a, out);
	if (!proxy_trusted(t, &a))
		return PROXY_DIRECT;
	if (!xff)
		return PROXY_NO_HEADER;
	/* From the right: each hop appended the address it was sent from. */
	const char *end = xff + strlen(xff);
	struct ipaddr client;
	for (;;) {
		const char *begin = end;
		while (begin > xff && begin[-1] != ',')
			begin--;
		if (!parse_entry(begin, end, &client))
			return PROXY_MALFORMED;
		if (!proxy_trusted(t, &client) || begin == xff)
			break;
		end = begin - 1; /* before the comma */
	}
	ipaddr_format(&client, out);
	return PROXY_FORWARDED;
}

const char *proxy_result_note(enum proxy_result r)
{
	switch (r) {
	case PROXY_NO_HEADER:
		return "no X-Forwarded-For from the trusted proxy: client taken to be the proxy";
	case PROXY_MALFORMED:
		return "X-Forwarded-For from the trusted proxy is not a list of IP addresses: client taken to be the proxy";
	case PROXY_DIRECT:
	case PROXY_FORWARDED:
		break;
	}
	return "";
}
