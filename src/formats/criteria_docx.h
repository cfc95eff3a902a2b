/*
 * criteria_docx: a bank's criteria published as a Word document (.docx),
 * as the lines a person sees in Word, for criteria_list to read: one
 * reading of the list form whether it came as text or as Word.
 *
 * What is read: word/document.xml's paragraphs in order (a table's cells
 * too, each paragraph as it comes), and for each the number Word shows in
 * front of it, from word/numbering.xml and word/styles.xml:
 *   - the paragraph's w:numPr (w:numId, w:ilvl), else its style's (w:pStyle,
 *     through w:basedOn), the level then being the one whose w:pStyle is
 *     that style when the style gives none (headings, as LibreOffice and
 *     Word write them); w:numId 0 is no number;
 *   - each w:num's w:abstractNum, its w:lvl's w:start, w:numFmt and
 *     w:lvlText ("%1." "(%2)" "%1-%2"), and the w:num's
 *     w:lvlOverride/w:startOverride;
 *   - numbers counted as Word counts them: per abstract list, a level
 *     going on from its last number, the deeper levels starting again; a
 *     w:num with a start override starts that level again where it is
 *     first used;
 *   - formats: decimal (1), decimalZero (01), decimalFullWidth (１),
 *     decimalEnclosedParen ((1)), decimalEnclosedCircle (① to ㊿, then
 *     digits), aiueo and iroha (ア イ ウ…, イ ロ ハ…, full-width), upperLetter
 *     and lowerLetter (A… Z, AA…), upperRoman and lowerRoman, bullet (every
 *     bullet glyph as 「・」, the glyph being a font's private character
 *     as often as not), none; any other as decimal.
 * A paragraph is then the line "NUMBER TEXT" (two spaces of indent a
 * level), its text its runs' w:t joined, w:tab as a space, w:noBreakHyphen
 * as "-", w:br and w:cr
 * starting a new line (a wrapped line, which the list joins back).
 * Deleted text, field codes, drawings, text boxes and mc:Choice are left
 * out. Row "at" is the paragraph's place (1-based), so messages say
 * "NAME:12" for the twelfth paragraph.
 *
 * The bytes are untrusted: the file at most CRITERIA_MAX_BYTES; each part
 * at most max_part bytes uncompressed (counted as it comes out, whatever
 * the zip says); at most max_paragraphs paragraphs (a line break in one
 * counting as one more), each at most CRITERIA_MAX_CELL characters; 4096
 * lists, list instances and styles; a level's text at most 64 bytes (a
 * longer one shows no number); XML nested at most max_depth deep; no DTD
 * (so no entity is ever expanded); max_cpu_ms of CPU for the whole read.
 * Errors, each one line naming the file, kept as data (err_coded):
 *   NAME: the file is empty                                     empty []
 *   NAME: the file is larger than 4 MiB (4194304 bytes)         too_large [4194304]
 *   NAME: not a docx file (not a zip archive)                   docx_not_zip []
 *   NAME: not a docx file (no word/document.xml in it)          docx_no_document []
 *   NAME: docx part word/document.xml is larger than 16777216 bytes uncompressed
 *                                                               docx_part_too_large [part, max]
 *   NAME: docx part word/document.xml is nested more than 100 deep
 *                                                               docx_too_deep [part, max]
 *   NAME: more than 20000 paragraphs                            docx_too_many [max]
 *   NAME:12: a paragraph is longer than 4000 characters         paragraph_too_long [4000]
 *   NAME: docx file takes more than 5000 ms of CPU to read      docx_too_slow [ms]
 *   NAME: damaged docx file: REASON                             docx_damaged [REASON]
 *     REASON: libzip's ("zip archive is truncated (no central directory)",
 *     "part P: CRC error"), or "part P: DTDs are not allowed", "part P: XML
 *     error at line L: expat's reason", "part P: more than 4096 lists"
 *     (or styles).
 */
#ifndef SHINSA_FORMATS_CRITERIA_DOCX_H
#define SHINSA_FORMATS_CRITERIA_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "formats/criteria_table.h"
#include "lib/err.h"

struct docx_limits {
	size_t max_part;       /* bytes of one part, uncompressed */
	size_t max_paragraphs;
	unsigned max_depth;    /* XML elements open at once */
	unsigned max_cpu_ms;
};

/* 16 MiB a part, 20000 paragraphs, 100 deep, 5000 ms. */
extern const struct docx_limits docx_default_limits;

/* Whether data is a zip holding word/document.xml: a Word document,
 * whatever its name says. */
bool criteria_docx_is(const void *data, size_t len);

/* Reads the document in data[0..len) (name only for messages; lim NULL
 * for docx_default_limits) as the lines Word shows: *out a new table of
 * one cell a row (yours, ctable_free()). 0, or -1 with e set. */
int criteria_docx_read(const char *name, const void *data, size_t len, const struct docx_limits *lim,
		       struct ctable **out, struct err *e);

#endif
