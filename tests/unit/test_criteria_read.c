/* A bank's criteria from its own file: seed 000's text export read back as
 * exactly the shipped catalog, the same list as TSV, CSV (quoting, BOM,
 * CP932) and .xlsx, sections and numbering, and every error with its exact
 * message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "formats/criteria_read.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

#define SEED "catalog/sources/000_facbf1237c5cd287.txt"

/* Reads s as format f; fails the test on an error. */
static struct catalog *read_ok(const char *name, const char *s, size_t len, enum criteria_format f,
			       struct criteria_warnings *w)
{
	struct catalog *cat;
	struct err e = { 0 };
	if (criteria_read(name, s, len ? len : strlen(s), f, &cat, w, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(cat->kind, CATALOG_CRITERIA);
	return cat;
}

/* Fails with message want, kept as data with code (its place the message's). */
static void read_fails(const char *name, const char *s, size_t len, enum criteria_format f, const char *want,
		       const char *code)
{
	struct catalog *cat = (struct catalog *)1;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	assert_int_equal(criteria_read(name, s, len ? len : strlen(s), f, &cat, &w, &e), -1);
	assert_null(cat);
	assert_string_equal(e.msg, want);
	assert_string_equal(e.code, code);
	size_t n = strlen(e.where);
	assert_true(n > 0);
	assert_memory_equal(e.msg, e.where, n);
	assert_memory_equal(e.msg + n, ": ", 2);
	criteria_warnings_release(&w);
}

/* Every item of got equals the shipped catalog's, field by field. */
static void assert_is_sample(const struct catalog *got)
{
	size_t len;
	char *json = fixture_bytes("catalog/bank-criteria-sample.json", &len);
	struct catalog *want;
	struct err e = { 0 };
	assert_int_equal(catalog_json_parse("sample", json, len, &want, &e), 0);
	assert_string_equal(got->title, want->title);
	assert_int_equal(got->n_items, 57);
	assert_int_equal(got->n_items, want->n_items);
	for (size_t i = 0; i < want->n_items; i++) {
		const struct catalog_item *g = &got->items[i], *w = &want->items[i];
		assert_string_equal(g->key, w->key);
		assert_int_equal(g->no, w->no);
		assert_string_equal(g->section, w->section);
		assert_string_equal(g->category, w->category);
		assert_int_equal(g->damaged, w->damaged);
		if (w->text)
			assert_string_equal(g->text, w->text);
		else
			assert_null(g->text);
	}
	catalog_free(want);
	free(json);
}

static const char *const seed_warnings[] = {
	"(1)-12: only 「外部委託管理」 survives; kept as damaged",
	"(1)-13: the text stood in the 区分 column; read as its 項目",
	"(1)-14: the text stood in the 区分 column; read as its 項目",
};

static void assert_warnings(const struct criteria_warnings *w, const char *const *want, size_t n)
{
	for (size_t i = 0; i < w->n && i < n; i++)
		assert_string_equal(w->lines[i], want[i]);
	assert_int_equal(w->n, n);
}

static void test_seed_text(void **state)
{
	(void)state;
	size_t len;
	char *seed = fixture_bytes(SEED, &len);
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("000.txt", seed, len, CRITERIA_TEXT, &w);
	assert_is_sample(cat);
	assert_warnings(&w, seed_warnings, 3);
	catalog_free(cat);
	criteria_warnings_release(&w);
	/* The same bytes as TSV: the seed has no wrapped cells, so the same list. */
	cat = read_ok("000.tsv", seed, len, CRITERIA_TSV, &w);
	assert_is_sample(cat);
	assert_warnings(&w, seed_warnings, 3);
	catalog_free(cat);
	criteria_warnings_release(&w);
	free(seed);
}

/* The seed as CSV: BOM, CRLF, columns reordered under synonyms, every field
 * quoted. */
static void test_seed_csv(void **state)
{
	(void)state;
	size_t len;
	char *seed = fixture_bytes(SEED, &len);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "\xEF\xBB\xBF");
	for (char *line = strtok(seed, "\n"); line; line = strtok(NULL, "\n")) {
		char *f[3] = { line, "", "" };
		char *tab = strchr(line, '\t');
		if (tab) {
			*tab = '\0';
			f[1] = tab + 1;
			if ((tab = strchr(f[1], '\t'))) {
				*tab = '\0';
				f[2] = tab + 1;
			}
		}
		if (strcmp(f[0], "通番") == 0)
			f[0] = "No.", f[1] = "分類", f[2] = "内容";
		strbuf_addf(&sb, "\"%s\",\"%s\",\"%s\"\r\n", f[2], f[0], f[1]);
	}
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("000.csv", sb.buf, sb.len, CRITERIA_CSV, &w);
	assert_is_sample(cat);
	assert_warnings(&w, seed_warnings, 3);
	catalog_free(cat);
	criteria_warnings_release(&w);
	strbuf_release(&sb);
	free(seed);
}

static void test_csv_quoting(void **state)
{
	(void)state;
	static const char csv[] = "基準一覧\r\n"
				  "通番,区分,項目,備考\n"
				  "1,\"体制, 組織\",\"一行目\r\n二行目\",\"メモ\"\n"
				  "2,,\"「\"\"引用\"\"」を含む\",\n"
				  "\"3\",運用,a\"b,\n"
				  "\n"
				  ",,,備考だけ\n"
				  "4,,\n"
				  "通番,区分,項目\n"
				  "基準一覧\n";
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("c.csv", csv, 0, CRITERIA_CSV, &w);
	assert_string_equal(cat->title, "基準一覧");
	assert_int_equal(cat->n_items, 3);
	assert_string_equal(cat->items[0].key, "1");
	assert_null(cat->items[0].section);
	assert_string_equal(cat->items[0].category, "体制, 組織");
	assert_string_equal(cat->items[0].text, "一行目\n二行目");
	assert_string_equal(cat->items[1].category, "体制, 組織");
	assert_string_equal(cat->items[1].text, "「\"引用\"」を含む");
	assert_string_equal(cat->items[2].key, "3");
	assert_string_equal(cat->items[2].text, "a\"b");
	static const char *const want[] = {
		"c.csv:8: skipped: nothing under 通番, 区分 or 項目",
		"c.csv:9: 通番 4 has neither 区分 nor 項目: skipped",
	};
	assert_warnings(&w, want, 2);
	/* the same rows as a preview shows them, with what they hold */
	assert_int_equal(w.left.n, 2);
	assert_string_equal(w.left.at[0], "c.csv:8");
	assert_string_equal(w.left.text[0], "備考だけ");
	assert_string_equal(w.left.at[1], "c.csv:9");
	assert_string_equal(w.left.text[1], "4");
	catalog_free(cat);
	criteria_warnings_release(&w);
}

static void test_cp932(void **state)
{
	(void)state;
	/* 番号,分類,内容 / 1,経営,経営陣の関与を明確にする / 2,,役職員に周知する in CP932 */
	static const char sjis[] =
		"\x94\xd4\x8d\x86,\x95\xaa\x97\xde,\x93\xe0\x97" "e\r\n1,\x8co\x89" "c,\x8co\x89" "c\x90w\x82\xcc\x8a\xd6"
		"\x97^\x82\xf0\x96\xbe\x8am\x82\xc9\x82\xb7\x82\xe9\r\n2,,\x96\xf0\x90" "E\x88\xf5\x82\xc9\x8e\xfc\x92m"
		"\x82\xb7\x82\xe9\r\n";
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("sjis.csv", sjis, 0, CRITERIA_CSV, &w);
	assert_null(cat->title);
	assert_int_equal(cat->n_items, 2);
	assert_string_equal(cat->items[0].category, "経営");
	assert_string_equal(cat->items[0].text, "経営陣の関与を明確にする");
	assert_string_equal(cat->items[1].category, "経営");
	assert_string_equal(cat->items[1].text, "役職員に周知する");
	static const char *const want[] = { "read as Shift_JIS (CP932): the file is not UTF-8" };
	assert_warnings(&w, want, 1);
	catalog_free(cat);
	criteria_warnings_release(&w);
}

/* Sections, numbering restarting, two-part numbers in the cell, full-width. */
static void test_sections(void **state)
{
	(void)state;
	static const char tsv[] = "通番\t区分\t項目\n"
				  "（１）第一部\n"
				  "１\t管理\t規程を定める\n"
				  "2\t\t周知する\n"
				  "第二部\t\t\n"
				  "1\t運用\t監視する\n"
				  "(1)－3\t\t第一部へ戻る\n"
				  "12.0\t\t数値のセル\n";
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("s.tsv", tsv, 0, CRITERIA_TSV, &w);
	assert_null(cat->title);
	assert_int_equal(cat->n_items, 5);
	const char *keys[] = { "(1)-1", "(1)-2", "(2)-1", "(1)-3", "(2)-12" };
	const char *sections[] = { "（１）第一部", "（１）第一部", "第二部", "（１）第一部", "第二部" };
	const int nos[] = { 1, 2, 1, 3, 12 };
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(cat->items[i].key, keys[i]);
		assert_string_equal(cat->items[i].section, sections[i]);
		assert_int_equal(cat->items[i].no, nos[i]);
	}
	/* The category carries within a section, not into the next. */
	assert_string_equal(cat->items[1].category, "管理");
	assert_string_equal(cat->items[3].category, "運用");
	assert_int_equal(w.n, 0);
	catalog_free(cat);
	criteria_warnings_release(&w);
}

