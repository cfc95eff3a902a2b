#include "core/mapping.h"

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
	return row;
}

void mapping_row_add_item(struct mapping_row *row, int no)
{
	row->items = xrealloc(row->items, (row->n_items + 1) * sizeof *row->items);
	row->items[row->n_items++] = no;
}

int mapping_validate(const struct mapping *m, const struct catalog *criteria, const struct catalog *checklist, struct err *e)
{
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
			err_set(e, "criterion %s is not in %s", row->criterion, criteria->id);
			return -1;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(m->rows[j].criterion, row->criterion) == 0) {
				err_set(e, "criterion %s: mapped twice", row->criterion);
				return -1;
			}
		}
		if (row->relation == RELATION_UNSET && row->n_items) {
			err_set(e, "criterion %s: not mapped yet, but names items", row->criterion);
			return -1;
		}
		if (row->relation != RELATION_UNSET && !relation_name(row->relation)) {
			err_set(e, "criterion %s: unknown relation", row->criterion);
			return -1;
		}
		if (row->relation == RELATION_NONE && row->n_items) {
			err_set(e, "criterion %s: relation none names items", row->criterion);
			return -1;
		}
		if (row->relation != RELATION_NONE && row->relation != RELATION_UNSET && !row->n_items) {
			err_set(e, "criterion %s: relation %s names no item", row->criterion, relation_name(row->relation));
			return -1;
		}
		for (size_t k = 0; k < row->n_items; k++) {
			if (!catalog_find_no(checklist, row->items[k])) {
				err_set(e, "criterion %s: item %d is not in %s", row->criterion, row->items[k], checklist->id);
				return -1;
			}
			for (size_t l = 0; l < k; l++) {
				if (row->items[l] == row->items[k]) {
					err_set(e, "criterion %s: item %d named twice", row->criterion, row->items[k]);
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
