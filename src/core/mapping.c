#include "core/mapping.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct mapping *mapping_new(void)
{
	return xcalloc(1, sizeof(struct mapping));
}

void mapping_free(struct mapping *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_rows; i++) {
		free(m->rows[i].criterion);
		free(m->rows[i].items);
		free(m->rows[i].note);
		free(m->rows[i].note_en);
		free(m->rows[i].changed_by);
		free(m->rows[i].changed_at);
	}
	free(m->rows);
	free(m->id);
	free(m->criteria_id);
	free(m->checklist_id);
	free(m->source);
	free(m->sha256);
	free(m);
}

struct mapping_row *mapping_add_row(struct mapping *m, const char *criterion, enum relation rel)
{
	m->rows = xrealloc(m->rows, (m->n_rows + 1) * sizeof *m->rows);
	struct mapping_row *row = &m->rows[m->n_rows++];
	memset(row, 0, sizeof *row);
	row->criterion = xstrdup(criterion);
	row->relation = rel;
	row->note = xstrdup("");
	row->note_en = xstrdup("");
	return row;
}

void mapping_row_add_item(struct mapping_row *row, int no)
{
	row->items = xrealloc(row->items, (row->n_items + 1) * sizeof *row->items);
	row->items[row->n_items++] = no;
}

/* An item's number as text, for an error's values. */
static const char *item_text(char *buf, size_t size, int no)
{
	if (snprintf(buf, size, "%d", no) >= (int)size)
		buf[0] = '\0'; /* cannot be: buf holds any int */
	return buf;
}

int mapping_validate(const struct mapping *m, const struct catalog *criteria, const struct catalog *checklist, struct err *e)
{
	char no[16];
	if (criteria->kind != CATALOG_CRITERIA) {
		err_set(e, "%s is not a criteria catalog", criteria->id);
		return -1;
	}
	if (checklist->kind != CATALOG_CHECKLIST) {
		err_set(e, "%s is not a checklist catalog", checklist->id);
		return -1;
	}
	for (size_t i = 0; i < m->n_rows; i++) {
		const struct mapping_row *row = &m->rows[i];
		if (!catalog_find_key(criteria, row->criterion)) {
			err_coded(e, NULL, "map_unknown_criterion", "criterion {1} is not in {2}", row->criterion, criteria->id, NULL);
			return -1;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(m->rows[j].criterion, row->criterion) == 0) {
				err_coded(e, NULL, "map_twice", "criterion {1}: mapped twice", row->criterion, NULL);
				return -1;
			}
		}
		if (row->relation == RELATION_UNSET && row->n_items) {
			err_coded(e, NULL, "map_unset_items", "criterion {1}: not mapped yet, but names items", row->criterion, NULL);
			return -1;
		}
		if (row->relation != RELATION_UNSET && !relation_name(row->relation)) {
			err_set(e, "criterion %s: unknown relation", row->criterion);
			return -1;
		}
		if (row->relation == RELATION_NONE && row->n_items) {
			err_coded(e, NULL, "map_none_items", "criterion {1}: relation none names items", row->criterion, NULL);
			return -1;
		}
		if (row->relation != RELATION_NONE && row->relation != RELATION_UNSET && !row->n_items) {
			err_coded(e, NULL, "map_no_item", "criterion {1}: relation {2} names no item", row->criterion,
				  relation_name(row->relation), NULL);
			return -1;
		}
		for (size_t k = 0; k < row->n_items; k++) {
			if (!catalog_find_no(checklist, row->items[k])) {
				err_coded(e, NULL, "map_unknown_item", "criterion {1}: item {2} is not in {3}", row->criterion,
					  item_text(no, sizeof no, row->items[k]), checklist->id, NULL);
				return -1;
			}
			for (size_t l = 0; l < k; l++) {
				if (row->items[l] == row->items[k]) {
					err_coded(e, NULL, "map_item_twice", "criterion {1}: item {2} named twice", row->criterion,
						  item_text(no, sizeof no, row->items[k]), NULL);
					return -1;
				}
			}
		}
	}
	return 0;
}

static const char *const relation_names[] = {
	[RELATION_EQUAL] = "equal",
	[RELATION_SUBSET] = "subset",
	[RELATION_SUPERSET] = "superset",
	[RELATION_INTERSECTS] = "intersects",
	[RELATION_NONE] = "none",
};

const char *relation_name(enum relation r)
{
	if ((size_t)r < sizeof relation_names / sizeof relation_names[0])
		return relation_names[r];
	return NULL;
}

enum relation relation_parse(const char *s)
{
	for (size_t i = 1; s && i < sizeof relation_names / sizeof relation_names[0]; i++)
		if (strcmp(relation_names[i], s) == 0)
			return (enum relation)i;
	return 0;
}
