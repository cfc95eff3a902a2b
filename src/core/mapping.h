/*
 * mapping: a cross-walk from a bank's criteria to the standard checklist.
 *
 * Each row says how one criterion relates to zero or more checklist items
 * (by 通番). A mapping owns its rows and strings; mapping_free() releases all.
 */
#ifndef SHINSA_CORE_MAPPING_H
#define SHINSA_CORE_MAPPING_H

#include <stddef.h>

#include "core/catalog.h"
#include "lib/err.h"

enum relation {
	RELATION_UNSET = 0,  /* not mapped yet (a bank's own list; never in a mapping file) */
	RELATION_EQUAL,      /* the same requirement */
	RELATION_SUBSET,     /* the criterion is one part of a broader item */
	RELATION_SUPERSET,   /* the criterion asks more than the item */
	RELATION_INTERSECTS, /* partial or weak overlap */
	RELATION_NONE,       /* no counterpart in the checklist */
};

struct mapping_row {
	char *criterion; /* criterion key, e.g. "(1)-12" */
	int *items;      /* checklist 通番, in the order given */
	size_t n_items;
	enum relation relation;
	char *note;      /* never NULL: as the file or the bank wrote it (a shipped file: Japanese) */
	char *note_en;   /* never NULL: a shipped note's English alternate, "" when none (a bank's own note is one text for both languages) */
	char *changed_by; /* who last set it (a bank's own list), or NULL */
	char *changed_at; /* and when; NULL for a mapping file's rows */
};

struct mapping {
	char *id;
	char *criteria_id;  /* catalog of kind criteria */
	char *checklist_id; /* catalog of kind checklist */
	char *source;
	char *sha256;
	struct mapping_row *rows;
	size_t n_rows;
};

struct mapping *mapping_new(void);
void mapping_free(struct mapping *m);

/* Appends a row for criterion (copied) with note and note_en "" and returns it. */
struct mapping_row *mapping_add_row(struct mapping *m, const char *criterion, enum relation rel);
void mapping_row_add_item(struct mapping_row *row, int no);

/*
 * Checks the mapping against its two catalogs: every criterion exists and
 * appears once, every item number exists once in its row, "none" and
 * "not mapped yet" (RELATION_UNSET) have no items and every other relation
 * has some. The first problem goes in e, naming the row:
 * "criterion (1)-5: item 46 is not in api-checklist-2018-08".
 */
int mapping_validate(const struct mapping *m, const struct catalog *criteria, const struct catalog *checklist, struct err *e);

/* "equal", "subset", "superset", "intersects", "none" (NULL for UNSET and
 * anything else); and back (0, which is UNSET, if unknown). */
const char *relation_name(enum relation r);
enum relation relation_parse(const char *s);

#endif
