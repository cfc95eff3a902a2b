#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "lib/keys.h"

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
	struct connector_answers c = { 0 };
	struct submission_record *rec = NULL;
	struct strbuf problems = STRBUF_INIT;
	unsigned char secret[KEYS_SECRET_BYTES];
	char *secret_path = cli_secret_path(ctx), *actor = cli_audit_actor();
	size_t n;
	if (cli_open_store(ctx, &st, &e) < 0 || submissions_connector_load(st, org, catalog, &c, &e) < 0 ||
	    keys_secret_load(secret_path, secret, &e) < 0)
		goto fail;
	rc = submissions_submit(st, secret, actor, &c, &rec, &problems, &n, &e);
	sodium_memzero(secret, sizeof secret);
	if (rc == OUTCOME_INCOMPLETE) {
		rc = cli_refused(rc, &e, NULL);
		fputs(problems.buf, stderr);
		goto done;
	}
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
	free(secret_path);
	free(actor);
	strbuf_release(&problems);
	submission_record_free(rec);
	submissions_connector_release(&c);
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
