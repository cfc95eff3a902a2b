#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "service/attachments.h"
#include "service/orgs.h"
#include "service/receive.h"

static int org_add(struct cli_ctx *ctx, int argc, char **argv);
static int org_list(struct cli_ctx *ctx, int argc, char **argv);
static int org_set(struct cli_ctx *ctx, int argc, char **argv);
static int org_pin(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_add = {
	.name = "org add", .args = "--kind connector|bank --name NAME [--reg-no TEXT]",
	.summary = "add an organisation", .help = "", .exec = org_add,
};
static const struct cli_command sub_list = {
	.name = "org list", .args = "[--json]", .summary = "the organisations", .help = "", .exec = org_list,
};

static const struct cli_command sub_set = {
	.name = "org set", .args = "NAME [--require-approval yes|no] [--attachment-quota SIZE|default]",
	.summary = "change an organisation's settings", .help = "", .exec = org_set,
};

static const struct cli_command sub_pin = {
	.name = "org pin", .args = "NAME --key HEX", .summary = "trust a received organisation's new key",
	.help = "", .exec = org_pin,
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
	struct org *org = NULL;
	struct err e = { 0 };
	struct store *st = NULL;
	char *secret_path = cli_secret_path(ctx), *actor = cli_audit_actor();
	enum org_kind kind_parsed = org_kind_parse(kind);
	if (!kind_parsed) {
		err_set(&e, "unknown kind \"%s\" (want connector or bank)", kind);
		goto fail;
	}
	if (org_name_check(name, &e) < 0 || (reg_no && org_reg_no_check(reg_no, &e) < 0) ||
	    cli_open_store(ctx, &st, &e) < 0 ||
	    orgs_add(st, secret_path, actor, kind_parsed, name, reg_no, &org, &e) < 0)
		goto fail;
	printf("added %s %s (id %lld, signing key %s)\n", org_kind_name(org->kind), org->name, org->id, org->public_key);
	rc = CLI_OK;
	goto done;
fail:
	rc = cli_fail("%s", e.msg);
done:
	free(actor);
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
	if (cli_open_store(ctx, &st, &e) < 0 || orgs_list(st, &orgs, &n, &e) < 0) {
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	store_close(st);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct org *o = orgs[i];
		char fp[KEYS_FINGERPRINT_SIZE];
		keys_fingerprint(o->public_key, fp);
		if (json)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s?, s:s, s:s, s:s, s:s?}", "id",
							     (json_int_t)o->id, "kind", org_kind_name(o->kind), "name",
							     o->name, "reg_no", o->reg_no, "public_key", o->public_key,
							     "fingerprint", fp, "created_at", o->created_at,
							     "received_at", o->received_at));
		else
			printf("%-10s %s%s%s  key %s%s\n", org_kind_name(o->kind), o->name, o->reg_no ? "  " : "",
			       o->reg_no ? o->reg_no : "", fp, o->received_at ? " (received, pinned)" : "");
		org_free(orgs[i]);
	}
	free(orgs);
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

/* A connector's room for attached files: SIZE as attachments_parse_size()
 * reads it, or "default". */
static int set_quota(struct store *st, const char *actor, const struct org *org, const char *text)
{
	struct err e = { 0 };
	long long quota = -1, used;
	enum outcome rc = strcmp(text, "default") && attachments_parse_size(text, &quota, &e) < 0 ? OUTCOME_INVALID
												    : OUTCOME_OK;
	if (rc == OUTCOME_OK)
		rc = attachments_set_quota(st, actor, org, quota, &e);
	if (rc == OUTCOME_OK)
		rc = attachments_usage(st, org, &quota, &used, &e);
	if (rc != OUTCOME_OK)
		return cli_refused(rc, &e, NULL);
	printf("%s: files may take %lld bytes (%.1f MiB), %lld bytes taken now\n", org->name, quota,
	       (double)quota / (1024.0 * 1024.0), used);
	return CLI_OK;
}

