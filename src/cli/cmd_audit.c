/* shinsa audit verify and list: the audit trail (core/audit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "formats/audit_json.h"
#include "service/audit_log.h"

static int audit_verify(struct cli_ctx *ctx, int argc, char **argv);
static int audit_list(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_verify = {
	.name = "audit verify", .args = "[--anchor HASH]", .summary = "check the audit trail's hash chain",
	.help = "", .exec = audit_verify,
};
static const struct cli_command sub_list = {
	.name = "audit list", .args = "[--org NAME] [--limit N] [--before SEQ] [--json]",
	.summary = "audit events, newest first", .help = "", .exec = audit_list,
};

struct verify_state {
	struct audit_chain chain;
	struct err why;
	const char *anchor;
	long long anchor_seq; /* 0 until an event with the anchor hash is seen */
};

static int verify_one(const struct audit_event *ev, void *arg)
{
	struct verify_state *v = arg;
	if (audit_chain_next(&v->chain, ev, &v->why) < 0)
		return 1;
	if (v->anchor && strcmp(ev->hash, v->anchor) == 0)
		v->anchor_seq = ev->seq;
	return 0;
}

static int audit_verify(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *anchor = NULL;
	const struct cli_opt opts[] = { { "anchor", 0, &anchor, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "audit verify", &sub_verify, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("audit verify", &sub_verify, "unexpected argument \"%s\"", argv[0]);
	if (anchor && strlen(anchor) != HASH_HEX_LEN)
		return cli_usage("audit verify", &sub_verify, "--anchor wants a hash of 64 hex digits");
	struct err e = { 0 };
	struct store *st = NULL;
	struct verify_state v = { .chain = AUDIT_CHAIN_INIT, .anchor = anchor };
	if (cli_open_store(ctx, &st, &e) < 0 || (rc = audit_log_walk(st, verify_one, &v, &e)) < 0) {
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	store_close(st);
	if (rc > 0)
		return cli_fail("audit trail broken: %s", v.why.msg);
	if (anchor && !v.anchor_seq)
		return cli_fail("audit trail broken: no event has the anchor hash %s (the events from it on were "
				"removed or rewritten)", anchor);
	printf("audit trail intact: %lld event%s, last hash %s\n", v.chain.n, v.chain.n == 1 ? "" : "s",
	       v.chain.n ? v.chain.last_hash : audit_genesis_hash);
	if (anchor)
		printf("the anchor is event %lld\n", v.anchor_seq);
	return CLI_OK;
}

/* A count or seq as typed: 1 to max. */
static int positive(const char *text, long long max, long long *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int audit_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *limit_text = NULL, *before_text = NULL;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "org", 0, &org_name, NULL }, { "limit", 0, &limit_text, NULL }, { "before", 0, &before_text, NULL },
		{ "json", 0, NULL, &json },    { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "audit list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("audit list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	long long limit = 100, before = 0;
	if (limit_text && positive(limit_text, AUDIT_LOG_LIST_MAX, &limit) < 0)
		return cli_usage("audit list", &sub_list, "--limit wants a number from 1 to %d, not \"%s\"",
				 AUDIT_LOG_LIST_MAX, limit_text);
	if (before_text && positive(before_text, (long long)1 << 62, &before) < 0)
		return cli_usage("audit list", &sub_list, "--before wants an event number, not \"%s\"", before_text);
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct audit_event **evs = NULL;
	size_t n = 0;
	if (cli_open_store(ctx, &st, &e) < 0 || (org_name && cli_load_org(st, org_name, &org, &e) < 0) ||
	    audit_log_list(st, org ? org->id : 0, NULL, before, (size_t)limit, &evs, &n, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct audit_event *ev = evs[i];
		if (json)
			json_array_append_new(arr, audit_json_event(ev));
		else
			printf("%lld  %s  %s  %s  %s  %s  %s\n", ev->seq, ev->at, ev->actor,
			       ev->org_name ? ev->org_name : "-", ev->action, *ev->object ? ev->object : "-",
			       ev->details);
	}
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	if (!json && n == 0)
		printf("no audit events\n");
	rc = CLI_OK;
done:
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	org_free(org);
	store_close(st);
	return rc;
}

static int audit_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_verify, &sub_list, NULL };
	return cli_dispatch(ctx, &cmd_audit, subs, argc, argv);
}

const struct cli_command cmd_audit = {
	.name = "audit",
	.args = "verify [--anchor HASH] | list [--org NAME] [--limit N] [--before SEQ] [--json]",
	.summary = "check and read the tamper-evident audit trail",
	.help = "  shinsa audit verify [--anchor HASH]\n"
		"      walks the hash chain from the first event; prints \"audit trail intact:\n"
		"      N events, last hash H\", or names the first event that does not fit and\n"
		"      why (exit 1). Keep H somewhere else: given later as --anchor, it proves\n"
		"      that no event up to it was removed or rewritten since\n"
		"  shinsa audit list [--org NAME] [--limit N] [--before SEQ] [--json]\n"
		"      newest first, at most N (default 100); --before SEQ gives the page\n"
		"      after the one ending at SEQ; --json prints [{seq, at, actor, org_id,\n"
		"      org, action, object, details, prev_hash, hash}], details as the\n"
		"      stored JSON text\n",
	.exec = audit_exec,
};
