#include "core/submission.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct submission *submission_new_empty(void)
{
	struct submission *s = xcalloc(1, sizeof *s);
	s->answers = xcalloc(1, sizeof *s->answers);
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
