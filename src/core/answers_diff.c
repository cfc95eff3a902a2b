#include "core/answers_diff.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

/* A field's value as a document states it: the status name, the plan_due
 * date, the text; NULL for an unset status or plan_due. */
static const char *answer_value(const struct answer *a, enum answer_field f)
{
	if (f == FIELD_STATUS)
		return answer_status_name(a->status);
	if (f == FIELD_PLAN_DUE)
		return a->plan_due;
	return answer_get(a, f);
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Compares a and b (either may be NULL: an empty answer) and appends the
 * item to d if anything differs. */
static void compare(struct answers_diff *d, int no, const char *key, const struct answer *a, const struct answer *b)
{
	static const struct answer empty = { .current = "", .issues = "", .plan = "", .notes = "" };
	if (!a)
		a = &empty;
	if (!b)
		b = &empty;
	struct item_change item = { .no = no };
	for (int f = 0; f < ANSWER_NFIELDS; f++) {
		const char *before = answer_value(a, (enum answer_field)f);
		const char *after = answer_value(b, (enum answer_field)f);
		if (same(before, after))
			continue;
		item.fields = xrealloc(item.fields, (item.n_fields + 1) * sizeof *item.fields);
		item.fields[item.n_fields++] = (struct field_change){ (enum answer_field)f, xstrdup(before), xstrdup(after) };
	}
	if (!item.n_fields)
		return;
	item.item_key = xstrdup(key);
	d->items = xrealloc(d->items, (d->n_items + 1) * sizeof *d->items);
	d->items[d->n_items++] = item;
}

struct answers_diff *answers_diff_new(const struct answer_set *from, const struct answer_set *to)
{
	struct answers_diff *d = xcalloc(1, sizeof *d);
	for (size_t i = 0; i < from->n_items; i++) {
		const struct answer *a = &from->items[i];
		compare(d, a->no, a->item_key, a, answer_set_find_key(to, a->item_key));
	}
	for (size_t i = 0; i < to->n_items; i++) {
		const struct answer *b = &to->items[i];
		if (!answer_set_find_key(from, b->item_key))
			compare(d, b->no, b->item_key, NULL, b);
	}
	return d;
}

void answers_diff_free(struct answers_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n_items; i++) {
		struct item_change *it = &d->items[i];
		for (size_t k = 0; k < it->n_fields; k++) {
			free(it->fields[k].before);
			free(it->fields[k].after);
		}
		free(it->fields);
		free(it->item_key);
	}
	free(d->items);
	free(d);
}

const char *file_change_name(enum file_change_kind kind)
{
	return kind == FILE_ADDED ? "added" : kind == FILE_REMOVED ? "removed" : "replaced";
}

static bool same_items(const struct submission_attachment *a, const struct submission_attachment *b)
{
	return a->n_items == b->n_items && (!a->n_items || !memcmp(a->items, b->items, a->n_items * sizeof *a->items));
}

static void add_change(struct files_diff *d, enum file_change_kind kind, const struct submission_attachment *before,
		       const struct submission_attachment *after)
{
	d->changes = xrealloc(d->changes, (d->n_changes + 1) * sizeof *d->changes);
	d->changes[d->n_changes++] = (struct file_change){ kind, before, after };
}

static int by_file(const void *a, const void *b)
{
	const struct file_change *x = a, *y = b;
	const struct submission_attachment *fx = x->before ? x->before : x->after, *fy = y->before ? y->before : y->after;
	int c = strcmp(fx->name, fy->name);
	return c ? c : strcmp(fx->sha256, fy->sha256);
}

struct files_diff *files_diff_new(const struct submission *from, const struct submission *to)
{
	struct files_diff *d = xcalloc(1, sizeof *d);
	/* Which of to's files are new, and which of those a removed file's
	 * replacement has already taken. */
	bool *taken = xcalloc(to->n_attachments + 1, sizeof *taken);
	for (size_t i = 0; i < to->n_attachments; i++)
		taken[i] = submission_find_attachment(from, to->attachments[i].sha256) != NULL;
	for (size_t i = 0; i < from->n_attachments; i++) {
		const struct submission_attachment *a = &from->attachments[i];
		if (submission_find_attachment(to, a->sha256))
			continue;
		const struct submission_attachment *by = NULL;
		for (size_t k = 0; k < to->n_attachments && !by; k++)
			if (!taken[k] && strcmp(to->attachments[k].name, a->name) == 0 && same_items(a, &to->attachments[k])) {
				taken[k] = true;
				by = &to->attachments[k];
			}
		add_change(d, by ? FILE_REPLACED : FILE_REMOVED, a, by);
	}
	for (size_t k = 0; k < to->n_attachments; k++)
		if (!taken[k])
			add_change(d, FILE_ADDED, NULL, &to->attachments[k]);
	free(taken);
	if (d->n_changes)
		qsort(d->changes, d->n_changes, sizeof *d->changes, by_file);
	return d;
}

void files_diff_free(struct files_diff *d)
{
	if (!d)
		return;
	free(d->changes);
	free(d);
}
