#include "web/page_criteria.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "web/api_criteria.h"
#include "web/page.h"
#include "web/person.h"
#include "web/review_screen.h"

/* The objective of checklist item no, or "". */
static const char *objective(const json_t *catalog, json_int_t no)
{
	const json_t *it = page_item(json_object_get(catalog, "items"), no);
	const char *s = json_string_value(json_object_get(it, "objective"));
	return s ? s : "";
}

/* Whether no is among the criterion's mapped items. */
static bool mapped(const json_t *items, json_int_t no)
{
	size_t i;
	const json_t *v;
	json_array_foreach(items, i, v) {
		if (json_integer_value(v) == no)
			return true;
	}
	return false;
}

/* The suggestions for criterion key, as rows the page shows. */
static json_t *suggestions_for(const json_t *suggestions, const char *key, const json_t *items,
			       const json_t *catalog)
{
	json_t *out = json_array();
	size_t i, j;
	const json_t *s, *it;
	json_array_foreach(suggestions, i, s) {
		if (strcmp(json_string_value(json_object_get(s, "criterion")) ?: "", key) != 0)
			continue;
		json_array_foreach(json_object_get(s, "items"), j, it) {
			json_int_t no = json_integer_value(json_object_get(it, "no"));
			double score = json_number_value(json_object_get(it, "score"));
			json_array_append_new(out, json_pack("{s:I, s:s, s:i, s:b}", "no", no, "objective",
							     objective(catalog, no), "percent", (int)(score * 100 + 0.5),
							     "mapped", mapped(items, no)));
		}
		break;
	}
	return out;
}

/* The note in the page's language: a shipped note (Japanese) has its
 * English alternate in note_en; a bank's own note is shown as typed. */
static void note_shown(json_t *c, enum lang l)
{
	const char *en = json_string_value(json_object_get(c, "note_en"));
	const json_t *note = json_object_get(c, "note");
	json_object_set_new(c, "note_shown", l == LANG_EN && en && en[0] ? json_string(en) : json_incref((json_t *)note));
}

/* Adds to criterion c what the page shows: r {RELATION: true} ({unset:
 * true} when not mapped), items_text "1, 2", items_json "[1,2]", rows
 * [{no, objective}], idx (its place), its suggestions and note_shown. */
/* The name a pasted list is sent under (data-name of
 * review_criteria_paste.html): such a list's source is said as pasted
 * text, with no file format (it had none). */
#define PASTE_NAME "貼り付けた文章"

static bool pasted(const json_t *list)
{
	const char *source = json_string_value(json_object_get(list, "source"));
	const char *format = json_string_value(json_object_get(list, "format"));
	return source && format && strcmp(source, PASTE_NAME) == 0 && strcmp(format, "text") == 0;
}

static void dress(json_t *c, size_t idx, const json_t *suggestions, const json_t *catalog, enum lang l)
{
	note_shown(c, l);
	/* The row's number names its form: keys like "(1)-1" make poor ids. */
	json_object_set_new(c, "idx", json_integer((json_int_t)idx));
	const json_t *items = json_object_get(c, "items");
	const char *rel = json_string_value(json_object_get(c, "relation"));
	json_t *r = json_object();
	json_object_set_new(r, rel ? rel : "unset", json_true());
	json_object_set_new(c, "r", r);
	struct strbuf text = STRBUF_INIT;
	json_t *rows = json_array();
	size_t i;
	const json_t *v;
	json_array_foreach(items, i, v) {
		strbuf_addf(&text, "%s%lld", i ? ", " : "", (long long)json_integer_value(v));
		json_array_append_new(rows, json_pack("{s:I, s:s}", "no", json_integer_value(v), "objective",
						      objective(catalog, json_integer_value(v))));
	}
	char *compact = json_dumps(items, JSON_COMPACT);
	json_object_set_new(c, "items_text", json_string(text.buf));
	json_object_set_new(c, "items_json", json_string(compact ? compact : "[]"));
	free(compact);
	strbuf_release(&text);
	json_object_set_new(c, "item_rows", rows);
	json_object_set_new(c, "suggested",
			    suggestions_for(suggestions, json_string_value(json_object_get(c, "key")) ?: "", items,
					    catalog));
}

void page_criteria(struct http_request *req, struct http_response *resp)
{
	json_t *list = NULL, *suggestions = NULL, *catalog = NULL;
	struct page_error why;
	int status = page_fetch_why(req, resp, "/api/v1/criteria", &list, &why);
	if (status == 404) {
		/* None imported yet: the page offers the import. */
		page_render(req, resp, 200, "review_criteria_list", "review.criteria_list_title",
			    json_pack("{s:b, s:{s:b}, s:[s, s], s:I}", "none", true, "nav", "criteria", true, "scripts",
				      "criteria.js", "criteria_preview.js", "paste_max", (json_int_t)CRITERIA_UPLOAD_MAX));
		return;
	}
	if (status != 200) {
		page_refused_why(req, resp, &why);
		return;
	}
	if (page_fetch(req, resp, "/api/v1/criteria/suggestions", true, &suggestions) != 200) {
		json_decref(list);
		return;
	}
	/* Without the checklist the page still shows the numbers. */
	page_fetch_catalog(req, resp, json_string_value(json_object_get(list, "checklist")), false, &catalog);
	size_t i, n_mapped = 0;
	json_t *c;
	json_array_foreach(json_object_get(list, "criteria"), i, c) {
		dress(c, i, suggestions, catalog, page_lang(req));
		if (json_is_string(json_object_get(c, "relation")))
			n_mapped++;
	}
	json_decref(suggestions);
	json_decref(catalog);
	/* page_render sets "title" to the page's own. */
	json_object_set_new(list, "list_title", json_incref(json_object_get(list, "title")));
	person_set_named(list, "imported_by"); /* 取込者 as 氏名（部署） */
	/* The format in words (review_criteria_format.html), not its code. */
	const char *format = json_string_value(json_object_get(list, "format"));
	bool worded = format && (strcmp(format, "xlsx") == 0 || strcmp(format, "csv") == 0 || strcmp(format, "tsv") == 0 ||
				 strcmp(format, "text") == 0);
	json_object_set_new(list, "fmt", json_pack("{s:b}", worded ? format : "other", true));
	json_object_set_new(list, "pasted", json_boolean(pasted(list)));
	json_object_set_new(list, "count", json_integer((json_int_t)json_array_size(json_object_get(list, "criteria"))));
	json_object_set_new(list, "mapped_count", json_integer((json_int_t)n_mapped));
	json_object_set_new(list, "nav", json_pack("{s:b}", "criteria", true));
	json_object_set_new(list, "scripts", json_pack("[s, s]", "criteria.js", "criteria_preview.js"));
	/* A pasted list is held to the file's limit (the route's). */
	json_object_set_new(list, "paste_max", json_integer((json_int_t)CRITERIA_UPLOAD_MAX));
	page_render(req, resp, 200, "review_criteria_list", "review.criteria_list_title", list);
}
