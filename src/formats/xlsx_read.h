/*
 * xlsx_read: the cells of an .xlsx workbook, for importing the forms that
 * people send back (re-saved by Excel, LibreOffice or anything else).
 *
 * The bytes are untrusted, so memory and time are bounded whatever they
 * hold: the zip is read part by part, each within the limits by the size
 * the zip declares for it and by what comes out (more than declared is a
 * damaged zip), and each part is given to the XML parser whole, so parsing
 * takes time in proportion to its size whatever its tokens' lengths;
 * struct xlsx_limits caps the file, each part, their sum, the number of
 * parts, cells and characters in a cell, and the CPU time of the whole
 * read. Documents with a DTD are refused, so no entity is ever expanded.
 *
 * What is read: every sheet in workbook order (the workbook found through
 * _rels/.rels, else at xl/workbook.xml; its sheets and shared strings
 * through its relationships, relative or absolute), the sheet's name and
 * whether it is hidden, every cell that has a value, and the merged
 * ranges. A cell's text is what Excel shows before formatting:
 *   - shared and inline strings, rich text as its runs joined; furigana
 *     (<rPh>) and anything else that is not the text itself is left out;
 *   - Excel's _xHHHH_ escapes decoded (_x005F_ is a literal "_"), and line
 *     breaks as "\n" ("\r\n" and a lone "\r" become "\n");
 *   - a run without xml:space="preserve" loses its leading and trailing
 *     whitespace, as in Excel, unless it is nothing but whitespace;
 *   - numbers and dates as the text written in the file ("3", "3.0",
 *     "45321.5"), booleans as "TRUE" and "FALSE", errors as written
 *     ("#N/A"), and a formula as its cached result: formulas are never
 *     evaluated.
 * Cells that hold no value (only a style) are not listed. Elements may
 * carry any namespace prefix.
 *
 * Errors are one line without the file name (the caller puts it in front).
 * Each kind has its own opening words:
 *   not an xlsx file (not a zip archive)   or (empty file), or (an .xls
 *                                          workbook, or one protected by a password)
 *   damaged xlsx file: ...                 a broken zip ("zip archive is
 *                                          truncated (no central directory)",
 *                                          "part P: CRC error", "part P: zip
 *                                          archive inconsistent": more than
 *                                          its declared size), a sheet's
 *                                          part or relationship missing
 *   xlsx file is larger than N bytes       (max_file; "N bytes uncompressed":
 *                                          max_total)
 *   xlsx file has more than N parts        (max_parts; "N cells": max_cells)
 *   xlsx part P is larger than N bytes uncompressed          (max_part)
 *   xlsx part P: DTDs are not allowed
 *   xlsx part P: XML error at line L: ...  expat's reason, e.g. "not
 *                                          well-formed (invalid token)" for
 *                                          invalid UTF-8
 *   xlsx part P: ...                       too many sheets, relationships or
 *                                          shared strings, a shared string
 *                                          too long, a sheet without a name
 *   xlsx file takes more than N ms of CPU to read (stopped in part P)
 *                                          (max_cpu_ms)
 *   no workbook in xlsx file (P missing)   and: no sheets in xlsx file
 *   xlsx sheet S: ...                      a row or cell reference invalid
 *                                          or beyond XFD1048576, a bad merge
 *   xlsx cell S!A1: ...                    a shared string index out of
 *                                          range, text too long, an unknown
 *                                          type, a bad boolean, a cell twice
 * Names from the file in messages are cut short, control characters '?'.
 */
#ifndef SHINSA_FORMATS_XLSX_READ_H
#define SHINSA_FORMATS_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/xlsx_grid.h"
#include "lib/err.h"

/* Everything in it belongs to the book and goes with xlsx_book_free(). */
struct xlsx_book {
	struct xlsx_sheet *sheets; /* in workbook (tab) order */
	size_t n_sheets;
};

/* 20 MiB file, 50 MiB a part and 200 MiB in all uncompressed, 10000 parts,
 * 1000000 cells, 32767 characters a cell (Excel's own limit), 5000 ms of
 * CPU. main() may set max_cpu_ms once, before any thread starts
 * (SHINSA_IMPORT_CPU_MS); nothing else changes it. */
extern struct xlsx_limits xlsx_default_limits;

/*
 * Reads the workbook in data[0..len) (the bytes stay yours and may be
 * freed as soon as this returns). lim NULL means xlsx_default_limits.
 * Returns 0 with *out a new book that you own (xlsx_book_free()), or -1
 * with e set and *out untouched; the error is also kept as data
 * (err_coded, no place), for a page's words:
 *   empty     not an xlsx file (empty file)
 *   xls       not an xlsx file (an .xls workbook, or one protected by a password)
 *   not_zip   not an xlsx file (not a zip archive)
 *   too_slow  xlsx file takes more than {1} ms of CPU to read (stopped in
 *             part {2}): max_cpu_ms, and the part being read then
 *   workbook  any other message, as its one value (a damaged zip, a part
 *             that is not the XML it should be, a limit passed)
 */
int xlsx_read_buffer(const void *data, size_t len, const struct xlsx_limits *lim, struct xlsx_book **out,
		     struct err *e);

/* The same for the file at path; "cannot read xlsx file: REASON" if it
 * cannot be read, "xlsx file is larger than N bytes" over max_file. */
int xlsx_read_file(const char *path, const struct xlsx_limits *lim, struct xlsx_book **out, struct err *e);

/* Frees book and everything in it; accepts NULL. */
void xlsx_book_free(struct xlsx_book *book);

/* The first sheet called name (exact bytes), or NULL. */
const struct xlsx_sheet *xlsx_book_find(const struct xlsx_book *book, const char *name);

/* The text of the cell at (row, col), or NULL if the sheet lists none. */
const char *xlsx_sheet_get(const struct xlsx_sheet *sh, uint32_t row, uint32_t col);

#endif
