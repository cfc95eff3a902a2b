/* The review page's data: items grouped by 区分 in the checklist's order,
 * answers beside them, the API's changes since the previous review marked, and the
 * counts the page shows. */
#include <string.h>

#include "testutil.h"

#include "web/review_screen.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *v = json_loads(text, 0, &je);
	if (!v)
		fail_msg("%s: %s", text, je.text);
	return v;
}

static const char *CATALOG = "{\"items\":["
			     "{\"no\":1,\"key\":\"a-1\",\"category\":\"管理態勢\",\"objective\":\"一\"},"
			     "{\"no\":2,\"key\":\"b-1\",\"category\":\"外部委託\",\"objective\":\"二\"},"
			     "{\"no\":3,\"key\":\"a-2\",\"category\":\"管理態勢\",\"objective\":\"三\"},"
			     "{\"no\":4,\"key\":\"c-1\",\"category\":\"銀行\",\"objective\":\"四\"}]}";
static const char *REVIEW = "{\"submission\":2,\"items\":["
			    "{\"no\":1,\"party\":\"connector\",\"verdict\":\"accepted\",\"carried\":true},"
			    "{\"no\":2,\"party\":\"common\",\"verdict\":\"query\",\"carried\":false},"
			    "{\"no\":3,\"party\":\"connector\",\"verdict\":null,\"carried\":false},"
			    "{\"no\":4,\"party\":\"bank\",\"verdict\":null,\"carried\":false}]}";
static const char *ANSWERS = "[{\"no\":1,\"status\":\"implemented\",\"current\":\"x\",\"plan_due\":null},"
			     "{\"no\":2,\"status\":\"partial\",\"current\":\"y\",\"plan_due\":\"2026-06-30\"},"
			     "{\"no\":3,\"status\":\"implemented\",\"current\":\"new\",\"plan_due\":null}]";
/* The same review as the API gives it with a previous review: 1 the same;
 * 2 a new due date; 3 had no answer before; 4 is the bank's (never shown
 * as changed, whatever it says). */
static const char *REVIEW_AFTER = "{\"submission\":2,\"previous\":{\"submission\":1,\"version\":1},\"items\":["
				  "{\"no\":1,\"party\":\"connector\",\"verdict\":\"accepted\",\"changed\":false},"
				  "{\"no\":2,\"party\":\"common\",\"verdict\":\"query\",\"changed\":true},"
				  "{\"no\":3,\"party\":\"connector\",\"verdict\":null,\"changed\":true},"
				  "{\"no\":4,\"party\":\"bank\",\"verdict\":null,\"changed\":true}]}";

static char *dump(const json_t *v)
{
	return json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
}

/* "category:no,no;category:no" */
static void check_groups(const json_t *out, const char *want)
{
	char got[256] = "";
	size_t i, j;
	const json_t *g, *it;
	json_array_foreach(json_object_get(out, "groups"), i, g) {
		size_t n = strlen(got);
		snprintf(got + n, sizeof got - n, "%s%s:", i ? ";" : "", json_string_value(json_object_get(g, "category")));
		json_array_foreach(json_object_get(g, "items"), j, it) {
			n = strlen(got);
			snprintf(got + n, sizeof got - n, "%s%lld", j ? "," : "",
				 (long long)json_integer_value(json_object_get(it, "no")));
		}
	}
	assert_string_equal(got, want);
}

static const json_t *item(const json_t *out, int group, int index)
{
	return json_array_get(json_object_get(json_array_get(json_object_get(out, "groups"), group), "items"), index);
}

static void test_groups_and_counts(void **state)
{
	(void)state;
	json_t *cat = parse(CATALOG), *rev = parse(REVIEW), *ans = parse(ANSWERS);
	json_t *out = review_screen_build(rev, cat, ans);
	assert_non_null(out);
	check_groups(out, "管理態勢:1,3;外部委託:2;銀行:4");
	char *counts = dump(json_object_get(out, "counts"));
	assert_string_equal(counts, "{\"accepted\":1,\"carried\":1,\"changed\":0,\"improvement\":0,\"items\":4,"
				    "\"not_applicable\":0,\"pending\":1,\"query\":1}");
	free(counts);
	assert_true(json_is_false(json_object_get(out, "has_previous")));
	const json_t *two = item(out, 1, 0);
	assert_string_equal(json_string_value(json_object_get(two, "objective")), "二");
	assert_string_equal(json_string_value(json_object_get(two, "query_key")), "open");
	assert_true(json_is_true(json_object_get(json_object_get(two, "st"), "partial")));
	assert_true(json_is_true(json_object_get(json_object_get(two, "v"), "query")));
	const json_t *three = item(out, 0, 1);
	assert_string_equal(json_string_value(json_object_get(three, "verdict_key")), "pending");
	assert_true(json_is_true(json_object_get(json_object_get(three, "v"), "pending")));
	const json_t *four = item(out, 2, 0);
	assert_true(json_is_true(json_object_get(four, "bank_item")));
	assert_true(json_is_null(json_object_get(four, "answer")));
	json_decref(out);
	json_decref(cat);
	json_decref(rev);
	json_decref(ans);
}

