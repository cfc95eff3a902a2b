/*
 * libFuzzer target: the catalog and mapping file parsers. Whatever the
 * bytes, they must return 0 or -1 with a message, never crash or leak.
 */
#include <stddef.h>
#include <stdint.h>

#include "formats/catalog_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e = { 0 };
	struct catalog *cat;
	struct mapping *m;
	if (catalog_json_parse("fuzz", (const char *)data, size, &cat, &e) == 0) {
		json_decref(catalog_json_encode(cat));
		catalog_free(cat);
	} else if (!e.msg[0]) {
		__builtin_trap(); /* every failure must say why */
	}
	e.msg[0] = '\0';
	if (mapping_json_parse("fuzz", (const char *)data, size, &m, &e) == 0)
		mapping_free(m);
	else if (!e.msg[0])
		__builtin_trap();
	return 0;
}
