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

#include "fuzz_criteria.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	fuzz_criteria_check("fuzz", data + 1, size - 1, (enum criteria_format)(data[0] % 4 + 1));
	return 0;
}
