#include "store/store_question.h"

#include <stdlib.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static void answer_decode(struct sql_stmt *q, void *slot)
{
	struct question_answer *a = slot;
	a->key = xstrdup(sql_text(q, 0));
	a->answer = xstrdup(sql_text(q, 1));
	a->answered_at = xstrdup(sql_text(q, 2));
	a->answered_by = xstrdup(sql_text(q, 3));
	a->wording = xstrdup(sql_text(q, 4));
}

static void answer_drop(void *slot)
{
	struct question_answer *a = slot;
	free(a->key);
	free(a->wording);
	free(a->answer);
	free(a->answered_at);
	free(a->answered_by);
}

void question_answers_free(struct question_answer *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		answer_drop(&list[i]);
	free(list);
}

int store_question_list(struct store *st, long long bank_id, long long connector_id, struct question_answer **out,
			size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT key, answer, answered_at, answered_by, wording FROM question_answer"
		" WHERE bank_id = ? AND connector_id = ? ORDER BY key", e);
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	return sql_collect(q, sizeof **out, answer_decode, answer_drop, out, n, e);
}

int store_question_put(struct store *st, long long bank_id, long long connector_id, const struct question_answer *a,
		       struct err *e)
{
	/* Standard SQL both ways: delete, then insert when there is an answer
	 * (no backend-specific upsert). */
	struct sql *db = store_sql(st);
	struct sql_stmt *q = sql_prepare(db,
		"DELETE FROM question_answer WHERE bank_id = ? AND connector_id = ? AND key = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	sql_bind_text(q, 3, a->key);
	if (sql_run(q, e) < 0)
		return -1;
	if (!a->answer)
		return 0;
	q = sql_prepare(db,
		"INSERT INTO question_answer (bank_id, connector_id, key, answer, answered_at, answered_by, wording)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	sql_bind_text(q, 3, a->key);
	sql_bind_text(q, 4, a->answer);
	sql_bind_text(q, 5, a->answered_at);
	sql_bind_text(q, 6, a->answered_by);
	sql_bind_text(q, 7, a->wording);
	return sql_run(q, e);
}
