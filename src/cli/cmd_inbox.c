#include <stdio.h>

#include "cli/cli.h"
#include "service/shares.h"

static int inbox_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "inbox", &cmd_inbox, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("inbox", &cmd_inbox, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("inbox", &cmd_inbox, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct share **list = NULL;
	size_t n = 0;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0)
		goto fail;
	if (org->kind != ORG_BANK) {
		err_set(&e, "%s is a connector: only banks have an inbox (shinsa share list --org %s)", org->name,
			org->name);
		goto fail;
	}
	if (shares_inbox(st, org->id, &list, &n, &e) < 0)
		goto fail;
	json_t *arr = json ? json_array() : NULL;
	for (size_t i = 0; i < n; i++) {
		const struct share *s = list[i];
		if (json)
			json_array_append_new(arr, shares_inbox_json(s));
		else
			printf("share %lld: submission %lld, version %d of %s, sha256 %s, shared %s, until %s\n", s->id,
			       s->submission_id, s->version, s->connector_name, s->sha256, s->created_at,
			       s->expires_at ? s->expires_at : "revoked");
	}
	if (json)
		cli_print_json(arr);
	else if (n == 0)
		printf("nothing is shared with %s now\n", org->name);
	rc = CLI_OK;
	goto done;
fail:
	rc = cli_fail("%s", e.msg);
done:
	share_list_free(list, n);
	org_free(org);
	store_close(st);
	return rc;
}

const struct cli_command cmd_inbox = {
	.name = "inbox",
	.args = "--org BANK [--json]",
	.summary = "what is shared with a bank now",
	.help = "The submissions shared with the bank by shares in force now (not revoked, not\n"
		"expired), oldest share first: share, submission, version, connector, SHA-256,\n"
		"when shared and until when. --json prints [{share, submission, connector,\n"
		"version, sha256, shared_at, expires_at}].\n",
	.exec = inbox_exec,
};
