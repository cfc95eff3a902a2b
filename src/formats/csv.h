/*
 * csv: rows as RFC 4180 CSV for spreadsheets, the audit log's download.
 * Layer: formats.
 *
 * UTF-8 with a byte order mark first (without it Excel reads the bytes as
 * Shift_JIS and Japanese turns to noise), CRLF after every row, a cell in
 * double quotes when it holds a comma, a quote, CR or LF, its quotes
 * doubled. A newline inside a cell stays as it is, inside the quotes.
 */
#ifndef SHINSA_FORMATS_CSV_H
#define SHINSA_FORMATS_CSV_H

#include <stddef.h>

#include "lib/strbuf.h"

/* The byte order mark, EF BB BF, that starts the file. */
void csv_bom(struct strbuf *out);

/* One row of n cells (NULL is an empty cell), with its CRLF. */
void csv_row(struct strbuf *out, const char *const *cells, size_t n);

#endif
