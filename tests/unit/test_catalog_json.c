/* Every way a catalog or mapping file can be wrong, with the exact message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "lib/xalloc.h"

#define HEAD "{\"format\":\"shinsa-catalog/1\",\"id\":\"t\",\"kind\":\"checklist\",\"title\":\"T\"," \
	     "\"publisher\":\"P\",\"date\":\"2018-08-02\",\"items\":["
#define ITEM1 "{\"no\":1,\"key\":\"a\",\"category\":\"区分\",\"objective\":\"目標。\",\"party\":\"connector\",\"refs\":[]}"

static void assert_catalog_error(const char *json, const char *want)
{
	struct catalog *cat = (struct catalog *)1;
	struct err e = { 0 };
	assert_int_equal(catalog_json_parse("t.json", json, strlen(json), &cat, &e), -1);
	assert_null(cat);
	assert_string_equal(e.msg, want);
}

static void test_good_catalog(void **state)
{
	(void)state;
	const char *json = HEAD ITEM1 "]}";
	struct catalog *cat;
	struct err e = { 0 };
	assert_int_equal(catalog_json_parse("t.json", json, strlen(json), &cat, &e), 0);
	assert_int_equal(cat->n_items, 1);
	assert_string_equal(cat->items[0].text, "目標。");
	assert_int_equal(cat->items[0].party, PARTY_CONNECTOR);
	assert_string_equal(cat->items[0].notes, "");
	/* The hash is of the content, not the layout. */
	char *spaced = xasprintf("%s", HEAD "\n  " ITEM1 "\n]\n}\n");
	struct catalog *again;
	assert_int_equal(catalog_json_parse("t.json", spaced, strlen(spaced), &again, &e), 0);
	assert_string_equal(cat->sha256, again->sha256);
	assert_int_equal(strlen(cat->sha256), 64);
	catalog_free(again);
	free(spaced);

	json_t *out = catalog_json_encode(cat);
	assert_string_equal(json_string_value(json_object_get(out, "sha256")), cat->sha256);
	json_object_del(out, "sha256");
	char *s = json_dumps(out, JSON_COMPACT);
	assert_string_equal(s, "{\"id\":\"t\",\"kind\":\"checklist\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2018-08-02\","
			       "\"source\":null,\"items\":[{\"no\":1,\"key\":\"a\",\"category\":\"区分\",\"objective\":\"目標。\","
			       "\"party\":\"connector\",\"refs\":[],\"notes\":\"\"}]}");
	free(s);
	json_decref(out);
	catalog_free(cat);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	assert_catalog_error("{\"format\":", "t.json:1:10: invalid JSON: unexpected token near end of file");
	assert_catalog_error("[]", "t.json: not a JSON object");
	assert_catalog_error("{\"format\":\"x\"}", "t.json: \"format\" must be \"shinsa-catalog/1\"");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"a\",\"id\":\"b\"}",
			     "t.json:1:42: invalid JSON: duplicate object key near '\"id\"'");
	char *big = xmalloc(CATALOG_JSON_MAX_BYTES + 2);
	memset(big, ' ', CATALOG_JSON_MAX_BYTES + 1);
	big[CATALOG_JSON_MAX_BYTES + 1] = '\0';
	assert_catalog_error(big, "t.json: larger than 4194304 bytes");
	free(big);
}

