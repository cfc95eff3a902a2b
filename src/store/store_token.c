#include "store/store_token.h"

#include <stdio.h>
#include <stdlib.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

#define TOKEN_COLUMNS "id, user_id, name, created_at, last_used_at, revoked"

static void token_decode(struct sql_stmt *q, void *slot)
{
	struct user_token *t = user_token_new();
	t->id = sql_int(q, 0);
	t->user_id = sql_int(q, 1);
	t->name = xstrdup(sql_text(q, 2));
	t->created_at = xstrdup(sql_text(q, 3));
	t->last_used_at = xstrdup(sql_text(q, 4)); /* NULL stays NULL */
	t->revoked = sql_int(q, 5) != 0;
	*(struct user_token **)slot = t;
}

static void token_drop(void *slot)
{
	user_token_free(*(struct user_token **)slot);
}

int store_token_add(struct store *st, struct user_token *t, const char *token_hash, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	free(t->created_at);
	t->created_at = xstrdup(stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO api_token (token_hash, user_id, name, created_at, last_used_at, revoked)"
		" VALUES (?, ?, ?, ?, NULL, 0) RETURNING id", e);
	sql_bind_text(q, 1, token_hash);
	sql_bind_int(q, 2, t->user_id);
	sql_bind_text(q, 3, t->name);
	sql_bind_text(q, 4, t->created_at);
	return sql_write_one(q, &t->id, e) == STORE_OK ? 0 : -1;
}

int store_token_find(struct store *st, const char *token_hash, struct user_token **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " TOKEN_COLUMNS " FROM api_token WHERE token_hash = ?", e);
	sql_bind_text(q, 1, token_hash);
	return sql_get_one(q, sizeof *out, token_decode, out, e);
}

int store_token_get(struct store *st, long long id, struct user_token **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " TOKEN_COLUMNS " FROM api_token WHERE id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, token_decode, out, e);
}

int store_token_list(struct store *st, long long user_id, struct user_token ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT " TOKEN_COLUMNS " FROM api_token WHERE user_id = ? ORDER BY id", e);
	sql_bind_int(q, 1, user_id);
	return sql_collect(q, sizeof **out, token_decode, token_drop, out, n, e);
}

int store_token_revoke(struct store *st, long long id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE api_token SET revoked = 1 WHERE id = ? AND revoked = 0 RETURNING id", e);
	sql_bind_int(q, 1, id);
	return sql_write_one(q, NULL, e);
}

int store_token_touch(struct store *st, long long id, time_t t, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(t, stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE api_token SET last_used_at = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, stamp);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}
