/* The connector's pages: the answer grid made from the API's answers and
 * the checklist (grouped by 区分, counted by status, the bank's items
 * read-only and left out of the counts). */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "web/page_connector.h"

static json_t *parse(const char *text)
{
	json_error_t je;
	json_t *j = json_loads(text, 0, &je);
	if (!j)
		fail_msg("%s: %s", text, je.text);
	return j;
}

static void assert_json(const json_t *j, const char *want)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(s, want);
	free(s);
}

static const char CATALOG[] =
	"{\"id\":\"c\",\"items\":["
	"{\"no\":1,\"category\":\"甲\",\"objective\":\"一\",\"party\":\"connector\"},"
	"{\"no\":2,\"category\":\"甲\",\"objective\":\"二\",\"party\":\"common\"},"
	"{\"no\":3,\"category\":\"乙\",\"objective\":\"三\",\"party\":\"bank\"},"
	"{\"no\":4,\"category\":\"乙\",\"objective\":\"四\",\"party\":\"connector\"}]}";

static const char ANSWERS[] =
	"{\"org\":\"A\",\"catalog\":\"c\",\"items\":["
	"{\"no\":1,\"status\":\"partial\",\"current\":\"\",\"issues\":\"i\",\"plan\":\"p\",\"plan_due\":\"2026-09-30\","
	"\"notes\":\"\",\"revision\":\"r1\"},"
	"{\"no\":2,\"status\":null,\"current\":\"\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,\"notes\":\"\","
	"\"revision\":\"r2\"},"
	"{\"no\":3,\"status\":null,\"current\":\"\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,\"notes\":\"\","
	"\"revision\":\"r3\"},"
	"{\"no\":4,\"status\":\"implemented\",\"current\":\"c\",\"issues\":\"\",\"plan\":\"\",\"plan_due\":null,"
	"\"notes\":\"n\",\"revision\":\"r4\"}]}";

static void test_grid_groups_and_counts(void **state)
{
	(void)state;
	json_t *a = parse(ANSWERS), *c = parse(CATALOG);
	json_t *g = page_connector_answer_grid(a, c, true);
	assert_non_null(g);
	assert_json(json_object_get(g, "counts"),
		    "{\"implemented\":1,\"not_applicable\":0,\"not_implemented\":0,\"partial\":1,\"unset\":1}");
	assert_int_equal(json_integer_value(json_object_get(g, "total")), 3);
	json_t *groups = json_object_get(g, "groups");
	assert_int_equal(json_array_size(groups), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(groups, 1), "category")), "乙");
	assert_json(json_array_get(json_object_get(json_array_get(groups, 0), "items"), 0),
		    "{\"bank\":false,\"chip\":\"warn\",\"common\":false,\"current\":\"\",\"editable\":true,"
		    "\"issues\":\"i\",\"no\":1,\"notes\":\"\",\"objective\":\"一\",\"open_plan\":true,\"party\":\"connector\","
		    "\"plan\":\"p\",\"plan_due\":\"2026-09-30\",\"revision\":\"r1\",\"st\":{\"partial\":true},"
		    "\"status\":\"partial\"}");
	json_t *bank = json_array_get(json_object_get(json_array_get(groups, 1), "items"), 0);
	assert_json(bank, "{\"bank\":true,\"chip\":\"none\",\"common\":false,\"current\":\"\",\"editable\":false,"
			  "\"issues\":\"\",\"no\":3,\"notes\":\"\",\"objective\":\"三\",\"open_plan\":false,"
			  "\"party\":\"bank\",\"plan\":\"\",\"plan_due\":\"\",\"revision\":\"r3\",\"st\":{\"unset\":true},"
			  "\"status\":\"unset\"}");
	json_decref(g);
	/* A viewer edits nothing. */
	g = page_connector_answer_grid(a, c, false);
	json_t *first = json_array_get(json_object_get(json_array_get(json_object_get(g, "groups"), 0), "items"), 0);
	assert_false(json_is_true(json_object_get(first, "editable")));
	json_decref(g);
	json_decref(a);
	json_decref(c);
}

static void test_grid_refuses_other_shapes(void **state)
{
	(void)state;
	json_t *a = parse(ANSWERS), *bad = parse("{\"items\":{}}");
	assert_null(page_connector_answer_grid(a, bad, true));
	assert_null(page_connector_answer_grid(bad, a, true));
	json_decref(a);
	json_decref(bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid_groups_and_counts),
		cmocka_unit_test(test_grid_refuses_other_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
