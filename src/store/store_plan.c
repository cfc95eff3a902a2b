#include "store/store_plan.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

static char *col(struct sql_stmt *q, int i)
{
	const char *s = sql_text(q, i);
	return s ? xstrdup(s) : NULL;
}

int store_plan_add(struct store *st, struct plan *p, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO plan (connector_id, catalog_id, no, status, due, created_at, updated_at, closed_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", e);
	sql_bind_int(q, 1, p->connector_id);
	sql_bind_text(q, 2, p->catalog_id);
	sql_bind_int(q, 3, p->no);
	sql_bind_text(q, 4, plan_status_name(p->status));
	sql_bind_text(q, 5, p->due);
	sql_bind_text(q, 6, p->created_at);
	sql_bind_text(q, 7, p->updated_at);
	sql_bind_text(q, 8, p->closed_at);
	return sql_write_one(q, &p->id, e) == STORE_OK ? 0 : -1;
}

int store_plan_update(struct store *st, const struct plan *p, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE plan SET status = ?, due = ?, updated_at = ?, closed_at = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, plan_status_name(p->status));
	sql_bind_text(q, 2, p->due);
	sql_bind_text(q, 3, p->updated_at);
	sql_bind_text(q, 4, p->closed_at);
	sql_bind_int(q, 5, p->id);
	return sql_run(q, e);
}

