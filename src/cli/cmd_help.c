#include <stdio.h>

#include "cli/cli.h"
#include "cli/cli_man.h"

static int help_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos = 0;
	bool man = false;
	const struct cli_opt opts[] = { { "man", 0, NULL, &man }, { 0 } };
	if (argc > 0) {
		int rc = cli_parse(ctx, "help", &cmd_help, argc, argv, opts, &npos);
		if (rc)
			return rc < 0 ? CLI_OK : rc;
	}
	if (npos > 1)
		return cli_usage("help", &cmd_help, "too many arguments");
	if (man && npos > 0)
		return cli_usage("help", &cmd_help, "--man takes no command: the page has them all");
	if (man)
		return cli_man_print(stdout) == 0 ? CLI_OK : cli_fail("cannot write the manual page");
	if (npos == 1) {
		const struct cli_command *cmd = cli_find(argv[0]);
		if (!cmd)
			return cli_fail("unknown command \"%s\" (see shinsa help)", argv[0]);
		cli_print_help(cmd->name, cmd);
		return CLI_OK;
	}
	printf("shinsa (審査): " CLI_TAGLINE "\n\n"
	       "usage: shinsa [--db PATH] COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; cli_commands[i]; i++)
		printf("  %-10s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
	printf("\nshinsa COMMAND --help tells more. The database is --db PATH, else $SHINSA_DB,\n"
	       "else %s.\n", CLI_DEFAULT_DB);
	return CLI_OK;
}

const struct cli_command cmd_help = {
	.name = "help",
	.args = "[COMMAND] | --man",
	.summary = "list the commands, or explain one",
	.help = "--man  print the manual page shinsa(1) instead, in roff (the build makes\n"
		"       build/shinsa.1 with it): every command's help, the environment, the files\n",
	.exec = help_exec,
};
