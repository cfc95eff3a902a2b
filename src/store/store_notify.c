#include "store/store_notify.h"

#include <stdlib.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static char *text_of(struct sql_stmt *q, int i)
{
	const char *s = sql_text(q, i);
	return xstrdup(s ? s : "");
}

int store_notify_add(struct store *st, struct notification *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO notification (user_id, kind, submission_id, no, plan_id, bank, connector, detail, actor,"
		" created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) RETURNING id", e);
	sql_bind_int(q, 1, n->user_id);
	sql_bind_text(q, 2, notify_kind_name(n->kind));
	if (n->submission_id)
		sql_bind_int(q, 3, n->submission_id);
	if (n->no)
		sql_bind_int(q, 4, n->no);
	if (n->plan_id)
		sql_bind_int(q, 5, n->plan_id);
	sql_bind_text(q, 6, n->bank ? n->bank : "");
	sql_bind_text(q, 7, n->connector ? n->connector : "");
	sql_bind_text(q, 8, n->detail ? n->detail : "");
	sql_bind_text(q, 9, n->actor ? n->actor : "");
	sql_bind_text(q, 10, n->created_at);
	return sql_write_one(q, &n->id, e) == STORE_OK ? 0 : -1;
}

static void decode(struct sql_stmt *q, void *slot)
{
	struct notification *m = notification_new();
	m->id = sql_int(q, 0);
	m->user_id = sql_int(q, 1);
	m->kind = notify_kind_parse(sql_text(q, 2));
	m->submission_id = sql_is_null(q, 3) ? 0 : sql_int(q, 3);
	m->no = sql_is_null(q, 4) ? 0 : (int)sql_int(q, 4);
	m->plan_id = sql_is_null(q, 5) ? 0 : sql_int(q, 5);
	m->bank = text_of(q, 6);
	m->connector = text_of(q, 7);
	m->detail = text_of(q, 8);
	m->actor = text_of(q, 9);
	m->created_at = text_of(q, 10);
	m->read_at = sql_is_null(q, 11) ? NULL : text_of(q, 11);
	*(struct notification **)slot = m;
}

static void drop(void *slot)
{
	notification_free(*(struct notification **)slot);
}

int store_notify_list(struct store *st, long long user_id, long long before, size_t limit,
		      struct notification ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT id, user_id, kind, submission_id, no, plan_id, bank, connector, detail, actor, created_at,"
		" read_at FROM notification WHERE user_id = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?", e);
	sql_bind_int(q, 1, user_id);
	sql_bind_int(q, 2, before);
	sql_bind_int(q, 3, before);
	sql_bind_int(q, 4, (long long)limit);
	return sql_collect(q, sizeof **out, decode, drop, out, n, e);
}

static void decode_count(struct sql_stmt *q, void *slot)
{
	*(long long *)slot = sql_int(q, 0);
}

int store_notify_unread(struct store *st, long long user_id, long long *count, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL", e);
	sql_bind_int(q, 1, user_id);
	return sql_get_one(q, sizeof *count, decode_count, count, e) == STORE_OK ? 0 : -1;
}

static void decode_unread(struct sql_stmt *q, void *slot)
{
	struct notify_unread *u = slot;
	u->submission_id = sql_int(q, 0);
	u->bank = text_of(q, 1);
	u->count = sql_int(q, 2);
}

static void drop_unread(void *slot)
{
	free(((struct notify_unread *)slot)->bank);
}

int store_notify_unread_threads(struct store *st, long long user_id, struct notify_unread **out, size_t *n,
				struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT submission_id, bank, count(*) FROM notification WHERE user_id = ? AND read_at IS NULL"
		" AND kind IN ('reply', 'query', 'improvement', 'bank_message')"
		" GROUP BY submission_id, bank ORDER BY submission_id, bank", e);
	sql_bind_int(q, 1, user_id);
	return sql_collect(q, sizeof **out, decode_unread, drop_unread, out, n, e);
}

int store_notify_mark(struct store *st, long long user_id, long long id, const char *at, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE notification SET read_at = coalesce(read_at, ?) WHERE id = ? AND user_id = ? RETURNING id", e);
	sql_bind_text(q, 1, at);
	sql_bind_int(q, 2, id);
	sql_bind_int(q, 3, user_id);
	return sql_write_one(q, NULL, e);
}

int store_notify_mark_all(struct store *st, long long user_id, long long submission_id, const char *bank,
			  const char *at, long long *marked, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL"
		" AND (? = 0 OR submission_id = ?) AND (? IS NULL OR bank = ?) RETURNING id", e);
	sql_bind_text(q, 1, at);
	sql_bind_int(q, 2, user_id);
	sql_bind_int(q, 3, submission_id);
	sql_bind_int(q, 4, submission_id);
	sql_bind_text(q, 5, bank);
	sql_bind_text(q, 6, bank);
	long long *ids;
	size_t n;
	if (sql_collect(q, sizeof *ids, decode_count, NULL, &ids, &n, e) < 0)
		return -1;
	free(ids);
	*marked = (long long)n;
	return 0;
}

int store_notify_email_get(struct store *st, long long user_id, bool *on, struct err *e)
{
	long long off = 0;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT count(*) FROM notify_email_off WHERE user_id = ?", e);
	sql_bind_int(q, 1, user_id);
	if (sql_get_one(q, sizeof off, decode_count, &off, e) != STORE_OK)
		return -1;
	*on = off == 0;
	return 0;
}

int store_notify_email_set(struct store *st, long long user_id, bool on, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		on ? "DELETE FROM notify_email_off WHERE user_id = ?"
		   : "INSERT INTO notify_email_off (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING", e);
	sql_bind_int(q, 1, user_id);
	return sql_run(q, e);
}