int store_plan_set_milestones(struct store *st, const struct plan *p, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "DELETE FROM plan_milestone WHERE plan_id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, p->id);
	if (sql_run(q, e) < 0)
		return -1;
	for (size_t i = 0; i < p->n_milestones; i++) {
		q = sql_prepare(store_sql(st),
				"INSERT INTO plan_milestone (plan_id, seq, title, due, done_at) VALUES (?, ?, ?, ?, ?)", e);
		if (!q)
			return -1;
		sql_bind_int(q, 1, p->id);
		sql_bind_int(q, 2, (long long)i + 1);
		sql_bind_text(q, 3, p->milestones[i].title);
		sql_bind_text(q, 4, p->milestones[i].due);
		sql_bind_text(q, 5, p->milestones[i].done_at);
		if (sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

int store_plan_event_add(struct store *st, long long plan_id, const struct plan_event *ev, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO plan_history (plan_id, at, actor, what, detail, bank_id) VALUES (?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, plan_id);
	sql_bind_text(q, 2, ev->at);
	sql_bind_text(q, 3, ev->actor);
	sql_bind_text(q, 4, ev->what);
	sql_bind_text(q, 5, ev->detail ? ev->detail : "");
	if (ev->bank_id)
		sql_bind_int(q, 6, ev->bank_id);
	else
		sql_bind_text(q, 6, NULL);
	return sql_run(q, e);
}

int store_plan_required_set(struct store *st, long long plan_id, long long bank_id, const char *due,
			    struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		due ? "INSERT INTO plan_required (plan_id, bank_id, due) VALUES (?, ?, ?)"
		      " ON CONFLICT (plan_id, bank_id) DO UPDATE SET due = excluded.due"
		    : "DELETE FROM plan_required WHERE plan_id = ? AND bank_id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, plan_id);
	sql_bind_int(q, 2, bank_id);
	if (due)
		sql_bind_text(q, 3, due);
	return sql_run(q, e);
}

#define PLAN_QUERY                                                                                         \
	"SELECT p.id, p.connector_id, o.name, p.catalog_id, p.no, p.status, p.due, p.created_at, p.updated_at," \
	" p.closed_at FROM plan p JOIN org o ON o.id = p.connector_id"

static void plan_decode(struct sql_stmt *q, void *slot)
{
	struct plan *p = plan_new();
	struct err ignored = { 0 };
	p->id = sql_int(q, 0);
	p->connector_id = sql_int(q, 1);
	p->connector = col(q, 2);
	p->catalog_id = col(q, 3);
	p->no = (int)sql_int(q, 4);
	p->status = PLAN_OPEN;
	plan_status_parse(sql_text(q, 5), &p->status, &ignored); /* the CHECK keeps it one */
	p->due = col(q, 6);
	p->created_at = col(q, 7);
	p->updated_at = col(q, 8);
	p->closed_at = col(q, 9);
	*(struct plan **)slot = p;
}

static void plan_drop(void *slot)
{
	plan_free(*(struct plan **)slot);
}

/* Fills p's milestones, required dates and (with history) its history. */
static int fill(struct store *st, struct plan *p, bool history, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT title, due, done_at FROM plan_milestone WHERE plan_id = ? ORDER BY seq", e);
	int rc;
	if (!q)
		return -1;
	sql_bind_int(q, 1, p->id);
	while ((rc = sql_step(q, e)) == 1)
		plan_add_milestone(p, sql_text(q, 0), sql_text(q, 1), sql_text(q, 2));
	sql_finalize(q);
	if (rc < 0)
		return -1;
	q = sql_prepare(store_sql(st),
		"SELECT r.bank_id, o.name, r.due FROM plan_required r JOIN org o ON o.id = r.bank_id"
		" WHERE r.plan_id = ? ORDER BY r.bank_id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, p->id);
	while ((rc = sql_step(q, e)) == 1)
		plan_add_required(p, sql_int(q, 0), sql_text(q, 1), sql_text(q, 2));
	sql_finalize(q);
	if (rc < 0 || !history)
		return rc < 0 ? -1 : 0;
	q = sql_prepare(store_sql(st),
		"SELECT at, actor, what, detail, bank_id FROM plan_history WHERE plan_id = ? ORDER BY id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, p->id);
	while ((rc = sql_step(q, e)) == 1)
		plan_add_event(p, sql_text(q, 0), sql_text(q, 1), sql_text(q, 2), sql_text(q, 3),
			       sql_is_null(q, 4) ? 0 : sql_int(q, 4));
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

/* Runs q (bound) for at most one plan, filled whole. */
static int one(struct store *st, struct sql_stmt *q, struct plan **out, struct err *e)
{
	int rc = sql_get_one(q, sizeof *out, plan_decode, out, e);
	if (rc == STORE_OK && fill(st, *out, true, e) < 0) {
		plan_free(*out);
		*out = NULL;
		return -1;
	}
	return rc;
}

int store_plan_get(struct store *st, long long id, struct plan **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), PLAN_QUERY " WHERE p.id = ?", e);
	sql_bind_int(q, 1, id);
	return one(st, q, out, e);
}

int store_plan_find(struct store *st, long long connector_id, const char *catalog_id, int no, struct plan **out,
		    struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		PLAN_QUERY " WHERE p.connector_id = ? AND p.catalog_id = ? AND p.no = ?", e);
	sql_bind_int(q, 1, connector_id);
	sql_bind_text(q, 2, catalog_id);
	sql_bind_int(q, 3, no);
	return one(st, q, out, e);
}

int store_plan_list(struct store *st, long long connector_id, struct plan ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		PLAN_QUERY " WHERE ? = 0 OR p.connector_id = ? ORDER BY p.connector_id, p.catalog_id, p.no", e);
	sql_bind_int(q, 1, connector_id);
	sql_bind_int(q, 2, connector_id);
	if (sql_collect(q, sizeof **out, plan_decode, plan_drop, out, n, e) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < *n; i++)
		if (fill(st, (*out)[i], false, e) < 0)
			rc = -1;
	if (rc < 0) {
		plan_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* Columns: bank_id, bank name, connector_id, connector name, months,
 * next_due, last_assessed; months NULL where no cycle is set. */
static void cycle_decode(struct sql_stmt *q, void *slot)
{
	struct cycle *c = cycle_new();
	c->bank_id = sql_int(q, 0);
	c->bank = col(q, 1);
	c->connector_id = sql_int(q, 2);
	c->connector = col(q, 3);
	if (!sql_is_null(q, 4))
		c->months = (int)sql_int(q, 4);
	c->next_due = col(q, 5);
	c->last_assessed = col(q, 6);
	*(struct cycle **)slot = c;
}

static void cycle_drop(void *slot)
{
	cycle_free(*(struct cycle **)slot);
}

int store_cycle_list(struct store *st, long long bank_id, long long connector_id, struct cycle ***out, size_t *n,
		     struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT pr.bank_id, b.name, pr.connector_id, c.name, cy.months, cy.next_due, cy.last_assessed FROM"
		" (SELECT DISTINCT sh.bank_id AS bank_id, sub.org_id AS connector_id FROM share sh"
		"  JOIN submission sub ON sub.id = sh.submission_id) pr"
		" JOIN org b ON b.id = pr.bank_id JOIN org c ON c.id = pr.connector_id"
		" LEFT JOIN cycle cy ON cy.bank_id = pr.bank_id AND cy.connector_id = pr.connector_id"
		" WHERE (? = 0 OR pr.bank_id = ?) AND (? = 0 OR pr.connector_id = ?)"
		" ORDER BY pr.bank_id, pr.connector_id", e);
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, bank_id);
	sql_bind_int(q, 3, connector_id);
	sql_bind_int(q, 4, connector_id);
	return sql_collect(q, sizeof **out, cycle_decode, cycle_drop, out, n, e);
}

int store_cycle_get(struct store *st, long long bank_id, long long connector_id, struct cycle **out, struct err *e)
{
	/* The names are not read here: NULL in the shape cycle_decode reads. */
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT bank_id, NULL, connector_id, NULL, months, next_due, last_assessed FROM cycle"
		" WHERE bank_id = ? AND connector_id = ?", e);
	sql_bind_int(q, 1, bank_id);
	sql_bind_int(q, 2, connector_id);
	return sql_get_one(q, sizeof *out, cycle_decode, out, e);
}

int store_cycle_put(struct store *st, const struct cycle *c, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO cycle (bank_id, connector_id, months, next_due, last_assessed) VALUES (?, ?, ?, ?, ?)"
		" ON CONFLICT (bank_id, connector_id) DO UPDATE SET months = excluded.months,"
		" next_due = excluded.next_due, last_assessed = excluded.last_assessed", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, c->bank_id);
	sql_bind_int(q, 2, c->connector_id);
	sql_bind_int(q, 3, c->months);
	sql_bind_text(q, 4, c->next_due);
	sql_bind_text(q, 5, c->last_assessed);
	return sql_run(q, e);
}

