/*
 * cmd_answers: what the answers subcommands share. set, show and check are
 * in cmd_answers.c; export and import (the Excel form) in
 * cmd_answers_xlsx.c. The work is service/answers'; these parse the
 * arguments and print.
 */
#ifndef SHINSA_CLI_CMD_ANSWERS_H
#define SHINSA_CLI_CMD_ANSWERS_H

#include "cli/cli.h"
#include "service/answers.h"

/* What every answers subcommand loads: the store, the connector and, in
 * a, its checklist and answer set. All of it is owned here;
 * actx_release() frees it. */
struct cli_answers {
	struct store *st;
	struct org *org;
	struct answers_ctx a;
	char *actor; /* cli_audit_actor() */
};

/*
 * Opens the store and loads org (which must be a connector), the checklist
 * (catalog id, or the one there is) and org's answers to it. On failure e is
 * set and what was loaded is still in c, for actx_release().
 */
int actx_load(struct cli_ctx *ctx, const char *org, const char *catalog, struct cli_answers *c, struct err *e);
void actx_release(struct cli_answers *c);

extern const struct cli_command sub_answers_export;
extern const struct cli_command sub_answers_import;

#endif
