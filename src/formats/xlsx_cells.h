/*
 * xlsx_cells: how an answer stands in the cells of the checklist form — the
 * in-cell convention that lets a person read and write the status and the
 * due date in the form's own 10 columns, and a machine read them back.
 *
 *   現在の対応状況 (E)   first line 【対応済】, 【一部対応】, 【未対応】 or 【対象外】
 *                        (the status), then the current state from the next
 *                        line on. No status and no text: an empty cell.
 *   課題認識 (F)         the issues, as they are.
 *   課題への対応計画 (G) first line 【対応予定日】YYYY-MM-DD (the due date),
 *                        then the plan from the next line on. No date and no
 *                        plan: an empty cell.
 *   備考 (J)             the answer's notes; when it has none and the catalog
 *                        item has a note, the catalog's note (which reads
 *                        back as no notes). Then one line per file attached
 *                        to the item: 添付：NAME (sha256 FIRST-12-HEX), so a
 *                        printed form still says what was attached. Reading
 *                        drops every such line at the end of the cell
 *                        (xlsx_cells_strip_files()): they are never notes.
 *
 * Reading is lenient where people are: the marker line may have spaces or
 * U+3000 around it and inside the brackets, the brackets may be ASCII [ ]
 * or full-width ［ ］, the status may be the English name (implemented,
 * partial, not_implemented, not_applicable), and the date may be written
 * YYYY/MM/DD or YYYY年M月D日, in full-width digits too. A first line that is
 * not a bracketed word on its own (「[注] 別紙参照」) is text, not a status.
 * Everything after the marker line's "\n" is the text, exactly: trailing
 * spaces and empty lines are the user's and are kept.
 *
 * Writing is unambiguous, so that export then import gives back every
 * answer unchanged: when there is no status but the text's own first line
 * would read as one, the cell starts with 【未回答】 (read back as no
 * status); when there is no date but the plan's first line starts with
 * 【対応予定日】, the cell starts with an empty 【対応予定日】 line.
 *
 * Errors are one line without the cell (the caller puts it in front).
 * Returned strings are yours (free()).
 */
#ifndef SHINSA_FORMATS_XLSX_CELLS_H
#define SHINSA_FORMATS_XLSX_CELLS_H

#include "core/answers.h"
#include "lib/err.h"

/* The marker of the due-date line, and the word that says "no status". */
#define XLSX_CELLS_DUE_LABEL "対応予定日"
#define XLSX_CELLS_UNSET_LABEL "未回答"
/* The prefix of a file line in 備考, and how many hex of the SHA-256 it shows. */
#define XLSX_CELLS_FILE_LABEL "添付："
#define XLSX_CELLS_FILE_HEX 12

/* A file attached to item no, as the form lists it; all borrowed. */
struct xlsx_cells_file {
	int no;
	const char *name;
	const char *sha256; /* hex, at least XLSX_CELLS_FILE_HEX long */
};

/* The text of the E, G and J cells for answer a of item (a NULL: empty). */
char *xlsx_cells_status_text(const struct answer *a);
char *xlsx_cells_plan_text(const struct answer *a);
const char *xlsx_cells_notes_text(const struct answer *a, const struct catalog_item *item);

/*
 * Reads an E cell: *status, and *current pointing into text past the status
 * line (or at text itself when there is none). -1 for a bracketed word that
 * is no status: unknown status 【完了】 (want 【対応済】, 【一部対応】,
 * 【未対応】 or 【対象外】).
 */
int xlsx_cells_parse_status(const char *text, enum answer_status *status, const char **current, struct err *e);

/*
 * Reads a G cell: due (YYYY-MM-DD, or "" for none) and *plan pointing into
 * text past the date line. -1 for a date line whose date is not a real
 * date in one of the accepted forms: bad due date "2026-02-30" (want
 * 【対応予定日】YYYY-MM-DD).
 */
int xlsx_cells_parse_plan(const char *text, char due[11], const char **plan, struct err *e);

/*
 * The J cell: notes (xlsx_cells_notes_text()) then, each on a line of its
 * own, the files of files[0..n) whose no is item no, in the order given.
 * No such file: notes as they are.
 */
char *xlsx_cells_notes_cell(const char *notes, int no, const struct xlsx_cells_file *files, size_t n);

/*
 * text without the file lines at its end: each last line that is
 * 添付：NAME (sha256 HEX) with XLSX_CELLS_FILE_HEX lowercase hex is dropped
 * with the line break before it, until the last line is something else.
 */
char *xlsx_cells_strip_files(const char *text);

/* The text of a J cell as notes: "" if it is the catalog's own note. */
const char *xlsx_cells_parse_notes(const char *text, const struct catalog_item *item);

/*
 * text with every "_xHHHH_" that a reader would decode as an Excel escape
 * written as "_x005F_xHHHH_", which reads back as the literal text.
 */
char *xlsx_cells_escape(const char *text);

#endif
