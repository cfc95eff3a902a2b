#include "web/page_refs.h"

#include <stdlib.h>

#include "core/catalog.h"
#include "lib/xalloc.h"
#include "web/page.h"

/* One ref's clauses in the form's words: the catalog's rule (statute
 * numbers joined with 、, longer clauses one a line), so that the page and
 * the Excel form print the same cell. */
static char *clauses_text(const json_t *clauses)
{
	size_t n = json_array_size(clauses);
	struct catalog_ref ref = { .doc = NULL, .clauses = xcalloc(n ? n : 1, sizeof(char *)), .n_clauses = 0 };
	size_t i;
	const json_t *c;
	json_array_foreach(clauses, i, c) {
		if (json_is_string(c))
			ref.clauses[ref.n_clauses++] = (char *)json_string_value(c);
	}
	char *text = catalog_ref_clauses_text(&ref);
	free(ref.clauses);
	return text;
}

json_t *page_refs_cells(const json_t *item)
{
	json_t *refs = json_array();
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(item, "refs"), i, r) {
		char *clauses = clauses_text(json_object_get(r, "clauses"));
		json_array_append_new(refs, json_pack("{s:s, s:s}", "doc", page_text(r, "doc"), "clauses", clauses));
		free(clauses);
	}
	json_t *p = json_object();
	const char *party = page_text(item, "party");
	if (*party)
		json_object_set_new(p, party, json_true());
	return json_pack("{s:s, s:o, s:b, s:o}", "category", page_text(item, "category"), "p", p, "has_refs",
			 json_array_size(refs) > 0, "refs", refs);
}
