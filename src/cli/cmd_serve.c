#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli/cli.h"
#include "lib/keys.h"
#include "web/listen.h"
#include "web/proxy.h"
#include "web/server.h"

static int serve_exec(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_command cmd_serve = {
	.name = "serve",
	.args = "[--listen HOST:PORT] [--threads N] [--timeout S] [--max-connections N]"
		" [--max-connections-per-address N] [--head-timeout S] [--body-timeout S] [--body-min-rate BYTES]"
		" [--upload-memory MIB]"
		" [--secure-cookies] [--trusted-proxy ADDR]...",
	.summary = "run the web server (JSON API under /api/v1, /healthz)",
	.help = "--listen       address and port, default " SERVER_DEFAULT_LISTEN "; port 0 picks a free one;\n"
		"               an IPv6 address goes in brackets: [::1]:8080\n"
		"--threads      worker threads (default 4)\n"
		"--timeout      seconds an idle connection stays open (default 30)\n"
		"--max-connections  connections open at once (default 1024)\n"
		"--max-connections-per-address  connections one client address may hold open at\n"
		"               once (default 32); a trusted proxy's address is not capped\n"
		"--head-timeout seconds a client has to send a whole request line and headers,\n"
		"               from the connection's opening or its previous answer (default 20)\n"
		"--body-timeout seconds a request body gets, plus one second for every\n"
		"--body-min-rate bytes received (defaults 20 and 500): a slower body is cut off\n"
		"--upload-memory  MiB of request bodies (uploads) held in memory at once (default 512,\n"
		"               at least the largest upload a route takes); past it 503 server_busy\n"
		"--secure-cookies   mark the session cookie Secure: say it when a TLS proxy is in front\n"
		"--trusted-proxy    the proxy's IPv4 or IPv6 address (repeat it, or separate with\n"
		"               commas): from these peers only, the client's address is taken from\n"
		"               X-Forwarded-For (the right-most entry that is not a trusted proxy);\n"
		"               from any other peer the header is ignored\n"
		"The server secret (see shinsa init) must be there: it opens the TOTP secrets and\n"
		"the signing keys.\n"
		"The first line on stdout is \"listening on http://HOST:PORT\". stderr has one JSON\n"
		"line per request. SIGTERM or SIGINT stops it: no new connections, requests in\n"
		"flight get 10 s to finish, exit status 0.\n",
	.exec = serve_exec,
};

/* A whole number from 1 to max, or a usage error naming the option. */
static int parse_count(const char *opt, const char *s, unsigned max, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long n = s[0] >= '0' && s[0] <= '9' ? strtoul(s, &end, 10) : 0;
	if (n == 0 || errno || *end || n > max)
		return cli_usage("serve", &cmd_serve, "--%s wants a whole number from 1 to %u, got \"%s\"", opt, max, s);
	*out = (unsigned)n;
	return 0;
}

/*
 * The values of every --trusted-proxy, before cli_parse() (which keeps only
 * the last value of an option) sees argv: "--trusted-proxy A" and
 * "--trusted-proxy=A", up to "--". cli_parse() then checks the syntax as
 * for any option. -1 with e set for an address that is not one.
 */
static int trusted_proxies(int argc, char **argv, struct proxy_trust *t, struct err *e)
{
	static const char opt[] = "--trusted-proxy";
	for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const char *v = NULL;
		if (strcmp(argv[i], opt) == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(argv[i], opt, sizeof opt - 1) == 0 && argv[i][sizeof opt - 1] == '=')
			v = argv[i] + sizeof opt;
		if (v && proxy_trust_add(t, v, e) < 0)
			return -1;
	}
	return 0;
}

static int serve_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *listen = NULL, *threads = NULL, *timeout = NULL, *max_conn = NULL, *last_proxy = NULL;
	const char *per_address = NULL, *head_timeout = NULL, *body_timeout = NULL, *body_rate = NULL;
	const char *upload_memory = NULL;
	bool secure = false;
	struct proxy_trust proxies = { .n = 0 };
	struct err e = { 0 };
	if (trusted_proxies(argc, argv, &proxies, &e) < 0)
		return cli_usage("serve", &cmd_serve, "%s", e.msg);
	const struct cli_opt opts[] = {
		{ "secure-cookies", 0, NULL, &secure },
		{ "listen", 0, &listen, NULL },
		{ "threads", 0, &threads, NULL },
		{ "timeout", 0, &timeout, NULL },
		{ "max-connections", 0, &max_conn, NULL },
		{ "max-connections-per-address", 0, &per_address, NULL },
		{ "head-timeout", 0, &head_timeout, NULL },
		{ "body-timeout", 0, &body_timeout, NULL },
		{ "body-min-rate", 0, &body_rate, NULL },
		{ "upload-memory", 0, &upload_memory, NULL },
		{ "trusted-proxy", 0, &last_proxy, NULL }, /* all of them: trusted_proxies() */
		{ 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "serve", &cmd_serve, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos > 0)
		return cli_usage("serve", &cmd_serve, "unexpected argument \"%s\"", argv[0]);
	struct server_config cfg;
	server_config_init(&cfg, ctx->db_path);
	struct listen_addr addr;
	if (listen)
		cfg.listen = listen;
	if (listen_parse(cfg.listen, &addr, &e) < 0)
		return cli_usage("serve", &cmd_serve, "%s", e.msg);
	if ((threads && parse_count("threads", threads, 256, &cfg.threads)) ||
	    (timeout && parse_count("timeout", timeout, 3600, &cfg.timeout)) ||
	    (max_conn && parse_count("max-connections", max_conn, 100000, &cfg.max_connections)) ||
	    (per_address && parse_count("max-connections-per-address", per_address, 100000, &cfg.guard.per_address)) ||
	    (head_timeout && parse_count("head-timeout", head_timeout, 3600, &cfg.guard.head_timeout)) ||
	    (body_timeout && parse_count("body-timeout", body_timeout, 3600, &cfg.guard.body_timeout)) ||
	    (body_rate && parse_count("body-min-rate", body_rate, 1u << 30, &cfg.guard.body_min_rate)))
		return CLI_USAGE;
	if (upload_memory) {
		unsigned mib;
		/* At least the largest route's limit: each upload allowed must fit
		 * when it is alone (web/server.h). */
		if (parse_count("upload-memory", upload_memory, 1u << 20, &mib))
			return CLI_USAGE;
		size_t least = router_body_limit_max(cfg.routes, cfg.n_routes);
		if (((size_t)mib << 20) < least)
			return cli_usage("serve", &cmd_serve, "--upload-memory must be at least %zu (MiB): the largest upload a route takes",
					 (least + ((size_t)1 << 20) - 1) >> 20);
		cfg.upload_memory = (size_t)mib << 20;
	}
	/* Refuse to start on a database that will not open: better now than in
	 * every request's answer. */
	struct store *st;
	if (cli_open_store(ctx, &st, &e) < 0)
		return cli_fail("%s", e.msg);
	store_close(st);
	unsigned char secret[KEYS_SECRET_BYTES];
	char *secret_path = cli_secret_path(ctx);
	rc = keys_secret_load(secret_path, secret, &e);
	free(secret_path);
	if (rc < 0)
		return cli_fail("%s", e.msg);
	struct auth_config auth;
	auth_config_init(&auth, secret);
	sodium_memzero(secret, sizeof secret);
	cfg.auth = &auth;
	cfg.secure_cookies = secure;
	cfg.trusted_proxies = &proxies;
	rc = server_run(&cfg, &e);
	sodium_memzero(&auth, sizeof auth);
	return rc < 0 ? cli_fail("%s", e.msg) : CLI_OK;
}
