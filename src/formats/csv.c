#include "formats/csv.h"

#include <string.h>

void csv_bom(struct strbuf *out)
{
	strbuf_addstr(out, "\xEF\xBB\xBF");
}

static void cell(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")]) {
		strbuf_addstr(out, s);
		return;
	}
	strbuf_addch(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(out, '"');
		strbuf_addch(out, *s);
	}
	strbuf_addch(out, '"');
}

void csv_row(struct strbuf *out, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addch(out, ',');
		cell(out, cells[i]);
	}
	strbuf_addstr(out, "\r\n");
}
