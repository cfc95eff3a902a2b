#include "web/review_compare.h"

#include <stdbool.h>
#include <string.h>

#include "core/text_diff.h"
#include "web/review_screen.h"

static const char *text_of(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static json_t *seg(const struct text_diff_seg *s)
{
	return json_pack("{s:s, s:b}", "text", s->text, text_diff_op_name(s->op), 1);
}

/* One field's row: the two texts' segments, each side its own. */
static json_t *field_row(const char *field, const char *before, const char *after)
{
	json_t *b = json_array(), *a = json_array();
	struct text_diff *d = text_diff_new(before, after);
	for (size_t i = 0; i < d->n; i++) {
		if (d->segs[i].op != TEXT_DIFF_INS)
			json_array_append_new(b, seg(&d->segs[i]));
		if (d->segs[i].op != TEXT_DIFF_DEL)
			json_array_append_new(a, seg(&d->segs[i]));
	}
	text_diff_free(d);
	bool status = strcmp(field, "status") == 0;
	json_t *name = json_string(field);
	json_t *row = json_pack("{s:o, s:b, s:b, s:o, s:o}", "f", review_screen_flag(name), "changed",
				strcmp(before, after) != 0, "status", status, "before", b, "after", a);
	json_decref(name);
	if (status) {
		json_t *bs = json_string(*before ? before : "unset"), *as = json_string(*after ? after : "unset");
		json_object_set_new(row, "st_before", review_screen_flag(bs));
		json_object_set_new(row, "st_after", review_screen_flag(as));
		json_decref(bs);
		json_decref(as);
	}
	return row;
}

static json_t *compare_rows(const json_t *before, const json_t *after)
{
	static const char *const fields[] = { "status", "current", "issues", "plan", "plan_due", "notes", NULL };
	json_t *rows = json_array();
	for (const char *const *f = fields; *f; f++) {
		const char *b = text_of(before, *f), *a = text_of(after, *f);
		if (*b || *a)
			json_array_append_new(rows, field_row(*f, b, a));
	}
	return rows;
}

void review_compare_add(json_t *data)
{
	const json_t *decision = json_object_get(json_object_get(data, "previous"), "decision");
	json_object_set_new(data, "prev_decision",
			    json_is_object(decision)
				    ? json_pack("[{s:o}]", "d", review_screen_flag(json_object_get(decision, "decision")))
				    : json_array());
	size_t i, k;
	json_t *g, *it;
	json_array_foreach(json_object_get(data, "groups"), i, g) {
		json_array_foreach(json_object_get(g, "items"), k, it) {
			const json_t *prev = json_object_get(it, "previous_answer");
			if (json_is_object(prev))
				json_object_set_new(it, "compare", compare_rows(prev, json_object_get(it, "answer")));
		}
	}
}
