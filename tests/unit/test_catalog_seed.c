/*
 * The shipped catalogs against the seed documents they came from, item by
 * item: the text is the seed's, less the line-wrap spaces (text_unwrap), and
 * the refs are the seed's 関連規定 / 関連規定箇所 parts, paired in order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

#define SEED_004 "catalog/sources/004_f11c7a6eb96fd414.txt"
#define SEED_000 "catalog/sources/000_facbf1237c5cd287.txt"

static struct catalog_files files;

static int setup(void **state)
{
	(void)state;
	struct err e = { 0 };
	if (catalog_files_load("catalog", &files, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_files_release(&files);
	return 0;
}

/* Splits line at tabs into at most max fields (in place); returns the count. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++) {
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	}
	for (int i = n; i < max; i++)
		f[i] = "";
	return n;
}

static char **seed_lines(const char *path, size_t *n)
{
	char *buf;
	struct err e = { 0 };
	assert_int_equal(fs_read_file(path, 1 << 20, &buf, NULL, &e), 0);
	char **lines = NULL;
	*n = 0;
	for (char *save = NULL, *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		lines = xrealloc(lines, (*n + 1) * sizeof *lines);
		lines[(*n)++] = xstrdup(l);
	}
	free(buf);
	return lines;
}

static void free_lines(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void assert_unwrapped_equal(const char *seed, const char *got)
{
	char *want = text_unwrap(seed);
	assert_string_equal(got, want);
	free(want);
}

/* The n-th "-----" part of a seed cell; NULL past the last. */
static char *seed_part(const char *cell, size_t n)
{
	const char *p = cell;
	for (size_t i = 0; i < n; i++) {
		p = strstr(p, "-----");
		if (!p)
			return NULL;
		p += 5;
	}
	const char *end = strstr(p, "-----");
	return xstrndup(p, end ? (size_t)(end - p) : strlen(p));
}

/* The clauses of a ref, joined back the way the seed prints them. */
static char *join_clauses(const struct catalog_ref *ref)
{
	bool statutes = strchr(ref->clauses[0], ' ') == NULL;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < ref->n_clauses; i++) {
		if (i)
			strbuf_addstr(&sb, statutes ? "、" : " ");
		strbuf_addstr(&sb, ref->clauses[i]);
	}
	return strbuf_detach(&sb);
}

static void test_checklist_matches_seed_004(void **state)
{
	(void)state;
	const struct catalog *cat = catalog_files_find(&files, "api-checklist-2018-08");
	assert_non_null(cat);
	size_t nlines, seen = 0;
	char **lines = seed_lines(SEED_004, &nlines);
	for (size_t i = 0; i < nlines; i++) {
		char *f[10];
		if (split_tabs(lines[i], f, 10) < 4 || !(f[0][0] >= '1' && f[0][0] <= '9'))
			continue; /* titles, dates, repeated header rows: page debris */
		int no = atoi(f[0]);
		const struct catalog_item *it = catalog_find_no(cat, no);
		assert_non_null(it);
		assert_int_equal(it - cat->items, seen); /* in the seed's order */
		seen++;
		assert_unwrapped_equal(f[1], it->category);
		assert_unwrapped_equal(f[2], it->text);
		assert_string_equal(party_label(it->party), f[3]);
		assert_unwrapped_equal(f[9], it->notes);
		size_t parts = 0;
		for (char *doc; (doc = text_is_blank(f[7]) ? NULL : seed_part(f[7], parts)); parts++) {
			char *clauses = seed_part(f[8], parts);
			assert_non_null(clauses);
			assert_true(parts < it->n_refs);
			assert_unwrapped_equal(doc, it->refs[parts].doc);
			char *joined = join_clauses(&it->refs[parts]);
			assert_unwrapped_equal(clauses, joined);
			free(joined);
			free(doc);
			free(clauses);
		}
		assert_int_equal(parts, it->n_refs);
	}
	free_lines(lines, nlines);
	assert_int_equal(seen, 45);
	assert_int_equal(cat->n_items, 45);
}

static void test_checklist_counts(void **state)
{
	(void)state;
	const struct catalog *cat = catalog_files_find(&files, "api-checklist-2018-08");
	int connector = 0, common = 0, bank = 0;
	struct strbuf noref = STRBUF_INIT;
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		connector += it->party == PARTY_CONNECTOR;
		common += it->party == PARTY_COMMON;
		bank += it->party == PARTY_BANK;
		if (!it->n_refs)
			strbuf_addf(&noref, "%s%d", noref.len ? "," : "", it->no);
	}
	assert_int_equal(connector, 30);
	assert_int_equal(common, 9);
	assert_int_equal(bank, 6);
	assert_string_equal(noref.buf, "8,19,25,26,27,33,34,38,41");
	strbuf_release(&noref);
	assert_string_equal(cat->title, "「API接続チェックリスト原案(フォーマット)」(A3横Excel版)サンプル");
	assert_string_equal(cat->publisher, "API接続チェックリストワーキンググループ");
	assert_string_equal(cat->date, "2018-08-02");
}

