/*
 * cli_submission: what the submit, submission and diff commands share on
 * the command line — a submission id as typed, and answers printed for
 * people. Loading and checking submissions is service/submissions.h's.
 */
#ifndef SHINSA_CLI_SUBMISSION_H
#define SHINSA_CLI_SUBMISSION_H

#include "cli/cli.h"
#include "service/receive.h"
#include "service/submissions.h"

/* A submission id as typed: submissions_parse_id(). */
int cli_submission_id(const char *text, long long *id);

/*
 * submissions_load() or submissions_load_valid() (valid), with a missing
 * id's message saying how to list what exists.
 */
int cli_submission_load(struct store *st, long long id, bool valid, struct submission_record **rec,
			struct submission **doc, struct err *e);

/* Passes rc on, turning OUTCOME_NOT_FOUND into -1 with e's "no
 * submission N" followed by how to list what exists. */
int cli_submission_hint(int rc, struct err *e);

/* The answers, for people: 通番, status label, then each non-empty field
 * under its Japanese column title. */
void cli_print_answers(const struct answer_set *set);

/*
 * Reads the file at path and receives it from another server
 * (service/receive.h): a package for bank, or a decision file when bank is
 * NULL. CLI_OK with *r filled, or the failure's status (printed).
 */
int cli_receive(struct cli_ctx *ctx, const char *path, const char *bank, struct receive_result *r);
/* "pinned key FP: compare it with the fingerprint the WHO published", or
 * that it was signed by the key pinned before. */
void cli_print_pinned(const struct receive_result *r, const char *who);

#endif
