/*
 * libFuzzer target: reading the answers of a filled-in form
 * (src/formats/xlsx_answers.c and the in-cell convention of xlsx_cells.c)
 * against the shipped checklist, loaded once. Whatever the bytes, the
 * result must be consistent: either errors, each one non-empty line, or
 * answers that answer_set_field() would accept, with rows inside the grid.
 *
 * Each input is read twice: as the .xlsx file it may be, and as the parts
 * of one split at NUL bytes (the form sheet, the shared strings, the
 * metadata sheet), zipped here with a fixed workbook, so that mutations
 * reach the header search, the rows and the cells instead of a zip CRC.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_xlsx.h"

#include "core/answers.h"
#include "formats/catalog_json.h"
#include "formats/xlsx_answers.h"
#include "formats/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
	"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml",
	"xl/_rels/workbook.xml.rels", "_rels/.rels",
};
#define N_PARTS (sizeof names / sizeof *names)
#define N_INPUT 3 /* the parts taken from the input */
static const char *const fixed[N_PARTS] = {
	NULL,
	NULL,
	NULL,
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" R_NS "\"><sheets>"
	"<sheet name=\"API接続チェックリスト\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"shinsa\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>",
	RELS "<Relationship Id=\"rId1\" Type=\"" R_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" R_NS "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" R_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
	RELS "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
};

static struct catalog_files files;
static const struct catalog *cat;

static void check(const struct xlsx_answers *r)
{
	if (!r || !r->set || r->set->n_items != cat->n_items || r->n_read > cat->n_items)
		__builtin_trap();
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++)
		if (!r->errors[i][0] || strchr(r->errors[i], '\n'))
			__builtin_trap();
	if (r->n_errors)
		return;
	if (!r->sheet)
		__builtin_trap();
	struct answer_set *fresh = answer_set_new("", cat);
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct answer *a = &r->set->items[i];
		if (r->rows[i] > XLSX_MAX_ROWS || (!r->rows[i] && (a->status || *a->current || *a->notes)))
			__builtin_trap();
		/* what the store would be given must be valid */
		for (int f = 0; f < ANSWER_NFIELDS; f++)
			if (answer_set_field(&fresh->items[i], (enum answer_field)f, answer_get(a, (enum answer_field)f),
					     NULL) < 0)
				__builtin_trap();
	}
	answer_set_free(fresh);
}

static void read_answers(const void *data, size_t size)
{
	struct err e = { 0 };
	struct xlsx_book *book = NULL;
	if (xlsx_read_buffer(data, size, &lim, &book, &e) < 0)
		return;
	struct xlsx_answers *r = xlsx_answers_read(book, cat);
	check(r);
	xlsx_answers_free(r);
	xlsx_book_free(book);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cat) {
		struct err e = { 0 };
		if (catalog_files_load(SHINSA_CATALOG_DIR, &files, &e) < 0 ||
		    !(cat = catalog_files_find(&files, "api-checklist-2018-08"))) {
			fprintf(stderr, "cannot load the checklist: %s\n", e.msg);
			abort();
		}
	}
	read_answers(data, size);
	const char *part[N_PARTS];
	size_t len[N_PARTS];
	for (size_t i = 0; i < N_PARTS; i++) {
		part[i] = fixed[i];
		len[i] = part[i] ? strlen(part[i]) : 0;
	}
	fuzz_split(data, size, part, len, N_INPUT);
	size_t n;
	char *zip = fuzz_zip(names, part, len, N_PARTS, &n);
	read_answers(zip, n);
	free(zip);
	return 0;
}
