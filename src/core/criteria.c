#include "core/criteria.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct criteria_list *criteria_list_new(void)
{
	struct criteria_list *l = xcalloc(1, sizeof *l);
	l->cat = catalog_new(CATALOG_CRITERIA);
	l->map = mapping_new();
	return l;
}

void criteria_list_free(struct criteria_list *l)
{
	if (!l)
		return;
	free(l->title);
	free(l->source);
	free(l->format);
	free(l->sha256);
	free(l->imported_at);
	free(l->imported_by);
	free(l->checklist_id);
	catalog_free(l->cat);
	mapping_free(l->map);
	free(l);
}

long criteria_list_find(const struct criteria_list *l, const char *key)
{
	for (size_t i = 0; i < l->cat->n_items; i++)
		if (strcmp(l->cat->items[i].key, key) == 0)
			return (long)i;
	return -1;
}

void criteria_list_unmapped(struct criteria_list *l)
{
	for (size_t i = 0; i < l->cat->n_items; i++)
		mapping_add_row(l->map, l->cat->items[i].key, RELATION_UNSET);
}

void criteria_row_copy(struct mapping_row *dst, const struct mapping_row *src)
{
	dst->relation = src->relation;
	dst->n_items = 0;
	for (size_t k = 0; k < src->n_items; k++)
		mapping_row_add_item(dst, src->items[k]);
	free(dst->note);
	dst->note = xstrdup(src->note ? src->note : "");
	free(dst->note_en);
	dst->note_en = xstrdup(src->note_en ? src->note_en : "");
	free(dst->changed_by);
	dst->changed_by = xstrdup(src->changed_by);
	free(dst->changed_at);
	dst->changed_at = xstrdup(src->changed_at);
}

/* Same text, or both damaged. */
static bool same_text(const struct catalog_item *a, const struct catalog_item *b)
{
	if (a->damaged || b->damaged)
		return a->damaged && b->damaged;
	return a->text && b->text && strcmp(a->text, b->text) == 0;
}

static const struct mapping_row *row_of(const struct mapping *m, const char *key)
{
	for (size_t i = 0; i < m->n_rows; i++)
		if (strcmp(m->rows[i].criterion, key) == 0)
			return &m->rows[i];
	return NULL;
}

/* The old list's row for item, if item is unchanged there. */
static const struct mapping_row *kept_row(const struct criteria_list *l, const struct criteria_list *old,
					  const struct catalog_item *item)
{
	if (!old || !old->checklist_id || strcmp(old->checklist_id, l->checklist_id) != 0)
		return NULL;
	long i = criteria_list_find(old, item->key);
	if (i < 0 || !same_text(&old->cat->items[i], item))
		return NULL;
	return &old->map->rows[i];
}

static const struct mapping_row *shipped_row(const struct criteria_list *l, const struct criteria_shipped *shipped,
					     size_t n, const struct catalog_item *item, const struct mapping **from)
{
	for (size_t s = 0; s < n; s++) {
		const struct catalog_item *c = catalog_find_key(shipped[s].criteria, item->key);
		if (!c || !same_text(c, item) || strcmp(shipped[s].map->checklist_id, l->checklist_id) != 0)
			continue;
		const struct mapping_row *row = row_of(shipped[s].map, item->key);
		if (row) {
			*from = shipped[s].map;
			return row;
		}
	}
	return NULL;
}

void criteria_list_carry(struct criteria_list *l, const struct criteria_list *old,
			 const struct criteria_shipped *shipped, size_t n_shipped, const char *at,
			 struct criteria_carried *counts)
{
	struct criteria_carried c = { 0 };
	criteria_list_unmapped(l);
	for (size_t i = 0; i < l->cat->n_items; i++) {
		const struct catalog_item *item = &l->cat->items[i];
		struct mapping_row *dst = &l->map->rows[i];
		const struct mapping *from = NULL;
		const struct mapping_row *src = kept_row(l, old, item);
		if (src) {
			criteria_row_copy(dst, src);
			c.kept++;
		} else if ((src = shipped_row(l, shipped, n_shipped, item, &from))) {
			criteria_row_copy(dst, src);
			free(dst->changed_by);
			dst->changed_by = xasprintf("mapping:%s", from->id);
			free(dst->changed_at);
			dst->changed_at = xstrdup(at);
			c.shipped++;
		} else {
			c.unset++;
		}
	}
	if (counts)
		*counts = c;
}
