/*
 * xlsx_grid: what a sheet of an .xlsx workbook is once read (its cells and
 * merged ranges on Excel's grid), the bounds of a read, and Excel's cell
 * names (C33) both ways. Apart from xlsx_read so that the XML parser
 * (xlsx_xml), which fills the sheets, needs nothing of the reader that
 * calls it; xlsx_read.h includes this header and says how all of it is
 * read.
 */
#ifndef SHINSA_FORMATS_XLSX_GRID_H
#define SHINSA_FORMATS_XLSX_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Excel's grid: rows and columns are 0-based here, below these. */
#define XLSX_MAX_ROWS 1048576u
#define XLSX_MAX_COLS 16384u

struct xlsx_cell {
	uint32_t row, col;   /* 0-based: C33 is row 32, col 2 */
	const char *text;    /* UTF-8, never NULL; owned by the book */
};

/* A merged range, corners included, first <= last. */
struct xlsx_merge {
	uint32_t first_row, first_col, last_row, last_col;
};

struct xlsx_sheet {
	const char *name;    /* owned by the book */
	bool hidden;         /* state="hidden" or "veryHidden" */
	struct xlsx_cell *cells; /* sorted by row, then col; no two alike */
	size_t n_cells;
	struct xlsx_merge *merges; /* in file order */
	size_t n_merges;
};

/*
 * The bounds. A part is one file inside the zip; sizes are in bytes; cells
 * count over the whole book; max_text counts characters (code points) of
 * one cell or shared string. The shared strings may hold at most max_cells
 * strings and the workbook at most max_parts sheets, since more could not
 * be used. max_cpu_ms bounds the CPU time the calling thread may spend on
 * one read (CPU, not the wall clock: a busy server must not refuse a good
 * file).
 */
struct xlsx_limits {
	size_t max_file, max_part, max_total, max_parts, max_cells, max_text;
	unsigned max_cpu_ms;
};

/*
 * The cell that name stands for: "C33" is row 32, col 2 (letters in upper
 * case, no "$"). Returns 0, -1 if name is no cell name, or -2 if it names
 * a cell beyond Excel's grid (XFE1, A1048577).
 */
int xlsx_cell_parse(const char *name, uint32_t *row, uint32_t *col);

/* Excel's name of a cell: (32, 2) is "C33". Any row and col fit. */
#define XLSX_CELL_NAME_SIZE 24
void xlsx_cell_name(uint32_t row, uint32_t col, char buf[XLSX_CELL_NAME_SIZE]);

#endif
