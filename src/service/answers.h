/*
 * answers: a connector's master answer set, for the command line and the
 * server alike — loading it, editing one item, importing the Excel form
 * and exporting it. Layer: service (see service/auth.h).
 *
 * Every change is written with its audit event (service/audit_log) in one
 * transaction, by the actor the front end names ("cli:USER" for the command
 * line, the signed-in user's email for the web): both land or neither does.
 * Changes are computed against the answers as they are inside the write
 * transaction, so an edit made meanwhile by someone else is compared with,
 * never overwritten unseen.
 *
 * Return values: OUTCOME_OK, one of the ANSWERS_* outcomes below with e set
 * to the message for the user, or -1 for a failure of the system (e set; a
 * server answers 500).
 */
#ifndef SHINSA_SERVICE_ANSWERS_H
#define SHINSA_SERVICE_ANSWERS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/catalog.h"
#include "core/org.h"
#include "formats/xlsx_answers.h"
#include "formats/xlsx_read.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * The checklist an answer set is for: catalog id if given, else the one
 * checklist in the database. Messages: "no catalog \"ID\"" (NOT_FOUND),
 * "ID is a criteria catalog, not a checklist" and "there is no checklist in
 * the database (run shinsa init)" (INVALID), "there is more than one
 * checklist" (CHOOSE: the front end says how to name one). *out is yours.
 */
enum outcome answers_checklist(struct store *st, const char *id, struct catalog **out, struct err *e);

/* A connector's answers to one checklist. st and org are borrowed and must
 * outlive it; cat and set are owned (answers_close()). */
struct answers_ctx {
	struct store *st;
	const struct org *org;
	struct catalog *cat;
	struct answer_set *set; /* as last read or written */
};

/*
 * Loads org's answers to cat (which a takes, even on failure). A bank is
 * refused: "NAME is a bank: answer sets belong to connectors" (REFUSED).
 */
enum outcome answers_open(struct answers_ctx *a, struct store *st, const struct org *org, struct catalog *cat,
			  struct err *e);
/* Frees what a owns; accepts a zeroed or already closed a. */
void answers_close(struct answers_ctx *a);

/* {org, catalog, items[{no, status, current, issues, plan, plan_due,
 * notes, revision}]}, status and plan_due null when unset, revision as
 * answer_revision() gives it: `answers show --json`. And one item alone.
 * You own the references. */
json_t *answers_json(const struct answer_set *set);
json_t *answers_item_json(const struct answer *a);

/*
 * The contradictions in set as of the server's date (core/answers.h
 * answers_contradictions): [{no, code, field, status}], what the submit
 * panel warns of and the bank sees flagged on the items. NULL with e when
 * the clock cannot be read (a bad SHINSA_NOW). You own the reference.
 */
json_t *answers_warnings_json(const struct catalog *cat, const struct answer_set *set, struct err *e);

/*
 * What a submission of a's set would be refused for (answer_set_check(),
 * as `answers check` prints it): {catalog, ready, problems["item 12: no
 * status", ...], problem_details[{no, code, field, status}], warnings[{no,
 * code, field, status}]} (the same problems, in the same order, as
 * core/answers.h's answer_problem, for a reader that words them itself),
 * ready when there is none; warnings (answers_warnings_json) never stop a
 * submission. NULL with e when the clock cannot be read. You own the
 * reference.
 */
json_t *answers_check_json(const struct answers_ctx *a, struct err *e);

/*
 * Whether warning (one of check's warnings) says again what one of check's
 * problems already says (a problem of the same item on the same field):
 * the submit panel and `answers check` leave such a warning out.
 */
bool answers_warning_repeats(const json_t *check, const json_t *warning);

/*
 * Sets the fields of item no whose value in values[] is not NULL (text as
 * answer_set_field() takes it: "" unsets status and plan_due). Outcomes:
 * "CATALOG has no item N" (NOT_FOUND), "item N is the bank's to answer
 * (対象者: 銀行)" (REFUSED), "item N: " + answer_set_field()'s message or
 * "nothing to set" (INVALID). The event is answer_edit on "answer:N" with
 * details {catalog, fields[]}, the fields whose value changed. On success
 * a->set is the set as written and *out (may be NULL) points at the item.
 */
enum outcome answers_set_item(struct answers_ctx *a, const char *actor, int no,
			      const char *const values[ANSWER_NFIELDS], const struct answer **out, struct err *e);
/*
 * The same, written only if the item's revision (answer_revision()) is
 * still revision, compared inside the write transaction; NULL skips the
 * check. Otherwise nothing is written, the outcome is OUTCOME_CONFLICT
 * with "item N was changed since you loaded it", and *out (if not NULL)
 * points at the item as it now is (in a->set), for the caller to show.
 */
enum outcome answers_set_item_at(struct answers_ctx *a, const char *actor, int no,
				 const char *const values[ANSWER_NFIELDS], const char *revision,
				 const struct answer **out, struct err *e);

/* What an import read and did; answers_import_release() frees it. */
struct answers_import {
	struct xlsx_book *book;  /* the workbook (answers_import_bytes only) */
	struct xlsx_answers *r;  /* the reading: sheet, items, errors */
	json_t *changes;         /* [{no, fields[{field, before, after}]}] */
	bool written;
};
void answers_import_release(struct answers_import *imp);

/*
 * Imports the answers of book (a filled-in form; stays yours) into a's set:
 * every changed answer and the answers_import event on
 * "answer_set:CATALOG" with details {file, catalog, read, changed[{no,
 * fields[]}]} (when that does not fit an event, {file, catalog, read,
 * changed_count, changed_items, changed_fields}: audit_log.h) in one
 * transaction, unless dry_run or nothing changed (then
 * nothing is written and there is no event). file names the upload for the
 * record and may be NULL (null in the details). OUTCOME_SHEET when the sheet
 * has errors: out->r lists them and e says "N errors, nothing imported".
 * out is filled as far as the import got; release it in any case.
 */
enum outcome answers_import_book(struct answers_ctx *a, const char *actor, const struct xlsx_book *book,
				 const char *file, bool dry_run, struct answers_import *out, struct err *e);
/* The same from the bytes of an .xlsx file: the reader's refusal is
 * INVALID with its message (xlsx_read.h). */
enum outcome answers_import_bytes(struct answers_ctx *a, const char *actor, const void *data, size_t len,
				  const char *file, bool dry_run, struct answers_import *out, struct err *e);

/* {file, catalog, sheet, items, changes, written}: `answers import --json`. */
json_t *answers_import_json(const struct answers_ctx *a, const struct answers_import *imp, const char *file);

/*
 * Exports a's set as the form to path (xlsx_form_export(): whole or not at
 * all). The answers_export event on "answer_set:CATALOG" with details {file,
 * catalog} is appended first and committed only once the file is written; a
 * file whose event did not commit is removed, so no export goes unrecorded.
 * OUTCOME_CONFLICT, nothing written, when a text field saved before
 * ANSWER_TEXT_MAX is longer (answer_set_check_lengths() names it).
 */
enum outcome answers_export_file(struct answers_ctx *a, const char *actor, const char *path, struct err *e);

/*
 * The same as bytes, for a download named file (for the record).
 * libxlsxwriter writes only files, so the form goes to a file without a
 * name in $TMPDIR or /tmp (xlsx_form_export_bytes(): private, and gone with
 * the process even if it is killed) and is read back. The event
 * commits once the bytes are in memory: *out (yours, free()) is set only
 * then.
 */
enum outcome answers_export_bytes(struct answers_ctx *a, const char *actor, const char *file, char **out, size_t *len,
				  struct err *e);

#endif
