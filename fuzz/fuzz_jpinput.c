/*
 * libFuzzer target: lib/jpinput, the readers of numbers, dates and bank
 * names as people in Japan type them (src/lib/jpinput.c). The input, up
 * to its first NUL, is given to each of them. Whatever it is:
 *   - a list read has 0 to JPINPUT_LIST_MAX numbers, each 1 to
 *     JPINPUT_NUMBER_MAX, and the same list written back as "a,b,c"
 *     reads to the same numbers; a refusal has no list and one of the
 *     list's codes;
 *   - a date read is a real day YYYY-MM-DD (clock_date_valid) that reads
 *     back to itself; a refusal leaves out empty and has one of the
 *     date's codes;
 *   - a name key is valid UTF-8 (it is stored and compared as text).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/err.h"
#include "lib/jpinput.h"
#include "lib/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_refusal(const struct err *e, const char *const *codes)
{
	if (!e->msg[0])
		__builtin_trap();
	for (; *codes; codes++)
		if (strcmp(e->code, *codes) == 0)
			return;
	__builtin_trap();
}

static void check_numbers(const char *s)
{
	static const char *const codes[] = { "not_a_list", "range_backwards", "list_too_long", NULL };
	int *list;
	size_t n;
	struct err e = { 0 };
	if (jpinput_numbers(s, &list, &n, &e) < 0) {
		if (list || n)
			__builtin_trap();
		check_refusal(&e, codes);
		return;
	}
	if (n > JPINPUT_LIST_MAX)
		__builtin_trap();
	/* At most 1000 numbers of at most 5 digits and a comma each. */
	char *back = malloc(n * 6 + 1), *o = back;
	if (!back)
		__builtin_trap();
	*o = '\0';
	for (size_t i = 0; i < n; i++) {
		if (list[i] < 1 || list[i] > JPINPUT_NUMBER_MAX)
			__builtin_trap();
		o += sprintf(o, i ? ",%d" : "%d", list[i]);
	}
	int *again;
	size_t m;
	if (jpinput_numbers(back, &again, &m, &e) < 0 || m != n || (n && memcmp(again, list, n * sizeof *list) != 0))
		__builtin_trap();
	free(again);
	free(back);
	free(list);
}

static void check_date(const char *s)
{
	static const char *const codes[] = { "not_a_date", "not_a_day", "not_in_era", NULL };
	char out[11], again[11];
	struct err e = { 0 };
	if (jpinput_date(s, out, &e) < 0) {
		if (out[0])
			__builtin_trap();
		check_refusal(&e, codes);
		return;
	}
	if (strlen(out) != 10 || !clock_date_valid(out) || jpinput_date(out, again, NULL) < 0 || strcmp(out, again) != 0)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_numbers(s);
	check_date(s);
	char *key = jpinput_name_key(s);
	if (!key || !text_utf8_valid(key, strlen(key)))
		__builtin_trap();
	free(key);
	free(s);
	return 0;
}
