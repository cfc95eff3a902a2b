/* service/questions on a scratch database: the questions are the none rows
 * of the bank's list in its order; answering, clearing, every refusal with
 * its message and nothing written; an answer kept by key across a
 * re-import that drops the question and one that brings it back; each
 * connector's answers its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/xalloc.h"
#include "service/criteria.h"
#include "service/questions.h"
#include "store/store.h"
#include "store/store_sql.h"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *a, *b, *x;
};

static const char LIST3[] = "通番\t区分\t項目\n1\t体制\t責任者を置く\n2\t体制\t規程を定める\n3\t監査\t外部監査を受ける\n";
static const char LIST3_REWORDED[] =
	"通番\t区分\t項目\n1\t体制\t責任者を置く\n2\t体制\t規程を定める\n3\t監査\t外部監査を年2回受ける\n";
static const char LIST2[] = "通番\t区分\t項目\n1\t体制\t責任者を置く\n2\t体制\t規程を定める\n";

static void import(struct fixture *f, const char *tsv)
{
	struct err e = { 0 };
	assert_int_equal(criteria_import(f->st, "cli:t", f->x, "x.tsv", CRITERIA_TSV, tsv, strlen(tsv), NULL, NULL,
					 NULL, &e), 0);
}

static void map_none(struct fixture *f, const char *key)
{
	struct err e = { 0 };
	assert_int_equal(criteria_map(f->st, "cli:t", f->x, key, "none", NULL, 0, NULL, NULL, NULL, &e), 0);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", NULL };
	*state = f;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	if (scratch_db_open(f->dir, "shinsa-questions", ids, &f->st) < 0)
		return -1;
	f->a = scratch_org_add(f->st, ORG_CONNECTOR, "接続先A");
	f->b = scratch_org_add(f->st, ORG_CONNECTOR, "接続先B");
	f->x = scratch_org_add(f->st, ORG_BANK, "X銀行");
	import(f, LIST3);
	map_none(f, "3");
	map_none(f, "1");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	org_free(f->a);
	org_free(f->b);
	org_free(f->x);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

/* The list connector sees of X, as compact JSON (yours). */
static char *list_of(struct fixture *f, const struct org *connector)
{
	struct err e = { 0 };
	struct question_list *l;
	assert_int_equal(questions_list(f->st, "X銀行", connector, &l, &e), 0);
	json_t *j = questions_json(l);
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	question_list_free(l);
	return s;
}

static long long count(struct fixture *f, const char *sql)
{
	struct err e = { 0 };
	struct sql_stmt *q = sql_prepare(store_sql(f->st), sql, &e);
	assert_non_null(q);
	assert_int_equal(sql_step(q, &e), 1);
	long long n = sql_int(q, 0);
	sql_finalize(q);
	return n;
}

static void test_list_and_answer(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *s = list_of(f, f->a);
	assert_string_equal(s, "[{\"key\":\"1\",\"category\":\"体制\",\"text\":\"責任者を置く\",\"answer\":null,"
			       "\"answered_at\":null,\"answered_by\":null},{\"key\":\"3\",\"category\":\"監査\","
			       "\"text\":\"外部監査を受ける\",\"answer\":null,\"answered_at\":null,\"answered_by\":null}]");
	free(s);
	struct question *q = NULL;
	assert_int_equal(questions_answer(f->st, "a@a.test", f->a, "X銀行", "3", "年1回受けている", &q, &e), 0);
	assert_string_equal(q->answer, "年1回受けている");
	assert_string_equal(q->answered_at, "2026-04-01T09:00:00Z");
	assert_string_equal(q->answered_by, "a@a.test");
	question_free(q);
	s = list_of(f, f->b);
	assert_null(strstr(s, "年1回"));
	free(s);
	s = list_of(f, NULL);
	assert_null(strstr(s, "年1回"));
	free(s);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'question_answer'"
				  " AND details NOT LIKE '%年1回%'"), 1);

	/* Cleared by a blank answer: the row goes. */
	assert_int_equal(questions_answer(f->st, "a@a.test", f->a, "X銀行", "3", " \n", &q, &e), 0);
	assert_null(q->answer);
	assert_null(q->answered_by);
	question_free(q);
	assert_int_equal(count(f, "SELECT count(*) FROM question_answer"), 0);
	/* Clearing what is not answered changes nothing and records nothing. */
	assert_int_equal(questions_answer(f->st, "a@a.test", f->a, "X銀行", "3", "", &q, &e), 0);
	assert_null(q->answer);
	question_free(q);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'question_answer'"), 2);
}

static void test_refusals(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *long_text = xmalloc(4 * 4001 + 1);
	long_text[0] = '\0';
	for (int i = 0; i < 4001; i++)
		strcat(long_text, "あ");
	struct {
		const struct org *org;
		const char *bank, *key, *text, *msg;
		int rc;
	} cases[] = {
		{ f->a, "X銀行", "2", "x", "X銀行 has no question \"2\"", OUTCOME_NOT_FOUND },
		{ f->a, "X銀行", "9", "x", "X銀行 has no question \"9\"", OUTCOME_NOT_FOUND },
		{ f->a, "接続先B", "1", "x", "no bank \"接続先B\"", OUTCOME_NOT_FOUND },
		{ f->a, "Z銀行", "1", "x", "no bank \"Z銀行\"", OUTCOME_NOT_FOUND },
		{ f->x, "X銀行", "1", "x", "X銀行 is a bank: answers belong to connectors", OUTCOME_REFUSED },
		{ f->a, "X銀行", "1", long_text, "the answer is longer than 4000 characters", OUTCOME_INVALID },
		{ f->a, "X銀行", "1", "\xff\xfe 回答", "the answer is not valid UTF-8", OUTCOME_INVALID },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct question *q = NULL;
		assert_int_equal(questions_answer(f->st, "a@a.test", cases[i].org, cases[i].bank, cases[i].key,
						  cases[i].text, &q, &e),
				 cases[i].rc);
		assert_string_equal(e.msg, cases[i].msg);
		assert_null(q);
	}
	free(long_text);
	assert_int_equal(count(f, "SELECT count(*) FROM question_answer"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'question_answer'"), 0);
	assert_false(store_in_tx(f->st));
}

static void test_kept_by_key(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	assert_int_equal(questions_answer(f->st, "a@a.test", f->a, "X銀行", "3", "受けている", NULL, &e), 0);
	import(f, LIST2); /* 3 is gone: its answer is not shown, but kept */
	char *s = list_of(f, f->a);
	assert_null(strstr(s, "受けている"));
	assert_null(strstr(s, "\"key\":\"3\""));
	free(s);
	assert_int_equal(count(f, "SELECT count(*) FROM question_answer"), 1);
	import(f, LIST3);
	map_none(f, "3");
	s = list_of(f, f->a);
	assert_non_null(strstr(s, "\"key\":\"3\",\"category\":\"監査\",\"text\":\"外部監査を受ける\",\"answer\":\"受けている\""));
	free(s);
	/* Reworded under the same key: the old answer is not this question's. */
	import(f, LIST3_REWORDED);
	map_none(f, "3");
	s = list_of(f, f->a);
	assert_non_null(strstr(s, "\"key\":\"3\",\"category\":\"監査\",\"text\":\"外部監査を年2回受ける\",\"answer\":null"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_list_and_answer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kept_by_key, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