/* Keys as banks write them, kept as written, in the order they come;
 * numbered by place. */
static void test_keys_as_written(void **state)
{
	(void)state;
	static const char tsv[] = "通番\t区分\t項目\n"
				  "A-1\t管理\t規程を定める\n"
				  "1-1\t\t周知する\n"
				  "1.1\t\t点検する\n"
				  "①\t運用\t監視する\n"
				  "第1条\t\t記録する\n"
				  "I-1\t\t報告する\n";
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("k.tsv", tsv, 0, CRITERIA_TSV, &w);
	assert_int_equal(cat->n_items, 6);
	const char *keys[] = { "A-1", "1-1", "1.1", "①", "第1条", "I-1" };
	const char *cats[] = { "管理", "管理", "管理", "運用", "運用", "運用" };
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(cat->items[i].key, keys[i]);
		assert_string_equal(cat->items[i].category, cats[i]);
		assert_int_equal(cat->items[i].no, (int)i + 1);
		assert_null(cat->items[i].section);
	}
	assert_int_equal(w.n, 0);
	catalog_free(cat);
	criteria_warnings_release(&w);
}

/* cat's items are want's n rows of key, section, 区分, text, in order. */
static void assert_items(const struct catalog *cat, const char *const want[][4], size_t n)
{
	assert_int_equal(cat->n_items, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(cat->items[i].key, want[i][0]);
		assert_string_equal(cat->items[i].section, want[i][1]);
		assert_string_equal(cat->items[i].category, want[i][2]);
		assert_string_equal(cat->items[i].text, want[i][3]);
		assert_int_equal(cat->items[i].no, (int)i + 1);
	}
}

