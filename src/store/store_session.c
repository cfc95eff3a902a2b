#include "store/store_session.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "store/store.h"
#include "store/store_sql.h"

/* Stored times are clock_format() text; a row that does not parse (which
 * only a hand-edited database has) reads as the epoch, so a session with it
 * is long expired rather than immortal. */
static time_t stamp_time(const char *s)
{
	time_t t;
	return s && clock_parse(s, &t) == 0 ? t : 0;
}

int store_session_add(struct store *st, struct auth_session *s, const char *token_hash, const char *remote,
		      struct err *e)
{
	char created[CLOCK_TEXT_SIZE], expires[CLOCK_TEXT_SIZE];
	clock_format(s->created_at, created);
	clock_format(s->expires_at, expires);
	s->last_seen_at = s->created_at;
	s->revoked = false;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO session (token_hash, user_id, remote, created_at, last_seen_at, expires_at, revoked)"
		" VALUES (?, ?, ?, ?, ?, ?, 0) RETURNING id", e);
	sql_bind_text(q, 1, token_hash);
	sql_bind_int(q, 2, s->user_id);
	sql_bind_text(q, 3, remote);
	sql_bind_text(q, 4, created);
	sql_bind_text(q, 5, created);
	sql_bind_text(q, 6, expires);
	return sql_write_one(q, &s->id, e) == STORE_OK ? 0 : -1;
}

static void session_decode(struct sql_stmt *q, void *slot)
{
	struct auth_session *s = slot;
	s->id = sql_int(q, 0);
	s->user_id = sql_int(q, 1);
	s->created_at = stamp_time(sql_text(q, 2));
	s->last_seen_at = stamp_time(sql_text(q, 3));
	s->expires_at = stamp_time(sql_text(q, 4));
	s->revoked = sql_int(q, 5) != 0;
}

int store_session_find(struct store *st, const char *token_hash, struct auth_session *out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT id, user_id, created_at, last_seen_at, expires_at, revoked FROM session WHERE token_hash = ?",
		e);
	sql_bind_text(q, 1, token_hash);
	return sql_get_one(q, sizeof *out, session_decode, out, e);
}

int store_session_touch(struct store *st, long long id, time_t t, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(t, stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE session SET last_seen_at = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, stamp);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}

int store_session_revoke(struct store *st, long long id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE session SET revoked = 1 WHERE id = ? AND revoked = 0 RETURNING id", e);
	sql_bind_int(q, 1, id);
	return sql_write_one(q, NULL, e);
}

int store_session_revoke_user(struct store *st, long long user_id, long long except_id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE session SET revoked = 1 WHERE user_id = ? AND id <> ? AND revoked = 0", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, user_id);
	sql_bind_int(q, 2, except_id);
	return sql_run(q, e);
}

int store_session_prune(struct store *st, long long user_id, time_t now, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(now, stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"DELETE FROM session WHERE user_id = ? AND (revoked = 1 OR expires_at <= ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, user_id);
	sql_bind_text(q, 2, stamp);
	return sql_run(q, e);
}

int store_login_attempt_add(struct store *st, const char *key, time_t t, long long *id, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(t, stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st), "INSERT INTO login_attempt (key, at) VALUES (?, ?) RETURNING id",
					 e);
	sql_bind_text(q, 1, key);
	sql_bind_text(q, 2, stamp);
	return sql_write_one(q, id, e) == STORE_OK ? 0 : -1;
}

int store_login_attempt_recent(struct store *st, const char *key, time_t since, size_t limit, time_t *out,
			       size_t *n, struct err *e)
{
	*n = 0;
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(since, stamp);
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT at FROM login_attempt WHERE key = ? AND at > ? ORDER BY at DESC, id DESC LIMIT ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, key);
	sql_bind_text(q, 2, stamp);
	sql_bind_int(q, 3, (long long)limit);
	int rc;
	while ((rc = sql_step(q, e)) == 1 && *n < limit)
		out[(*n)++] = stamp_time(sql_text(q, 0));
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

static int delete_where(struct store *st, const char *sql, const char *text, long long id, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), sql, e);
	if (!q)
		return -1;
	if (text)
		sql_bind_text(q, 1, text);
	else
		sql_bind_int(q, 1, id);
	return sql_run(q, e);
}

int store_login_attempt_clear(struct store *st, const char *key, struct err *e)
{
	return delete_where(st, "DELETE FROM login_attempt WHERE key = ?", key, 0, e);
}

int store_login_attempt_delete(struct store *st, long long id, struct err *e)
{
	return delete_where(st, "DELETE FROM login_attempt WHERE id = ?", NULL, id, e);
}

int store_login_attempt_prune(struct store *st, time_t t, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(t, stamp);
	return delete_where(st, "DELETE FROM login_attempt WHERE at <= ?", stamp, 0, e);
}
