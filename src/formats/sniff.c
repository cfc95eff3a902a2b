#include "formats/sniff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/zip_bytes.h"
#include "lib/text.h"

static const struct {
	const char *token, *mime, *ext, *ext2, *words;
} kinds[SNIFF_NKINDS] = {
	[SNIFF_UNKNOWN] = { "unknown", "application/octet-stream", NULL, NULL, "of no kind known here" },
	[SNIFF_PDF] = { "pdf", "application/pdf", "pdf", NULL, "a PDF" },
	[SNIFF_PNG] = { "png", "image/png", "png", NULL, "a PNG image" },
	[SNIFF_JPEG] = { "jpeg", "image/jpeg", "jpg", "jpeg", "a JPEG image" },
	[SNIFF_XLSX] = { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", NULL,
			 "an Excel workbook" },
	[SNIFF_DOCX] = { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", NULL,
			 "a Word document" },
	[SNIFF_PPTX] = { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
			 NULL, "a PowerPoint presentation" },
	[SNIFF_TXT] = { "txt", "text/plain; charset=utf-8", "txt", NULL, "text" },
	[SNIFF_CSV] = { "csv", "text/csv; charset=utf-8", "csv", NULL, "CSV text" },
	[SNIFF_EXE] = { "exe", "application/octet-stream", NULL, NULL, "an executable" },
	[SNIFF_MARKUP] = { "markup", "application/octet-stream", NULL, NULL, "HTML, XML or SVG markup" },
	[SNIFF_ZIP] = { "zip", "application/octet-stream", NULL, NULL, "a zip archive" },
	[SNIFF_NOT_UTF8] = { "not_utf8", "application/octet-stream", NULL, NULL, "not UTF-8 text" },
};

const char *sniff_kind_token(enum sniff_kind k)
{
	return k >= 0 && k < SNIFF_NKINDS ? kinds[k].token : "unknown";
}

const char *sniff_kind_mime(enum sniff_kind k)
{
	return k >= 0 && k < SNIFF_NKINDS ? kinds[k].mime : "application/octet-stream";
}

enum sniff_kind sniff_kind_of_token(const char *token)
{
	for (int k = 0; token && k < SNIFF_NKINDS; k++)
		if (!strcmp(kinds[k].token, token))
			return (enum sniff_kind)k;
	return SNIFF_UNKNOWN;
}

/* The download's MIME without its parameters: only text has any
 * (charset=utf-8), so the other kinds' MIME is the type as it is. */
const char *sniff_kind_doc_type(enum sniff_kind k)
{
	if (k <= SNIFF_UNKNOWN || k > SNIFF_CSV)
		return NULL;
	return k == SNIFF_TXT ? "text/plain" : k == SNIFF_CSV ? "text/csv" : kinds[k].mime;
}

enum sniff_kind sniff_kind_of_doc_type(const char *type)
{
	for (int k = SNIFF_PDF; type && k <= SNIFF_CSV; k++) {
		const char *mime = kinds[k].mime;
		size_t n = strcspn(mime, ";");
		if (strlen(type) == n && !strncmp(type, mime, n))
			return (enum sniff_kind)k;
	}
	return SNIFF_UNKNOWN;
}

static bool starts(const unsigned char *d, size_t len, const char *magic, size_t n)
{
	return len >= n && !memcmp(d, magic, n);
}

/* An Office kind by its main part, named both in [Content_Types].xml and
 * present in the archive: a zip that only has the part's name is no
 * workbook to Excel either. */
static const struct {
	enum sniff_kind kind;
	const char *part, *type;
} office[] = {
	{ SNIFF_XLSX, "xl/workbook.xml", "spreadsheetml.sheet.main+xml" },
	{ SNIFF_DOCX, "word/document.xml", "wordprocessingml.document.main+xml" },
	{ SNIFF_PPTX, "ppt/presentation.xml", "presentationml.presentation.main+xml" },
};

