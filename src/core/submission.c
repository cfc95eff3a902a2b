#include "core/submission.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct submission *submission_new_empty(void)
{
	struct submission *s = xcalloc(1, sizeof *s);
	s->answers = xcalloc(1, sizeof *s->answers);
	s->format = 2;
	return s;
}

void submission_free(struct submission *s)
{
	if (!s)
		return;
	free(s->org_name);
	free(s->org_reg_no);
	free(s->org_public_key);
	free(s->catalog_id);
	free(s->catalog_sha256);
	free(s->submitted_at);
	answer_set_free(s->answers);
	for (size_t i = 0; i < s->n_attachments; i++) {
		struct submission_attachment *a = &s->attachments[i];
		free(a->sha256);
		free(a->name);
		free(a->title);
		free(a->type);
		free(a->valid_until);
		free(a->items);
	}
	free(s->attachments);
	free(s);
}

struct answer *submission_add_answer(struct submission *s, int no, const char *key)
{
	struct answer_set *set = s->answers;
	set->items = xrealloc(set->items, (set->n_items + 1) * sizeof *set->items);
	struct answer *a = &set->items[set->n_items++];
	answer_init(a, no, key);
	return a;
}

const char *const submission_attachment_types[] = {
	"application/pdf",
	"image/png",
	"image/jpeg",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation",
	"text/plain",
	"text/csv",
	NULL,
};

bool submission_attachment_type_known(const char *type)
{
	for (size_t i = 0; type && submission_attachment_types[i]; i++)
		if (strcmp(type, submission_attachment_types[i]) == 0)
			return true;
	return false;
}

struct submission_attachment *submission_add_attachment(struct submission *s, const char *sha256, const char *name,
							const char *title, const char *type, long long size,
							const char *valid_until)
{
	s->attachments = xrealloc(s->attachments, (s->n_attachments + 1) * sizeof *s->attachments);
	struct submission_attachment *a = &s->attachments[s->n_attachments++];
	*a = (struct submission_attachment){ .sha256 = xstrdup(sha256), .name = xstrdup(name),
					     .title = xstrdup(title ? title : ""), .type = xstrdup(type),
					     .size = size, .valid_until = xstrdup(valid_until) };
	return a;
}

void submission_attachment_add_item(struct submission_attachment *a, int no)
{
	a->items = xrealloc(a->items, (a->n_items + 1) * sizeof *a->items);
	a->items[a->n_items++] = no;
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int by_name_sha(const void *a, const void *b)
{
	const struct submission_attachment *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : strcmp(x->sha256, y->sha256);
}

void submission_sort(struct submission *s)
{
	for (size_t i = 0; i < s->n_attachments; i++) {
		struct submission_attachment *a = &s->attachments[i];
		if (!a->n_items)
			continue;
		qsort(a->items, a->n_items, sizeof *a->items, by_int);
		size_t n = 1;
		for (size_t k = 1; k < a->n_items; k++)
			if (a->items[k] != a->items[n - 1])
				a->items[n++] = a->items[k];
		a->n_items = n;
	}
	if (s->n_attachments)
		qsort(s->attachments, s->n_attachments, sizeof *s->attachments, by_name_sha);
}

const struct submission_attachment *submission_find_attachment(const struct submission *s, const char *sha256)
{
	for (size_t i = 0; i < s->n_attachments; i++)
		if (strcmp(s->attachments[i].sha256, sha256) == 0)
			return &s->attachments[i];
	return NULL;
}

static void replace(char **slot, const char *value)
{
	free(*slot);
	*slot = xstrdup(value);
}

struct submission *submission_new(const struct org *org, const struct catalog *cat, const struct answer_set *set,
				  int version, const char *submitted_at)
{
	struct submission *s = submission_new_empty();
	s->org_name = xstrdup(org->name);
	s->org_reg_no = xstrdup(org->reg_no);
	s->org_public_key = xstrdup(org->public_key);
	s->catalog_id = xstrdup(cat->id);
	s->catalog_sha256 = xstrdup(cat->sha256);
	s->version = version;
	s->submitted_at = xstrdup(submitted_at);
	s->answers->org = xstrdup(org->name);
	s->answers->catalog_id = xstrdup(cat->id);
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		if (!answer_is_connectors(it))
			continue;
		struct answer *a = submission_add_answer(s, it->no, it->key);
		const struct answer *from = answer_set_find_key(set, it->key);
		if (!from)
			continue; /* an answer set is complete; an empty answer stands for a missing one */
		a->status = from->status;
		replace(&a->current, from->current);
		replace(&a->issues, from->issues);
		replace(&a->plan, from->plan);
		replace(&a->notes, from->notes);
		a->plan_due = xstrdup(from->plan_due);
	}
	return s;
}

struct submission_record *submission_record_new(void)
{
	return xcalloc(1, sizeof(struct submission_record));
}

void submission_record_free(struct submission_record *r)
{
	if (!r)
		return;
	free(r->org_name);
	free(r->catalog_id);
	free(r->submitted_at);
	free(r->document);
	free(r->sha256);
	free(r->signature);
	free(r);
}