static void test_field_errors(void **state)
{
	(void)state;
	assert_catalog_error(HEAD ITEM1 "], \"extra\": 1}", "t.json: unknown field \"extra\"");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"t\",\"kind\":\"list\"}",
			     "t.json: unknown kind \"list\" (want checklist or criteria)");
	assert_catalog_error(HEAD "{\"no\":1,\"key\":\"a\",\"category\":\"c\",\"objective\":7,\"party\":\"bank\"}]}",
			     "t.json: item 1: field \"objective\" must be a string");
	assert_catalog_error(HEAD "{\"no\":1,\"key\":\"a\",\"category\":\"c\",\"party\":\"bank\"}]}",
			     "t.json: item 1: missing field \"objective\"");
	assert_catalog_error(HEAD "{\"no\":1,\"key\":\"a\",\"category\":\"c\",\"objective\":\"o\",\"party\":\"bank\",\"colour\":1}]}",
			     "t.json: item 1: unknown field \"colour\"");
	assert_catalog_error(HEAD "{\"no\":0,\"key\":\"a\"}]}",
			     "t.json: item #1: field \"no\" must be a whole number from 1 to 100000");
	assert_catalog_error(HEAD "7]}", "t.json: item #1: not an object");
	assert_catalog_error(HEAD "{\"no\":4,\"key\":\"a\",\"category\":\"c\",\"objective\":\"o\",\"party\":\"銀行\"}]}",
			     "t.json: item 4: unknown party \"銀行\" (want connector, bank or common)");
	assert_catalog_error(HEAD "{\"no\":2,\"key\":\"a\",\"category\":\"c\",\"objective\":\"o\",\"party\":\"bank\",\"refs\":[{\"doc\":\"D\",\"clauses\":[1]}]}]}",
			     "t.json: item 2: ref 1: clause 1 must be a string");
	assert_catalog_error(HEAD "{\"no\":2,\"key\":\"a\",\"category\":\"c\",\"objective\":\"o\\u0000x\",\"party\":\"bank\"}]}",
			     "t.json:1:169: invalid JSON: \\u0000 is not allowed without JSON_ALLOW_NUL near '\"o\\u0000x\"'");
}

static void test_validation_errors(void **state)
{
	(void)state;
	assert_catalog_error(HEAD ITEM1 "," ITEM1 "]}", "t.json: item 1: duplicate key \"a\"");
	assert_catalog_error(HEAD ITEM1 ",{\"no\":1,\"key\":\"b\",\"category\":\"c\",\"objective\":\"o\",\"party\":\"bank\"}]}",
			     "t.json: item 1: duplicate number 1");
	assert_catalog_error(HEAD "{\"no\":9,\"key\":\"a\",\"category\":\"c\",\"objective\":\" \\n\",\"party\":\"bank\"}]}",
			     "t.json: item 9: empty objective");
	assert_catalog_error(HEAD "]}", "t.json: no items");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"T!\",\"kind\":\"checklist\",\"title\":\"T\",\"items\":[]}",
			     "t.json: bad id \"T!\" (use 1-64 of a-z 0-9 . _ -)");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"t\",\"kind\":\"checklist\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2018-13-02\",\"items\":[]}",
			     "t.json: bad date \"2018-13-02\" (want YYYY-MM-DD)");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"t\",\"kind\":\"checklist\",\"title\":\"T\",\"publisher\":\"P\",\"date\":\"2018-02-30\",\"items\":[]}",
			     "t.json: bad date \"2018-02-30\" (want YYYY-MM-DD)");
	assert_catalog_error("{\"format\":\"shinsa-catalog/1\",\"id\":\"t\",\"kind\":\"checklist\",\"title\":\"T\",\"items\":[]}",
			     "t.json: a checklist needs a publisher and a date");
	const char *crit = "{\"format\":\"shinsa-catalog/1\",\"id\":\"c\",\"kind\":\"criteria\",\"title\":\"C\",\"items\":["
			   "{\"key\":\"(1)-1\",\"section\":\"(1)\",\"category\":\"c\",\"text\":null}]}";
	assert_catalog_error(crit, "t.json: item (1)-1: empty text (mark a row whose text is lost as damaged)");
	crit = "{\"format\":\"shinsa-catalog/1\",\"id\":\"c\",\"kind\":\"criteria\",\"title\":\"C\",\"items\":["
	       "{\"key\":\"(1)-1\",\"section\":\"(1)\",\"category\":\"c\",\"text\":\"t\",\"damaged\":true}]}";
	assert_catalog_error(crit, "t.json: item (1)-1: a damaged item keeps no text");
}

static void assert_mapping_error(const char *json, const char *want)
{
	struct mapping *m = (struct mapping *)1;
	struct err e = { 0 };
	assert_int_equal(mapping_json_parse("m.json", json, strlen(json), &m, &e), -1);
	assert_null(m);
	assert_string_equal(e.msg, want);
}

