/* The connector's pages: the answer grid made from the API's answers and
 * the checklist (grouped by 区分, counted by status, the bank's items
 * read-only and left out of the counts). */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "web/page_connector.h"
#include "web/page_submissions.h"

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
		    "\"form\":{\"category\":\"甲\",\"has_refs\":false,\"p\":{\"connector\":true},\"refs\":[]},"
		    "\"issues\":\"i\",\"no\":1,\"notes\":\"\",\"objective\":\"一\",\"open_plan\":true,\"party\":\"connector\","
		    "\"plan\":\"p\",\"plan_due\":\"2026-09-30\",\"revision\":\"r1\",\"st\":{\"partial\":true},"
		    "\"status\":\"partial\"}");
	json_t *bank = json_array_get(json_object_get(json_array_get(groups, 1), "items"), 0);
	assert_json(bank, "{\"bank\":true,\"chip\":\"none\",\"common\":false,\"current\":\"\",\"editable\":false,"
			  "\"form\":{\"category\":\"乙\",\"has_refs\":false,\"p\":{\"bank\":true},\"refs\":[]},"
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

/* Shares: one submission's or all, newest first, each with its state and
 * its latest read. */
static void test_share_rows(void **state)
{
	(void)state;
	json_t *shares = parse("["
			       "{\"id\":1,\"submission\":1,\"bank\":\"B\",\"revoked_at\":\"2026-05-02T00:00:00Z\","
			       "\"in_force\":false,\"accesses\":[{\"user\":\"u\",\"at\":\"2026-05-01T10:00:00Z\"},"
			       "{\"user\":\"v\",\"at\":\"2026-05-01T12:00:00Z\"},{\"user\":\"u\",\"at\":\"2026-05-01T11:00:00Z\"}]},"
			       "{\"id\":2,\"submission\":2,\"bank\":\"B\",\"revoked_at\":null,\"in_force\":false,"
			       "\"accesses\":[]},"
			       "{\"id\":3,\"submission\":1,\"bank\":\"C\",\"revoked_at\":null,\"in_force\":true,"
			       "\"accesses\":[]}]");
	json_t *all = page_share_rows(shares, 0);
	assert_int_equal(json_array_size(all), 3);
	const char *want[][4] = { { "3", "in_force", "good", "" },
				  { "2", "expired", "warn", "" },
				  { "1", "revoked", "none", "2026-05-01T12:00:00Z" } };
	for (size_t i = 0; i < 3; i++) {
		const json_t *r = json_array_get(all, i);
		assert_int_equal(json_integer_value(json_object_get(r, "id")), atoi(want[i][0]));
		assert_true(json_is_true(json_object_get(json_object_get(r, "state"), want[i][1])));
		assert_int_equal(json_object_size(json_object_get(r, "state")), 1);
		assert_string_equal(json_string_value(json_object_get(r, "state_chip")), want[i][2]);
		assert_string_equal(json_string_value(json_object_get(r, "last_access_at")), want[i][3]);
	}
	assert_int_equal(json_integer_value(json_object_get(json_array_get(all, 2), "n_accesses")), 3);
	json_t *one = page_share_rows(shares, 1);
	assert_int_equal(json_array_size(one), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(one, 1), "id")), 1);
	assert_null(page_share_rows(json_object_get(shares, "x"), 0));
	json_decref(all);
	json_decref(one);
	json_decref(shares);
}

/* A diff: a row per changed field; the status's values as flags for the
 * labels, null as "". */
static void test_diff_rows(void **state)
{
	(void)state;
	json_t *items = parse("[{\"no\":3,\"key\":\"k\",\"fields\":["
			      "{\"field\":\"status\",\"before\":null,\"after\":\"partial\"},"
			      "{\"field\":\"plan_due\",\"before\":\"2026-09-30\",\"after\":null}]}]");
	json_t *rows = page_diff_rows(items);
	assert_json(rows, "[{\"after\":\"partial\",\"after_s\":[{\"st\":{\"partial\":true}}],\"before\":\"\","
			  "\"before_s\":[{\"st\":{\"unset\":true}}],\"f\":{\"status\":true},\"field\":\"status\","
			  "\"no\":3,\"status\":true},"
			  "{\"after\":\"\",\"after_s\":[],\"before\":\"2026-09-30\",\"before_s\":[],"
			  "\"f\":{\"plan_due\":true},\"field\":\"plan_due\",\"no\":3,\"status\":false}]");
	assert_null(page_diff_rows(json_object_get(items, "x")));
	json_decref(rows);
	json_decref(items);
}

/* The submit panel's problems: a message key per problem, in order. */
static void test_submission_problems(void **state)
{
	(void)state;
	json_t *details = parse("[{\"no\":2,\"code\":\"no_status\",\"field\":\"status\",\"status\":null},"
				"{\"no\":5,\"code\":\"required\",\"field\":\"plan_due\",\"status\":\"not_implemented\"},"
				"{\"no\":8,\"code\":\"no_reason\",\"field\":\"current\",\"status\":\"not_applicable\"}]");
	json_t *rows = page_submissions_problems(details);
	assert_json(rows, "[{\"k\":{\"no_status\":true},\"no\":2},{\"k\":{\"not_implemented_plan_due\":true},\"no\":5},"
			  "{\"k\":{\"no_reason\":true},\"no\":8}]");
	json_decref(rows);
	json_decref(details);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid_groups_and_counts),
		cmocka_unit_test(test_grid_refuses_other_shapes),
		cmocka_unit_test(test_share_rows),
		cmocka_unit_test(test_diff_rows),
		cmocka_unit_test(test_submission_problems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