static void test_changes_since_previous(void **state)
{
	(void)state;
	json_t *cat = parse(CATALOG), *rev = parse(REVIEW_AFTER), *ans = parse(ANSWERS);
	json_t *out = review_screen_build(rev, cat, ans);
	assert_true(json_is_true(json_object_get(out, "has_previous")));
	assert_string_equal(json_string_value(json_object_get(item(out, 0, 0), "changed_key")), "no");
	assert_string_equal(json_string_value(json_object_get(item(out, 1, 0), "changed_key")), "yes");
	assert_string_equal(json_string_value(json_object_get(item(out, 0, 1), "changed_key")), "yes");
	assert_true(json_is_false(json_object_get(item(out, 2, 0), "changed")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(out, "counts"), "changed")), 2);
	json_decref(out);
	json_decref(cat);
	json_decref(rev);
	json_decref(ans);
}

static void test_items_the_checklist_lacks_are_kept(void **state)
{
	(void)state;
	json_t *cat = parse("{\"items\":[{\"no\":1,\"category\":\"管理態勢\",\"objective\":\"一\"}]}");
	json_t *rev = parse("{\"items\":[{\"no\":1,\"party\":\"connector\",\"verdict\":null},"
			    "{\"no\":9,\"party\":\"connector\",\"verdict\":null}]}");
	json_t *out = review_screen_build(rev, cat, NULL);
	check_groups(out, "管理態勢:1;:9");
	json_decref(out);
	json_t *empty = json_object();
	assert_null(review_screen_build(empty, cat, NULL));
	json_decref(empty);
	json_decref(cat);
	json_decref(rev);
}

/* One conversation per item: each message carries the chip of the verdict
 * it was given with ({} for a plain one); the item's comment shows beside
 * the thread only when no message of the thread holds it (carried). */
static void test_thread(void **state)
{
	(void)state;
	json_t *cat = parse(CATALOG);
	json_t *review = parse("{\"submission\":2,\"items\":["
			       "{\"no\":1,\"party\":\"connector\",\"verdict\":\"improvement\",\"carried\":true,"
			       "\"comment\":\"前回の指摘\",\"messages\":[]},"
			       "{\"no\":2,\"party\":\"common\",\"verdict\":\"accepted\",\"carried\":false,\"comment\":\"\","
			       "\"messages\":[{\"text\":\"質問\",\"verdict\":\"query\",\"resolved\":true},"
			       "{\"text\":\"回答\",\"verdict\":null,\"resolved\":false}]},"
			       "{\"no\":3,\"party\":\"connector\",\"verdict\":\"query\",\"carried\":false,\"comment\":\"質問\","
			       "\"messages\":[{\"text\":\"質問\",\"verdict\":\"query\",\"resolved\":false}]}]}");
	json_t *out = review_screen_build(review, cat, NULL);
	char got[512] = "";
	size_t i, j;
	const json_t *g, *it;
	json_array_foreach(json_object_get(out, "groups"), i, g) {
		json_array_foreach(json_object_get(g, "items"), j, it) {
			json_t *pair = json_pack("[O, O]", json_object_get(it, "loose_comment"),
						 json_object_get(it, "messages"));
			char *v = dump(pair);
			json_decref(pair);
			size_t n = strlen(got);
			snprintf(got + n, sizeof got - n, "%s;", v);
			free(v);
		}
	}
	assert_string_equal(got,
		"[\"\\u524D\\u56DE\\u306E\\u6307\\u6458\",[]];"
		"[\"\",[{\"resolved\":false,\"text\":\"\\u8CEA\\u554F\",\"v\":{\"query\":true},\"verdict\":\"query\"}]];"
		"[\"\",[{\"resolved\":true,\"text\":\"\\u8CEA\\u554F\",\"v\":{\"query\":true},\"verdict\":\"query\"},"
		"{\"resolved\":false,\"text\":\"\\u56DE\\u7B54\",\"v\":{},\"verdict\":null}]];");
	json_decref(out);
	json_decref(review);
	json_decref(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thread),
		cmocka_unit_test(test_groups_and_counts),
		cmocka_unit_test(test_changes_since_previous),
		cmocka_unit_test(test_items_the_checklist_lacks_are_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
