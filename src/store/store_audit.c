#include "store/store_audit.h"

#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

/* The next seq and the hash it chains onto. Call under the write lock. */
static int chain_head(struct store *st, long long *seq, char **prev, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1", e);
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc == 1) {
		*seq = sql_int(q, 0) + 1;
		*prev = xstrdup(sql_text(q, 1));
	} else if (rc == 0) {
		*seq = 1;
		*prev = xstrdup(audit_genesis_hash);
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

static int insert(struct store *st, struct audit_event *ev, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0 || chain_head(st, &ev->seq, &ev->prev_hash, e) < 0)
		return -1;
	ev->at = xstrdup(stamp);
	ev->hash = xmalloc(HASH_HEX_LEN + 1);
	audit_event_hash(ev, ev->hash);
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO audit_event (seq, at, actor, org_id, action, object, details, prev_hash, hash)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, ev->seq);
	sql_bind_text(q, 2, ev->at);
	sql_bind_text(q, 3, ev->actor);
	if (ev->org_id > 0)
		sql_bind_int(q, 4, ev->org_id);
	else
		sql_bind_text(q, 4, NULL);
	sql_bind_text(q, 5, ev->action);
	sql_bind_text(q, 6, ev->object);
	sql_bind_text(q, 7, ev->details);
	sql_bind_text(q, 8, ev->prev_hash);
	sql_bind_text(q, 9, ev->hash);
	return sql_run(q, e);
}

int store_audit_append(struct store *st, struct audit_event *ev, struct err *e)
{
	if (audit_event_check(ev, e) < 0)
		return -1;
	/* What a failed attempt set must not linger in ev. */
	free(ev->at);
	free(ev->prev_hash);
	free(ev->hash);
	ev->at = ev->prev_hash = ev->hash = NULL;
	if (store_in_tx(st))
		return insert(st, ev, e);
	if (store_begin(st, e) < 0)
		return -1;
	if (insert(st, ev, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

#define EVENT_QUERY                                                                                        \
	"SELECT a.seq, a.at, a.actor, a.org_id, o.name, a.action, a.object, a.details, a.prev_hash, a.hash"  \
	" FROM audit_event a LEFT JOIN org o ON o.id = a.org_id"

/* A text column as read, noting in ev->cut a NUL byte that hid the rest. */
static char *column(struct sql_stmt *q, int col, struct audit_event *ev)
{
	const char *s = sql_text(q, col);
	if (!s)
		return NULL;
	if (sql_bytes(q, col) != strlen(s))
		ev->cut = true;
	return xstrdup(s);
}

static struct audit_event *event_from_row(struct sql_stmt *q)
{
	struct audit_event *ev = xcalloc(1, sizeof *ev);
	ev->seq = sql_int(q, 0);
	ev->at = column(q, 1, ev);
	ev->actor = column(q, 2, ev);
	ev->org_id = sql_is_null(q, 3) ? 0 : sql_int(q, 3);
	ev->org_name = xstrdup(sql_text(q, 4));
	ev->action = column(q, 5, ev);
	ev->object = column(q, 6, ev);
	ev->details = column(q, 7, ev);
	ev->prev_hash = column(q, 8, ev);
	ev->hash = column(q, 9, ev);
	return ev;
}

static void event_decode(struct sql_stmt *q, void *slot)
{
	*(struct audit_event **)slot = event_from_row(q);
}

static void event_drop(void *slot)
{
	audit_event_free(*(struct audit_event **)slot);
}

int store_audit_list(struct store *st, long long org_id, const struct store_audit_filter *filter, long long before,
		     size_t limit, struct audit_event ***out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (limit < 1 || limit > STORE_AUDIT_LIST_MAX) {
		err_set(e, "a limit must be from 1 to %d", STORE_AUDIT_LIST_MAX);
		return -1;
	}
	/* Only the bounds given, so the (org_id, seq) index serves each case. */
	struct strbuf sql = STRBUF_INIT;
	strbuf_addstr(&sql, EVENT_QUERY " WHERE 1 = 1");
	if (org_id)
		strbuf_addstr(&sql, " AND a.org_id = ?");
	if (before)
		strbuf_addstr(&sql, " AND a.seq < ?");
	static const struct store_audit_filter none = { 0 };
	const struct store_audit_filter *f = filter ? filter : &none;
	/* instr(), not LIKE: what is typed is matched as written, % and _ too. */
	if (f->actor)
		strbuf_addstr(&sql, " AND instr(a.actor, ?) > 0");
	if (f->action)
		strbuf_addstr(&sql, " AND a.action = ?");
	if (f->object)
		strbuf_addstr(&sql, " AND instr(a.object, ?) > 0");
	if (f->from)
		strbuf_addstr(&sql, " AND a.at >= ?");
	if (f->to)
		strbuf_addstr(&sql, " AND a.at < ?");
	strbuf_addstr(&sql, " ORDER BY a.seq DESC LIMIT ?");
	struct sql_stmt *q = sql_prepare(store_sql(st), sql.buf, e);
	strbuf_release(&sql);
	int col = 1;
	if (org_id)
		sql_bind_int(q, col++, org_id);
	if (before)
		sql_bind_int(q, col++, before);
	const char *texts[] = { f->actor, f->action, f->object, f->from, f->to };
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		if (texts[i])
			sql_bind_text(q, col++, texts[i]);
	sql_bind_int(q, col, (long long)limit);
	return sql_collect(q, sizeof **out, event_decode, event_drop, out, n, e);
}

int store_audit_walk(struct store *st, int (*fn)(const struct audit_event *ev, void *arg), void *arg, struct err *e)
{
	/* One statement reads one snapshot: appends made meanwhile are not seen. */
	struct sql_stmt *q = sql_prepare(store_sql(st), EVENT_QUERY " ORDER BY a.seq", e);
	if (!q)
		return -1;
	int rc = 0, stop = 0;
	while (!stop && (rc = sql_step(q, e)) == 1) {
		struct audit_event *ev = event_from_row(q);
		stop = fn(ev, arg);
		audit_event_free(ev);
	}
	sql_finalize(q);
	if (stop)
		return stop;
	return rc < 0 ? -1 : 0;
}