/* The lines left out are want's n rows of place and text. */
static void assert_left(const struct criteria_left *l, const char *const want[][2], size_t n)
{
	assert_int_equal(l->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(l->at[i], want[i][0]);
		assert_string_equal(l->text[i], want[i][1]);
	}
}

/* The list form as banks publish it: a title and a preamble left out,
 * nested numbered headings, ①, bullets numbered under their heading, a
 * wrapped line joined, 以上 ending the list. */
static void test_list_form(void **state)
{
	(void)state;
	size_t len;
	char *txt = fixture_bytes("tests/fixtures/criteria/list.txt", &len);
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("list.txt", txt, len, CRITERIA_TEXT, &w);
	assert_string_equal(cat->title, "電子決済等代行業者に求める基準");
	static const char *const want[][4] = {
		{ "1-(1)-①", "経営管理", "経営陣の関与", "経営陣が情報セキュリティ管理態勢の整備に関与していること" },
		{ "1-(1)-②", "経営管理", "経営陣の関与", "役職員への周知を、年1回以上行っていること" },
		{ "1-(2)", "経営管理", "経営管理", "内部監査を定期的に実施していること" },
		{ "2-1", "セキュリティ", "セキュリティ", "利用者の認証情報を暗号化して保管していること" },
		{ "2-2", "セキュリティ", "セキュリティ", "不正アクセスを検知する仕組みがあること" },
		{ "3-(1)", "利用者保護", "利用者保護", "苦情処理の体制があること" },
		{ "3-(2)", "利用者保護", "利用者保護", "利用規約を公表していること" },
	};
	assert_items(cat, want, 7);
	assert_int_equal(w.n, 0);
	/* the lines left out, for the page's preview: title, preamble, 以上 */
	static const char *const left[][2] = {
		{ "list.txt:1", "電子決済等代行業者に求める基準" },
		{ "list.txt:3", "当行は、電子決済等代行業者との接続にあたり、以下の基準を求めます。基準は以下のとおりです。" },
		{ "list.txt:17", "以上" },
	};
	assert_left(&w.left, left, 3);
	catalog_free(cat);
	criteria_warnings_release(&w);
	assert_int_equal(w.left.n, 0);
	free(txt);
	read_fails("l.txt", "基準\n当行は、以下のとおりです。\n", 0, CRITERIA_TEXT,
		   "l.txt: no criteria in the list form (want numbered lines: 1. (1) ① ・)", "list_empty");
	read_fails("l.txt", "基準\n1. 管理\n(1) a\n(1) b\n", 0, CRITERIA_TEXT,
		   "l.txt:4: 通番 1-(1) again (first at l.txt:3)", "number_again");
	/* a heading with no words: its criteria take the title as their 区分 */
	struct catalog *bare = read_ok("l.txt", "基準\n1.\n(1) a\n", 0, CRITERIA_TEXT, &w);
	assert_int_equal(bare->n_items, 1);
	assert_string_equal(bare->items[0].key, "1-(1)");
	assert_string_equal(bare->items[0].category, "基準");
	assert_null(bare->items[0].section);
	catalog_free(bare);
	criteria_warnings_release(&w);
	read_fails("l.txt", "1. a\n", 0, CRITERIA_TEXT,
		   "l.txt:1: a criterion with no heading above it and no title", "list_no_category");
}

