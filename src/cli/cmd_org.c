#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "lib/keys.h"
#include "lib/xalloc.h"
#include "store/store_org.h"

static int org_add(struct cli_ctx *ctx, int argc, char **argv);
static int org_list(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_add = {
	.name = "org add", .args = "--kind connector|bank --name NAME [--reg-no TEXT]",
	.summary = "add an organisation", .help = "", .exec = org_add,
};
static const struct cli_command sub_list = {
	.name = "org list", .args = "[--json]", .summary = "the organisations", .help = "", .exec = org_list,
};

static int org_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *kind = NULL, *name = NULL, *reg_no = NULL;
	const struct cli_opt opts[] = {
		{ "kind", 0, &kind, NULL }, { "name", 0, &name, NULL }, { "reg-no", 0, &reg_no, NULL }, { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "org add", &sub_add, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("org add", &sub_add, "unexpected argument \"%s\"", argv[0]);
	if (!kind || !name)
		return cli_usage("org add", &sub_add, "--kind and --name are required");
	struct org *org = org_new();
	struct err e = { 0 };
	struct store *st = NULL;
	unsigned char secret[KEYS_SECRET_BYTES], pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
	char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];
	char *sealed = NULL, *secret_path = cli_secret_path(ctx);
	org->kind = org_kind_parse(kind);
	if (!org->kind) {
		err_set(&e, "unknown kind \"%s\" (want connector or bank)", kind);
		goto fail;
	}
	if (org_name_check(name, &e) < 0 || (reg_no && org_reg_no_check(reg_no, &e) < 0) ||
	    cli_open_store(ctx, &st, &e) < 0 || keys_secret_load(secret_path, secret, &e) < 0)
		goto fail;
	keys_generate(pk, sk);
	sealed = keys_seal(secret, sk);
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(secret, sizeof secret);
	keys_hex(pk, sizeof pk, pk_hex);
	org->name = xstrdup(name);
	org->reg_no = reg_no ? xstrdup(reg_no) : NULL;
	org->public_key = xstrdup(pk_hex);
	json_t *details = json_pack("{s:s, s:s, s:s?, s:s}", "kind", org_kind_name(org->kind), "name", name, "reg_no",
				    reg_no, "public_key", org->public_key);
	rc = store_begin(st, &e) < 0 || store_org_add(st, org, sealed, &e) < 0 ||
	     cli_audit(st, org->id, AUDIT_ORG_ADD, details, &e, "org:%lld", org->id) < 0 || store_commit(st, &e) < 0;
	json_decref(details);
	if (rc) {
		store_rollback(st);
		goto fail;
	}
	printf("added %s %s (id %lld, signing key %s)\n", org_kind_name(org->kind), org->name, org->id, org->public_key);
	rc = CLI_OK;
	goto done;
fail:
	rc = cli_fail("%s", e.msg);
done:
	free(sealed);
	free(secret_path);
	org_free(org);
	store_close(st);
	return rc;
}

static int org_list(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	const struct cli_opt opts[] = { { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "org list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("org list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	struct err e = { 0 };
	struct store *st;
	struct org **orgs;
	size_t n;
	if (cli_open_store(ctx, &st, &e) < 0 || store_org_list(st, &orgs, &n, &e) < 0) {
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	store_close(st);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct org *o = orgs[i];
		if (json)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?, s:s, s:s}", "id", (json_int_t)o->id,
							     "kind", org_kind_name(o->kind), "name", o->name, "reg_no",
							     o->reg_no, "public_key", o->public_key, "created_at",
							     o->created_at));
		else
			printf("%-10s %s%s%s\n", org_kind_name(o->kind), o->name, o->reg_no ? "  " : "",
			       o->reg_no ? o->reg_no : "");
		org_free(orgs[i]);
	}
	free(orgs);
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

static int org_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_add, &sub_list, NULL };
	return cli_dispatch(ctx, &cmd_org, subs, argc, argv);
}

const struct cli_command cmd_org = {
	.name = "org",
	.args = "add --kind connector|bank --name NAME [--reg-no TEXT] | list [--json]",
	.summary = "add and list organisations (connectors and banks)",
	.help = "  shinsa org add --kind connector|bank --name NAME [--reg-no TEXT]\n"
		"      adds an organisation with a new Ed25519 signing key; the private key is\n"
		"      stored sealed with the server secret (see shinsa init)\n"
		"  shinsa org list [--json]\n"
		"      --json prints [{id, kind, name, reg_no, public_key, created_at}]\n",
	.exec = org_exec,
};
