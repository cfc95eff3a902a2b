/* An error's message, and an error kept as data for a page's own words:
 * where, code and values; what drops that data and what keeps it; values
 * cut on a character boundary and bytes that are not UTF-8. */
#include <string.h>

#include "testutil.h"

#include "lib/err.h"
#include "lib/strbuf.h"

static void assert_filled(const char *tmpl, const char *const *args, size_t n, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, ">");
	strbuf_add_filled(&sb, tmpl, args, n);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void test_filled(void **state)
{
	(void)state;
	const char *const args[] = { "一", "two" };
	assert_filled("{1} and {2}", args, 2, ">一 and two");
	assert_filled("{2}{1}{2}", args, 2, ">two一two");
	/* a placeholder with no value, {0}, {x} and a lone brace stay as written */
	assert_filled("{3} {0} {x} {1", args, 2, ">{3} {0} {x} {1");
	assert_filled("{1}", args, 0, ">{1}");
	assert_filled("", args, 2, ">");
}

static void test_set_and_prefix(void **state)
{
	(void)state;
	struct err e = { 0 };
	assert_false(err_isset(&e));
	err_set(&e, "no catalog \"%s\"", "x");
	assert_string_equal(e.msg, "no catalog \"x\"");
	assert_string_equal(e.code, "");
	err_prefix(&e, "%s", "f.json");
	assert_string_equal(e.msg, "f.json: no catalog \"x\"");
	char big[2000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&e, "%s", big);
	assert_int_equal(strlen(e.msg), sizeof e.msg - 1);
	assert_string_equal(e.msg + sizeof e.msg - 4, "...");
	err_clear(&e);
	assert_false(err_isset(&e));
	/* NULL drops the error */
	err_set(NULL, "x");
	err_coded(NULL, "w", "c", "x", NULL);
	err_prefix(NULL, "p");
	err_clear(NULL);
}

static void test_coded(void **state)
{
	(void)state;
	struct err e = { 0 };
	err_coded(&e, "dup.tsv:3", "number_again", "通番 {1} again (first at {2})", "(1)-2", "dup.tsv:2", NULL);
	assert_string_equal(e.msg, "dup.tsv:3: 通番 (1)-2 again (first at dup.tsv:2)");
	assert_string_equal(e.where, "dup.tsv:3");
	assert_string_equal(e.code, "number_again");
	assert_int_equal(e.n_args, 2);
	assert_string_equal(e.args[0], "(1)-2");
	assert_string_equal(e.args[1], "dup.tsv:2");
	/* no place: the line alone; no values */
	err_coded(&e, NULL, "empty", "the file is empty", NULL);
	assert_string_equal(e.msg, "the file is empty");
	assert_string_equal(e.where, "");
	assert_int_equal(e.n_args, 0);
	/* err_prefix keeps the data, err_set and err_clear drop it */
	err_coded(&e, "a", "empty", "the file is empty", NULL);
	err_prefix(&e, "upload");
	assert_string_equal(e.msg, "upload: a: the file is empty");
	assert_string_equal(e.code, "empty");
	err_set(&e, "something else");
	assert_string_equal(e.code, "");
	assert_string_equal(e.where, "");
	assert_int_equal(e.n_args, 0);
	err_coded(&e, "a", "empty", "the file is empty", NULL);
	err_clear(&e);
	assert_string_equal(e.code, "");
	/* more values than ERR_ARGS: the rest are not read */
	err_coded(&e, NULL, "c", "{1}{2}{3}{4}{5}", "1", "2", "3", "4", "5", NULL);
	assert_string_equal(e.msg, "1234{5}");
	assert_int_equal(e.n_args, ERR_ARGS);
}

static void test_coded_bytes(void **state)
{
	(void)state;
	struct err e = { 0 };
	/* a value that is not UTF-8: "?" as data, as it stands in the message */
	err_coded(&e, "t.csv:2", "not_a_number", "通番 \"{1}\" is not a number", "\x80x", NULL);
	assert_string_equal(e.args[0], "?");
	assert_string_equal(e.msg, "t.csv:2: 通番 \"\x80x\" is not a number");
	/* a long value: cut on a character boundary, ending "…" */
	char big[600] = "";
	for (int i = 0; i < 150; i++)
		strcat(big, "長"); /* 450 bytes */
	err_coded(&e, "w", "c", "{1}", big, NULL);
	size_t n = strlen(e.args[0]);
	assert_true(n < ERR_ARG_MAX);
	assert_string_equal(e.args[0] + n - 3, "…");
	assert_int_equal((n - 3) % 3, 0); /* whole characters only */
	assert_memory_equal(e.args[0], big, n - 3);
	/* a long message: cut the same way */
	char huge[4000] = "";
	for (int i = 0; i < 1000; i++)
		strcat(huge, "長");
	err_coded(&e, NULL, "c", "{1}", huge, NULL);
	n = strlen(e.msg);
	assert_true(n < sizeof e.msg);
	assert_string_equal(e.msg + n - 3, "…");
	assert_int_equal(n % 3, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filled),
		cmocka_unit_test(test_set_and_prefix),
		cmocka_unit_test(test_coded),
		cmocka_unit_test(test_coded_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