static int org_set(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *approval = NULL, *quota = NULL;
	const struct cli_opt opts[] = { { "require-approval", 0, &approval, NULL },
					{ "attachment-quota", 0, &quota, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "org set", &sub_set, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return cli_usage("org set", &sub_set, "name one organisation");
	if (!approval && !quota)
		return cli_usage("org set", &sub_set, "say what to set: --require-approval or --attachment-quota");
	if (approval && strcmp(approval, "yes") != 0 && strcmp(approval, "no") != 0)
		return cli_usage("org set", &sub_set, "--require-approval takes yes or no, not \"%s\"", approval);
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL, *after = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, argv[0], &org, &e) != 0 ||
	    (approval && orgs_set_require_approval(st, actor, org->id, approval[0] == 'y', &after, &e) != 0)) {
		rc = cli_fail("%s", e.msg);
	} else {
		if (after)
			printf("%s: a decision %s\n", after->name,
			       after->require_approval ? "is drafted by one user and signed once an approver approves it"
						       : "is signed by the reviewer who decides");
		rc = quota ? set_quota(st, actor, org, quota) : CLI_OK;
	}
	free(actor);
	org_free(org);
	org_free(after);
	store_close(st);
	return rc;
}

/* Bank administrators run it on the server (no API): re-pinning is what
 * lets another key's packages in, so it is done where the operator sits. */
static int org_pin(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *key = NULL;
	const struct cli_opt opts[] = { { "key", 0, &key, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "org pin", &sub_pin, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return cli_usage("org pin", &sub_pin, "name one organisation");
	if (!key)
		return cli_usage("org pin", &sub_pin, "--key is required");
	struct err e = { 0 };
	struct store *st = NULL;
	char *actor = cli_audit_actor(), from[KEYS_FINGERPRINT_SIZE], to[KEYS_FINGERPRINT_SIZE];
	if (cli_open_store(ctx, &st, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else if ((rc = receive_pin(st, actor, argv[0], key, from, to, &e)) != OUTCOME_OK) {
		rc = cli_refused(rc, &e, NULL);
	} else {
		if (strcmp(from, to) == 0)
			printf("%s: key %s was already pinned\n", argv[0], to);
		else
			printf("%s: pinned key %s (was %s)\n", argv[0], to, from);
		rc = CLI_OK;
	}
	free(actor);
	store_close(st);
	return rc;
}

static int org_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_add, &sub_list, &sub_set, &sub_pin, NULL };
	return cli_dispatch(ctx, &cmd_org, subs, argc, argv);
}

const struct cli_command cmd_org = {
	.name = "org",
	.args = "add --kind connector|bank --name NAME [--reg-no TEXT] | list [--json] | set NAME [--require-approval yes|no] [--attachment-quota SIZE|default] | pin NAME --key HEX",
	.summary = "add, list and set up organisations (connectors and banks)",
	.help = "  shinsa org add --kind connector|bank --name NAME [--reg-no TEXT]\n"
		"      adds an organisation with a new Ed25519 signing key; the private key is\n"
		"      stored sealed with the server secret (see shinsa init)\n"
		"  shinsa org list [--json]\n"
		"      each with its key's fingerprint: the first 16 hex digits of the SHA-256\n"
		"      of the key, in groups of four; --json prints [{id, kind, name, reg_no,\n"
		"      public_key, fingerprint, created_at, received_at}] (received_at null\n"
		"      for this server's own organisations)\n"
		"  shinsa org set BANK --require-approval yes|no\n"
		"      yes: a decision drafted by one user is signed only once an approver\n"
		"      (role approver, another user) approves it; no: the reviewer who decides\n"
		"      signs it (the default)\n"
		"  shinsa org set CONNECTOR --attachment-quota SIZE|default\n"
		"      the most its attached files may take, each file once: bytes, or a number\n"
		"      with KiB, MiB or GiB (500MiB, 2GiB); default is 1 GiB\n"
		"  shinsa org pin NAME --key HEX\n"
		"      for an organisation received from another server (shinsa submission\n"
		"      receive, shinsa review receive): trust the 64-hex-digit public key HEX\n"
		"      from now on; compare its fingerprint with what NAME published first\n",
	.exec = org_exec,
};
