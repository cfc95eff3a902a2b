/*
 * shinsa: the command line. Global options, then a command from the table
 * in cli.c.
 */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	const char *env_db = getenv("SHINSA_DB");
	ctx.db_path = env_db && *env_db ? env_db : CLI_DEFAULT_DB;

	if (sodium_init() < 0)
		return cli_fail("cannot initialise libsodium");

	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			ctx.db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			ctx.db_path = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			return cmd_help.exec(&ctx, 0, NULL);
		} else {
			fprintf(stderr, "shinsa: unknown option %s\n(see shinsa help)\n", argv[i]);
			return CLI_USAGE;
		}
	}
	if (i >= argc) {
		cmd_help.exec(&ctx, 0, NULL);
		return CLI_USAGE;
	}
	const struct cli_command *cmd = cli_find(argv[i]);
	if (!cmd) {
		fprintf(stderr, "shinsa: unknown command \"%s\" (see shinsa help)\n", argv[i]);
		return CLI_USAGE;
	}
	int rc = cmd->exec(&ctx, argc - i - 1, argv + i + 1);
	/* A full disk or a closed pipe must not pass for success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "shinsa: cannot write output: %s\n", strerror(errno));
		return CLI_FAIL;
	}
	return rc;
}
