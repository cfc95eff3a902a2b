#include "service/notify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan.h"
#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_notify.h"
#include "store/store_org.h"
#include "store/store_plan.h"
#include "store/store_user.h"

/* One notice for the event's e-mail, to (", " between them) in org. */
static int mail(struct store *st, long long org_id, const struct notification *n, long long first, const char *to,
		struct err *e)
{
	struct org *o = NULL;
	if (store_org_get_id(st, org_id, &o, e) != STORE_OK)
		return -1;
	struct notice *m = notice_new();
	bool added;
	m->kind = NOTICE_EVENT;
	m->org_id = org_id;
	m->dedup_key = xasprintf("event:%lld", first);
	notify_mail_text(n, o->name, &m->subject, &m->body);
	m->recipients = xstrdup(to);
	m->created_at = xstrdup(n->created_at);
	int rc = store_outbox_add(st, m, &added, e);
	notice_free(m);
	org_free(o);
	return rc;
}

/* n to the users of org_id whose role is in roles (and whose email is
 * only, if not NULL), but never to its actor. */
static int deliver(struct store *st, long long org_id, unsigned roles, const char *only,
		   const struct notification *n, struct err *e)
{
	struct user **users;
	size_t nu;
	if (store_user_list(st, org_id, &users, &nu, e) < 0)
		return -1;
	struct strbuf to = STRBUF_INIT;
	strbuf_addstr(&to, "");
	long long first = 0;
	int rc = 0;
	for (size_t i = 0; i < nu && rc == 0; i++) {
		const struct user *u = users[i];
		bool email;
		if (u->disabled || !(roles & NOTIFY_ROLE(u->role)) || (only && strcmp(u->email, only) != 0) ||
		    (n->actor && strcmp(u->email, n->actor) == 0))
			continue;
		struct notification row = *n;
		row.user_id = u->id;
		rc = store_notify_add(st, &row, e) < 0 || store_notify_email_get(st, u->id, &email, e) < 0 ? -1 : 0;
		if (rc == 0 && !first)
			first = row.id;
		if (rc == 0 && email)
			strbuf_addf(&to, "%s%s", to.len ? ", " : "", u->email);
	}
	if (rc == 0 && to.len)
		rc = mail(st, org_id, n, first, to.buf, e);
	strbuf_release(&to);
	for (size_t i = 0; i < nu; i++)
		user_free(users[i]);
	free(users);
	return rc;
}

int notify_event(struct store *st, long long org_id, unsigned roles, const struct notification *n, struct err *e)
{
	return deliver(st, org_id, roles, NULL, n, e);
}

int notify_person(struct store *st, long long org_id, const char *email, const struct notification *n,
		  struct err *e)
{
	return deliver(st, org_id, ~0u, email, n, e);
}

int notify_list(struct store *st, long long user_id, long long before, size_t limit, struct notify_page *out,
		struct err *e)
{
	*out = (struct notify_page){ 0 };
	if (store_notify_list(st, user_id, before, limit, &out->items, &out->n, e) < 0 ||
	    store_notify_unread(st, user_id, &out->unread, e) < 0 || store_notify_email_get(st, user_id, &out->email, e) < 0 ||
	    store_notify_unread_threads(st, user_id, &out->threads, &out->n_threads, e) < 0) {
		notify_page_release(out);
		return -1;
	}
	return 0;
}

void notify_page_release(struct notify_page *p)
{
	notification_list_free(p->items, p->n);
	for (size_t i = 0; i < p->n_threads; i++)
		free(p->threads[i].bank);
	free(p->threads);
	*p = (struct notify_page){ 0 };
}

/* Where n is seen: the review (a connector's names its bank), the plan, or
 * the list of reviews once a share is revoked. */
static char *link_of(const struct notification *n, bool bank)
{
	if (n->kind == NOTIFY_REQUIRED_DATE)
		return xasprintf("/plans/%lld", n->plan_id);
	if (n->kind == NOTIFY_REVOKED)
		return xstrdup("/reviews");
	if (n->kind == NOTIFY_DRAFTED || n->kind == NOTIFY_APPROVED || n->kind == NOTIFY_REJECTED)
		return xasprintf("/reviews/%lld#decision", n->submission_id);
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "/reviews/%lld", n->submission_id);
	if (!bank) {
		strbuf_addstr(&sb, "?bank=");
		text_percent_encode(&sb, n->bank, strlen(n->bank));
	}
	if (n->no)
		strbuf_addf(&sb, "#item-%d", n->no);
	return strbuf_detach(&sb);
}

static json_t *id_or_null(long long v)
{
	return v ? json_integer(v) : json_null();
}

json_t *notify_json(const struct notification *n, bool bank)
{
	char *link = link_of(n, bank);
	json_t *j = json_pack("{s:I, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id", (json_int_t)n->id,
			      "kind", notify_kind_name(n->kind), "submission", id_or_null(n->submission_id), "no",
			      id_or_null(n->no), "plan", id_or_null(n->plan_id), "bank", n->bank, "connector",
			      n->connector, "detail", n->detail, "actor", n->actor, "link", link, "created_at",
			      n->created_at, "read", n->read_at != NULL);
	free(link);
	return j;
}

enum outcome notify_read(struct store *st, long long user_id, const long long *ids, size_t n, long long *marked,
			 struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	long long before = 0, after = 0;
	*marked = 0;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = store_notify_unread(st, user_id, &before, e);
	for (size_t i = 0; i < n && rc == 0; i++) {
		rc = store_notify_mark(st, user_id, ids[i], now, e);
		if (rc == STORE_NOT_FOUND) {
			char id[24];
			if (snprintf(id, sizeof id, "%lld", ids[i]) >= (int)sizeof id)
				abort(); /* a long long has at most 20 characters */
			err_coded(e, NULL, "no_notification", "no notification {1}", id, NULL);
			rc = OUTCOME_NOT_FOUND;
		}
	}
	if (rc == 0)
		rc = store_notify_unread(st, user_id, &after, e) < 0 || store_commit(st, e) < 0 ? -1 : 0;
	if (rc != 0) {
		store_rollback(st);
		return rc;
	}
	*marked = before - after;
	return 0;
}

int notify_read_review(struct store *st, long long user_id, long long submission_id, const char *bank,
		       long long *marked, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	*marked = 0;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	if (store_notify_mark_all(st, user_id, submission_id, bank, now, marked, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int notify_read_all(struct store *st, long long user_id, long long *marked, struct err *e)
{
	return notify_read_review(st, user_id, 0, NULL, marked, e);
}

int notify_email_set(struct store *st, const char *actor, long long org_id, long long user_id, bool on,
		     struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	json_t *details = json_pack("{s:b}", "email_notifications", on);
	int rc = store_notify_email_set(st, user_id, on, e) < 0 ||
			 audit_log(st, actor, org_id, AUDIT_USER_UPDATE, details, e, "user:%lld", user_id) < 0 ||
			 store_commit(st, e) < 0
		 ? -1
		 : 0;
	json_decref(details);
	if (rc != 0)
		store_rollback(st);
	return rc;
}
