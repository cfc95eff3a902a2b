/* The client's address: address literals and their canonical text
 * (lib/ipaddr), the throttle key per IPv4 address and IPv6 /64
 * (auth_policy_address_key), and X-Forwarded-For from trusted proxies
 * (web/proxy). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/auth_policy.h"
#include "lib/ipaddr.h"
#include "web/proxy.h"

/* s parsed and written back; "" when it is not an address. */
static void assert_canonical(const char *s, const char *want)
{
	struct ipaddr a;
	char got[IPADDR_TEXT_MAX] = "";
	if (ipaddr_parse(s, strlen(s), &a))
		ipaddr_format(&a, got);
	assert_string_equal(got, want);
}

static void test_ipaddr_parse(void **state)
{
	(void)state;
	assert_canonical("192.0.2.1", "192.0.2.1");
	assert_canonical("2001:DB8:0:0::1", "2001:db8::1");
	assert_canonical("::1", "::1");
	assert_canonical("::ffff:192.0.2.1", "192.0.2.1");
	assert_canonical("::FFFF:c000:0201", "192.0.2.1");
	assert_canonical("", "");
	assert_canonical("localhost", "");
	assert_canonical("192.0.2.1:80", "");
	assert_canonical("[::1]", "");
	assert_canonical("fe80::1%eth0", "");
	assert_canonical("10.0.0.0/8", "");
	assert_canonical(" 192.0.2.1", "");
	assert_canonical("192.0.2.256", "");
	/* The longest spelling there is (45 bytes) fits; longer is refused
	 * before inet_pton sees it. */
	assert_canonical("0000:0000:0000:0000:0000:ffff:192.168.100.200", "192.168.100.200");
	assert_canonical("0000:0000:0000:0000:0000:ffff:192.168.100.2000", "");
	/* Only len bytes are read, and a NUL inside them is not an address. */
	struct ipaddr a;
	assert_true(ipaddr_parse("192.0.2.1xyz", 9, &a));
	assert_false(ipaddr_parse("192.0.2.1\0", 10, &a));
}

/* A socket's peer, as the server gets it: a dual-stack socket's IPv4
 * client is the IPv4 address. */
static void test_ipaddr_from_sockaddr(void **state)
{
	(void)state;
	struct sockaddr_in v4 = { .sin_family = AF_INET };
	struct sockaddr_in6 v6 = { .sin6_family = AF_INET6 };
	struct ipaddr a;
	char text[IPADDR_TEXT_MAX];
	assert_int_equal(inet_pton(AF_INET, "192.0.2.7", &v4.sin_addr), 1);
	assert_true(ipaddr_from_sockaddr((const struct sockaddr *)&v4, &a));
	ipaddr_format(&a, text);
	assert_string_equal(text, "192.0.2.7");
	assert_int_equal(inet_pton(AF_INET6, "::ffff:192.0.2.7", &v6.sin6_addr), 1);
	assert_true(ipaddr_from_sockaddr((const struct sockaddr *)&v6, &a));
	ipaddr_format(&a, text);
	assert_string_equal(text, "192.0.2.7");
	assert_int_equal(inet_pton(AF_INET6, "2001:db8::7", &v6.sin6_addr), 1);
	assert_true(ipaddr_from_sockaddr((const struct sockaddr *)&v6, &a));
	ipaddr_format(&a, text);
	assert_string_equal(text, "2001:db8::7");
	struct sockaddr unix_sa = { .sa_family = AF_UNIX };
	assert_false(ipaddr_from_sockaddr(&unix_sa, &a));
	assert_false(ipaddr_from_sockaddr(NULL, &a));
}

static void test_ipaddr_equal_and_prefix(void **state)
{
	(void)state;
	struct ipaddr a, b, c;
	assert_true(ipaddr_parse("::ffff:192.0.2.1", 16, &a));
	assert_true(ipaddr_parse("192.0.2.1", 9, &b));
	assert_true(ipaddr_equal(&a, &b));
	assert_true(ipaddr_parse("::c000:201", 10, &c)); /* IPv4-compatible: not the same */
	assert_false(ipaddr_equal(&b, &c));
	char text[IPADDR_TEXT_MAX];
	assert_true(ipaddr_parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 32, &a));
	b = ipaddr_prefix(&a, 64);
	ipaddr_format(&b, text);
	assert_string_equal(text, "2001:db8:1:2::");
	b = ipaddr_prefix(&a, 60);
	ipaddr_format(&b, text);
	assert_string_equal(text, "2001:db8:1::");
	assert_true(ipaddr_parse("192.0.2.255", 11, &a));
	b = ipaddr_prefix(&a, 25);
	ipaddr_format(&b, text);
	assert_string_equal(text, "192.0.2.128");
}

static void assert_key(const char *remote, const char *want)
{
	char *got = auth_policy_address_key(remote);
	assert_string_equal(got, want);
	free(got);
}

static void test_address_key(void **state)
{
	(void)state;
	assert_key("203.0.113.7", "address:203.0.113.7");
	assert_key("::ffff:203.0.113.7", "address:203.0.113.7");
	/* Anywhere in one /64, however written: one key. */
	assert_key("2001:db8:1:2::1", "address:2001:db8:1:2::/64");
	assert_key("2001:DB8:1:2:ffff:ffff:ffff:fffe", "address:2001:db8:1:2::/64");
	assert_key("2001:db8:1:3::1", "address:2001:db8:1:3::/64");
	assert_key("::1", "address:::/64");
	assert_key("unknown", "address:unknown");
}

