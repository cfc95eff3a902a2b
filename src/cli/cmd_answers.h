/*
 * cmd_answers: what the answers subcommands share. set, show and check are
 * in cmd_answers.c; export and import (the Excel form) in
 * cmd_answers_xlsx.c.
 */
#ifndef SHINSA_CLI_CMD_ANSWERS_H
#define SHINSA_CLI_CMD_ANSWERS_H

#include "cli/cli.h"

/* What every answers subcommand loads: the connector, its checklist and
 * its answer set. All of it is owned here; actx_release() frees it. */
struct answers_ctx {
	struct store *st;
	struct org *org;
	struct catalog *cat;
	struct answer_set *set;
};

/*
 * Opens the store and loads org (which must be a connector), the checklist
 * (catalog id, or the one there is) and org's answers to it. On failure e is
 * set and what was loaded is still in a, for actx_release().
 */
int actx_load(struct cli_ctx *ctx, const char *org, const char *catalog, struct answers_ctx *a, struct err *e);
void actx_release(struct answers_ctx *a);

extern const struct cli_command sub_answers_export;
extern const struct cli_command sub_answers_import;

#endif
