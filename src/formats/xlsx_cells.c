#include "formats/xlsx_cells.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#define OPEN "【"
#define CLOSE "】"

/* ---- the marker line ---- */

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* The first line of text, [*start, *end) without the blanks around it;
 * *next is where the line after it starts (or the terminating NUL). */
static void first_line(const char *text, const char **start, const char **end, const char **next)
{
	const char *nl = strchr(text, '\n');
	const char *stop = nl ? nl : text + strlen(text);
	*next = nl ? nl + 1 : stop;
	const char *s = text, *p;
	for (p = s; p < stop && is_blank_cp(text_utf8_next(&p));)
		s = p;
	const char *e = s;
	for (p = s; p < stop;)
		if (!is_blank_cp(text_utf8_next(&p)))
			e = p;
	*start = s;
	*end = e;
}

static bool is_open(uint32_t cp)
{
	return cp == '[' || cp == 0x3010 || cp == 0xFF3B; /* [ 【 ［ */
}

static bool is_close(uint32_t cp)
{
	return cp == ']' || cp == 0x3011 || cp == 0xFF3D; /* ] 】 ］ */
}

/*
 * If [s, e) opens with a bracket, the word inside up to the first closing
 * one (blanks trimmed) goes to word and the return value points past the
 * closing bracket; NULL if there is no such word.
 */
static const char *bracketed(const char *s, const char *e, struct strbuf *word)
{
	const char *p = s;
	if (p >= e || !is_open(text_utf8_next(&p)))
		return NULL;
	const char *w = p;
	while (p < e) {
		const char *at = p;
		uint32_t cp = text_utf8_next(&p);
		if (is_open(cp))
			return NULL;
		if (is_close(cp)) {
			const char *ws, *we, *next;
			char *inner = xstrndup(w, (size_t)(at - w));
			first_line(inner, &ws, &we, &next);
			strbuf_reset(word);
			strbuf_add(word, ws, (size_t)(we - ws));
			free(inner);
			return p;
		}
	}
	return NULL;
}

/* ---- 現在の対応状況 ---- */

