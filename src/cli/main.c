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
#include "formats/xlsx_read.h"

/* SHINSA_IMPORT_CPU_MS: the CPU budget of reading one imported workbook,
 * for the command line and the server alike. */
static int set_import_cpu(void)
{
	const char *s = getenv("SHINSA_IMPORT_CPU_MS");
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	unsigned long ms = strtoul(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || ms < 1 || ms > 3600000)
		return cli_fail("SHINSA_IMPORT_CPU_MS wants a whole number of milliseconds from 1 to 3600000, got \"%s\"", s);
	xlsx_default_limits.max_cpu_ms = (unsigned)ms;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { 0 };
	const char *env_db = getenv("SHINSA_DB");
	ctx.db_path = env_db && *env_db ? env_db : CLI_DEFAULT_DB;

	if (sodium_init() < 0)
		return cli_fail("cannot initialise libsodium");
	if (set_import_cpu() != 0)
		return CLI_FAIL;

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
