/*
 * libFuzzer target: formats/sniff. The bytes up to the first NUL are the
 * file's name, the rest its content (a zip among them is opened by
 * libzip, bounded). Whatever they are: no crash, a kind we know, a file
 * taken only with no error and one refused only with a coded one, and the
 * name's kana composed never longer and still UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/sniff.h"
#include "lib/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t name_len = nul ? (size_t)(nul - data) : 0;
	char *name = malloc(name_len + 1);
	if (!name)
		return 0;
	memcpy(name, data, name_len);
	name[name_len] = 0;
	const uint8_t *content = nul ? nul + 1 : data;
	size_t len = nul ? size - name_len - 1 : size;
	/* The content on its own heap block, so that a read past it is seen. */
	uint8_t *copy = malloc(len ? len : 1);
	if (!copy) {
		free(name);
		return 0;
	}
	memcpy(copy, content, len);
	/* Composing kana never lengthens a name, and keeps UTF-8 UTF-8. */
	char *composed = sniff_name_compose(name);
	if (strlen(composed) > name_len || (text_utf8_valid(name, name_len) && !text_utf8_valid(composed, strlen(composed))))
		__builtin_trap();
	free(composed);
	enum sniff_kind any = sniff_content(copy, len);
	if (any < SNIFF_UNKNOWN || any >= SNIFF_NKINDS)
		__builtin_trap();
	struct err e = { 0 };
	enum sniff_kind k = sniff_file(name, copy, len, &e);
	if (k == SNIFF_UNKNOWN ? !e.code[0] : (k > SNIFF_CSV || e.msg[0]))
		__builtin_trap();
	free(copy);
	free(name);
	return 0;
}
