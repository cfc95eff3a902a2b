/* A plan history entry's stored English detail as data for the page's
 * words (web/plan_detail.h): each form the service writes, and what is
 * not in its entry's form kept as it is. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "web/plan_detail.h"

/* The data for (what, detail) as compact JSON with sorted keys. */
static void expect(const char *what, const char *detail, const char *want)
{
	json_t *o = plan_detail_words(what, detail);
	char *got = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(got, want);
	free(got);
	json_decref(o);
}

/* Each form the service writes, then what is kept as written: a note, and
 * a detail not in its entry's form. */
static void test_words(void **state)
{
	(void)state;
	static const struct {
		const char *what, *detail, *want;
	} cases[] = {
		{ "created", "answer partial, due none", "{\"created\":true,\"st\":{\"partial\":true}}" },
		{ "created", "answer not_implemented, due 2027-03-31",
		  "{\"created\":true,\"due\":\"2027-03-31\",\"st\":{\"not_implemented\":true}}" },
		{ "reopened", "answer now partial", "{\"answer_now\":true,\"st\":{\"partial\":true}}" },
		{ "closed", "answer now implemented", "{\"answer_now\":true,\"st\":{\"implemented\":true}}" },
		{ "due", "none → 2027-01-31", "{\"due_change\":true,\"to\":\"2027-01-31\"}" },
		{ "due", "2027-01-31 → none", "{\"due_change\":true,\"from\":\"2027-01-31\"}" },
		{ "status", "open → in_progress",
		  "{\"ps_change\":true,\"ps_from\":{\"open\":true},\"ps_to\":{\"in_progress\":true}}" },
		{ "milestones", "3 milestones, 1 done", "{\"ms\":true,\"ms_done\":\"1\",\"ms_n\":\"3\"}" },
		{ "milestones", "1 milestone, 0 done", "{\"ms\":true,\"ms_done\":\"0\",\"ms_n\":\"1\"}" },
		{ "required", "株式会社デモ銀行: 2027-06-30",
		  "{\"bank\":\"株式会社デモ銀行\",\"req\":true,\"req_due\":\"2027-06-30\"}" },
		{ "required", "A: B 銀行: removed (was 2027-06-30)",
		  "{\"bank\":\"A: B 銀行\",\"req_removed\":true,\"req_was\":\"2027-06-30\"}" },
		/* kept as written */
		{ "note", "answer now partial", "{\"raw\":\"answer now partial\"}" },
		{ "created", "answer partial", "{\"raw\":\"answer partial\"}" },
		{ "status", "open", "{\"raw\":\"open\"}" },
		{ "milestones", "3 milestones", "{\"raw\":\"3 milestones\"}" },
		{ "required", ": 2027-06-30", "{\"raw\":\": 2027-06-30\"}" },
		{ NULL, NULL, "{\"raw\":\"\"}" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect(cases[i].what, cases[i].detail, cases[i].want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
