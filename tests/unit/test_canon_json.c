/* Canonical JSON: every rule of the contract as a golden string. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/canon_json.h"

/* The canonical bytes of the JSON text in, parsed by jansson. */
static void canon_is(const char *in, const char *want)
{
	json_error_t je;
	json_t *v = json_loads(in, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
	assert_non_null(v);
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(v, &out, &e), 0);
	assert_string_equal(out.buf, want);
	strbuf_release(&out);
	json_decref(v);
}

static void test_strings(void **state)
{
	(void)state;
	/* Quote and backslash escaped; the five short escapes; other controls
	 * as \u00XX in lowercase; DEL, "/" and all non-ASCII as they are. */
	canon_is("\"a\\\"b\\\\c\\b\\t\\n\\f\\r\"", "\"a\\\"b\\\\c\\b\\t\\n\\f\\r\"");
	canon_is("\"\\u0001\\u001F\\u000b\\u0000\"", "\"\\u0001\\u001f\\u000b\\u0000\"");
	canon_is("\"\x7f/\\/\"", "\"\x7f//\"");
	canon_is("\"\\u00e9\\u60c5\\ud83d\\ude00 é情😀\"", "\"é情😀 é情😀\"");
	canon_is("\"\"", "\"\"");
}

static void test_key_order(void **state)
{
	(void)state;
	/* By UTF-8 bytes: "" first, a prefix before its extensions, upper case
	 * before lower, and U+1F600 after U+FF5A (UTF-16 order would put it
	 * before). */
	canon_is("{\"b\":1,\"ab\":2,\"a\":3,\"Z\":4,\"\":5,\"\xef\xbd\x9a\":6,\"\xf0\x9f\x98\x80\":7,\"\xc3\xa9\":8}",
		 "{\"\":5,\"Z\":4,\"a\":3,\"ab\":2,\"b\":1,\"\xc3\xa9\":8,\"\xef\xbd\x9a\":6,\"\xf0\x9f\x98\x80\":7}");
	canon_is("{\"k\":{\"y\":[],\"x\":{}},\"a\":[{\"d\":1,\"c\":2}]}", "{\"a\":[{\"c\":2,\"d\":1}],\"k\":{\"x\":{},\"y\":[]}}");
}

static void test_numbers_and_literals(void **state)
{
	(void)state;
	canon_is("[0,-0,1,-42,9007199254740993,-9223372036854775808]", "[0,0,1,-42,9007199254740993,-9223372036854775808]");
	canon_is("[ true , false , null ]", "[true,false,null]");
	canon_is("{ \"a\" : [ 1 , { } ] }", "{\"a\":[1,{}]}");
}

static void test_reals_refused(void **state)
{
	(void)state;
	json_t *v = json_pack("{s:[i, f]}", "a", 1, 1.0);
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(v, &out, &e), -1);
	assert_string_equal(e.msg, "a real number is not allowed");
	strbuf_release(&out);
	json_decref(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_key_order),
		cmocka_unit_test(test_numbers_and_literals),
		cmocka_unit_test(test_reals_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
