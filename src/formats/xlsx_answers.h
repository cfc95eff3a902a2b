/*
 * xlsx_answers: the answers in a filled-in checklist form, read from a
 * workbook (struct xlsx_book, from xlsx_read) against the checklist it
 * answers. Nothing here touches the database: the result is a proposal
 * that the caller compares with the stored answers and writes, or not.
 *
 * The sheet. XLSX_FORM_SHEET if the book has one with the header row, else
 * the first other sheet (in tab order) that has it; the metadata sheet and
 * every other sheet are ignored. The header row is the 10 titles of
 * xlsx_form_headers[] side by side, in order, in any row and starting in any
 * column, compared without whitespace (a title broken over two lines, or
 * with full-width spaces, still counts). The first one found is the table's;
 * everything above it is ignored.
 *
 * The rows below it, left to right from the 通番 column:
 *   - a repeat of the header row, or a row whose 通番 cell holds something
 *     other than a number while the rest of the table row is empty (a
 *     repeated title or source line), is skipped;
 *   - a row with nothing in 通番 and nothing in the answer cells is skipped
 *     (区分 may be blank or merged: it is not read);
 *   - any other row is an item row: 通番 is a whole number ("3", "3.0",
 *     full-width "３", spaces around), of an item of the catalog, not seen
 *     before; its セキュリティ対応目標 equals the item's objective when all
 *     whitespace is removed from both; its answer cells follow the in-cell
 *     convention of xlsx_cells.h; and the cells of a bank item (one that
 *     answer_is_connectors() says is not the connector's) are empty (備考
 *     may hold the catalog's note).
 * Items without a row are not in the proposal (they stay as they are).
 *
 * The metadata sheet XLSX_FORM_META_SHEET (see xlsx_form.h) counts only if
 * its A1 is XLSX_FORM_META_MARKER: its version must be one this program
 * reads and its catalog id that of cat. A workbook without it (a form made
 * by someone else) is read all the same.
 *
 * Errors. Every problem found is listed, each one line naming the sheet and
 * cell, in sheet order:
 *   S!A9: 通番 "x" is not a number
 *   S!A9: no 通番 in a row with answers
 *   S!A50: unknown 通番 46 (not an item of CAT)
 *   S!A40: 通番 3 again (first at S!A6)
 *   S!C33: objective differs from item 30 of CAT: the sheet has "…", the catalog "…"
 *   S!E6: unknown status 【完了】 (want 【対応済】, 【一部対応】, 【未対応】 or 【対象外】)
 *   S!G6: bad due date "2026-02-30" (want 【対応予定日】YYYY-MM-DD)
 *   S!E44: item 39 is the bank's to answer (対象者: 銀行): leave its cells empty
 *   S!G6: item 3: plan is longer than 32000 characters (answer_set_field())
 *   shinsa!B1: metadata version 2 is not one this program reads (want 1)
 *   shinsa!B2: the workbook is for catalog X, not CAT
 * and, when no sheet qualifies,
 *   no sheet with the checklist's header row (通番, 区分, セキュリティ対応目標, …, 備考)
 * The objective excerpts start a few characters before the first difference
 * (whitespace removed) and are at most XLSX_ANSWERS_EXCERPT characters.
 * Sheet names and cell text in messages have control characters as '?'.
 * At most XLSX_ANSWERS_MAX_ERRORS messages are kept; n_errors counts all.
 *
 * Each message is also kept as data (problems[i] beside errors[i]), for
 * words in another language: the cell ("S!E6", "" for no_sheet), a code,
 * and the values the line names, in order:
 *   not_a_number [通番 as written]          no_number []
 *   unknown_number [通番, catalog]           number_again [通番, first cell]
 *   objective [item, catalog, sheet's excerpt, catalog's excerpt]
 *   status [English line, the cell's first line]
 *   due_date [English line, the cell's first line]
 *   field [English line] (a value the answer refuses: too long)
 *   bank_item [item, 対象者]                 meta_version [version, wanted]
 *   wrong_catalog [catalog or "(none)", wanted]
 *   no_sheet [the first three titles, the last]
 */
#ifndef SHINSA_FORMATS_XLSX_ANSWERS_H
#define SHINSA_FORMATS_XLSX_ANSWERS_H

#include <stddef.h>
#include <stdint.h>

#include "core/answers.h"
#include "core/catalog.h"
#include "formats/xlsx_read.h"

#define XLSX_ANSWERS_MAX_ERRORS 200
#define XLSX_ANSWERS_EXCERPT 16

#define XLSX_PROBLEM_ARGS 4

struct xlsx_problem {
	char *cell;                       /* "SHEET!E6", or "" */
	const char *code;                 /* static: "status", ... */
	char *args[XLSX_PROBLEM_ARGS];    /* the values, n_args of them */
	size_t n_args;
};

struct xlsx_answers {
	const char *sheet;       /* the sheet read (the book's), NULL if none */
	struct answer_set *set;  /* one answer per catalog item, in catalog order (org ""), */
	uint32_t *rows;          /* and per item its 1-based sheet row, 0 when it has none */
	size_t n_read;           /* items with a row */
	char **errors;           /* the first XLSX_ANSWERS_MAX_ERRORS messages */
	struct xlsx_problem *problems; /* the same, as data (NULL when none) */
	size_t n_errors;         /* how many problems there were */
};

/*
 * Reads book against checklist cat. Always returns a result (yours, free it
 * with xlsx_answers_free()); it holds answers only where n_errors is 0.
 * book and cat stay the caller's and must outlive the result.
 */
struct xlsx_answers *xlsx_answers_read(const struct xlsx_book *book, const struct catalog *cat);
void xlsx_answers_free(struct xlsx_answers *r);

#endif