int xlsx_cells_parse_status(const char *text, enum answer_status *status, const char **current, struct err *e)
{
	const char *s, *end, *next;
	struct strbuf word = STRBUF_INIT;
	*status = STATUS_UNSET;
	*current = text;
	first_line(text, &s, &end, &next);
	const char *after = bracketed(s, end, &word);
	if (!after || after != end) { /* no bracket, or text after it: the line is text */
		strbuf_release(&word);
		return 0;
	}
	int rc = 0;
	if (strcmp(word.buf, XLSX_CELLS_UNSET_LABEL) != 0 && answer_status_parse_any(word.buf, status) < 0) {
		char shown[64];
		int n = snprintf(shown, sizeof shown, "%s", word.buf);
		if (n < 0 || (size_t)n >= sizeof shown) {
			/* cut on a character's first byte: the message stays UTF-8 */
			size_t cut = sizeof shown - 4;
			while (cut > 0 && ((unsigned char)shown[cut] & 0xc0) == 0x80)
				cut--;
			strcpy(shown + cut, "...");
		}
		for (char *c = shown; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = '?';
		err_set(e, "unknown status " OPEN "%s" CLOSE " (want " OPEN "%s" CLOSE ", " OPEN "%s" CLOSE ", " OPEN "%s" CLOSE
			   " or " OPEN "%s" CLOSE ")", shown, answer_status_label(STATUS_IMPLEMENTED),
			answer_status_label(STATUS_PARTIAL), answer_status_label(STATUS_NOT_IMPLEMENTED),
			answer_status_label(STATUS_NOT_APPLICABLE));
		rc = -1;
	}
	*current = next;
	strbuf_release(&word);
	return rc;
}

/* Whether the first line of text would read as a status line. */
static bool looks_like_status(const char *text)
{
	const char *s, *end, *next;
	struct strbuf word = STRBUF_INIT;
	first_line(text, &s, &end, &next);
	bool yes = bracketed(s, end, &word) == end;
	strbuf_release(&word);
	return yes;
}

char *xlsx_cells_status_text(const struct answer *a)
{
	if (!a)
		return xstrdup("");
	const char *label = a->status ? answer_status_label(a->status)
			    : looks_like_status(a->current) ? XLSX_CELLS_UNSET_LABEL : NULL;
	if (!label)
		return xstrdup(a->current);
	return xasprintf(OPEN "%s" CLOSE "%s%s", label, *a->current ? "\n" : "", a->current);
}

/* ---- 課題への対応計画 ---- */

/* Whether [s, e) starts with the due-date marker; *after is past it. */
static bool due_marker(const char *s, const char *e, const char **after)
{
	struct strbuf word = STRBUF_INIT;
	const char *p = bracketed(s, e, &word);
	bool yes = p && strcmp(word.buf, XLSX_CELLS_DUE_LABEL) == 0;
	strbuf_release(&word);
	*after = p;
	return yes;
}

/* [s, e) as a date in one of the forms lib/jpinput.h reads, into due. */
static bool parse_date(const char *s, const char *e, char due[11])
{
	char *text = xstrndup(s, (size_t)(e - s));
	bool ok = jpinput_date(text, due, NULL) == 0;
	free(text);
	return ok;
}

int xlsx_cells_parse_plan(const char *text, char due[11], const char **plan, struct err *e)
{
	const char *s, *end, *next, *after;
	due[0] = '\0';
	*plan = text;
	first_line(text, &s, &end, &next);
	if (!due_marker(s, end, &after))
		return 0;
	*plan = next;
	const char *ds = after, *p;
	for (p = ds; p < end && is_blank_cp(text_utf8_next(&p));)
		ds = p;
	if (ds == end || parse_date(ds, end, due))
		return 0;
	due[0] = '\0';
	char shown[64];
	size_t n = (size_t)(end - ds);
	if (n > 40) {
		for (n = 40; n > 0 && ((unsigned char)ds[n] & 0xc0) == 0x80; n--)
			;
	}
	int w = snprintf(shown, sizeof shown, "%.*s%s", (int)n, ds, ds + n < end ? "..." : "");
	if (w < 0 || (size_t)w >= sizeof shown)
		shown[0] = '\0'; /* cannot happen: 40 bytes and "..." fit */
	for (char *c = shown; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	err_set(e, "bad due date \"%s\" (want " OPEN XLSX_CELLS_DUE_LABEL CLOSE "YYYY-MM-DD)", shown);
	return -1;
}

char *xlsx_cells_plan_text(const struct answer *a)
{
	if (!a)
		return xstrdup("");
	const char *s, *end, *next, *after;
	first_line(a->plan, &s, &end, &next);
	if (!a->plan_due && !due_marker(s, end, &after))
		return xstrdup(a->plan);
	return xasprintf(OPEN XLSX_CELLS_DUE_LABEL CLOSE "%s%s%s", a->plan_due ? a->plan_due : "", *a->plan ? "\n" : "",
			 a->plan);
}

/* ---- 備考 ---- */

const char *xlsx_cells_notes_text(const struct answer *a, const struct catalog_item *item)
{
	return a && *a->notes ? a->notes : item->notes;
}

const char *xlsx_cells_parse_notes(const char *text, const struct catalog_item *item)
{
	return *item->notes && strcmp(text, item->notes) == 0 ? "" : text;
}

char *xlsx_cells_notes_cell(const char *notes, int no, const struct xlsx_cells_file *files, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, notes);
	for (size_t i = 0; i < n; i++) {
		if (files[i].no != no)
			continue;
		/* No line break before the first line of an empty cell: it would
		 * read back as notes of one empty line. */
		if (sb.len)
			strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, XLSX_CELLS_FILE_LABEL "%s (sha256 %.*s)", files[i].name, XLSX_CELLS_FILE_HEX,
			    files[i].sha256);
	}
	return strbuf_detach(&sb);
}

/* Whether line[0..len) is a file line as xlsx_cells_notes_cell() writes it. */
static bool file_line(const char *line, size_t len)
{
	static const char label[] = XLSX_CELLS_FILE_LABEL, tail[] = " (sha256 ";
	size_t nl = sizeof label - 1, nt = sizeof tail - 1;
	if (len < nl + nt + XLSX_CELLS_FILE_HEX + 1 || memcmp(line, label, nl) != 0 || line[len - 1] != ')')
		return false;
	const char *hex = line + len - 1 - XLSX_CELLS_FILE_HEX;
	if (memcmp(hex - nt, tail, nt) != 0)
		return false;
	for (int i = 0; i < XLSX_CELLS_FILE_HEX; i++)
		if (!(hex[i] >= '0' && hex[i] <= '9') && !(hex[i] >= 'a' && hex[i] <= 'f'))
			return false;
	return true;
}

char *xlsx_cells_strip_files(const char *text)
{
	size_t end = strlen(text);
	for (;;) {
		size_t start = end;
		while (start > 0 && text[start - 1] != '\n')
			start--;
		if (!file_line(text + start, end - start))
			break;
		if (!start) {
			end = 0;
			break;
		}
		end = start - 1;
	}
	return xstrndup(text, end);
}

/* ---- Excel's escapes ---- */

char *xlsx_cells_escape(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = text; *p; p++) {
		if (text_is_xlsx_escape(p))
			strbuf_addstr(&sb, "_x005F");
		strbuf_addch(&sb, *p);
	}
	return strbuf_detach(&sb);
}
