/* text_diff: tokens by script run, deleted before inserted, golden outputs. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/text_diff.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* The diff as one line: [-deleted-] and {+inserted+} around changes. */
static char *shown(const char *before, const char *after)
{
	struct text_diff *d = text_diff_new(before, after);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct text_diff_seg *s = &d->segs[i];
		assert_true(s->text[0] != '\0');
		if (i > 0)
			assert_true(s->op != d->segs[i - 1].op);
		strbuf_addstr(&sb, s->op == TEXT_DIFF_DEL ? "[-" : s->op == TEXT_DIFF_INS ? "{+" : "");
		strbuf_addstr(&sb, s->text);
		strbuf_addstr(&sb, s->op == TEXT_DIFF_DEL ? "-]" : s->op == TEXT_DIFF_INS ? "+}" : "");
	}
	text_diff_free(d);
	return strbuf_detach(&sb);
}

static void diff_is(const char *before, const char *after, const char *want)
{
	char *got = shown(before, after);
	assert_string_equal(got, want);
	free(got);
}

static void test_equal_and_empty(void **state)
{
	(void)state;
	diff_is("", "", "");
	diff_is(NULL, NULL, "");
	diff_is("同じ文章です。", "同じ文章です。", "同じ文章です。");
	diff_is("", "追加", "{+追加+}");
	diff_is("削除", NULL, "[-削除-]");
	struct text_diff *d = text_diff_new("a", "a");
	assert_int_equal(d->n, 1);
	assert_string_equal(text_diff_op_name(d->segs[0].op), "same");
	text_diff_free(d);
	text_diff_free(NULL);
	assert_string_equal(text_diff_op_name(TEXT_DIFF_DEL), "del");
	assert_string_equal(text_diff_op_name(TEXT_DIFF_INS), "ins");
}

/* Runs of kana, of letters and digits are words; each kanji is one. */
static void test_japanese_runs(void **state)
{
	(void)state;
	diff_is("多要素認証を導入済みです。", "生体認証を導入済みです。", "[-多要素-]{+生体+}認証を導入済みです。");
	diff_is("年1回の脆弱性診断を実施。", "年2回の脆弱性診断を実施。", "年[-1-]{+2+}回の脆弱性診断を実施。");
	diff_is("ログを保存している", "ログを長期間保存している", "ログを{+長期間+}保存している");
	diff_is("アクセス制御を実施", "アクセス管理を実施", "アクセス[-制御-]{+管理+}を実施");
	diff_is("2024年3月末までに対応予定", "2024年9月末までに対応予定。", "2024年[-3-]{+9+}月末までに対応予定{+。+}");
	/* Full-width digits and letters are one run with ASCII ones. */
	diff_is("ＷＡＦを導入", "WAFを導入", "[-ＷＡＦ-]{+WAF+}を導入");
}

/* Punctuation, spaces and line breaks are tokens alone. */
static void test_punctuation_and_lines(void **state)
{
	(void)state;
	diff_is("一、二、三", "一、三", "一、[-二、-]三");
	diff_is("first line\nsecond", "first line\nthird", "first line\n[-second-]{+third+}");
	diff_is("a b c", "a c b", "a [-b c-]{+c b+}");
	/* One character kept between two changes joins them. */
	diff_is("本番環境で月次に確認", "検証環境で週次に確認", "[-本番-]{+検証+}環境で[-月-]{+週+}次に確認");
	diff_is("外部の監査法人による", "社内の監査部門が", "[-外部-]{+社内+}の監査[-法人による-]{+部門が+}");
}

/* Past the table's bound the middle is shown deleted and inserted whole;
 * the common start and end are still common. */
static void test_too_long(void **state)
{
	(void)state;
	size_t n = 2100;
	char *a = xmalloc(2 * n + 8), *b = xmalloc(2 * n + 8);
	strcpy(a, "前");
	strcpy(b, "前");
	for (size_t i = 0; i < n; i++) {
		strcat(a, "a,");
		strcat(b, "b,");
	}
	strcat(a, "後");
	strcat(b, "後");
	struct text_diff *d = text_diff_new(a, b);
	assert_int_equal(d->n, 4);
	assert_string_equal(d->segs[0].text, "前");
	assert_int_equal(d->segs[1].op, TEXT_DIFF_DEL);
	assert_int_equal(strlen(d->segs[1].text), 2 * n - 1);
	assert_int_equal(d->segs[2].op, TEXT_DIFF_INS);
	assert_string_equal(d->segs[3].text, ",後");
	text_diff_free(d);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_and_empty),
		cmocka_unit_test(test_japanese_runs),
		cmocka_unit_test(test_punctuation_and_lines),
		cmocka_unit_test(test_too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
