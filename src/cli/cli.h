/*
 * cli: the command table and what every command shares.
 *
 * Each command lives in its own cmd_*.c and exports one const struct
 * cli_command. main() finds it by name and calls exec with the arguments
 * after the command name. A command returns the process exit status:
 * 0 success, 1 failure (one line on stderr, see cli_fail), 2 bad usage.
 */
#ifndef SHINSA_CLI_H
#define SHINSA_CLI_H

#include <jansson.h>
#include <stdbool.h>

#include "core/catalog.h"
#include "core/org.h"
#include "service/outcome.h"
#include "store/store.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* Options that come before the command, or anywhere a command takes them. */
struct cli_ctx {
	const char *db_path; /* --db, else SHINSA_DB, else CLI_DEFAULT_DB */
};

#define CLI_DEFAULT_DB "var/shinsa.db"

/* What shinsa is, in one line: `shinsa help` and the manual page's NAME. */
#define CLI_TAGLINE "API connection checklists between banks and connectors"

struct cli_command {
	const char *name;
	const char *args;    /* synopsis after the name, e.g. "ID [--json]" */
	const char *summary; /* one line for `shinsa help` */
	const char *help;    /* the rest of `shinsa NAME --help` */
	int (*exec)(struct cli_ctx *ctx, int argc, char **argv);
};

extern const struct cli_command cmd_help;
extern const struct cli_command cmd_init;
extern const struct cli_command cmd_catalog;
extern const struct cli_command cmd_form;
extern const struct cli_command cmd_org;
extern const struct cli_command cmd_user;
extern const struct cli_command cmd_token;
extern const struct cli_command cmd_answers;
extern const struct cli_command cmd_submit;
extern const struct cli_command cmd_submission;
extern const struct cli_command cmd_verify;
extern const struct cli_command cmd_diff;
extern const struct cli_command cmd_share;
extern const struct cli_command cmd_inbox;
extern const struct cli_command cmd_criteria;
extern const struct cli_command cmd_review;
extern const struct cli_command cmd_audit;
extern const struct cli_command cmd_serve;
extern const struct cli_command cmd_plans;
extern const struct cli_command cmd_cycles;
extern const struct cli_command cmd_reminders;
extern const struct cli_command cmd_portfolio;
extern const struct cli_command cmd_questions;
extern const struct cli_command cmd_attach;
extern const struct cli_command cmd_backup;
extern const struct cli_command cmd_restore;

/* NULL-terminated, in the order `shinsa help` lists them. */
extern const struct cli_command *const cli_commands[];
const struct cli_command *cli_find(const char *name);

/* One option a command accepts. Flags set *flag; values set *value. */
struct cli_opt {
	const char *name; /* long name without the dashes: "json" */
	char short_name;  /* 'o', or 0 */
	const char **value;
	bool *flag;
};

/*
 * Parses argv against opts (plus --db and --help, which every command
 * takes). Positional arguments are moved, in order, to the front of argv
 * and counted in *npos. Returns 0, CLI_USAGE after
 * printing the problem and the usage line, or -1 when --help was given and
 * printed (the command then returns CLI_OK). "--" ends the options.
 */
int cli_parse(struct cli_ctx *ctx, const char *prog, const struct cli_command *cmd, int argc, char **argv,
	      const struct cli_opt *opts, int *npos);

/*
 * For commands with subcommands: runs the one named argv[0] from subs
 * (NULL-terminated; a sub's name may be "org add", matched on its last
 * word), prints cmd's help for --help, or reports a missing or unknown
 * subcommand, naming the choices.
 */
int cli_dispatch(struct cli_ctx *ctx, const struct cli_command *cmd, const struct cli_command *const *subs, int argc,
		 char **argv);

/* Prints "usage: shinsa PROG ARGS" and the help text to stdout. */
void cli_print_help(const char *prog, const struct cli_command *cmd);
/* Prints "shinsa: PROG: MSG (usage: shinsa PROG ARGS)" to stderr; returns CLI_USAGE. */
int cli_usage(const char *prog, const struct cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints "shinsa: MSG" to stderr; returns CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The one place a service outcome (service/outcome.h) becomes the command
 * line's answer: every outcome other than OUTCOME_OK, OUTCOME_FAILED
 * included, prints "shinsa: MSG" (e's message) and exits CLI_FAIL; for
 * OUTCOME_CHOOSE with choose (the option that names one, e.g.
 * "checklist") "shinsa: MSG: say which with --CHOOSE ID".
 */
int cli_refused(enum outcome rc, const struct err *e, const char *choose);

/* Opens the database of ctx, which must exist and be initialised. */
int cli_open_store(struct cli_ctx *ctx, struct store **out, struct err *e);

/* Loads catalog id from st into *out (yours); a missing one is an error
 * that says how to list what exists. */
int cli_load_catalog(struct store *st, const char *id, struct catalog **out, struct err *e);

/*
 * The checklist an answer set is for: catalog id if given, else the one
 * checklist in the database (more than one needs --catalog).
 */
int cli_load_checklist(struct store *st, const char *id, struct catalog **out, struct err *e);

/* Loads organisation name; a missing one says how to list what exists. */
int cli_load_org(struct store *st, const char *name, struct org **out, struct err *e);

/* The server secret's key file: $SHINSA_SECRET_FILE, else secret.key
 * beside the database. You own the path. */
char *cli_secret_path(const struct cli_ctx *ctx);

/* Prints root (indented, UTF-8 as it is) and a newline to stdout; steals
 * the reference. */
void cli_print_json(json_t *root);

/*
 * A listing of one organisation's rows: `NAME --org ORG [--json]` (cmd,
 * for its usage). list makes the rows as the API answers them (a JSON
 * array, yours; 0 or not); --json prints it as it is, else print_row
 * prints each for people and, when there is none, empty says so. The
 * command's exit status.
 */
int cli_org_list(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		 int (*list)(struct store *st, const struct org *org, json_t **out, struct err *e),
		 void (*print_row)(const json_t *row, const struct org *org), void (*empty)(const struct org *org));

#endif