/* A list as a new user pasted it (walk.txt): a heading's paragraph is a
 * criterion under those words, never glued to them, except beside sections
 * with criteria, where it is the bank's policy, left out; a ① sentence with ・
 * sub-points is one criterion, its points on lines of its text, in the
 * document's order; the title is left out and is no one's 区分. */
static void test_list_walk(void **state)
{
	(void)state;
	size_t len;
	char *txt = fixture_bytes("tests/fixtures/criteria/walk.txt", &len);
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("walk.txt", txt, len, CRITERIA_TEXT, &w);
	static const char *const want[][4] = {
		{ "2-(1)-①", "契約締結の基準", "法令等の遵守態勢", "銀行法その他関係法令を遵守する態勢が整備されていること" },
		{ "2-(1)-②", "契約締結の基準", "法令等の遵守態勢", "反社会的勢力との関係を遮断する態勢が整備されていること" },
		{ "2-(2)-①", "契約締結の基準", "情報セキュリティ管理態勢",
		  "情報セキュリティに関する規程が整備され、定期的に見直されていること\n"
		  "・アクセス権限の管理が適切に行われていること\n・アクセスログを１年以上保存していること" },
		{ "2-(2)-②", "契約締結の基準", "情報セキュリティ管理態勢", "外部委託先の管理が適切に行われていること" },
		{ "2-(3)-①", "契約締結の基準", "利用者保護態勢", "利用者からの苦情・相談に対応する体制が整備されていること" },
		{ "2-(3)-②", "契約締結の基準", "利用者保護態勢", "不正取引発生時の補償方針が定められていること" },
	};
	assert_items(cat, want, 6);
	/* 1. 基本方針 and 3. 基準の見直し: words and a paragraph beside sections
	 * with criteria, the bank's policy (no one answers it), left out */
	static const char *const left[][2] = {
		{ "walk.txt:1", "株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針" },
		{ "walk.txt:3", "当行は、銀行法第52条の61の11第1項の規定に基づき、電子決済等代行業者との契約の締結に係る基準を以下のとおり公表します。" },
		{ "walk.txt:5", "令和9年4月1日 制定" },
		{ "walk.txt:7", "基本方針" },
		{ "walk.txt:8", "当行は、利用者保護と利便性向上の観点から、以下の基準を満たす事業者と契約を締結します。" },
		{ "walk.txt:21", "基準の見直し" },
		{ "walk.txt:22", "本基準は、必要に応じて見直しを行います。" },
		{ "walk.txt:24", "以上" },
	};
	assert_left(&w.left, left, 8);
	catalog_free(cat);
	criteria_warnings_release(&w);
	free(txt);
	/* a wrapped line joins with no break; one after a finished sentence keeps its line */
	cat = read_ok("l.txt", "基準\n1. 管理\n(1) 態勢が\n整備されていること\n(2) 規程があること。\n年1回見直すこと\n", 0,
		      CRITERIA_TEXT, &w);
	assert_int_equal(cat->n_items, 2);
	assert_string_equal(cat->items[0].text, "態勢が整備されていること");
	assert_string_equal(cat->items[1].text, "規程があること。\n年1回見直すこと");
	catalog_free(cat);
	criteria_warnings_release(&w);
	/* a heading's paragraph with criteria under it is no criterion: left out, at the heading's line */
	cat = read_ok("l.txt", "基準\n1. 基本方針\n当行は、次を求めます。\n(1) 態勢があること\n", 0, CRITERIA_TEXT, &w);
	assert_int_equal(cat->n_items, 1);
	assert_string_equal(cat->items[0].key, "1-(1)");
	assert_string_equal(cat->items[0].category, "基本方針");
	assert_int_equal(w.left.n, 2);
	assert_string_equal(w.left.at[1], "l.txt:2");
	assert_string_equal(w.left.text[1], "当行は、次を求めます。");
	catalog_free(cat);
	criteria_warnings_release(&w);
	/* words and a paragraph with no section beside them that has criteria:
	 * a flat list, where the paragraph is the criterion */
	cat = read_ok("l.txt", "基準\n1. 基本方針\n当行は、次を求めます。\n2. 監査\n監査を受けること\n", 0, CRITERIA_TEXT,
		      &w);
	static const char *const flat[][4] = {
		{ "1", "基本方針", "基本方針", "当行は、次を求めます。" },
		{ "2", "監査", "監査", "監査を受けること" },
	};
	assert_items(cat, flat, 2);
	catalog_free(cat);
	criteria_warnings_release(&w);
}

