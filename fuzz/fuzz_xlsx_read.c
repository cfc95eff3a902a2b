/*
 * libFuzzer target: the .xlsx reader. Whatever the bytes, it must return a
 * book whose every cell can be looked up, or -1 with a message; never
 * crash, leak or take long. The limits are small so that a zip bomb costs
 * a megabyte, not fifty.
 *
 * Each input is read twice: as the .xlsx file it may be (the zip layer),
 * and as the XML parts of one, split at NUL bytes (sheet1, shared strings,
 * workbook, workbook rels, package rels; defaults for those missing) and
 * zipped here. A changed byte inside a real zip mostly breaks its CRC and
 * stops there; this way the mutations reach the XML parsers.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_xlsx.h"

#include "formats/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const part_names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
					  "xl/_rels/workbook.xml.rels", "_rels/.rels" };
static const char *const defaults[] = {
	NULL,
	NULL,
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" R_NS "\"><sheets>"
	"<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" state=\"hidden\" r:id=\"rId3\"/>"
	"</sheets></workbook>",
	RELS "<Relationship Id=\"rId1\" Type=\"" R_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" R_NS "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" R_NS "/worksheet\" Target=\"worksheets/sheet2.xml\"/></Relationships>",
	RELS "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
};
static const char sheet2[] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>";

static void check(const struct xlsx_book *book)
{
	for (size_t i = 0; i < book->n_sheets; i++) {
		const struct xlsx_sheet *sh = &book->sheets[i];
		if (xlsx_book_find(book, sh->name) == NULL)
			__builtin_trap();
		for (size_t k = 0; k < sh->n_cells; k++) {
			const struct xlsx_cell *c = &sh->cells[k], *prev = c - 1;
			/* inside the grid, sorted, unique, findable */
			if (c->row >= XLSX_MAX_ROWS || c->col >= XLSX_MAX_COLS || xlsx_sheet_get(sh, c->row, c->col) != c->text)
				__builtin_trap();
			if (k && (prev->row > c->row || (prev->row == c->row && prev->col >= c->col)))
				__builtin_trap();
			if (strlen(c->text) > 4 * lim.max_text)
				__builtin_trap();
		}
		for (size_t k = 0; k < sh->n_merges; k++) {
			const struct xlsx_merge *m = &sh->merges[k];
			if (m->first_row > m->last_row || m->first_col > m->last_col || m->last_row >= XLSX_MAX_ROWS ||
			    m->last_col >= XLSX_MAX_COLS)
				__builtin_trap();
		}
	}
}

static void read_book(const void *data, size_t size)
{
	struct err e = { 0 };
	struct xlsx_book *book = NULL;
	if (xlsx_read_buffer(data, size, &lim, &book, &e) < 0) {
		if (!e.msg[0] || book)
			__builtin_trap(); /* every failure must say why, and leave nothing */
		return;
	}
	check(book);
	xlsx_book_free(book);
}

/* The input as the parts of a package, stored (not compressed) in a zip. */
static void read_as_parts(const uint8_t *data, size_t size)
{
	enum { N = sizeof part_names / sizeof *part_names };
	const char *names[N + 1], *part[N + 1];
	size_t len[N + 1];
	for (size_t i = 0; i < N; i++) {
		names[i] = part_names[i];
		part[i] = defaults[i];
		len[i] = part[i] ? strlen(part[i]) : 0;
	}
	fuzz_split(data, size, part, len, N);
	names[N] = "xl/worksheets/sheet2.xml";
	part[N] = sheet2;
	len[N] = strlen(sheet2);
	size_t n;
	char *zip = fuzz_zip(names, part, len, N + 1, &n);
	read_book(zip, n);
	free(zip);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_book(data, size);
	read_as_parts(data, size);
	return 0;
}