/* [Content_Types].xml, NUL-terminated (yours), or NULL when it is not
 * there, too big or unreadable. */
static char *content_types(zip_t *za)
{
	zip_int64_t i = zip_name_locate(za, "[Content_Types].xml", 0);
	zip_stat_t st;
	if (i < 0 || zip_stat_index(za, (zip_uint64_t)i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    st.size > SNIFF_CONTENT_TYPES_MAX)
		return NULL;
	zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)i, 0);
	if (!f)
		return NULL;
	char *buf = malloc(st.size + 1);
	zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	return buf;
}

static enum sniff_kind sniff_zip(const void *data, size_t len)
{
	enum zip_bytes_fail fail;
	char why[128];
	zip_t *za = zip_bytes_open(data, len, &fail, why);
	if (!za)
		return SNIFF_ZIP;
	enum sniff_kind k = SNIFF_ZIP;
	zip_int64_t n = zip_get_num_entries(za, 0);
	char *types = n > 0 && n <= SNIFF_ZIP_ENTRIES ? content_types(za) : NULL;
	for (size_t i = 0; types && k == SNIFF_ZIP && i < sizeof office / sizeof office[0]; i++)
		if (strstr(types, office[i].type) && zip_name_locate(za, office[i].part, 0) >= 0)
			k = office[i].kind;
	free(types);
	zip_discard(za);
	return k;
}

/* What WHATWG's MIME sniffing reads as HTML (a tag then a space or >),
 * and <?xml and <svg, after leading white space: markup a browser would
 * run were it ever served as such. */
static bool is_markup(const unsigned char *d, size_t len)
{
	static const char *const tags[] = { "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
					    "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br",
					    "<p", "<!--", "<?xml", "<svg", NULL };
	size_t i = 0;
	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r' || d[i] == '\f'))
		i++;
	for (const char *const *t = tags; *t; t++) {
		size_t n = strlen(*t);
		if (len - i < n || strncasecmp((const char *)d + i, *t, n) != 0)
			continue;
		/* "<!--" and "<?xml" need no ending; a tag ends at a space or >
		 * (or the end of the file). */
		if (!strcmp(*t, "<!--") || !strcmp(*t, "<?xml") || len - i == n || d[i + n] == ' ' || d[i + n] == '>' ||
		    d[i + n] == '\t' || d[i + n] == '\n' || d[i + n] == '\r' || d[i + n] == '/')
			return true;
	}
	return false;
}

/* Whether d[0..len) is UTF-8 with no NUL, no overlong form, no
 * surrogate: text_utf8_valid() reads on to a NUL past len, and a file's
 * bytes have none. */
