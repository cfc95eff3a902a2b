#include "web/review_screen.h"

#include <stdbool.h>
#include <string.h>

#include "web/page.h"
#include "web/page_refs.h"
#include "web/person.h"

/* {name: true}, or {} for a NULL name. */
static json_t *flag(const char *name)
{
	json_t *o = json_object();
	if (name && *name)
		json_object_set_new(o, name, json_true());
	return o;
}

/* The group of category in groups, made (at the end) if need be. */
static json_t *group_of(json_t *groups, const char *category)
{
	size_t i;
	json_t *g;
	json_array_foreach(groups, i, g) {
		if (strcmp(json_string_value(json_object_get(g, "category")), category) == 0)
			return json_object_get(g, "items");
	}
	json_t *items = json_array();
	json_array_append_new(groups, json_pack("{s:s, s:o}", "category", category, "items", items));
	return items;
}

json_t *review_screen_flag(const json_t *name)
{
	return flag(json_string_value(name));
}

static void count(json_t *counts, const char *key)
{
	json_object_set_new(counts, key, json_integer(json_integer_value(json_object_get(counts, key)) + 1));
}

/* The item's flags (codes) as [{k: {CODE: true}}], for the chip's words. */
static json_t *flag_rows(const json_t *flags)
{
	json_t *rows = json_array();
	size_t i;
	const json_t *f;
	json_array_foreach(flags, i, f)
		json_array_append_new(rows, json_pack("{s:o}", "k", flag(json_string_value(f))));
	return rows;
}

/* Each message of row gets v, the chip of the verdict it was given with
 * ({} for a plain one); and row's loose_comment is its comment when no
 * message of its thread holds it (a verdict carried from an earlier
 * review, or given before verdicts were threaded), else "". */
static void thread_row(json_t *row)
{
	const char *comment = json_string_value(json_object_get(row, "comment"));
	bool threaded = !comment || !*comment;
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(row, "messages"), i, m) {
		const char *v = json_string_value(json_object_get(m, "verdict"));
		json_object_set_new(m, "v", flag(v));
		person_set_own(m, "author");
		if (v && comment && strcmp(json_string_value(json_object_get(m, "text")) ?: "", comment) == 0)
			threaded = true;
	}
	json_object_set_new(row, "loose_comment", json_string(threaded ? "" : comment));
}

/* The item's row: a copy of the review's item with what the page shows. */
static json_t *item_row(const json_t *it, const json_t *cat_item, const json_t *answers, json_t *counts)
{
	json_int_t no = json_integer_value(json_object_get(it, "no"));
	json_t *row = json_deep_copy(it);
	const json_t *ans = page_item(answers, no);
	const json_t *bank_answer = json_object_get(it, "bank_answer");
	const char *verdict = json_string_value(json_object_get(it, "verdict"));
	const char *vkey = verdict ? verdict : "pending";
	bool bank_item = strcmp(json_string_value(json_object_get(it, "party")) ?: "", "bank") == 0;
	/* A bank item's answer is the bank's own, kept in its review. */
	if (bank_item && json_is_object(bank_answer))
		ans = bank_answer;
	/* The API says what changed since the bank's previous review. */
	bool changed = !bank_item && json_is_true(json_object_get(it, "changed"));
	json_object_set_new(row, "objective", json_string(json_string_value(json_object_get(cat_item, "objective")) ?: ""));
	json_object_set_new(row, "key", json_string(json_string_value(json_object_get(cat_item, "key")) ?: ""));
	json_object_set_new(row, "answer", ans ? json_deep_copy(ans) : json_null());
	/* No status yet is a choice the form shows selected ("unset"), so the
	 * page's unsaved-text check sees the select as it was rendered. */
	const char *status = ans ? json_string_value(json_object_get(ans, "status")) : NULL;
	json_object_set_new(row, "st", flag(status && *status ? status : "unset"));
	json_object_set_new(row, "v", flag(vkey));
	thread_row(row);
	json_object_set_new(row, "verdict_key", json_string(vkey));
	json_object_set_new(row, "bank_item", json_boolean(bank_item));
	json_object_set_new(row, "changed", json_boolean(changed));
	json_object_set_new(row, "changed_key", json_string(changed ? "yes" : "no"));
	bool query = verdict && strcmp(verdict, "query") == 0;
	json_object_set_new(row, "query_key", json_string(query ? "open" : "none"));
	json_object_set_new(row, "flag_rows", flag_rows(json_object_get(it, "flags")));
	json_object_set_new(row, "form", page_refs_cells(cat_item));
	count(counts, "items");
	if (!bank_item)
		count(counts, vkey);
	if (changed)
		count(counts, "changed");
	if (json_is_true(json_object_get(it, "carried")))
		count(counts, "carried");
	return row;
}

json_t *review_screen_build(const json_t *review, const json_t *catalog, const json_t *answers)
{
	const json_t *items = json_object_get(review, "items");
	if (!json_is_array(items))
		return NULL;
	const json_t *cat_items = json_object_get(catalog, "items");
	json_t *out = json_deep_copy(review);
	json_t *groups = json_array();
	json_t *counts = json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}", "items", 0, "pending", 0, "accepted",
				   0, "query", 0, "improvement", 0, "not_applicable", 0, "changed", 0, "carried", 0);
	/* The checklist's order first, so the groups follow the form. */
	size_t i;
	const json_t *ci;
	json_array_foreach(cat_items, i, ci) {
		json_int_t no = json_integer_value(json_object_get(ci, "no"));
		const json_t *it = page_item(items, no);
		if (!it)
			continue;
		const char *category = json_string_value(json_object_get(ci, "category"));
		json_array_append_new(group_of(groups, category ? category : ""),
				      item_row(it, ci, answers, counts));
	}
	/* An item the checklist does not hold (never expected) is not lost. */
	const json_t *it;
	json_array_foreach(items, i, it) {
		json_int_t no = json_integer_value(json_object_get(it, "no"));
		if (!page_item(cat_items, no))
			json_array_append_new(group_of(groups, ""), item_row(it, NULL, answers, counts));
	}
	json_object_set_new(out, "groups", groups);
	json_object_set_new(out, "counts", counts);
	json_object_set_new(out, "has_previous", json_boolean(json_is_object(json_object_get(review, "previous"))));
	return out;
}