static void test_checklist_paired_refs(void **state)
{
	(void)state;
	const struct catalog *cat = catalog_files_find(&files, "api-checklist-2018-08");
	const struct catalog_item *it = catalog_find_no(cat, 3);
	assert_int_equal(it->n_refs, 2);
	assert_string_equal(it->refs[0].doc, "銀行API報告書・セキュリティ原則");
	assert_int_equal(it->refs[0].n_clauses, 2);
	assert_string_equal(it->refs[0].clauses[0], "3.3.1 API接続先の適格性 d");
	assert_string_equal(it->refs[0].clauses[1], "3.3.3 内部からの不正アクセス対策 e");
	assert_string_equal(it->refs[1].doc, "FISC・安対基準");
	assert_int_equal(it->refs[1].n_clauses, 2);
	assert_string_equal(it->refs[1].clauses[0], "統13");
	assert_string_equal(it->refs[1].clauses[1], "監1");

	it = catalog_find_no(cat, 36);
	assert_int_equal(it->n_refs, 1);
	assert_int_equal(it->refs[0].n_clauses, 2);
	assert_string_equal(it->refs[0].clauses[0], "3.3.2 外部からの不正アクセス対策 t");
	assert_string_equal(it->refs[0].clauses[1], "3.3.4 不正アクセス発生時の対応 b");

	char *text = catalog_ref_clauses_text(&catalog_find_no(cat, 3)->refs[1]);
	assert_string_equal(text, "統13、監1");
	free(text);
	text = catalog_ref_clauses_text(&catalog_find_no(cat, 36)->refs[0]);
	assert_string_equal(text, "3.3.2 外部からの不正アクセス対策 t\n3.3.4 不正アクセス発生時の対応 b");
	free(text);
}

static void test_criteria_match_seed_000(void **state)
{
	(void)state;
	const struct catalog *cat = catalog_files_find(&files, "bank-criteria-sample");
	assert_non_null(cat);
	size_t nlines, seen = 0;
	char **lines = seed_lines(SEED_000, &nlines);
	char *section = NULL, *category = NULL, part[4] = "";
	for (size_t i = 0; i < nlines; i++) {
		char *f[3];
		split_tabs(lines[i], f, 3);
		if (f[0][0] == '(' && f[0][2] == ')') {
			free(section);
			section = text_unwrap(f[0]);
			memcpy(part, f[0], 3);
			continue;
		}
		if (!(f[0][0] >= '1' && f[0][0] <= '9'))
			continue;
		char key[16];
		assert_true(snprintf(key, sizeof key, "%s-%s", part, f[0]) < (int)sizeof key);
		const struct catalog_item *it = catalog_find_key(cat, key);
		assert_non_null(it);
		assert_int_equal(it - cat->items, seen);
		seen++;
		assert_int_equal(it->no, atoi(f[0]));
		assert_string_equal(it->section, section);
		if (strcmp(key, "(1)-12") == 0) {
			/* The damaged row: only its category word survives, in the
			 * text column; the text itself is lost. */
			free(category);
			category = text_unwrap(f[2]);
			assert_true(it->damaged);
			assert_null(it->text);
		} else if (strcmp(key, "(1)-13") == 0 || strcmp(key, "(1)-14") == 0) {
			/* Their text sits in the 区分 column of the seed. */
			assert_false(it->damaged);
			assert_unwrapped_equal(f[1], it->text);
		} else {
			if (!text_is_blank(f[1])) {
				free(category);
				category = text_unwrap(f[1]); /* a blank 区分 continues the one above */
			}
			assert_false(it->damaged);
			assert_unwrapped_equal(f[2], it->text);
		}
		assert_string_equal(it->category, category);
	}
	free(section);
	free(category);
	free_lines(lines, nlines);
	assert_int_equal(seen, 57);
	assert_int_equal(cat->n_items, 57);
	assert_string_equal(cat->items[55].key, "(2)-1");
	assert_string_equal(cat->items[56].key, "(2)-2");
	assert_string_equal(catalog_find_key(cat, "(1)-14")->category, "外部委託管理");
	assert_string_equal(catalog_find_key(cat, "(1)-3")->category, "情報・セキュリティ管理態勢");
}

static void test_mapping_matches_reference(void **state)
{
	(void)state;
	assert_int_equal(files.n_mappings, 1);
	const struct mapping *m = files.mappings[0];
	assert_string_equal(m->criteria_id, "bank-criteria-sample");
	assert_string_equal(m->checklist_id, "api-checklist-2018-08");
	assert_int_equal(m->n_rows, 57);
	/* Spot checks across every relation the file uses. */
	assert_string_equal(m->rows[0].criterion, "(1)-1");
	assert_int_equal(m->rows[0].relation, RELATION_INTERSECTS);
	assert_int_equal(m->rows[22].n_items, 2);
	assert_int_equal(m->rows[22].items[0], 18);
	assert_int_equal(m->rows[22].items[1], 11);
	assert_int_equal(m->rows[11].relation, RELATION_NONE);
	assert_int_equal(m->rows[11].n_items, 0);
	/* The notes in Japanese, English the alternate. */
	assert_string_equal(m->rows[26].note, "表記の違い：基準は「ウィルス」、チェックリストは「ウイルス」");
	assert_string_equal(m->rows[26].note_en, "spelling: ウィルス in the criterion, ウイルス in the checklist");
	assert_string_equal(m->rows[1].note, "");
	assert_string_equal(m->rows[1].note_en, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checklist_matches_seed_004),
		cmocka_unit_test(test_checklist_counts),
		cmocka_unit_test(test_checklist_paired_refs),
		cmocka_unit_test(test_criteria_match_seed_000),
		cmocka_unit_test(test_mapping_matches_reference),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
