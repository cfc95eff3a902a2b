/*
 * criteria: a bank's own criteria and its cross-walk to the checklist, for
 * the command line and the server alike — import from the bank's file,
 * show, map one criterion, and suggestions. Layer: service
 * (service/auth.h).
 *
 * Only a bank has criteria ("NAME is not a bank": OUTCOME_REFUSED). Every
 * change is one transaction with its audit event, in the bank's name, by
 * the actor the front end gives:
 *   criteria_import  criteria:ORG-ID   {"file", "format", "criteria",
 *                                       "mapped", "warnings"} (counts: the
 *                                       criteria read, those that start
 *                                       mapped, the warnings)
 *   criteria_map     criterion:KEY     {"relation", "items"}
 * (the relation null when it is left unmapped).
 *
 * Import replaces the bank's list whole. Each criterion's row starts as
 * core/criteria.h's criteria_list_carry() says: kept from the list before
 * when key and text are unchanged (and the checklist is the same), else
 * taken from a shipped cross-walk when key and text are those of a shipped
 * criteria catalog's item (seed 000 imported starts from
 * mapping-000-004), else not mapped yet. The checklist is the one named,
 * else the previous list's, else the one in the database.
 *
 * Return values: 0; OUTCOME_NOT_FOUND ("no criteria imported yet", "no
 * criterion \"KEY\"", "no catalog \"ID\""); OUTCOME_REFUSED (not a bank);
 * OUTCOME_INVALID (the reader's message for a bad file, a bad relation,
 * items or note, "ID is a criteria catalog, not a checklist", no checklist
 * in the database); OUTCOME_CHOOSE ("there is more than one checklist":
 * the front end says how to name one); -1 for a failure of the system.
 * e always says why.
 */
#ifndef SHINSA_SERVICE_CRITERIA_H
#define SHINSA_SERVICE_CRITERIA_H

#include <jansson.h>
#include <stddef.h>

#include "core/criteria.h"
#include "core/org.h"
#include "formats/criteria_read.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/* The most suggestions asked for one criterion. */
#define CRITERIA_TOP_MAX 100
/* The longest rationale note, in characters. */
#define CRITERIA_NOTE_MAX 4000

/* What an import did; criteria_import_release() frees it. */
struct criteria_import_result {
	struct criteria_carried carried;
	struct criteria_warnings warnings;
};

void criteria_import_release(struct criteria_import_result *r);

/*
 * Reads the file (name: its name; data, len: its bytes, yours) as format f
 * and makes it bank's list, mapped to checklist_id (NULL: as above). *out
 * (may be NULL) gets the list as stored; *res (may be NULL) what was
 * carried and the reader's warnings (release it either way).
 */
enum outcome criteria_import(struct store *st, const char *actor, const struct org *bank, const char *name,
			     enum criteria_format f, const void *data, size_t len, const char *checklist_id,
			     struct criteria_list **out, struct criteria_import_result *res, struct err *e);

/* What a preview gives as its base when the bank has no list yet. */
#define CRITERIA_BASE_NONE "none"

/*
 * criteria_import() after a preview (service/criteria_preview.h): base is
 * the sha256 of the list the preview saw (its "base"), CRITERIA_BASE_NONE
 * when it saw none, NULL to replace whatever is there. Should the list be
 * another now, nothing changes: OUTCOME_CONFLICT, coded criteria_changed
 * ("the criteria list changed since the preview (now FILE, imported at T
 * by WHO)", values FILE, T, WHO) or criteria_changed_none ("… (now
 * none)"), checked inside the import's transaction.
 */
enum outcome criteria_replace(struct store *st, const char *actor, const struct org *bank, const char *name,
			      enum criteria_format f, const void *data, size_t len, const char *checklist_id,
			      const char *base, struct criteria_list **out, struct criteria_import_result *res,
			      struct err *e);

/* The bank's list into *out (yours). */
enum outcome criteria_show(struct store *st, const struct org *bank, struct criteria_list **out, struct err *e);

/*
 * Maps criterion key of the bank: relation by name ("equal", "subset",
 * "superset", "intersects", "none"), the checklist items (n of them; none
 * for "none", some for the others, each an item of the checklist once),
 * and note (NULL keeps the note it has). *out (may be NULL) gets the list
 * as stored and *index the row's index in it.
 */
enum outcome criteria_map(struct store *st, const char *actor, const struct org *bank, const char *key,
			  const char *relation, const int *items, size_t n, const char *note,
			  struct criteria_list **out, size_t *index, struct err *e);

/*
 * For each of the bank's criteria, at most top (1 to CRITERIA_TOP_MAX)
 * checklist items ranked by core/suggest.h, as
 * [{criterion, items:[{no, score}]}] with scores rounded to 3 decimals;
 * *out is yours.
 */
enum outcome criteria_suggest(struct store *st, const struct org *bank, size_t top, json_t **out, struct err *e);

/* {org, title, source, format, sha256, imported_at, imported_by, checklist,
 * criteria:[criteria_row_json()]}: `criteria show --json`. */
json_t *criteria_json(const struct criteria_list *l, const char *org_name);
/* {key, no, section, category, text, damaged, relation, items, note,
 * note_en, changed_by, changed_at} of row i (relation null: not mapped yet;
 * note_en the shipped note's English alternate while the note stands as
 * shipped, "" otherwise). */
json_t *criteria_row_json(const struct criteria_list *l, size_t i);

#endif
