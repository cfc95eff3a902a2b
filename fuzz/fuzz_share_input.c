/*
 * libFuzzer target: what a client sends to share a submission once the
 * JSON is parsed (fuzz_json_body covers that) — the expiry
 * (share_expiry_parse) and the ids in the path (submissions_parse_id). The
 * input is split at its first NUL: the expiry, then an id. An expiry it
 * accepts must be a stamp after now that parses back; a refusal must say
 * why; an id it accepts must be 1 to 10^9 and print back as given.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/share.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/submissions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size); /* up to the first NUL */
	size_t first = strlen(text);
	char *rest = first < size ? xstrndup((const char *)data + first + 1, size - first - 1) : xstrdup("");
	struct err e = { 0 };
	char out[CLOCK_TEXT_SIZE];
	time_t now = 1775034000, t; /* 2026-04-01T09:00:00Z */
	if (share_expiry_parse(text, now, out, &e) == 0) {
		if (clock_parse(out, &t) < 0 || t <= now)
			__builtin_trap();
	} else if (!e.msg[0]) {
		__builtin_trap();
	}
	long long id;
	if (submissions_parse_id(rest, &id) == 0) {
		char back[24];
		snprintf(back, sizeof back, "%lld", id);
		if (id < 1 || id > 1000000000 || strcmp(back, rest) != 0)
			__builtin_trap();
	}
	free(text);
	free(rest);
	return 0;
}
