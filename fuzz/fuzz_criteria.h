/*
 * fuzz_criteria: what the criteria fuzz targets check of one read, whatever
 * the bytes: a catalog whose every item has a unique key, a category and
 * text unless damaged, or -1 with a message also kept as data (a code, a
 * place the message starts with, values that are UTF-8, as JSON needs
 * them). Header-only: each target is built from its one .c file.
 */
#ifndef SHINSA_FUZZ_CRITERIA_H
#define SHINSA_FUZZ_CRITERIA_H

#include <string.h>

#include "formats/criteria_read.h"
#include "lib/text.h"

static void fuzz_criteria_check(const char *name, const void *bytes, size_t len, enum criteria_format f)
{
	struct err e = { 0 };
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	if (criteria_read(name, bytes, len, f, &cat, &w, &e) == 0) {
		if (cat->n_items == 0 || cat->n_items > CRITERIA_MAX_ITEMS)
			__builtin_trap();
		for (size_t i = 0; i < cat->n_items; i++) {
			const struct catalog_item *it = &cat->items[i];
			if (!it->key || !it->category || !*it->category || (!it->text) != it->damaged)
				__builtin_trap();
			for (size_t j = 0; j < i; j++)
				if (strcmp(cat->items[j].key, it->key) == 0)
					__builtin_trap(); /* keys are unique */
		}
		catalog_free(cat);
	} else {
		size_t n = strlen(e.where);
		if (!e.msg[0] || !e.code[0] || !n || strncmp(e.msg, e.where, n) != 0)
			__builtin_trap(); /* every failure says why, and where, for a page too */
		for (unsigned i = 0; i < e.n_args; i++)
			if (!text_utf8_valid(e.args[i], strlen(e.args[i])))
				__builtin_trap();
	}
	/* the lines left out go to a preview as JSON: placed, and UTF-8 */
	for (size_t i = 0; i < w.left.n; i++)
		if (!w.left.at[i][0] || !text_utf8_valid(w.left.text[i], strlen(w.left.text[i])))
			__builtin_trap();
	criteria_warnings_release(&w);
}

#endif
