/*
 * criteria: a bank's own criteria list — the criteria it imported from its
 * file (formats/criteria_read) and its cross-walk from them to one
 * checklist, row by row.
 *
 * The list owns everything in it; criteria_list_free() releases it all.
 * The rows of map are the criteria's, one each, in the same order: map->rows[i]
 * belongs to cat->items[i] (its criterion is that item's key). A row not
 * mapped yet has RELATION_UNSET, no items, note "" and no changed_by/at.
 */
#ifndef SHINSA_CORE_CRITERIA_H
#define SHINSA_CORE_CRITERIA_H

#include <stddef.h>

#include "core/catalog.h"
#include "core/mapping.h"

struct criteria_list {
	long long org_id;    /* the bank */
	char *title;
	char *source;        /* the imported file's name */
	char *format;        /* "tsv", "csv", "xlsx", "text" */
	char *sha256;        /* of the imported bytes, hex */
	char *imported_at;
	char *imported_by;
	char *checklist_id;  /* the checklist the cross-walk maps to */
	struct catalog *cat; /* kind criteria; its id is NULL */
	struct mapping *map; /* criteria_id NULL, checklist_id as above */
};

struct criteria_list *criteria_list_new(void);
void criteria_list_free(struct criteria_list *l);

/* The index of the criterion with key, or -1. */
long criteria_list_find(const struct criteria_list *l, const char *key);

/* Gives every criterion of l an unmapped row (l->map must have none yet). */
void criteria_list_unmapped(struct criteria_list *l);

/* Copies row (relation, items, note, note_en, changed_by, changed_at) into dst. */
void criteria_row_copy(struct mapping_row *dst, const struct mapping_row *src);

/* A criterion read from a shipped catalog with a shipped mapping. */
struct criteria_shipped {
	const struct catalog *criteria;
	const struct mapping *map;
};

/* How criteria_list_carry() started each row. */
struct criteria_carried {
	size_t kept;    /* the old list's row: same key, same text, same checklist */
	size_t shipped; /* a shipped cross-walk's row: same key and text */
	size_t unset;   /* neither: not mapped yet */
};

/*
 * Starts the rows of a newly imported list l (which must have none): a
 * criterion whose key and text (or damage) are those of a criterion of old
 * (may be NULL) mapped to the same checklist keeps that row; else one
 * equal to a criterion of a shipped catalog whose mapping is to l's
 * checklist takes that mapping's row, changed_by "mapping:ID" and
 * changed_at at; else it is not mapped yet. *counts (may be NULL) says
 * how many of each.
 */
void criteria_list_carry(struct criteria_list *l, const struct criteria_list *old,
			 const struct criteria_shipped *shipped, size_t n_shipped, const char *at,
			 struct criteria_carried *counts);

#endif
