/* The seed line-wrap rule and the UTF-8 helpers under it. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/strbuf.h"
#include "lib/text.h"

static void assert_unwrap(const char *in, const char *want)
{
	char *got = text_unwrap(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_unwrap_drops_wraps_between_japanese(void **state)
{
	(void)state;
	assert_unwrap("銀行API報告書・ セキュリティ原則", "銀行API報告書・セキュリティ原則");
	assert_unwrap("統4、統6、統7、 統8", "統4、統6、統7、統8");
	assert_unwrap("実1、実8、実16、 実26", "実1、実8、実16、実26");
	assert_unwrap("(A3横Excel版) サンプル", "(A3横Excel版)サンプル");
	assert_unwrap("全角\u3000空白", "全角空白");
}

static void test_unwrap_keeps_word_spaces(void **state)
{
	(void)state;
	assert_unwrap("3.3.1 API接続先の 適格性 d", "3.3.1 API接続先の適格性 d");
	assert_unwrap("3.3.3 内部からの 不正アクセス対策 e", "3.3.3 内部からの不正アクセス対策 e");
	assert_unwrap("3.3.2 外部からの不正アクセス対策 t、y", "3.3.2 外部からの不正アクセス対策 t、y");
	assert_unwrap("a   b", "a b");
}

static void test_unwrap_trims(void **state)
{
	(void)state;
	assert_unwrap("  統13、監1 ", "統13、監1");
	assert_unwrap(" ", "");
	assert_unwrap("", "");
}

static void test_squeeze(void **state)
{
	(void)state;
	char *s = text_squeeze(" 役職員に\n情報管理\u3000方法を\t周知し、\r\n");
	assert_string_equal(s, "役職員に情報管理方法を周知し、");
	free(s);
}

static void test_blank(void **state)
{
	(void)state;
	assert_true(text_is_blank(NULL));
	assert_true(text_is_blank(" \u3000\n\t"));
	assert_false(text_is_blank(" 共通 "));
}

static void test_utf8(void **state)
{
	(void)state;
	const char *s = "通A";
	assert_int_equal(text_utf8_next(&s), 0x901A);
	assert_int_equal(text_utf8_next(&s), 'A');
	assert_int_equal(text_utf8_next(&s), 0);
	assert_true(text_utf8_valid("通番", strlen("通番")));
	assert_true(text_utf8_valid("\xEF\xBF\xBD", 3)); /* a real U+FFFD is fine */
	assert_false(text_utf8_valid("\xC0\xAF", 2));     /* overlong "/" */
	assert_false(text_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	assert_false(text_utf8_valid("\xE9\x80", 2));     /* truncated */
	assert_false(text_utf8_valid("a\0b", 3));
	assert_true(text_is_wide(0x901A));
	assert_true(text_is_wide(0xFF11)); /* full-width 1 */
	assert_false(text_is_wide('1'));
}

static void test_percent_encode(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	/* Unreserved kept; everything else, NUL and UTF-8 bytes too, as %XX. */
	text_percent_encode(&sb, "aZ09-._~ /?&=%+\0\xe9\x8a\x80", 19);
	assert_string_equal(sb.buf, "aZ09-._~%20%2F%3F%26%3D%25%2B%00%E9%8A%80");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unwrap_drops_wraps_between_japanese),
		cmocka_unit_test(test_unwrap_keeps_word_spaces),
		cmocka_unit_test(test_unwrap_trims),
		cmocka_unit_test(test_squeeze),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_percent_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
