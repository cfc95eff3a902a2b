/*
 * criteria_table: the bytes of a bank's criteria file as rows of cells,
 * before anything is made of them (criteria_read does that).
 *
 * The file is untrusted and made by people, so:
 *   - text files (TSV, CSV, the "text" export) are UTF-8 with or without a
 *     byte-order mark; bytes that are not UTF-8 are read as CP932 (the
 *     Shift_JIS that Japanese Excel writes) with iconv(3), and the table
 *     says so (cp932); a NUL byte is refused (UTF-16 is not read);
 *   - CSV follows RFC 4180: fields split at ",", quoted with '"' (a quote
 *     inside written '""'), quoted fields may hold "," and line breaks;
 *     a quote inside an unquoted field is taken as it stands (as Excel
 *     does). TSV fields split at a tab; a field that Excel quoted (it
 *     starts with '"' and the quote closes before the next tab or line
 *     end) is read as CSV's are, anything else as it stands. The "text"
 *     export is TSV without quoting;
 *   - line breaks are "\r\n", "\n" or a lone "\r"; inside a cell they
 *     become "\n";
 *   - .xlsx workbooks are read with xlsx_read (its bounds and messages),
 *     every sheet in tab order, one table each.
 * Bounds: the file at most CRITERIA_MAX_BYTES, a cell at most
 * CRITERIA_MAX_CELL characters (code points).
 *
 * Messages are one line naming the place: "NAME: …" for the file,
 * "NAME:LINE: …" in a text file (the line a record starts on),
 * "SHEET!C12: …" in a workbook; each is also kept as data (err_coded: the
 * place, a code and its values):
 *   NAME: the file is larger than 4 MiB (4194304 bytes)        too_large [4194304]
 *   NAME:3: a NUL byte: not a text file (UTF-16? save it as UTF-8 or CSV)
 *                                                              nul_byte []
 *   NAME:7: the text is neither UTF-8 nor Shift_JIS (CP932)    encoding []
 *   NAME:12: a cell is longer than 4000 characters             cell_too_long [4000]
 *   NAME:9: a quoted field is not closed                       quote_open []
 *   NAME:9: text after the closing quote of a field (write a quote inside a quoted field as "")
 *                                                              quote_text []
 *   NAME: not an xlsx file (not a zip archive)   (and every xlsx_read message)
 *                                                              xlsx_read's code: not_zip [],
 *                                                              empty [], xls [], too_slow [ms, part],
 *                                                              workbook [its line]
 *   Sheet1!C12: a cell is longer than 4000 characters          cell_too_long [4000]
 *
 * A table owns everything in it; ctable_free() releases it.
 */
#ifndef SHINSA_FORMATS_CRITERIA_TABLE_H
#define SHINSA_FORMATS_CRITERIA_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/err.h"

#define CRITERIA_MAX_BYTES (4u << 20)
#define CRITERIA_MAX_CELL 4000
/* A bound as text, for a message's values ("4000"). */
#define CRITERIA_STR_(x) #x
#define CRITERIA_STR(x) CRITERIA_STR_(x)

enum ctable_syntax {
	CTABLE_TSV = 1,  /* tabs, Excel's quoting */
	CTABLE_CSV,      /* commas, RFC 4180 quoting */
	CTABLE_PLAIN,    /* tabs, no quoting (the "text" export) */
};

struct ctable_cell {
	uint32_t col; /* 0-based */
	char *text;   /* UTF-8, never NULL */
};

struct ctable_row {
	uint32_t at;  /* text: the line (1-based) it starts on; xlsx: the row (0-based) */
	struct ctable_cell *cells; /* ascending col */
	size_t n_cells;
};

struct ctable {
	char *name;  /* the file's name, as given, for messages */
	char *sheet; /* the sheet of a workbook; NULL for a text file */
	bool cp932;  /* the bytes were CP932 and were converted */
	struct ctable_row *rows;
	size_t n_rows;
};

/* Reads a text file of that syntax into *out (yours). 0, or -1 with e set. */
int ctable_read_text(const char *name, const void *data, size_t len, enum ctable_syntax syntax,
		     struct ctable **out, struct err *e);

/* Reads every sheet of a workbook: *out an array of *n tables (free each,
 * then the array). 0, or -1 with e set. */
int ctable_read_xlsx(const char *name, const void *data, size_t len, struct ctable ***out, size_t *n,
		     struct err *e);

void ctable_free(struct ctable *t);

/* The text of the cell in column col of row, or NULL when there is none. */
const char *ctable_get(const struct ctable_row *row, uint32_t col);

/* Where row's cell in column col is, for a message: "NAME:LINE" or
 * "SHEET!C12". */
void ctable_where(const struct ctable *t, const struct ctable_row *row, uint32_t col, char *buf, size_t size);

#endif
