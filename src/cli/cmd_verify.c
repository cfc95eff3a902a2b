#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "formats/submission_verify.h"
#include "lib/fsutil.h"

/* Needs no database and no secret: whoever received the file can run it. */
static int verify_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	int rc = cli_parse(ctx, "verify", &cmd_verify, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos < 1)
		return cli_usage("verify", &cmd_verify, "missing FILE.json");
	if (npos > 1)
		return cli_usage("verify", &cmd_verify, "unexpected argument \"%s\"", argv[1]);
	const char *path = argv[0];
	struct err e = { 0 };
	char *buf, sha[HASH_HEX_LEN + 1];
	size_t len;
	struct submission *doc;
	if (fs_read_file(path, SUBMISSION_FILE_MAX, &buf, &len, &e) < 0)
		return cli_fail("%s", e.msg);
	rc = submission_verify(buf, len, &doc, sha, &e);
	free(buf);
	if (rc < 0)
		return cli_fail("%s: not verified: %s", path, e.msg);
	printf("verified: version %d of %s for %s, submitted %s, sha256 %s, signed by key %s\n", doc->version,
	       doc->org_name, doc->catalog_id, doc->submitted_at, sha, doc->org_public_key);
	printf("this proves who signed only if that key is the one %s published (shinsa org list --json shows it)\n",
	       doc->org_name);
	submission_free(doc);
	return CLI_OK;
}

const struct cli_command cmd_verify = {
	.name = "verify",
	.args = "FILE.json",
	.summary = "check an exported submission, with no database",
	.help = "Checks a file written by shinsa submission export, using nothing but the file:\n"
		"its size (at most 64 MiB), that it is JSON, that its bytes are exactly the\n"
		"canonical form (so no byte can change unnoticed), its fields, that the\n"
		"document's SHA-256 is the one stated, that the public key beside the document\n"
		"is the one inside it, and the Ed25519 signature. It says which check failed.\n"
		"A valid signature shows only that the holder of that key signed: compare the\n"
		"key with the one the organisation published.\n",
	.exec = verify_exec,
};