static void test_trust_add(void **state)
{
	(void)state;
	struct proxy_trust t = { .n = 0 };
	struct err e = { 0 };
	assert_int_equal(proxy_trust_add(&t, "127.0.0.1", &e), 0);
	assert_int_equal(proxy_trust_add(&t, "10.0.0.1, 2001:DB8::10", &e), 0);
	assert_int_equal(t.n, 3);
	struct ipaddr a;
	assert_true(ipaddr_parse("2001:db8::10", 12, &a));
	assert_true(proxy_trusted(&t, &a));
	assert_true(ipaddr_parse("::ffff:127.0.0.1", 16, &a));
	assert_true(proxy_trusted(&t, &a));
	assert_true(ipaddr_parse("10.0.0.2", 8, &a));
	assert_false(proxy_trusted(&t, &a));
	assert_false(proxy_trusted(NULL, &a));

	assert_int_equal(proxy_trust_add(&t, "10.0.0.2,proxy.local,10.0.0.3", &e), -1);
	assert_string_equal(e.msg, "--trusted-proxy wants IPv4 or IPv6 addresses, got \"proxy.local\"");
	assert_int_equal(proxy_trust_add(&t, "10.0.0.2,,10.0.0.3", &e), -1);
	assert_string_equal(e.msg, "--trusted-proxy wants IPv4 or IPv6 addresses, got \"\"");
	assert_int_equal(proxy_trust_add(&t, "", &e), -1);
	assert_string_equal(e.msg, "--trusted-proxy wants IPv4 or IPv6 addresses, got \"\"");

	struct proxy_trust full = { .n = 0 };
	for (int i = 0; i < PROXY_MAX_TRUSTED; i++)
		assert_int_equal(proxy_trust_add(&full, "10.0.0.1", &e), 0);
	assert_int_equal(proxy_trust_add(&full, "10.0.0.1", &e), -1);
	assert_string_equal(e.msg, "--trusted-proxy: more than 32 addresses");
}

/* What proxy_client decides for peer and xff, as "RESULT address". */
static const char *client(const struct proxy_trust *t, const char *peer, const char *xff)
{
	static char got[64];
	char out[IPADDR_TEXT_MAX];
	static const char *const names[] = { "direct", "forwarded", "no header", "malformed" };
	enum proxy_result r = proxy_client(t, peer, xff, out);
	assert_true(snprintf(got, sizeof got, "%s %s", names[r], out) < (int)sizeof got);
	return got;
}

static void test_client(void **state)
{
	(void)state;
	struct proxy_trust t = { .n = 0 };
	struct err e = { 0 };
	assert_int_equal(proxy_trust_add(&t, "127.0.0.1,10.0.0.1,2001:db8::10", &e), 0);

	/* An untrusted peer, or no trust at all: the header is not read. */
	assert_string_equal(client(&t, "192.0.2.9", "198.51.100.7"), "direct 192.0.2.9");
	assert_string_equal(client(NULL, "127.0.0.1", "198.51.100.7"), "direct 127.0.0.1");
	assert_string_equal(client(&t, "::ffff:192.0.2.9", "x"), "direct 192.0.2.9");
	assert_string_equal(client(&t, "unknown", "198.51.100.7"), "direct unknown");

	/* Trusted: the right-most entry that is not a trusted proxy. */
	assert_string_equal(client(&t, "127.0.0.1", "198.51.100.7"), "forwarded 198.51.100.7");
	assert_string_equal(client(&t, "::ffff:127.0.0.1", "198.51.100.7"), "forwarded 198.51.100.7");
	assert_string_equal(client(&t, "127.0.0.1", "203.0.113.9, 198.51.100.7"), "forwarded 198.51.100.7");
	assert_string_equal(client(&t, "127.0.0.1", "203.0.113.9,198.51.100.7, 10.0.0.1,\t2001:db8::10"),
			    "forwarded 198.51.100.7");
	assert_string_equal(client(&t, "127.0.0.1", " 10.0.0.1 , 127.0.0.1 "), "forwarded 10.0.0.1");
	assert_string_equal(client(&t, "2001:db8::10", "2001:DB8::0:7"), "forwarded 2001:db8::7");
	assert_string_equal(client(&t, "127.0.0.1", "::ffff:198.51.100.7"), "forwarded 198.51.100.7");
	/* Left of the client is the client's own say: not read at all. */
	assert_string_equal(client(&t, "127.0.0.1", "garbage,,198.51.100.7"), "forwarded 198.51.100.7");

	/* No header, or an entry on the way that is not an address: the peer. */
	assert_string_equal(client(&t, "127.0.0.1", NULL), "no header 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", ""), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "   "), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "198.51.100.7,"), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "198.51.100.7:443"), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "[2001:db8::7]"), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "unknown"), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", "garbage, 10.0.0.1"), "malformed 127.0.0.1");
	assert_string_equal(client(&t, "127.0.0.1", ",10.0.0.1"), "malformed 127.0.0.1");

	assert_string_equal(proxy_result_note(PROXY_DIRECT), "");
	assert_string_equal(proxy_result_note(PROXY_FORWARDED), "");
	assert_string_equal(proxy_result_note(PROXY_NO_HEADER),
			    "no X-Forwarded-For from the trusted proxy: client taken to be the proxy");
	assert_string_equal(proxy_result_note(PROXY_MALFORMED), "X-Forwarded-For from the trusted proxy is not a list "
								"of IP addresses: client taken to be the proxy");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipaddr_parse),	   cmocka_unit_test(test_ipaddr_from_sockaddr),	   cmocka_unit_test(test_ipaddr_equal_and_prefix),
		cmocka_unit_test(test_address_key),	   cmocka_unit_test(test_trust_add),
		cmocka_unit_test(test_client),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
