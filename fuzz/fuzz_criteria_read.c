/*
 * libFuzzer target: a bank's criteria file (src/formats/criteria_read.c,
 * criteria_table.c). The first byte chooses the format (tsv, csv, xlsx,
 * text); the rest is the file. Whatever the bytes, the reader returns a
 * catalog whose every item has a key, a category and text unless damaged,
 * or -1 with a message that is also kept as data (a code, and a place the
 * message starts with; values that are UTF-8, as JSON needs them); the
 * lines it left out each have a place and are UTF-8; it never crashes or
 * leaks.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "formats/criteria_read.h"
#include "lib/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum criteria_format f = (enum criteria_format)(data[0] % 4 + 1);
	struct err e = { 0 };
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	if (criteria_read("fuzz", data + 1, size - 1, f, &cat, &w, &e) == 0) {
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
	return 0;
}
