#include "formats/xlsx_form.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "formats/xlsx_cells.h"
#include "lib/clock.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/*
 * ＭＳ Ｐゴシック is on every Japanese Windows, comes with Office for Mac and
 * is what Japanese Excel itself long wrote, so the people who receive the
 * form see the font the row heights were estimated for. 游ゴシック, the
 * Office 2016 default, has a much taller line and would need taller rows;
 * IPAexゴシック is missing from most Excel installations. LibreOffice
 * without the MS fonts draws the kana and kanji in IPAexGothic and the
 * Latin letters in its default sans, DejaVu Sans, which is wider (pdffonts
 * on tests/render/form_pdf.sh's PDF shows both): hence 1.2 units for an
 * ASCII character below, not 1.
 */
#define FONT_NAME "ＭＳ Ｐゴシック"
#define FONT_FAMILY 3 /* "modern", as Japanese Excel writes for ＭＳ Ｐゴシック */
#define FONT_PT 10.0
#define TITLE_PT 14.0

/* Text measure, in column units (the default font's digit, 7 px) at 10 pt. */
#define WIDE_UNITS 2.0     /* 10 pt full width is 13.3 px = 1.9 units */
#define NARROW_UNITS 1.2
#define THIN_UNITS 0.6     /* space, dot, i, l: about a third of an em */
#define CELL_PAD_UNITS 0.5 /* Excel pads outside the width; LibreOffice inside */
#define LINE_FACTOR 1.3    /* ＭＳ Ｐゴシック: 1.23 em in Excel; LibreOffice 1.17 em */
#define ROW_PAD_PT 3.0
#define MAX_ROW_PT 409.5   /* Excel refuses taller rows */

enum col {
	COL_NO, COL_CATEGORY, COL_OBJECTIVE, COL_PARTY, COL_STATUS, COL_ISSUES, COL_PLAN,
	COL_DOCS, COL_CLAUSES, COL_NOTES,
};

const char *const xlsx_form_headers[XLSX_FORM_NCOLS] = {
	"通番", "区分", "セキュリティ対応目標", "対象者", "現在の対応状況",
	"課題認識", "課題への対応計画", "関連規定", "関連規定箇所", "備考",
};

/*
 * Excel makes a column w units wide w * 7 + 5 px, so these 212 units take
 * 1534 px = 15.98 in, and A3 landscape less narrow margins leaves 16.04 in:
 * Excel prints at 100 % and 10 pt stays 10 pt on paper. (LibreOffice
 * measures the unit a little wider and shrinks to about 95 %.) The answer
 * columns get the most room because that is where people write.
 */
static const double widths[XLSX_FORM_NCOLS] = { 5, 19, 40, 11, 27, 25, 25, 18, 28, 14 };

static double char_units(uint32_t cp, double font_pt)
{
	double w = NARROW_UNITS;
	if (text_is_wide(cp))
		w = WIDE_UNITS;
	else if (cp && cp < 0x80 && strchr(" .,:;'!|il", (int)cp))
		w = THIN_UNITS;
	return w * font_pt / 10.0;
}

static bool in_set(uint32_t cp, const char *set)
{
	while (*set)
		if (text_utf8_next(&set) == cp)
			return true;
	return false;
}

/* Kinsoku: Excel never starts a line with these, so they travel to the
 * next line together with the character before them... */
static bool no_line_start(uint32_t cp)
{
	return in_set(cp, "、。，．・：；？！ー）」』】〕〉》々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ)]},.:;?!");
}

/* ...and never ends one with an opening bracket. */
static bool no_line_end(uint32_t cp)
{
	return in_set(cp, "（「『【〔〈《([{");
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000;
}

/*
 * Measures the run at *p that no line break can split and moves *p past it:
 * a space, an ASCII word, or one character with the brackets and
 * punctuation that must stay on its line.
 */
static double next_run(const char **p, double font_pt, bool *space)
{
	uint32_t cp = text_utf8_next(p);
	double w = char_units(cp, font_pt);
	*space = is_space(cp);
	if (*space)
		return w;
	while (no_line_end(cp) && **p && **p != '\n') {
		cp = text_utf8_next(p);
		w += char_units(cp, font_pt);
	}
	if (cp < 0x80)
		while ((unsigned char)**p > ' ' && (unsigned char)**p < 0x80 && !no_line_end((unsigned char)**p))
			w += char_units((unsigned char)*(*p)++, font_pt);
	for (;;) {
		const char *q = *p;
		uint32_t next = text_utf8_next(&q);
		if (!no_line_start(next))
			break;
		w += char_units(next, font_pt);
		*p = q;
	}
	return w;
}

/* Puts w units on the current line, or starts a new one if it would overflow. */
static void place(double w, double usable, double *x, int *lines)
{
	if (*x > 0 && *x + w > usable) {
		(*lines)++;
		*x = 0;
	}
	*x += w;
}

int xlsx_form_text_lines(const char *text, double col_width, double font_pt)
{
	double usable = col_width - CELL_PAD_UNITS, x = 0;
	int lines = 1;
	const char *p = text ? text : "";
	while (*p) {
		if (*p == '\n') {
			p++;
			lines++;
			x = 0;
			continue;
		}
		const char *start = p;
		bool space;
		double w = next_run(&p, font_pt, &space);
		if (space && x > 0 && x + w > usable) {
			/* a space where the line wraps takes no room on either line */
			lines++;
			x = 0;
		} else if (w <= usable) {
			place(w, usable, &x, &lines);
		} else {
			/* longer than a whole line: broken between any two characters */
			while (start < p) {
				uint32_t cp = text_utf8_next(&start);
				place(char_units(cp, font_pt), usable, &x, &lines);
			}
		}
	}
	return lines;
}

double xlsx_form_text_height(const char *text, double col_width, double font_pt)
{
	double pt = xlsx_form_text_lines(text, col_width, font_pt) * font_pt * LINE_FACTOR + ROW_PAD_PT;
	/* Excel keeps heights in whole pixels of 0.75 pt and would round ours
	 * to the nearest one, possibly down; round up ourselves. */
	long px = (long)(pt / 0.75);
	if (px * 0.75 < pt - 1e-9)
		px++;
	return px * 0.75 < MAX_ROW_PT ? px * 0.75 : MAX_ROW_PT;
}

struct form {
	const char *path;
	struct err *e;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *title, *source, *header, *body, *center, *answer;
	const struct answer_set *set; /* NULL: the blank form */
	const struct xlsx_cells_file *files; /* listed in 備考 */
	size_t n_files;
	char stamp[CLOCK_TEXT_SIZE];
};

static int fail(struct form *f, lxw_error rc, const char *where)
{
	/* libxlsxwriter's messages are sentences; ours end without a full stop. */
	const char *reason = lxw_strerror(rc);
	size_t n = strlen(reason);
	if (n && reason[n - 1] == '.')
		n--;
	err_set(f->e, "cannot write %s: %s%s%.*s", f->path, where ? where : "", where ? ": " : "", (int)n, reason);
	return -1;
}

static int cell_result(struct form *f, lxw_error rc, lxw_row_t row, lxw_col_t col)
{
	if (rc == LXW_NO_ERROR)
		return 0;
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(cell, row, col);
	return fail(f, rc, cell);
}

static int put_in(struct form *f, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
		  lxw_format *fmt)
{
	/* Strings only, never worksheet_write_formula(): "=..." is the
	 * catalog's or the user's text, not something for Excel to evaluate.
	 * libxlsxwriter writes "_x0041_" as it is, which readers decode. */
	char *escaped = xlsx_cells_escape(text ? text : "");
	int rc = cell_result(f, worksheet_write_string(ws, row, col, escaped, fmt), row, col);
	free(escaped);
	return rc;
}

static int put(struct form *f, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *fmt)
{
	return put_in(f, f->ws, row, col, text, fmt);
}

static lxw_format *new_format(struct form *f, double pt)
{
	lxw_format *fmt = workbook_add_format(f->wb);
	if (!fmt)
		return NULL;
	format_set_font_name(fmt, FONT_NAME);
	format_set_font_family(fmt, FONT_FAMILY);
	format_set_font_size(fmt, pt);
	return fmt;
}

static lxw_format *new_cell_format(struct form *f)
{
	lxw_format *fmt = new_format(f, FONT_PT);
	if (fmt) {
		format_set_border(fmt, LXW_BORDER_THIN);
		format_set_text_wrap(fmt);
		format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
	}
	return fmt;
}

static int add_formats(struct form *f)
{
	if (!(f->title = new_format(f, TITLE_PT)) || !(f->source = new_format(f, FONT_PT)) ||
	    !(f->header = new_cell_format(f)) || !(f->body = new_cell_format(f)) ||
	    !(f->center = new_cell_format(f)) || !(f->answer = new_cell_format(f)))
		return fail(f, LXW_ERROR_MEMORY_MALLOC_FAILED, "formats");
	format_set_bold(f->title);
	format_set_bold(f->header);
	format_set_align(f->header, LXW_ALIGN_CENTER);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_pattern(f->header, LXW_PATTERN_SOLID);
	format_set_bg_color(f->header, 0xDDEBF7); /* light blue: prints as a pale grey */
	format_set_align(f->center, LXW_ALIGN_CENTER);
	format_set_unlocked(f->answer);
	/* Text format, so an answer typed as =, +, - or @ is kept as text. */
	format_set_num_format(f->answer, "@");
	return 0;
}

static int set_properties(struct form *f, const struct catalog *cat)
{
	char *subject = xasprintf("チェックリスト回答様式 (%s)", cat->id);
	char *comments = f->set ? xasprintf("Shinsa が %s の回答を %s にカタログ %s (sha256 %s) の様式で書き出したもの",
					    f->set->org, f->stamp, cat->id, cat->sha256 ? cat->sha256 : "-")
				: xasprintf("Shinsa がカタログ %s (sha256 %s) から作成した空欄の回答様式", cat->id,
					    cat->sha256 ? cat->sha256 : "-");
	lxw_doc_properties props = {
		.title = cat->title, .subject = subject, .author = "Shinsa",
		.keywords = cat->id, .comments = comments,
	};
	lxw_error rc = workbook_set_properties(f->wb, &props);
	free(subject);
	free(comments);
	return rc == LXW_NO_ERROR ? 0 : fail(f, rc, "document properties");
}

static int set_page(struct form *f)
{
	lxw_worksheet *ws = f->ws;
	worksheet_set_paper(ws, 8); /* A3 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_center_horizontally(ws);
	worksheet_set_margins(ws, 0.25, 0.25, 0.75, 0.75); /* Excel's "narrow" preset */
	lxw_error rc = worksheet_repeat_rows(ws, 0, XLSX_FORM_HEADER_ROW);
	if (rc == LXW_NO_ERROR)
		rc = worksheet_set_footer(ws, "&C&P / &N");
	for (lxw_col_t c = 0; rc == LXW_NO_ERROR && c < XLSX_FORM_NCOLS; c++)
		rc = worksheet_set_column(ws, c, c, widths[c], NULL);
	return rc == LXW_NO_ERROR ? 0 : fail(f, rc, "page setup");
}

static int set_row(struct form *f, lxw_row_t row, double height)
{
	lxw_error rc = worksheet_set_row(f->ws, row, height, NULL);
	return rc == LXW_NO_ERROR ? 0 : fail(f, rc, "row height");
}

static int write_heading(struct form *f, const struct catalog *cat)
{
	double total = 0, height = 0;
	for (int c = 0; c < XLSX_FORM_NCOLS; c++)
		total += widths[c];
	struct strbuf src = STRBUF_INIT;
	int y, m, d;
	strbuf_addf(&src, "出典: %s ", cat->publisher ? cat->publisher : "");
	if (cat->date && sscanf(cat->date, "%4d-%2d-%2d", &y, &m, &d) == 3)
		strbuf_addf(&src, "%d年%d月%d日", y, m, d);
	else
		strbuf_addstr(&src, cat->date ? cat->date : "");
	strbuf_addf(&src, "　カタログ: %s", cat->id);
	/* The title and source lines do not wrap: they run across the empty
	 * cells to their right, which is as wide as the table. */
	int rc = put(f, 0, 0, cat->title, f->title);
	rc = rc ? rc : set_row(f, 0, xlsx_form_text_height(cat->title, total, TITLE_PT));
	rc = rc ? rc : put(f, 1, 0, src.buf, f->source);
	rc = rc ? rc : set_row(f, 1, xlsx_form_text_height(src.buf, total, FONT_PT));
	strbuf_release(&src);
	for (lxw_col_t c = 0; !rc && c < XLSX_FORM_NCOLS; c++) {
		double h = xlsx_form_text_height(xlsx_form_headers[c], widths[c], FONT_PT);
		height = h > height ? h : height;
		rc = put(f, XLSX_FORM_HEADER_ROW, c, xlsx_form_headers[c], f->header);
	}
	return rc ? rc : set_row(f, XLSX_FORM_HEADER_ROW, height);
}

static void add_padded(struct strbuf *sb, const char *text, int lines, int to)
{
	strbuf_addstr(sb, text);
	while (lines++ < to)
		strbuf_addch(sb, '\n');
}

/* The 関連規定 and 関連規定箇所 cells: see the header for the layout. */
static void refs_text(const struct catalog_item *item, struct strbuf *docs, struct strbuf *clauses)
{
	for (size_t i = 0; i < item->n_refs; i++) {
		const char *doc = item->refs[i].doc;
		char *cl = catalog_ref_clauses_text(&item->refs[i]);
		int nd = xlsx_form_text_lines(doc, widths[COL_DOCS], FONT_PT);
		int nc = xlsx_form_text_lines(cl, widths[COL_CLAUSES], FONT_PT);
		int n = i + 1 < item->n_refs ? (nd > nc ? nd : nc) : 0;
		if (i) {
			strbuf_addstr(docs, "\n" XLSX_FORM_REF_SEPARATOR "\n");
			strbuf_addstr(clauses, "\n" XLSX_FORM_REF_SEPARATOR "\n");
		}
		add_padded(docs, doc, nd, n);
		add_padded(clauses, cl, nc, n);
		free(cl);
	}
}

static int write_item(struct form *f, lxw_row_t row, const struct catalog_item *item, const struct answer *a)
{
	struct strbuf docs = STRBUF_INIT, clauses = STRBUF_INIT;
	refs_text(item, &docs, &clauses);
	char *status = xlsx_cells_status_text(a), *plan = xlsx_cells_plan_text(a);
	char *notes = xlsx_cells_notes_cell(xlsx_cells_notes_text(a, item), item->no, f->files, f->n_files);
	const char *text[XLSX_FORM_NCOLS] = {
		"", item->category, item->text, party_label(item->party), status, a ? a->issues : "", plan,
		docs.buf, clauses.buf, notes,
	};
	lxw_format *fmt[XLSX_FORM_NCOLS] = {
		f->center, f->body, f->body, f->center, f->answer, f->answer, f->answer,
		f->body, f->body, f->answer,
	};
	double height = 0;
	int rc = 0;
	for (lxw_col_t c = 0; !rc && c < XLSX_FORM_NCOLS; c++) {
		double h = xlsx_form_text_height(text[c], widths[c], FONT_PT);
		height = h > height ? h : height;
		if (c == COL_NO && item->no > 0)
			rc = cell_result(f, worksheet_write_number(f->ws, row, c, item->no, fmt[c]), row, c);
		else
			rc = put(f, row, c, text[c], fmt[c]);
	}
	strbuf_release(&docs);
	strbuf_release(&clauses);
	free(status);
	free(plan);
	free(notes);
	return rc ? rc : set_row(f, row, height);
}

/* The notes on the 現在の対応状況 and 課題への対応計画 headers: how to write
 * the status and the due date (see xlsx_cells.h). Notes do not print. */
static int write_notes(struct form *f)
{
	static const struct {
		lxw_col_t col;
		const char *text;
	} notes[] = {
		{ COL_STATUS, "記入方法: 1行目に【対応済】【一部対応】【未対応】【対象外】のいずれかを書き、"
			      "2行目から現在の対応状況を記入してください。\n例:\n【一部対応】\n規程は整備済み、運用は来期から。" },
		{ COL_PLAN, "記入方法: 1行目に【対応予定日】と日付 (YYYY-MM-DD) を書き、2行目から対応計画を記入して"
			    "ください。\n例:\n【対応予定日】2026-09-30\n委託先管理規程を整備する。" },
	};
	worksheet_set_comments_author(f->ws, "Shinsa");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		lxw_comment_options opt = { .width = 320, .height = 110, .font_name = FONT_NAME, .font_size = 9,
					    .font_family = FONT_FAMILY };
		lxw_error rc = worksheet_write_comment_opt(f->ws, XLSX_FORM_HEADER_ROW, notes[i].col, notes[i].text, &opt);
		if (cell_result(f, rc, XLSX_FORM_HEADER_ROW, notes[i].col) < 0)
			return -1;
	}
	return 0;
}

