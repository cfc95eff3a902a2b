#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "service/submission_view.h"
#include "service/submissions.h"

static int submission_show(struct cli_ctx *ctx, int argc, char **argv);
static int submission_list(struct cli_ctx *ctx, int argc, char **argv);
static int submission_export(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_show = {
	.name = "submission show", .args = "ID [--json]", .summary = "one submission", .help = "",
	.exec = submission_show,
};
static const struct cli_command sub_list = {
	.name = "submission list", .args = "--org NAME [--json]", .summary = "an organisation's submissions",
	.help = "", .exec = submission_list,
};
static const struct cli_command sub_export = {
	.name = "submission export", .args = "ID -o FILE.json|FILE.zip", .summary = "write a submission to verify offline",
	.help = "", .exec = submission_export,
};

/* The one ID argument of show and export; CLI_OK or the usage status. */
static int one_id(const char *prog, const struct cli_command *cmd, int npos, char **argv, long long *id)
{
	if (npos < 1)
		return cli_usage(prog, cmd, "missing ID");
	if (npos > 1)
		return cli_usage(prog, cmd, "unexpected argument \"%s\"", argv[1]);
	if (cli_submission_id(argv[0], id) < 0)
		return cli_usage(prog, cmd, "ID is a submission number, not \"%s\"", argv[0]);
	return CLI_OK;
}

/* The files sealed into doc, one line each: what a bank may download.
 * Nothing when there are none (a /1 document, or none attached). */
static void print_files(const struct submission *doc)
{
	if (!doc->n_attachments)
		return;
	printf("files:        %zu\n", doc->n_attachments);
	for (size_t i = 0; i < doc->n_attachments; i++) {
		const struct submission_attachment *a = &doc->attachments[i];
		printf("  %s (item%s ", a->name, a->n_items == 1 ? "" : "s");
		for (size_t j = 0; j < a->n_items; j++)
			printf("%s%d", j ? ", " : "", a->items[j]);
		printf("): %lld bytes, %s, sha256 %s", a->size, a->type, a->sha256);
		if (a->valid_until)
			printf(", valid until %s", a->valid_until);
		putchar('\n');
	}
}

static int submission_show(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	const struct cli_opt opts[] = { { "json", 0, NULL, &json }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "submission show", &sub_show, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = one_id("submission show", &sub_show, npos, argv, &id)) != CLI_OK)
		return rc;
	struct err e = { 0 }, bad = { 0 };
	struct store *st = NULL;
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_submission_load(st, id, false, &rec, &doc, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	bool valid = submissions_check(st, rec, doc, &bad);
	if (json) {
		cli_print_json(submission_view_show(rec, doc, valid));
	} else {
		printf("submission %lld: version %d of %s\n", rec->id, doc->version, rec->org_name);
		printf("catalog:      %s (sha256 %s)\n", doc->catalog_id, doc->catalog_sha256);
		printf("submitted at: %s\n", doc->submitted_at);
		printf("sha256:       %s\n", rec->sha256);
		printf("signature:    %s%s\n", valid ? "valid, by the key " : "NOT VALID",
		       valid ? doc->org_public_key : "");
		print_files(doc);
		cli_print_answers(doc->answers);
	}
	/* A record that no longer verifies is shown, but never as a success. */
	rc = valid ? CLI_OK : cli_fail("submission %lld does not verify: %s", id, bad.msg);
done:
	submission_free(doc);
	submission_record_free(rec);
	store_close(st);
	return rc;
}

static int submission_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "submission list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("submission list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("submission list", &sub_list, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct submission_record **recs = NULL;
	size_t n = 0;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0 ||
	    submissions_list(st, org->id, &recs, &n, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct submission_record *r = recs[i];
		if (json)
			json_array_append_new(arr, submission_view_summary(r));
		else
			printf("%4lld  %s  version %d  %s  sha256 %s\n", r->id, r->catalog_id, r->version,
			       r->submitted_at, r->sha256);
	}
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	if (!json && n == 0)
		printf("%s has no submissions\n", org->name);
	rc = CLI_OK;
done:
	for (size_t i = 0; i < n; i++)
		submission_record_free(recs[i]);
	free(recs);
	org_free(org);
	store_close(st);
	return rc;
}

static int submission_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *out = NULL;
	const struct cli_opt opts[] = { { "output", 'o', &out, NULL }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "submission export", &sub_export, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = one_id("submission export", &sub_export, npos, argv, &id)) != CLI_OK)
		return rc;
	if (!out)
		return cli_usage("submission export", &sub_export, "missing -o FILE.json or -o FILE.zip");
	struct err e = { 0 };
	struct store *st = NULL;
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || cli_submission_load(st, id, true, &rec, &doc, &e) < 0 ||
	    submissions_export(st, actor, rec, doc, out, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	printf("wrote %s: submission %lld, version %d of %s\n", out, rec->id, rec->version, rec->org_name);
	rc = CLI_OK;
done:
	free(actor);
	submission_free(doc);
	submission_record_free(rec);
	store_close(st);
	return rc;
}

static int submission_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_show, &sub_list, &sub_export, NULL };
	return cli_dispatch(ctx, &cmd_submission, subs, argc, argv);
}

const struct cli_command cmd_submission = {
	.name = "submission",
	.args = "show ID [--json] | list --org NAME [--json] | export ID -o FILE.json|FILE.zip",
	.summary = "look at and export stored submissions",
	.help = "  shinsa submission show ID [--json]\n"
		"      the submission and whether its hash and signature still hold against the\n"
		"      organisation's key (exit 1 if not); --json prints {id, org, catalog,\n"
		"      version, submitted_at, sha256, signature_valid, answers[{no, status, current,\n"
		"      issues, plan, plan_due, notes}]}\n"
		"  shinsa submission list --org NAME [--json]\n"
		"      --json prints [{id, catalog, version, submitted_at, sha256}]\n"
		"  shinsa submission export ID -o FILE.json|FILE.zip\n"
		"      writes the signed document with its SHA-256, signature and public key, for\n"
		"      anyone to check with shinsa verify; written whole or not at all. A name\n"
		"      ending in .zip writes the package that travels: that file as\n"
		"      submission.json and the submission's files under files/\n",
	.exec = submission_exec,
};
