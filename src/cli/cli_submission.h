/*
 * cli_submission: what the submit, submission and diff commands share —
 * loading a connector with its working answers, loading a stored
 * submission with its document, re-checking a stored signature, and
 * printing answers for people.
 */
#ifndef SHINSA_CLI_SUBMISSION_H
#define SHINSA_CLI_SUBMISSION_H

#include <stdbool.h>

#include "cli/cli.h"
#include "core/submission.h"

/* A connector, its checklist and its working answers; all yours. */
struct cli_connector {
	struct org *org;
	struct catalog *cat;
	struct answer_set *set;
};

/*
 * Loads organisation name (which must be a connector), the checklist
 * (catalog id, or the only one) and its working answers into c. Release c
 * with cli_connector_release() whether this fails or not.
 */
int cli_connector_load(struct store *st, const char *name, const char *catalog, struct cli_connector *c,
		       struct err *e);
void cli_connector_release(struct cli_connector *c);

/* A submission id as typed: a positive decimal integer. */
int cli_submission_id(const char *text, long long *id);

/*
 * Loads submission id: the record and, decoded from its document, the
 * submission (both yours). A missing id says how to list what exists.
 */
int cli_submission_load(struct store *st, long long id, struct submission_record **rec, struct submission **doc,
			struct err *e);

/*
 * Re-checks a stored record, doc being its decoded document: the
 * document's SHA-256, that the record's unsigned columns (version, time,
 * checklist) say what the document says, and the signature against the
 * organisation's stored public key, which must be the one in the document.
 * True if all hold; otherwise why is one line in e.
 */
bool cli_submission_check(struct store *st, const struct submission_record *rec, const struct submission *doc,
			  struct err *e);

/* cli_submission_load() and then cli_submission_check(): a record that
 * does not verify is an error ("submission 3 does not verify: …"). */
int cli_submission_load_valid(struct store *st, long long id, struct submission_record **rec,
			      struct submission **doc, struct err *e);

/* The answers, for people: 通番, status label, then each non-empty field
 * under its Japanese column title. */
void cli_print_answers(const struct answer_set *set);

#endif
