/*
 * libFuzzer target: X-Forwarded-For as a trusted proxy may pass it on
 * (proxy_client), the --trusted-proxy list (proxy_trust_add) and the
 * throttle key (auth_policy_address_key). The input is split at its first
 * NUL: before it the proxy list, after it the header. The peer, 127.0.0.1,
 * is always trusted. Whatever comes in, the client decided must be an
 * address in canonical text, or the peer's when the header is refused.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/auth_policy.h"
#include "lib/xalloc.h"
#include "web/proxy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *spec = xstrndup((const char *)data, size); /* up to the first NUL */
	size_t first = strlen(spec);
	char *xff = first < size ? xstrndup((const char *)data + first + 1, size - first - 1) : NULL;
	struct proxy_trust t = { .n = 0 };
	struct err e = { 0 };
	if (proxy_trust_add(&t, "127.0.0.1", &e) < 0)
		__builtin_trap();
	if (proxy_trust_add(&t, spec, &e) < 0 && !e.msg[0])
		__builtin_trap();
	char out[IPADDR_TEXT_MAX];
	enum proxy_result r = proxy_client(&t, "127.0.0.1", xff, out);
	struct ipaddr a;
	if (r == PROXY_DIRECT || !ipaddr_parse(out, strlen(out), &a))
		__builtin_trap();
	char again[IPADDR_TEXT_MAX];
	ipaddr_format(&a, again);
	if (strcmp(again, out) != 0 || (r != PROXY_FORWARDED && strcmp(out, "127.0.0.1") != 0))
		__builtin_trap();
	char *key = auth_policy_address_key(out);
	free(key);
	key = auth_policy_address_key(xff ? xff : spec);
	free(key);
	free(spec);
	free(xff);
	return 0;
}