/* A workbook: a cover sheet without the header, then the list with its
 * title, columns in another order, numbers as numbers, merged 区分. */
static void test_xlsx(void **state)
{
	(void)state;
	char path[] = "/tmp/shinsa-crit-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *cover = workbook_add_worksheet(wb, "表紙");
	worksheet_write_string(cover, 0, 0, "表紙です", NULL);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "基準");
	worksheet_write_string(ws, 0, 1, "当行の基準", NULL);
	worksheet_write_string(ws, 2, 1, "項目", NULL);
	worksheet_write_string(ws, 2, 2, "通 番", NULL);
	worksheet_write_string(ws, 2, 3, "カテゴリー", NULL);
	worksheet_write_string(ws, 3, 1, "方針を定める", NULL);
	worksheet_write_number(ws, 3, 2, 1, NULL);
	worksheet_merge_range(ws, 3, 3, 4, 3, "統制", NULL);
	worksheet_write_string(ws, 4, 1, " 見直す\n（年1回） ", NULL);
	worksheet_write_number(ws, 4, 2, 2, NULL);
	worksheet_write_string(ws, 5, 1, "重複", NULL);
	worksheet_write_number(ws, 5, 2, 2, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	size_t len;
	char *data = fixture_bytes(path, &len);
	unlink(path);
	struct catalog *cat = (struct catalog *)1;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	assert_int_equal(criteria_read("k.xlsx", data, len, CRITERIA_XLSX, &cat, &w, &e), -1);
	assert_string_equal(e.msg, "基準!C6: 通番 2 again (first at 基準!C5)");
	/* Without the duplicate row (its cells cut out of the sheet's XML is more
	 * work than writing it again). */
	wb = workbook_new(path);
	ws = workbook_add_worksheet(wb, "基準");
	worksheet_write_string(ws, 0, 1, "当行の基準", NULL);
	worksheet_write_string(ws, 2, 1, "項目", NULL);
	worksheet_write_string(ws, 2, 2, "通 番", NULL);
	worksheet_write_string(ws, 2, 3, "カテゴリー", NULL);
	worksheet_write_string(ws, 3, 1, "方針を定める", NULL);
	worksheet_write_number(ws, 3, 2, 1, NULL);
	worksheet_merge_range(ws, 3, 3, 4, 3, "統制", NULL);
	worksheet_write_string(ws, 4, 1, " 見直す\n（年1回） ", NULL);
	worksheet_write_number(ws, 4, 2, 2, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	free(data);
	data = fixture_bytes(path, &len);
	unlink(path);
	cat = read_ok("k.xlsx", data, len, CRITERIA_XLSX, &w);
	assert_string_equal(cat->title, "当行の基準");
	assert_int_equal(cat->n_items, 2);
	assert_string_equal(cat->items[0].key, "1");
	assert_string_equal(cat->items[0].category, "統制");
	assert_string_equal(cat->items[1].key, "2");
	assert_string_equal(cat->items[1].category, "統制");
	assert_string_equal(cat->items[1].text, "見直す\n（年1回）");
	catalog_free(cat);
	criteria_warnings_release(&w);
	free(data);
}

static void test_formats(void **state)
{
	(void)state;
	assert_int_equal(criteria_format_guess("基準.TSV"), CRITERIA_TSV);
	assert_int_equal(criteria_format_guess("a.csv"), CRITERIA_CSV);
	assert_int_equal(criteria_format_guess("a.b.xlsx"), CRITERIA_XLSX);
	assert_int_equal(criteria_format_guess("000.txt"), CRITERIA_TEXT);
	assert_int_equal(criteria_format_guess("a.xls"), 0);
	assert_int_equal(criteria_format_guess("noext"), 0);
	assert_int_equal(criteria_format_parse("text"), CRITERIA_TEXT);
	assert_int_equal(criteria_format_parse("TSV"), 0);
	assert_string_equal(criteria_format_name(CRITERIA_XLSX), "xlsx");
}

#define HEAD "通番\t区分\t項目\n"

static void test_errors(void **state)
{
	(void)state;
	read_fails("e.tsv", "", 0, CRITERIA_TSV, "e.tsv: the file is empty", "empty");
	read_fails("e.csv", "\xEF\xBB\xBF\r\n,,\r\n", 0, CRITERIA_CSV, "e.csv: the file is empty", "empty");
	read_fails("e.tsv", "基準\nNo\t項目\n1\tx\n", 0, CRITERIA_TSV,
		   "e.tsv: no header row (want the columns 通番, 区分 and 項目)", "no_header");
	read_fails("e.tsv", HEAD "(1)前文\n", 0, CRITERIA_TSV, "e.tsv: no criteria below the header row", "no_criteria");
	read_fails("e.tsv", HEAD "1\tA\tx\n\tA\ty\n", 0, CRITERIA_TSV, "e.tsv:3: no 通番 in a row with 区分 or 項目", "no_number");
	read_fails("e.tsv", HEAD "1\tA\tx\n1\t\ty\n", 0, CRITERIA_TSV, "e.tsv:3: 通番 1 again (first at e.tsv:2)", "number_again");
	read_fails("e.tsv", HEAD "(1)\n1\tA\tx\n(1)-1\t\ty\n", 0, CRITERIA_TSV,
		   "e.tsv:4: 通番 (1)-1 again (first at e.tsv:3)", "number_again");
	read_fails("e.tsv", HEAD "A-1\tA\tx\n第1条\tB\ty\nA-1\tB\tz\n", 0, CRITERIA_TSV,
		   "e.tsv:4: 通番 A-1 again (first at e.tsv:2)", "number_again");
	read_fails("e.tsv", HEAD "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三\tA\tx\n", 0, CRITERIA_TSV,
		   "e.tsv:2: 通番 \"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三\" is too long for a key "
		   "(at most 32 characters, on one line)", "key_too_long");
	read_fails("e.tsv", HEAD "1\t\tx\n", 0, CRITERIA_TSV, "e.tsv:2: 区分 is empty and there is none above it to carry down", "no_category");
	/* Too big, too many, too long. */
	size_t big = CRITERIA_MAX_BYTES + 1;
	char *buf = xmalloc(big + 1);
	memset(buf, 'a', big);
	buf[big] = '\0';
	read_fails("big.tsv", buf, big, CRITERIA_TSV, "big.tsv: the file is larger than 4 MiB (4194304 bytes)", "too_large");
	read_fails("big.xlsx", buf, big, CRITERIA_XLSX, "big.xlsx: the file is larger than 4 MiB (4194304 bytes)", "too_large");
	free(buf);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, HEAD);
	for (int i = 1; i <= CRITERIA_MAX_ITEMS + 1; i++)
		strbuf_addf(&sb, "%d\tA\t基準%d\n", i, i);
	read_fails("many.tsv", sb.buf, sb.len, CRITERIA_TSV, "many.tsv:2002: more than 2000 criteria", "too_many");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, HEAD "1\tA\t");
	for (int i = 0; i < CRITERIA_MAX_CELL; i++)
		strbuf_addstr(&sb, "長");
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("long.tsv", sb.buf, sb.len, CRITERIA_TSV, &w); /* 4000 is fine */
	catalog_free(cat);
	strbuf_addstr(&sb, "長\n");
	read_fails("long.tsv", sb.buf, sb.len, CRITERIA_TSV, "long.tsv:2: a cell is longer than 4000 characters", "cell_too_long");
	strbuf_release(&sb);
	/* Encodings. */
	read_fails("bad.csv", "No,Cat,Text\n1,a,b\n2,\x80\xff,c\n", 0, CRITERIA_CSV,
		   "bad.csv:3: the text is neither UTF-8 nor Shift_JIS (CP932)", "encoding");
	read_fails("u16.txt", "\xff\xfeN\0o\0", 6, CRITERIA_TEXT,
		   "u16.txt:1: a NUL byte: not a text file (UTF-16? save it as UTF-8 or CSV)", "nul_byte");
	/* CSV quoting. */
	read_fails("q.csv", "通番,区分,項目\n1,A,\"x\n\n", 0, CRITERIA_CSV, "q.csv:2: a quoted field is not closed", "quote_open");
	read_fails("q.csv", "通番,区分,項目\n1,A,\"x\"y\n", 0, CRITERIA_CSV,
		   "q.csv:2: text after the closing quote of a field (write a quote inside a quoted field as \"\")", "quote_text");
	/* A workbook the xlsx reader refuses: its message after the name. */
	read_fails("x.xlsx", "PK\3\4 not really", 0, CRITERIA_XLSX, "x.xlsx: damaged xlsx file: zip archive is truncated (no central directory)", "workbook");
	read_fails("x.xlsx", "hello", 0, CRITERIA_XLSX, "x.xlsx: not an xlsx file (not a zip archive)", "not_zip");
	criteria_warnings_release(&w);
}

