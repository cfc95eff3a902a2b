/*
 * xlsx_form: the blank checklist form, an A3-landscape Excel workbook that
 * the people answering a checklist fill in and send back.
 *
 * One sheet, XLSX_FORM_SHEET. Row 1 holds the catalog title, row 2 the source
 * ("出典: publisher date" and the catalog id), row 3 the 10 headers of
 * xlsx_form_headers[], and every item follows on a row of its own in catalog
 * order: 通番 (a number), 区分, セキュリティ対応目標, 対象者, three empty
 * answer cells, 関連規定, 関連規定箇所 and 備考 (the catalog's note,
 * editable). Everything else is written as a string, never as a formula,
 * so catalog text starting with = + - @ shows as it is.
 *
 * An item citing several documents lists them in 関連規定 with the clauses
 * of each in the same order in 関連規定箇所; consecutive documents (and their
 * clause blocks) are separated by a line holding XLSX_FORM_REF_SEPARATOR, as
 * the published sample does. Each block is padded with empty lines to the
 * height of its partner in the other cell, so the n-th document sits beside
 * the n-th clause block as long as the text wraps the way we predict.
 *
 * The sheet is protected without a password: only the answer cells
 * (現在の対応状況, 課題認識, 課題への対応計画, 備考) of item rows are
 * unlocked; rows and columns may still be resized. The answer cells have
 * the text format "@", so an answer typed as =, +, - or @ stays text too.
 * The headers 現在の対応状況 and 課題への対応計画 carry an Excel note (a
 * comment, which does not print) explaining the status and due-date lines
 * of the in-cell convention (xlsx_cells.h).
 * Row heights are set from xlsx_form_text_height(), the tallest cell of the
 * row, since neither Excel nor LibreOffice adjusts them when opening a file.
 */
#ifndef SHINSA_FORMATS_XLSX_FORM_H
#define SHINSA_FORMATS_XLSX_FORM_H

#include "core/answers.h"
#include "core/catalog.h"
#include "formats/xlsx_cells.h"
#include "lib/err.h"

#define XLSX_FORM_SHEET "API接続チェックリスト"
#define XLSX_FORM_NCOLS 10
/* 0-based sheet rows, as libxlsxwriter counts (Excel's row 3 and row 4). */
#define XLSX_FORM_HEADER_ROW 2
#define XLSX_FORM_FIRST_ITEM_ROW 3
#define XLSX_FORM_REF_SEPARATOR "-----"

/*
 * The metadata sheet, hidden (libxlsxwriter 1.1.4 cannot write Excel's
 * "veryHidden"), that every form carries so that a machine can tell what it
 * was made from. Column A holds the names, column B the values:
 *   row 1  XLSX_FORM_META_MARKER  XLSX_FORM_META_VERSION
 *   row 2  catalog                the catalog id
 *   row 3  catalog_sha256         its SHA-256 (catalog->sha256)
 *   row 4  org                    the organisation whose answers these are ("" on a blank form)
 *   row 5  exported_at            clock_stamp() when it was written
 *   row 6  sheet                  XLSX_FORM_SHEET
 * then a header row 8 (row, no, key) and one row per item from row 9: the
 * item's 1-based row on XLSX_FORM_SHEET, its 通番 and its key. All text.
 */
#define XLSX_FORM_META_SHEET "shinsa"
#define XLSX_FORM_META_MARKER "shinsa-answers"
#define XLSX_FORM_META_VERSION "1"
#define XLSX_FORM_META_CATALOG_ROW 1 /* 0-based: B2 */

/* The header row, left to right, exactly as the published form has it. */
extern const char *const xlsx_form_headers[XLSX_FORM_NCOLS];

/*
 * Writes the blank form of cat, which must be a checklist, to path. The
 * file is written beside path as a temporary and put in its place at the
 * end (fs_tmp_begin()), so on failure, or when the process is killed,
 * nothing (neither a partial file nor the temporary) is left and an
 * existing path is untouched. Returns 0, or -1 with e set,
 * e.g. "cannot write PATH: REASON". cat stays the caller's.
 */
int xlsx_form_write(const struct catalog *cat, const char *path, struct err *e);

/*
 * The same form with the answers of set in place: the answer cells follow
 * the in-cell convention of xlsx_cells.h, and each row is as tall as its
 * tallest cell, answers included. set NULL is the blank form (which is what
 * xlsx_form_write() writes); otherwise it must be an answer set for cat (one
 * answer per item, in catalog order). files[0..n_files) (NULL, 0: none)
 * are the files attached to the items, each listed on a line of its item's
 * 備考 (xlsx_cells_notes_cell()). Written whole or not at all, as above.
 */
int xlsx_form_export(const struct catalog *cat, const struct answer_set *set, const struct xlsx_cells_file *files,
		     size_t n_files, const char *path, struct err *e);
/* Its first half: the form written to a file of fs_tmp_begin(path) not yet
 * given path's name (lib/fsutil.h; yours to fs_tmp_commit() or
 * fs_tmp_abort()). NULL with e set, nothing left behind. */
struct fs_tmp *xlsx_form_export_tmp(const struct catalog *cat, const struct answer_set *set,
				    const struct xlsx_cells_file *files, size_t n_files, const char *path, struct err *e);

/*
 * The same form as bytes (you own *out; free() it), for the server: written
 * to a file without a name in the directory dir (lib/fsutil.h: nothing is
 * left there, even if the process is killed) and read back, at most max
 * bytes. 0, or -1 with e set.
 */
int xlsx_form_export_bytes(const struct catalog *cat, const struct answer_set *set,
			   const struct xlsx_cells_file *files, size_t n_files, const char *dir, size_t max, char **out,
			   size_t *len, struct err *e);

/*
 * How many lines text takes in a wrapped cell col_width characters wide
 * (Excel's column width unit: the width of a digit in the workbook's default
 * font), at font_pt points. Explicit "\n" breaks count; empty text is one
 * line. The estimate errs on the side of more lines: at 10 pt a full-width
 * character counts 2 units, a space, dot or other thin letter 0.6, anything
 * else 1.2, all scaled with font_pt; half a unit is left for the cell's
 * margins; an ASCII word and punctuation that may not start a line are
 * carried over whole, as Excel wraps them.
 */
int xlsx_form_text_lines(const char *text, double col_width, double font_pt);

/*
 * The row height in points that shows text in such a cell without clipping:
 * the lines above at 1.3 × font_pt each plus 3 pt of cell padding, rounded
 * up to a whole pixel (0.75 pt, as Excel stores heights) and capped at
 * Excel's maximum of 409.5. libxlsxwriter does not compute row heights, and
 * Excel and LibreOffice do not recompute them for a file that sets them.
 */
double xlsx_form_text_height(const char *text, double col_width, double font_pt);

#endif