static bool utf8_text(const unsigned char *d, size_t len)
{
	static const uint32_t min[] = { 0, 0x80, 0x800, 0x10000 };
	for (size_t i = 0; i < len;) {
		unsigned char c = d[i];
		size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 4;
		if (!c || n == 4 || len - i <= n)
			return false;
		uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1Fu) : n == 2 ? (c & 0x0Fu) : (c & 0x07u);
		for (size_t k = 1; k <= n; k++) {
			if ((d[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (d[i + k] & 0x3Fu);
		}
		if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

enum sniff_kind sniff_content(const void *data, size_t len)
{
	const unsigned char *d = data;
	if (starts(d, len, "%PDF-", 5))
		return SNIFF_PDF;
	if (starts(d, len, "\x89PNG\r\n\x1a\n", 8))
		return SNIFF_PNG;
	if (starts(d, len, "\xff\xd8\xff", 3))
		return SNIFF_JPEG;
	if (starts(d, len, "MZ", 2) || starts(d, len, "\x7f" "ELF", 4) || starts(d, len, "#!", 2) ||
	    starts(d, len, "\xfe\xed\xfa\xce", 4) || starts(d, len, "\xfe\xed\xfa\xcf", 4) ||
	    starts(d, len, "\xce\xfa\xed\xfe", 4) || starts(d, len, "\xcf\xfa\xed\xfe", 4) ||
	    starts(d, len, "\xca\xfe\xba\xbe", 4))
		return SNIFF_EXE;
	if (starts(d, len, "PK\3\4", 4) || starts(d, len, "PK\5\6", 4))
		return sniff_zip(data, len);
	size_t skip = starts(d, len, "\xef\xbb\xbf", 3) ? 3 : 0;
	if (!utf8_text(d + skip, len - skip))
		return SNIFF_NOT_UTF8;
	return is_markup(d + skip, len - skip) ? SNIFF_MARKUP : SNIFF_TXT;
}

/* The kind the name's extension claims (SNIFF_UNKNOWN: none we take), and
 * the extension itself in ext (without the dot, as typed). */
static enum sniff_kind claimed(const char *name, const char **ext)
{
	const char *dot = strrchr(name, '.');
	*ext = dot && dot[1] ? dot + 1 : NULL;
	for (int k = 0; *ext && k < SNIFF_NKINDS; k++)
		if ((kinds[k].ext && !strcasecmp(*ext, kinds[k].ext)) ||
		    (kinds[k].ext2 && !strcasecmp(*ext, kinds[k].ext2)))
			return (enum sniff_kind)k;
	return SNIFF_UNKNOWN;
}

/* The precomposed kana of base followed by mark (0x3099 voiced, 0x309A
 * semi-voiced), or 0 when there is none. */
static uint32_t kana_with(uint32_t base, uint32_t mark)
{
	/* Hiragana whose voiced form is the next code point (か…と, は…ほ);
	 * katakana are the same 0x60 higher. */
	static const uint16_t voiced[] = { 0x304B, 0x304D, 0x304F, 0x3051, 0x3053, 0x3055, 0x3057, 0x3059, 0x305B,
					   0x305D, 0x305F, 0x3061, 0x3064, 0x3066, 0x3068, 0x306F, 0x3072, 0x3075,
					   0x3078, 0x307B, 0x309D };
	uint32_t h = base >= 0x30A0 && base <= 0x30FF ? base - 0x60 : base;
	if (mark == 0x3099) {
		if (base == 0x3046 || base == 0x30A6)
			return base == 0x3046 ? 0x3094 : 0x30F4; /* ゔ ヴ */
		if (base >= 0x30EF && base <= 0x30F2)
			return base + 8; /* ワヰヱヲ → ヷヸヹヺ */
		for (size_t i = 0; i < sizeof voiced / sizeof *voiced; i++)
			if (h == voiced[i])
				return base + 1;
	} else if (mark == 0x309A && h >= 0x306F && h <= 0x307B && (h - 0x306F) % 3 == 0) {
		return base + 2; /* は…ほ → ぱ…ぽ */
	}
	return 0;
}

static void put_utf8(char **o, uint32_t cp)
{
	unsigned char *p = (unsigned char *)*o;
	if (cp < 0x80) {
		*p++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*p++ = (unsigned char)(0xC0 | cp >> 6);
		*p++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*p++ = (unsigned char)(0xE0 | cp >> 12);
		*p++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*p++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*p++ = (unsigned char)(0xF0 | cp >> 18);
		*p++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		*p++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*p++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = (char *)p;
}

char *sniff_name_compose(const char *name)
{
	size_t n = strlen(name);
	/* Valid UTF-8 only: anything else is refused later as it is. */
	char *out = malloc(n + 1);
	if (!out)
		abort();
	if (!text_utf8_valid(name, n)) {
		memcpy(out, name, n + 1);
		return out;
	}
	char *o = out;
	const char *s = name;
	uint32_t cp;
	while ((cp = text_utf8_next(&s)) != 0) {
		const char *next = s;
		uint32_t mark = text_utf8_next(&next), both = mark ? kana_with(cp, mark) : 0;
		if (both) { /* composed: never longer than the two it replaces */
			put_utf8(&o, both);
			s = next;
		} else {
			put_utf8(&o, cp);
		}
	}
	*o = '\0';
	return out;
}

static bool name_ok(const char *name, struct err *e)
{
	size_t n = strlen(name);
	const char *why = NULL;
	if (!n || text_is_blank(name))
		why = "the file name is empty";
	else if (n > SNIFF_NAME_MAX)
		why = "the file name \"{1}\" is longer than 255 bytes";
	else if (!text_utf8_valid(name, n))
		why = "the file name is not UTF-8";
	else if (strchr(name, '/') || strchr(name, '\\') || !strcmp(name, ".") || !strcmp(name, ".."))
		why = "the file name \"{1}\" has a path: give the name alone";
	for (const unsigned char *p = (const unsigned char *)name; !why && *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			why = "the file name has a control character";
	if (why)
		err_coded(e, NULL, "attachment_name", why, name, NULL);
	return !why;
}

/* The message again with the kinds in English words ("a PDF", "an
 * executable"): the data keeps the tokens, for a page's own words. want
 * NULL: the refusal of a kind, else the mismatch. */
static void in_words(struct err *e, const char *name, const char *want, const char *got)
{
	if (!e)
		return;
	int n = want ? snprintf(e->msg, sizeof e->msg, "file \"%s\" is not %s (its content is %s)", name, want, got)
		     : snprintf(e->msg, sizeof e->msg,
				"file \"%s\" cannot be attached (its content is %s): PDF, PNG, JPEG, Excel, Word, "
				"PowerPoint, text or CSV only",
				name, got);
	if (n < 0)
		snprintf(e->msg, sizeof e->msg, "%s", "the file cannot be attached"); /* cannot fail: short */
}

enum sniff_kind sniff_file(const char *name, const void *data, size_t len, struct err *e)
{
	if (!name_ok(name, e))
		return SNIFF_UNKNOWN;
	if (!len) {
		err_coded(e, NULL, "attachment_empty", "file \"{1}\" is empty", name, NULL);
		return SNIFF_UNKNOWN;
	}
	enum sniff_kind got = sniff_content(data, len);
	const char *ext;
	enum sniff_kind want = claimed(name, &ext);
	if (got == SNIFF_TXT && want == SNIFF_CSV)
		got = SNIFF_CSV;
	if (got == SNIFF_NOT_UTF8 && (want == SNIFF_TXT || want == SNIFF_CSV || want == SNIFF_UNKNOWN)) {
		err_coded(e, NULL, "attachment_not_utf8",
			  "file \"{1}\" is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8)", name, NULL);
		return SNIFF_UNKNOWN;
	}
	bool takeable = got >= SNIFF_PDF && got <= SNIFF_CSV;
	if (want != SNIFF_UNKNOWN && want != got) {
		err_coded(e, NULL, "attachment_mismatch", "file \"{1}\" is not {2} (its content is {3})", name,
			  kinds[want].token, kinds[got].token, NULL);
		in_words(e, name, kinds[want].words, kinds[got].words);
		return SNIFF_UNKNOWN;
	}
	if (!takeable) {
		err_coded(e, NULL, "attachment_refused",
			  "file \"{1}\" cannot be attached (its content is {2}): PDF, PNG, JPEG, Excel, Word, "
			  "PowerPoint, text or CSV only",
			  name, kinds[got].token, NULL);
		in_words(e, name, NULL, kinds[got].words);
		return SNIFF_UNKNOWN;
	}
	if (want == SNIFF_UNKNOWN) {
		char dotext[8] = ".";
		strcat(dotext, kinds[got].ext);
		err_coded(e, NULL, "attachment_extension", "file \"{1}\" must end in {2} for its content", name, dotext,
			  NULL);
		return SNIFF_UNKNOWN;
	}
	return got;
}
