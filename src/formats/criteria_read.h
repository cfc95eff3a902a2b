/*
 * criteria_read: a bank's own criteria (「電子決済等代行業者に求める基準」)
 * from whatever file its staff made — TSV, CSV, an .xlsx workbook, a
 * text export like seed 000, or the list as published in a Word .docx —
 * as a catalog of kind CATALOG_CRITERIA.
 *
 * A zip holding word/document.xml is read as a Word document whatever
 * format is asked for (criteria_docx.h: the lines Word shows, read by
 * criteria_list as a text's are, with its own bounds and messages).
 *
 * The bytes become rows of cells (criteria_table.h: encodings, quoting,
 * bounds), and then:
 *   - The header row is the first row (of the first sheet that has one)
 *     holding the three labels, in any columns and any order, compared
 *     without whitespace, full-width ASCII folded, ASCII case ignored:
 *       通番  or No / No. / 番号 / 項番
 *       区分  or 分類 / カテゴリ / カテゴリー
 *       項目  or 内容 / 基準 / 要件
 *     Columns other than these three are not read.
 *   - Title: the first non-empty row above the header (its first cell) is
 *     the catalog's title (NULL when there is none). Below the header, a
 *     row repeating the header or the title (page debris) is skipped.
 *   - Sections: a row with text only in the 通番 column, and text that is
 *     not a number, starts a section (「(1)業務に関して…」). Its number is
 *     the "(N)" or "（N）" it starts with, else its position (1, 2, …).
 *     Under a section, an item numbered n has the key "(N)-n", so
 *     numbering may restart; with no section the key is n itself. A 通番
 *     written "(1)-12" (full-width digits, brackets and dashes too) is
 *     that key whatever the section. A number 通番 is digits (full-width
 *     too; "12.0" as a workbook stores numbers), 1 to 99999. Any other
 *     通番 (A-1, 1.1, ①, 第1条, I-1: banks number as they like) is the key
 *     as written, whatever the section, its no the item's place in the
 *     list; at most CRITERIA_KEY_MAX characters, on one line.
 *   - A blank 区分 continues the one above in the same section (merged
 *     cells).
 *   - Seed 000's shifted rows: a row whose 項目 is empty but whose 区分
 *     holds text had its text put in the wrong column: the 区分 text is
 *     read as its 項目. When the item just before such a block came from a
 *     row with a blank 区分 and a short 項目 (at most
 *     CRITERIA_CATEGORY_MAX characters), that word is the block's 区分
 *     and that item's own text is lost: it is kept, marked damaged (text
 *     NULL), never given invented text. Each case adds a warning:
 *       (1)-12: only 「外部委託管理」 survives; kept as damaged
 *       (1)-13: the text stood in the 区分 column; read as its 項目
 *   - Other warnings: "LINE: skipped: nothing under 通番, 区分 or 項目"
 *     (text in other columns only), "LINE: 通番 58 has neither 区分 nor 項目:
 *     skipped", and "read as Shift_JIS (CP932): the file is not UTF-8".
 * Text: for the "text" format each cell goes through text_unwrap() (the
 * seeds' line-wrap rule); otherwise it is taken as it stands with
 * whitespace trimmed at both ends.
 *
 * Errors are one line naming the place (LINE is "NAME:N" in a text file,
 * "SHEET!C12" in a workbook), besides criteria_table's, and are also kept
 * as data (err_coded: the place, the code, the values):
 *   NAME: the file is empty                                        empty []
 *   NAME: no header row (want the columns 通番, 区分 and 項目)       no_header []
 *   LINE: no 通番 in a row with 区分 or 項目                          no_number []
 *   LINE: 通番 "x…" is too long for a key (at most 32 characters, on one line)
 *                                                                  key_too_long [x…]
 *   LINE: 通番 (1)-12 again (first at LINE)                          number_again [(1)-12, LINE]
 *   LINE: 区分 is empty and there is none above it to carry down    no_category []
 *   LINE: more than 2000 criteria                                  too_many [2000]
 *   NAME: no criteria below the header row                         no_criteria []
 */
#ifndef SHINSA_FORMATS_CRITERIA_READ_H
#define SHINSA_FORMATS_CRITERIA_READ_H

#include <stddef.h>

#include "core/catalog.h"
#include "formats/criteria_list.h"  /* struct criteria_left */
#include "formats/criteria_table.h" /* CRITERIA_MAX_BYTES, CRITERIA_MAX_CELL */
#include "lib/err.h"

#define CRITERIA_MAX_ITEMS 2000
#define CRITERIA_CATEGORY_MAX 12
/* The longest 通番 kept as written, in characters. */
#define CRITERIA_KEY_MAX 32

enum criteria_format {
	CRITERIA_TSV = 1,
	CRITERIA_CSV,
	CRITERIA_XLSX,
	CRITERIA_TEXT,
	CRITERIA_DOCX,
};

/* "tsv", "csv", "xlsx", "text", "docx"; and back (0 if unknown). */
const char *criteria_format_name(enum criteria_format f);
enum criteria_format criteria_format_parse(const char *s);
/* By the file name's extension: .tsv, .csv, .xlsx, .txt, .docx (any
 * case); 0 for another. */
enum criteria_format criteria_format_guess(const char *filename);

/* The format data is read as when f is asked for: CRITERIA_DOCX for a zip
 * holding word/document.xml (criteria_docx_is()), else f. */
enum criteria_format criteria_format_of(const void *data, size_t len, enum criteria_format f);

/* What the reader noticed and did about it, one line each; and the lines
 * it left out (a list's title and preamble, a table's skipped rows:
 * criteria_list.h), for a preview. */
struct criteria_warnings {
	char **lines;
	size_t n;
	struct criteria_left left;
};

void criteria_warnings_release(struct criteria_warnings *w);

/*
 * Reads data[0..len) as format f; name is the file's name, used only in
 * messages. On success *out is a new catalog you own (kind criteria; id,
 * publisher, date, source and sha256 NULL; title the document's or NULL;
 * every item with key, no, section (NULL outside any), category, text or
 * damaged) and warn holds the warnings (release it either way). -1 with
 * e set and *out NULL otherwise.
 */
int criteria_read(const char *name, const void *data, size_t len, enum criteria_format f, struct catalog **out,
		  struct criteria_warnings *warn, struct err *e);

#endif