/* The hidden metadata sheet: see xlsx_form.h. */
static int write_meta(struct form *f, const struct catalog *cat)
{
	lxw_worksheet *ws = workbook_add_worksheet(f->wb, XLSX_FORM_META_SHEET);
	if (!ws)
		return fail(f, LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet " XLSX_FORM_META_SHEET);
	worksheet_hide(ws);
	const char *meta[][2] = {
		{ XLSX_FORM_META_MARKER, XLSX_FORM_META_VERSION },
		{ "catalog", cat->id },
		{ "catalog_sha256", cat->sha256 ? cat->sha256 : "" },
		{ "org", f->set ? f->set->org : "" },
		{ "exported_at", f->stamp },
		{ "sheet", XLSX_FORM_SHEET },
	};
	int rc = 0;
	lxw_row_t row = 0;
	for (; !rc && row < sizeof meta / sizeof meta[0]; row++) {
		rc = put_in(f, ws, row, 0, meta[row][0], NULL);
		rc = rc ? rc : put_in(f, ws, row, 1, meta[row][1], NULL);
	}
	row++;
	const char *head[] = { "row", "no", "key" };
	for (lxw_col_t c = 0; !rc && c < 3; c++)
		rc = put_in(f, ws, row, c, head[c], NULL);
	for (size_t i = 0; !rc && i < cat->n_items; i++) {
		char sheet_row[24], no[24];
		int a = snprintf(sheet_row, sizeof sheet_row, "%zu", XLSX_FORM_FIRST_ITEM_ROW + i + 1);
		int b = snprintf(no, sizeof no, "%d", cat->items[i].no);
		if (a < 0 || (size_t)a >= sizeof sheet_row || b < 0 || (size_t)b >= sizeof no)
			return fail(f, LXW_ERROR_PARAMETER_VALIDATION, "metadata");
		row++;
		rc = put_in(f, ws, row, 0, sheet_row, NULL);
		rc = rc ? rc : put_in(f, ws, row, 1, no, NULL);
		rc = rc ? rc : put_in(f, ws, row, 2, cat->items[i].key, NULL);
	}
	return rc;
}

static int build(struct form *f, const struct catalog *cat)
{
	if (set_properties(f, cat) < 0)
		return -1;
	f->ws = workbook_add_worksheet(f->wb, XLSX_FORM_SHEET);
	if (!f->ws)
		return fail(f, LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet " XLSX_FORM_SHEET);
	if (add_formats(f) < 0 || set_page(f) < 0 || write_heading(f, cat) < 0)
		return -1;
	for (size_t i = 0; i < cat->n_items; i++)
		if (write_item(f, (lxw_row_t)(XLSX_FORM_FIRST_ITEM_ROW + i), &cat->items[i],
			       f->set ? &f->set->items[i] : NULL) < 0)
			return -1;
	if (write_notes(f) < 0)
		return -1;
	worksheet_freeze_panes(f->ws, XLSX_FORM_FIRST_ITEM_ROW, 0);
	worksheet_set_selection(f->ws, XLSX_FORM_FIRST_ITEM_ROW, COL_STATUS, XLSX_FORM_FIRST_ITEM_ROW, COL_STATUS);
	/* No password: protection keeps the form's own text from being edited
	 * by accident, it is not a security measure. Resizing stays allowed
	 * because long answers need taller rows. */
	lxw_protection prot = { .format_columns = 1, .format_rows = 1 };
	worksheet_protect(f->ws, NULL, &prot);
	return write_meta(f, cat);
}

int xlsx_form_write(const struct catalog *cat, const char *path, struct err *e)
{
	return xlsx_form_export(cat, NULL, NULL, 0, path, e);
}

/* The form of cat with set's answers written to name (fs_tmp_name()). */
static int write_form(const struct catalog *cat, const struct answer_set *set, const struct xlsx_cells_file *files,
		      size_t n_files, const char *path, const char *name, struct err *e)
{
	if (cat->kind != CATALOG_CHECKLIST) {
		err_set(e, "no form for %s: it is a %s catalog, not a checklist", cat->id, catalog_kind_name(cat->kind));
		return -1;
	}
	if (set && (set->n_items != cat->n_items || strcmp(set->catalog_id, cat->id) != 0)) {
		err_set(e, "the answers of %s are for %s, not %s", set->org, set->catalog_id, cat->id);
		return -1;
	}
	struct form f = { .path = path, .e = e, .set = set, .files = files, .n_files = n_files };
	if (clock_stamp(f.stamp, e) < 0)
		return -1;
	f.wb = workbook_new(name);
	if (!f.wb) {
		fail(&f, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL);
		return -1;
	}
	if (build(&f, cat) < 0) {
		lxw_workbook_free(f.wb);
		return -1;
	}
	lxw_error rc = workbook_close(f.wb); /* frees the workbook either way */
	if (rc != LXW_NO_ERROR) {
		fail(&f, rc, NULL);
		return -1;
	}
	return 0;
}

struct fs_tmp *xlsx_form_export_tmp(const struct catalog *cat, const struct answer_set *set,
				    const struct xlsx_cells_file *files, size_t n_files, const char *path, struct err *e)
{
	struct fs_tmp *tmp = fs_tmp_begin(path, e);
	if (tmp && write_form(cat, set, files, n_files, path, fs_tmp_name(tmp), e) < 0) {
		fs_tmp_abort(tmp);
		tmp = NULL;
	}
	return tmp;
}

int xlsx_form_export(const struct catalog *cat, const struct answer_set *set, const struct xlsx_cells_file *files,
		     size_t n_files, const char *path, struct err *e)
{
	struct fs_tmp *tmp = xlsx_form_export_tmp(cat, set, files, n_files, path, e);
	return tmp ? fs_tmp_commit(tmp, path, e) : -1;
}

int xlsx_form_export_bytes(const struct catalog *cat, const struct answer_set *set,
			   const struct xlsx_cells_file *files, size_t n_files, const char *dir, size_t max, char **out,
			   size_t *len, struct err *e)
{
	*out = NULL;
	char *path = xasprintf("%s/form.xlsx", dir);
	struct fs_tmp *tmp = fs_tmp_begin(path, e);
	int rc = !tmp || write_form(cat, set, files, n_files, path, fs_tmp_name(tmp), e) < 0 ||
			 fs_read_file(fs_tmp_name(tmp), max, out, len, e) < 0
		 ? -1
		 : 0;
	fs_tmp_abort(tmp);
	free(path);
	return rc;
}