/* The values a refusal keeps as data, for a page's words: the text as the
 * file has it, the place of the first one, the bound passed. */
static void assert_values(const char *name, const char *s, size_t len, enum criteria_format f, const char *code,
			  const char *const *want, unsigned n)
{
	struct catalog *cat;
	struct criteria_warnings w = { 0 };
	struct err e = { 0 };
	assert_int_equal(criteria_read(name, s, len ? len : strlen(s), f, &cat, &w, &e), -1);
	assert_string_equal(e.code, code);
	assert_int_equal(e.n_args, n);
	for (unsigned i = 0; i < n; i++)
		assert_string_equal(e.args[i], want[i]);
	criteria_warnings_release(&w);
}

static void test_error_values(void **state)
{
	(void)state;
	assert_values("e.tsv", HEAD "(1)\n1\tA\tx\n(1)-1\t\ty\n", 0, CRITERIA_TSV, "number_again",
		      (const char *const[]){ "(1)-1", "e.tsv:3" }, 2);
	assert_values("e.tsv", HEAD "1\tA\tx\n\"第1\n条\"\tB\ty\n", 0, CRITERIA_TSV, "key_too_long",
		      (const char *const[]){ "第1\n条" }, 1);
	assert_values("e.tsv", HEAD "1\t\tx\n", 0, CRITERIA_TSV, "no_category", NULL, 0);
	assert_values("x.xlsx", "hello", 0, CRITERIA_XLSX, "not_zip", NULL, 0);
	assert_values("x.xlsx", "PK\3\4 not really", 0, CRITERIA_XLSX, "workbook",
		      (const char *const[]){ "damaged xlsx file: zip archive is truncated (no central directory)" }, 1);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, HEAD);
	for (int i = 1; i <= CRITERIA_MAX_ITEMS + 1; i++)
		strbuf_addf(&sb, "%d\tA\t基準%d\n", i, i);
	assert_values("many.tsv", sb.buf, sb.len, CRITERIA_TSV, "too_many", (const char *const[]){ "2000" }, 1);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, HEAD "1\tA\t");
	for (int i = 0; i <= CRITERIA_MAX_CELL; i++)
		strbuf_addstr(&sb, "長");
	assert_values("long.tsv", sb.buf, sb.len, CRITERIA_TSV, "cell_too_long", (const char *const[]){ "4000" }, 1);
	strbuf_reset(&sb);
	for (size_t i = 0; i <= CRITERIA_MAX_BYTES; i++)
		strbuf_addch(&sb, 'a');
	assert_values("big.tsv", sb.buf, sb.len, CRITERIA_TSV, "too_large", (const char *const[]){ "4194304" }, 1);
	strbuf_release(&sb);
}

/* A TSV that Excel wrote: quoted cells with tabs and line breaks. */
static void test_tsv_quotes(void **state)
{
	(void)state;
	static const char tsv[] = HEAD "1\tA\t\"二行\n目\"\n2\t\t\"x\"y\n";
	struct criteria_warnings w = { 0 };
	struct catalog *cat = read_ok("q.tsv", tsv, 0, CRITERIA_TSV, &w);
	assert_int_equal(cat->n_items, 2);
	assert_string_equal(cat->items[0].text, "二行\n目");
	assert_string_equal(cat->items[1].text, "\"x\"y"); /* not a quoted field: as it stands */
	catalog_free(cat);
	criteria_warnings_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_text), cmocka_unit_test(test_seed_csv),  cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_cp932),	  cmocka_unit_test(test_sections),  cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_formats),	  cmocka_unit_test(test_errors),    cmocka_unit_test(test_tsv_quotes),
		cmocka_unit_test(test_error_values), cmocka_unit_test(test_keys_as_written), cmocka_unit_test(test_list_form), cmocka_unit_test(test_list_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
