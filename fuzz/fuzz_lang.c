/*
 * libFuzzer target: Accept-Language and the language cookie
 * (src/web/lang.c). The bytes up to the first NUL are the header, the rest
 * the cookie. Whatever they are: no crash, no read past the string, and
 * one of the languages we have.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	size_t n = strlen(s);
	const char *cookie = n < size ? s + n + 1 : NULL;
	enum lang l = lang_pick(cookie, s);
	if (l != LANG_JA && l != LANG_EN)
		__builtin_trap();
	free(s);
	return 0;
}
