#include <stdio.h>

#include "cli/cli.h"

static int help_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos = 0;
	if (argc > 0) {
		int rc = cli_parse(ctx, "help", &cmd_help, argc, argv, NULL, &npos);
		if (rc)
			return rc < 0 ? CLI_OK : rc;
	}
	if (npos > 1)
		return cli_usage("help", &cmd_help, "too many arguments");
	if (npos == 1) {
		const struct cli_command *cmd = cli_find(argv[0]);
		if (!cmd)
			return cli_fail("unknown command \"%s\" (see shinsa help)", argv[0]);
		cli_print_help(cmd->name, cmd);
		return CLI_OK;
	}
	printf("shinsa (審査): API connection checklists between banks and connectors\n\n"
	       "usage: shinsa [--db PATH] COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; cli_commands[i]; i++)
		printf("  %-10s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	printf("\nshinsa COMMAND --help tells more. The database is --db PATH, else $SHINSA_DB,\n"
	       "else %s.\n", CLI_DEFAULT_DB);
	return CLI_OK;
}

const struct cli_command cmd_help = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "list the commands, or explain one",
	.help = "",
	.exec = help_exec,
};
