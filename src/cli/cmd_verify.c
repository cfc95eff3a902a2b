#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "formats/package.h"
#include "formats/review_decision.h"
#include "formats/sealed_file.h"
#include "formats/submission_verify.h"
#include "lib/fsutil.h"

/* Whether buf looks like a decision file: its document's format says so,
 * in any version (the decision verifier then names the one it reads). */
static bool is_decision(const char *buf, size_t len)
{
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
	const char *f = sealed_file_format(root);
	bool yes = f && strncmp(f, "shinsa-review-decision/", strlen("shinsa-review-decision/")) == 0;
	json_decref(root);
	return yes;
}

/* Whether the file at path starts as a zip: only then may it be as large as
 * a package; anything else is held to a submission file's limit. */
static bool starts_as_zip(const char *path)
{
	char head[4];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof head, f) : 0;
	if (f)
		fclose(f);
	return package_looks_like_zip(head, n);
}

static void print_verified(const struct submission *doc, const char *sha)
{
	printf("verified: version %d of %s for %s, submitted %s, sha256 %s, signed by key %s\n", doc->version,
	       doc->org_name, doc->catalog_id, doc->submitted_at, sha, doc->org_public_key);
}

static void print_caveat(const char *org_name)
{
	printf("this proves who signed only if that key is the one %s published (shinsa org list --json shows it)\n",
	       org_name);
}

/* The package: the submission's lines and one line per file, each file's
 * bytes checked against the sha256 the signed document lists. */
static int verify_package(const char *path, const char *buf, size_t len)
{
	struct package *p;
	enum package_fail fail;
	struct err e = { 0 };
	if (package_read(buf, len, &p, &fail, &e) < 0)
		return cli_fail("%s: not verified: %s", path, e.msg);
	print_verified(p->doc, p->sha256);
	for (size_t i = 0; i < p->doc->n_attachments; i++)
		printf("%s: %lld bytes, sha256 %s ok\n", p->names[i], p->doc->attachments[i].size,
		       p->doc->attachments[i].sha256);
	if (!p->doc->n_attachments)
		printf("the package holds no files\n");
	print_caveat(p->doc->org_name);
	package_free(p);
	return CLI_OK;
}

/* Needs no database and no secret: whoever received the file can run it. */
static int verify_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	int rc = cli_parse(ctx, "verify", &cmd_verify, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos < 1)
		return cli_usage("verify", &cmd_verify, "missing FILE.json or FILE.zip");
	if (npos > 1)
		return cli_usage("verify", &cmd_verify, "unexpected argument \"%s\"", argv[1]);
	const char *path = argv[0];
	struct err e = { 0 };
	char *buf, sha[HASH_HEX_LEN + 1];
	size_t len;
	bool zip = starts_as_zip(path);
	if (fs_read_file(path, zip ? (size_t)PACKAGE_MAX : SUBMISSION_FILE_MAX, &buf, &len, &e) < 0)
		return cli_fail("%s", e.msg);
	if (zip) {
		rc = verify_package(path, buf, len);
		free(buf);
		return rc;
	}
	/* A decision file says so in its document's format; anything else is
	 * checked as a submission, whose messages say what is wrong. */
	if (is_decision(buf, len)) {
		struct review_decision_doc *d;
		rc = review_decision_verify(buf, len, &d, sha, &e);
		free(buf);
		if (rc < 0)
			return cli_fail("%s: not verified: %s", path, e.msg);
		const struct review *r = d->review;
		if (r->drafted_by)
			printf("verified: %s's decision %s on submission %lld (version %d of %s, sha256 %s), drafted %s by %s,"
			       " approved %s by %s; document sha256 %s, signed by key %s\n",
			       r->bank_name, review_decision_name(r->decision), r->submission_id, r->version,
			       r->connector_name, d->submission_sha256, r->drafted_at, r->drafted_by, r->decided_at,
			       r->decided_by, sha, d->bank_public_key);
		else
			printf("verified: %s's decision %s on submission %lld (version %d of %s, sha256 %s), decided %s by %s; "
			       "document sha256 %s, signed by key %s\n",
			       r->bank_name, review_decision_name(r->decision), r->submission_id, r->version,
			       r->connector_name, d->submission_sha256, r->decided_at, r->decided_by, sha,
			       d->bank_public_key);
		print_caveat(r->bank_name);
		review_decision_doc_free(d);
		return CLI_OK;
	}
	struct submission *doc;
	rc = submission_verify(buf, len, &doc, sha, &e);
	free(buf);
	if (rc < 0)
		return cli_fail("%s: not verified: %s", path, e.msg);
	print_verified(doc, sha);
	print_caveat(doc->org_name);
	submission_free(doc);
	return CLI_OK;
}

const struct cli_command cmd_verify = {
	.name = "verify",
	.args = "FILE.json|FILE.zip",
	.summary = "check an exported submission, package or review decision, with no database",
	.help = "Checks a file written by shinsa submission export or shinsa review export (or\n"
		"downloaded from GET /api/v1/reviews/ID/decision), using nothing but the file:\n"
		"its size (at most 64 MiB; 4 MiB for a decision), that it is JSON, that its\n"
		"bytes are exactly the canonical form (so no byte can change unnoticed), its\n"
		"fields, that the document's SHA-256 is the one stated, that the public key\n"
		"beside the document is the one inside it, and the Ed25519 signature. It says\n"
		"which check failed. A valid signature shows only that the holder of that key\n"
		"signed: compare the key with the one the organisation published.\n"
		"A zip (shinsa submission export ID -o FILE.zip) is checked as a package: its\n"
		"members (submission.json, decision.json, files/...; no path that leaves the\n"
		"folder), each inflated no further than its limit (1 GiB of files at most), the\n"
		"submission.json as above, then every file the submission lists: present, no\n"
		"other, and its SHA-256 the listed one. One line per file follows the first; a\n"
		"file that fails is named.\n",
	.exec = verify_exec,
};