#define MHEAD "{\"format\":\"shinsa-mapping/1\",\"id\":\"m\",\"criteria\":\"c\",\"checklist\":\"t\",\"rows\":["

static void test_mapping_errors(void **state)
{
	(void)state;
	assert_mapping_error(MHEAD "{\"criterion\":\"(1)-1\",\"items\":[1],\"relation\":\"same\"}]}",
			     "m.json: row 1: unknown relation \"same\" (want equal, subset, superset, intersects or none)");
	assert_mapping_error(MHEAD "{\"criterion\":\"(1)-1\",\"items\":[\"1\"],\"relation\":\"equal\"}]}",
			     "m.json: row 1: items must be whole numbers from 1 to 100000");
	assert_mapping_error(MHEAD "{\"criterion\":\"(1)-1\",\"relation\":\"equal\"}]}",
			     "m.json: row 1: field \"items\" must be an array");
}

/* A mapping that parses but does not fit the catalogs it names. */
static void assert_mapping_invalid(const char *rows, const char *want)
{
	struct catalog_files files;
	struct err e = { 0 };
	assert_int_equal(catalog_files_load("catalog", &files, &e), 0);
	char *json = xasprintf("{\"format\":\"shinsa-mapping/1\",\"id\":\"m\",\"criteria\":\"bank-criteria-sample\","
			       "\"checklist\":\"api-checklist-2018-08\",\"rows\":[%s]}", rows);
	struct mapping *m;
	assert_int_equal(mapping_json_parse("m.json", json, strlen(json), &m, &e), 0);
	assert_int_equal(mapping_validate(m, catalog_files_find(&files, "bank-criteria-sample"),
					  catalog_files_find(&files, "api-checklist-2018-08"), &e), -1);
	assert_string_equal(e.msg, want);
	mapping_free(m);
	free(json);
	catalog_files_release(&files);
}

static void test_mapping_validation(void **state)
{
	(void)state;
	assert_mapping_invalid("{\"criterion\":\"(1)-5\",\"items\":[46],\"relation\":\"subset\"}",
			       "criterion (1)-5: item 46 is not in api-checklist-2018-08");
	assert_mapping_invalid("{\"criterion\":\"(3)-1\",\"items\":[1],\"relation\":\"equal\"}",
			       "criterion (3)-1 is not in bank-criteria-sample");
	assert_mapping_invalid("{\"criterion\":\"(1)-1\",\"items\":[1],\"relation\":\"equal\"},"
			       "{\"criterion\":\"(1)-1\",\"items\":[2],\"relation\":\"equal\"}",
			       "criterion (1)-1: mapped twice");
	assert_mapping_invalid("{\"criterion\":\"(1)-10\",\"items\":[2],\"relation\":\"none\"}",
			       "criterion (1)-10: relation none names items");
	assert_mapping_invalid("{\"criterion\":\"(1)-2\",\"items\":[],\"relation\":\"equal\"}",
			       "criterion (1)-2: relation equal names no item");
	assert_mapping_invalid("{\"criterion\":\"(1)-2\",\"items\":[1,1],\"relation\":\"equal\"}",
			       "criterion (1)-2: item 1 named twice");
}

static void test_missing_dir(void **state)
{
	(void)state;
	struct catalog_files files;
	struct err e = { 0 };
	assert_int_equal(catalog_files_load("/nonexistent-catalogs", &files, &e), -1);
	assert_string_equal(e.msg, "cannot open catalog directory /nonexistent-catalogs: No such file or directory");
	assert_int_equal(files.n_catalogs, 0);
	assert_int_equal(catalog_files_load("tests/unit", &files, &e), -1);
	assert_string_equal(e.msg, "no catalog files (*.json) in tests/unit");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_catalog),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_field_errors),
		cmocka_unit_test(test_validation_errors),
		cmocka_unit_test(test_mapping_errors),
		cmocka_unit_test(test_mapping_validation),
		cmocka_unit_test(test_missing_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