int store_outbox_add(struct store *st, struct notice *n, bool *added, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO outbox (dedup_key, org_id, kind, subject, body, recipients, created_at, sent_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (dedup_key) DO NOTHING RETURNING id", e);
	sql_bind_text(q, 1, n->dedup_key);
	sql_bind_int(q, 2, n->org_id);
	sql_bind_text(q, 3, notice_kind_name(n->kind));
	sql_bind_text(q, 4, n->subject);
	sql_bind_text(q, 5, n->body);
	sql_bind_text(q, 6, n->recipients);
	sql_bind_text(q, 7, n->created_at);
	int rc = sql_write_one(q, &n->id, e);
	*added = rc == STORE_OK;
	return rc < 0 ? -1 : 0;
}

static void notice_decode(struct sql_stmt *q, void *slot)
{
	struct notice *m = notice_new();
	m->id = sql_int(q, 0);
	m->dedup_key = col(q, 1);
	m->org_id = sql_int(q, 2);
	m->org = col(q, 3);
	m->kind = notice_kind_parse(sql_text(q, 4));
	m->subject = col(q, 5);
	m->body = col(q, 6);
	m->recipients = col(q, 7);
	m->created_at = col(q, 8);
	m->sent_at = col(q, 9);
	*(struct notice **)slot = m;
}

static void notice_drop(void *slot)
{
	notice_free(*(struct notice **)slot);
}

int store_outbox_list(struct store *st, bool unsent_only, struct notice ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		unsent_only ? "SELECT n.id, n.dedup_key, n.org_id, o.name, n.kind, n.subject, n.body, n.recipients,"
			      " n.created_at, n.sent_at FROM outbox n JOIN org o ON o.id = n.org_id"
			      " WHERE n.sent_at IS NULL ORDER BY n.id"
			    : "SELECT n.id, n.dedup_key, n.org_id, o.name, n.kind, n.subject, n.body, n.recipients,"
			      " n.created_at, n.sent_at FROM outbox n JOIN org o ON o.id = n.org_id ORDER BY n.id", e);
	return sql_collect(q, sizeof **out, notice_decode, notice_drop, out, n, e);
}

int store_outbox_mark_sent(struct store *st, long long id, const char *at, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL RETURNING id", e);
	sql_bind_text(q, 1, at);
	sql_bind_int(q, 2, id);
	return sql_write_one(q, NULL, e);
}
