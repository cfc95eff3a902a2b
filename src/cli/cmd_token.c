#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "service/account.h"
#include "service/lookup.h"

static int token_create(struct cli_ctx *ctx, int argc, char **argv);
static int token_list(struct cli_ctx *ctx, int argc, char **argv);
static int token_revoke(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_create = {
	.name = "token create", .args = "--user EMAIL [--name TEXT]", .summary = "a new API token", .help = "",
	.exec = token_create,
};
static const struct cli_command sub_list = {
	.name = "token list", .args = "--user EMAIL [--json]", .summary = "a user's API tokens", .help = "",
	.exec = token_list,
};
static const struct cli_command sub_revoke = {
	.name = "token revoke", .args = "ID", .summary = "revoke an API token", .help = "", .exec = token_revoke,
};

/* The user an email names; a missing one says how to list users. */
static int load_user(struct store *st, const char *email, struct user **out, struct err *e)
{
	return lookup_user_email(st, email, out, e) == OUTCOME_OK ? 0 : -1;
}

static int token_create(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *email = NULL, *name = "";
	const struct cli_opt opts[] = { { "user", 0, &email, NULL }, { "name", 0, &name, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "token create", &sub_create, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("token create", &sub_create, "unexpected argument \"%s\"", argv[0]);
	if (!email)
		return cli_usage("token create", &sub_create, "--user is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct user *u = NULL;
	struct user_token *t = NULL;
	char token[TOKEN_MAX];
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || load_user(st, email, &u, &e) < 0 ||
	    account_token_create(st, u->id, name, actor, token, &t, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		/* The token last, alone on its line, for `| tail -n 1`. */
		printf("created API token %lld%s%s%s for %s (shown only now; it is stored hashed):\n%s\n", t->id,
		       *t->name ? " \"" : "", t->name, *t->name ? "\"" : "", u->email, token);
		sodium_memzero(token, sizeof token);
		rc = CLI_OK;
	}
	free(actor);
	user_token_free(t);
	user_free(u);
	store_close(st);
	return rc;
}

static int token_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *email = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "user", 0, &email, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "token list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("token list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	if (!email)
		return cli_usage("token list", &sub_list, "--user is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct user *u = NULL;
	struct user_token **ts;
	size_t n;
	rc = cli_open_store(ctx, &st, &e) < 0 || load_user(st, email, &u, &e) < 0 ||
	     account_tokens_list(st, u->id, &ts, &n, &e) < 0;
	user_free(u);
	store_close(st);
	if (rc)
		return cli_fail("%s", e.msg);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct user_token *t = ts[i];
		if (json)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?, s:b}", "id", (json_int_t)t->id, "name",
							     t->name, "created_at", t->created_at, "last_used_at",
							     t->last_used_at, "revoked", t->revoked));
		else
			printf("%-4lld %s  %-20s  %-*s%s%s\n", t->id, t->created_at,
			       t->last_used_at ? t->last_used_at : "never used", *t->name ? 7 : 0,
			       t->revoked ? "revoked" : "active", *t->name ? "  " : "", t->name);
		user_token_free(ts[i]);
	}
	free(ts);
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

static int token_revoke(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	int rc = cli_parse(ctx, "token revoke", &sub_revoke, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return cli_usage("token revoke", &sub_revoke, npos ? "one token id only" : "which token? give its id");
	long long id;
	if (cli_submission_id(argv[0], &id) < 0)
		return cli_usage("token revoke", &sub_revoke, "\"%s\" is not a token id", argv[0]);
	struct err e = { 0 };
	struct store *st = NULL;
	char *actor = cli_audit_actor();
	rc = cli_open_store(ctx, &st, &e) < 0 || account_token_revoke(st, id, actor, &e) < 0;
	free(actor);
	store_close(st);
	if (rc)
		return cli_fail("%s", e.msg);
	printf("revoked API token %lld\n", id);
	return CLI_OK;
}

static int token_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_create, &sub_list, &sub_revoke, NULL };
	return cli_dispatch(ctx, &cmd_token, subs, argc, argv);
}

const struct cli_command cmd_token = {
	.name = "token",
	.args = "create --user EMAIL [--name TEXT] | list --user EMAIL [--json] | revoke ID",
	.summary = "API tokens for scripts (Authorization: Bearer)",
	.help = "  shinsa token create --user EMAIL [--name TEXT]\n"
		"      a new API token acting as that user; it is printed once, as the last\n"
		"      line, and only its SHA-256 is stored\n"
		"  shinsa token list --user EMAIL [--json]\n"
		"      id, created, last used, active or revoked, name; --json prints\n"
		"      [{id, name, created_at, last_used_at, revoked}]\n"
		"  shinsa token revoke ID\n"
		"      the token stops working at once\n",
	.exec = token_exec,
};
