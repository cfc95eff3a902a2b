#include <stdio.h>
#include <stdlib.h>

#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "lib/clock.h"
#include "service/shares.h"

static int share_add(struct cli_ctx *ctx, int argc, char **argv);
static int share_list(struct cli_ctx *ctx, int argc, char **argv);
static int share_revoke(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_add = {
	.name = "share add", .args = "SUBMISSION-ID --bank NAME [--expires DATE]",
	.summary = "let a bank read a submission", .help = "", .exec = share_add,
};
static const struct cli_command sub_list = {
	.name = "share list", .args = "--org NAME [--json]", .summary = "a connector's shares and every read",
	.help = "", .exec = share_list,
};
static const struct cli_command sub_revoke = {
	.name = "share revoke", .args = "SHARE-ID", .summary = "end a share at once", .help = "",
	.exec = share_revoke,
};

/* "until revoked" or "until TIME". */
static const char *until(const struct share *s)
{
	return s->expires_at ? s->expires_at : "revoked";
}

static int share_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *bank = NULL, *expires = NULL;
	const struct cli_opt opts[] = { { "bank", 0, &bank, NULL }, { "expires", 0, &expires, NULL }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "share add", &sub_add, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return npos ? cli_usage("share add", &sub_add, "unexpected argument \"%s\"", argv[1])
			    : cli_usage("share add", &sub_add, "which submission? give its id");
	if (cli_submission_id(argv[0], &id) < 0)
		return cli_usage("share add", &sub_add, "SUBMISSION-ID is a submission number, not \"%s\"", argv[0]);
	if (!bank)
		return cli_usage("share add", &sub_add, "--bank is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct share *s = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 ||
	    cli_submission_hint(shares_add(st, actor, 0, id, bank, expires, &s, &e), &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("shared submission %lld (version %d of %s) with %s until %s: share %lld\n", s->submission_id,
		       s->version, s->connector_name, s->bank_name, until(s), s->id);
		rc = CLI_OK;
	}
	share_free(s);
	free(actor);
	store_close(st);
	return rc;
}

/* "in force", "expired" or "revoked at TIME". */
static void print_state(const struct share *s, const char *now)
{
	if (s->revoked_at)
		printf("revoked at %s\n", s->revoked_at);
	else
		printf("%s\n", share_in_force(s, now) ? "in force" : "expired");
}

static int share_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "share list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("share list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("share list", &sub_list, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct share **list = NULL;
	size_t n = 0;
	char now[CLOCK_TEXT_SIZE];
	if (cli_open_store(ctx, &st, &e) < 0 || clock_stamp(now, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0)
		goto fail;
	if (org->kind != ORG_CONNECTOR) {
		err_set(&e, "%s is a bank: shinsa inbox --org %s lists what is shared with it", org->name, org->name);
		goto fail;
	}
	if (shares_list(st, org->id, &list, &n, &e) < 0)
		goto fail;
	json_t *arr = json ? json_array() : NULL;
	for (size_t i = 0; i < n; i++) {
		const struct share *s = list[i];
		if (json) {
			json_array_append_new(arr, shares_json(s, now));
			continue;
		}
		printf("share %lld: submission %lld (version %d) with %s, shared %s by %s, until %s: ", s->id,
		       s->submission_id, s->version, s->bank_name, s->created_at, s->created_by, until(s));
		print_state(s, now);
		for (size_t k = 0; k < s->n_accesses; k++)
			printf("  read by %s at %s\n", s->accesses[k].user, s->accesses[k].at);
	}
	if (json)
		cli_print_json(arr);
	else if (n == 0)
		printf("%s has shared nothing\n", org->name);
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

static int share_revoke(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	long long id;
	int rc = cli_parse(ctx, "share revoke", &sub_revoke, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return cli_usage("share revoke", &sub_revoke, npos ? "one share id only" : "which share? give its id");
	if (cli_submission_id(argv[0], &id) < 0)
		return cli_usage("share revoke", &sub_revoke, "SHARE-ID is a share number, not \"%s\"", argv[0]);
	struct err e = { 0 };
	struct store *st = NULL;
	struct share *s = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || shares_revoke(st, actor, 0, 0, id, &s, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("revoked share %lld: %s can no longer read submission %lld (version %d of %s)\n", s->id,
		       s->bank_name, s->submission_id, s->version, s->connector_name);
		rc = CLI_OK;
	}
	share_free(s);
	free(actor);
	store_close(st);
	return rc;
}

static int share_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_add, &sub_list, &sub_revoke, NULL };
	return cli_dispatch(ctx, &cmd_share, subs, argc, argv);
}

const struct cli_command cmd_share = {
	.name = "share",
	.args = "add SUBMISSION-ID --bank NAME [--expires DATE] | list --org NAME [--json] | revoke SHARE-ID",
	.summary = "consent: let a bank read a submission, see its reads, revoke",
	.help = "  shinsa share add SUBMISSION-ID --bank NAME [--expires DATE]\n"
		"      the bank may read that submission until DATE (YYYY-MM-DD: through the end\n"
		"      of that day, UTC; or YYYY-MM-DDTHH:MM:SSZ), or until revoked. One share of\n"
		"      a submission with a bank is in force at a time\n"
		"  shinsa share list --org NAME [--json]\n"
		"      the connector's shares, in force or not, each with every read a bank user\n"
		"      made; --json prints [{id, submission, version, bank, created_by,\n"
		"      created_at, expires_at, revoked_at, in_force, accesses[{user, at}]}]\n"
		"  shinsa share revoke SHARE-ID\n"
		"      the bank can no longer read it, at once; the share and its reads stay\n"
		"      on record\n",
	.exec = share_exec,
};
