#include "service/criteria_preview.h"

#include "core/criteria.h"
#include "lib/hash.h"
#include "service/criteria.h"
#include "store/store_criteria.h"

/* The criteria as read, in the order of the file. */
static json_t *rows_json(const struct catalog *cat, size_t *damaged)
{
	json_t *rows = json_array();
	*damaged = 0;
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		*damaged += it->damaged;
		json_array_append_new(rows, json_pack("{s:s, s:i, s:s?, s:s, s:s?, s:b}", "key", it->key, "no", it->no,
						      "section", it->section, "category", it->category, "text",
						      it->text, "damaged", it->damaged));
	}
	return rows;
}

static json_t *left_json(const struct criteria_left *l)
{
	json_t *a = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "at", l->at[i], "text", l->text[i]));
	return a;
}

static json_t *warnings_json(const struct criteria_warnings *w)
{
	json_t *a = json_array();
	for (size_t i = 0; i < w->n; i++)
		json_array_append_new(a, json_string(w->lines[i]));
	return a;
}

enum outcome criteria_preview(struct store *st, const struct org *bank, const char *name, enum criteria_format f,
			      const void *data, size_t len, json_t **out, struct err *e)
{
	*out = NULL;
	if (bank->kind != ORG_BANK) {
		err_set(e, "%s is not a bank", bank->name);
		return OUTCOME_REFUSED;
	}
	struct criteria_list *now = NULL;
	int rc = store_criteria_get(st, bank->id, &now, e);
	if (rc < 0)
		return -1;
	struct catalog *cat = NULL;
	struct criteria_warnings w = { 0 };
	if (criteria_read(name, data, len, f, &cat, &w, e) < 0) {
		criteria_list_free(now);
		criteria_warnings_release(&w);
		return OUTCOME_INVALID;
	}
	char sha[HASH_HEX_LEN + 1];
	hash_sha256_hex(data, len, sha);
	size_t damaged;
	json_t *rows = rows_json(cat, &damaged);
	*out = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:I, s:I, s:o, s:o, s:o}", "name", name, "format",
			 criteria_format_name(f), "sha256", sha, "base",
			 rc == STORE_NOT_FOUND ? CRITERIA_BASE_NONE : now->sha256, "title", cat->title, "count",
			 (json_int_t)cat->n_items, "damaged", (json_int_t)damaged, "criteria", rows, "left_out",
			 left_json(&w.left), "warnings", warnings_json(&w));
	criteria_list_free(now);
	catalog_free(cat);
	criteria_warnings_release(&w);
	return *out ? 0 : -1;
}
