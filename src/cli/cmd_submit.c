#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "formats/submission_json.h"
#include "formats/submission_verify.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/xalloc.h"

/* The organisation's private key, unsealed with the server secret. */
static int signing_key(struct cli_ctx *ctx, struct store *st, const struct org *org,
		       unsigned char sk[KEYS_PRIVATE_BYTES], struct err *e)
{
	unsigned char secret[KEYS_SECRET_BYTES];
	char *path = cli_secret_path(ctx), *sealed = NULL;
	int rc = keys_secret_load(path, secret, e);
	free(path);
	if (rc == 0 && store_org_sealed_key(st, org->id, &sealed, e) != STORE_OK)
		rc = -1;
	if (rc == 0)
		rc = keys_open(secret, sealed, sk, e);
	sodium_memzero(secret, sizeof secret);
	free(sealed);
	return rc;
}

/*
 * Makes and stores the next version inside one transaction: the version is
 * part of what is signed, so it is taken, signed and written under one lock.
 */
static int seal_and_store(struct store *st, const struct cli_connector *c, const unsigned char sk[KEYS_PRIVATE_BYTES],
			  struct submission_record *rec, struct err *e)
{
	char stamp[21];
	struct strbuf doc = STRBUF_INIT;
	struct submission *s = NULL;
	unsigned char sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	if (clock_stamp(stamp, e) < 0 || store_begin(st, e) < 0)
		return -1;
	if (store_submission_next_version(st, c->org->id, c->cat->id, &rec->version, e) < 0)
		goto fail;
	s = submission_new(c->org, c->cat, c->set, rec->version, stamp);
	if (submission_json_canonical(s, &doc, e) < 0)
		goto fail;
	/* Never make a submission that its own export could not carry. */
	if (doc.len > SUBMISSION_FILE_MAX - 4096) {
		err_set(e, "the submission would be larger than %u bytes", SUBMISSION_FILE_MAX - 4096);
		goto fail;
	}
	hash_sha256_hex(doc.buf, doc.len, sha);
	keys_sign(sk, doc.buf, doc.len, sig);
	keys_hex(sig, sizeof sig, sig_hex);
	rec->org_id = c->org->id;
	rec->org_name = xstrdup(c->org->name);
	rec->catalog_id = xstrdup(c->cat->id);
	rec->submitted_at = xstrdup(stamp);
	rec->document_len = doc.len;
	rec->document = strbuf_detach(&doc);
	rec->sha256 = xstrdup(sha);
	rec->signature = xstrdup(sig_hex);
	if (store_submission_add(st, rec, e) < 0)
		goto fail;
	json_t *details = json_pack("{s:s, s:i, s:s}", "catalog", rec->catalog_id, "version", rec->version, "sha256",
				    rec->sha256);
	int rc = cli_audit(st, c->org->id, AUDIT_SUBMISSION_CREATE, details, e, "submission:%lld", rec->id);
	json_decref(details);
	if (rc < 0 || store_commit(st, e) < 0)
		goto fail;
	submission_free(s);
	return 0;
fail:
	store_rollback(st);
	strbuf_release(&doc);
	submission_free(s);
	return -1;
}

static int submit_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL;
	bool json = false;
	const struct cli_opt opts[] = {
		{ "org", 0, &org, NULL }, { "catalog", 0, &catalog, NULL }, { "json", 0, NULL, &json }, { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "submit", &cmd_submit, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("submit", &cmd_submit, "unexpected argument \"%s\"", argv[0]);
	if (!org)
		return cli_usage("submit", &cmd_submit, "--org is required");

	struct err e = { 0 };
	struct store *st = NULL;
	struct cli_connector c = { 0 };
	struct submission_record *rec = submission_record_new();
	struct strbuf problems = STRBUF_INIT;
	unsigned char sk[KEYS_PRIVATE_BYTES];
	if (cli_open_store(ctx, &st, &e) < 0 || cli_connector_load(st, org, catalog, &c, &e) < 0)
		goto fail;
	size_t n = answer_set_check(c.cat, c.set, &problems);
	if (n) {
		cli_fail("cannot submit: %zu problem%s to fix", n, n == 1 ? "" : "s");
		fputs(problems.buf, stderr);
		rc = CLI_FAIL;
		goto done;
	}
	if (signing_key(ctx, st, c.org, sk, &e) < 0)
		goto fail;
	rc = seal_and_store(st, &c, sk, rec, &e);
	sodium_memzero(sk, sizeof sk);
	if (rc < 0)
		goto fail;
	if (json)
		cli_print_json(json_pack("{s:I, s:i, s:s, s:s}", "id", (json_int_t)rec->id, "version", rec->version,
					 "sha256", rec->sha256, "submitted_at", rec->submitted_at));
	else
		printf("submitted version %d of %s (submission %lld, sha256 %s)\n", rec->version, c.org->name, rec->id,
		       rec->sha256);
	rc = CLI_OK;
	goto done;
fail:
	rc = cli_fail("%s", e.msg);
done:
	strbuf_release(&problems);
	submission_record_free(rec);
	cli_connector_release(&c);
	store_close(st);
	return rc;
}

const struct cli_command cmd_submit = {
	.name = "submit",
	.args = "--org NAME [--catalog ID] [--json]",
	.summary = "freeze a connector's answers into a signed submission",
	.help = "Checks the answer set as `shinsa answers check` does and refuses, listing every\n"
		"problem, unless it passes. Then stores it as the next version (1, 2, ...): a\n"
		"canonical JSON document of the connector's answers, its SHA-256, and an Ed25519\n"
		"signature by the organisation's key. A submission never changes afterwards.\n"
		"--json prints {id, version, sha256, submitted_at}.\n"
		"--catalog ID is needed when the database holds more than one checklist.\n",
	.exec = submit_exec,
};
