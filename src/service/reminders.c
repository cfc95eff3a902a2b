#include "service/reminders.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/plans.h"
#include "store/store_attachment.h"
#include "store/store_org.h"
#include "store/store_plan.h"
#include "store/store_share.h"
#include "store/store_user.h"

extern char **environ;

/* The admins' emails of org_id, ", " between them. */
static int recipients(struct store *st, long long org_id, char **out, struct err *e)
{
	struct user **users;
	size_t n;
	if (store_user_list(st, org_id, &users, &n, e) < 0)
		return -1;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "");
	for (size_t i = 0; i < n; i++) {
		if (users[i]->role == ROLE_ADMIN && !users[i]->disabled)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", users[i]->email);
		user_free(users[i]);
	}
	free(users);
	*out = strbuf_detach(&sb);
	return 0;
}

/* Adds a notice (taking subject and body) unless its key is there. */
static int add(struct store *st, enum notice_kind kind, long long org_id, const char *what, const char *due,
	       char *subject, char *body, const char *now, struct reminders_result *r, struct err *e)
{
	struct notice *n = notice_new();
	bool added;
	n->kind = kind;
	n->org_id = org_id;
	n->dedup_key = xasprintf("%s|%s|%s|org:%lld", notice_kind_name(kind), what, due, org_id);
	n->subject = subject;
	n->body = body;
	n->created_at = xstrdup(now);
	int rc = recipients(st, org_id, &n->recipients, e) < 0 || store_outbox_add(st, n, &added, e) < 0 ? -1 : 0;
	if (rc == 0 && added)
		r->written++;
	else if (rc == 0)
		r->already++;
	notice_free(n);
	return rc;
}

/* A re-assessment notice of cycle c, due on due, to its bank or its
 * connector. */
static int cycle_notice(struct store *st, const struct cycle *c, bool late, bool to_bank, const char *due,
			const char *now, struct reminders_result *r, struct err *e)
{
	char what[64];
	if (snprintf(what, sizeof what, "cycle:%lld-%lld", c->bank_id, c->connector_id) >= (int)sizeof what)
		return 0; /* two ids always fit */
	const char *ja = late ? "期限超過" : "期限のお知らせ";
	const char *when = late ? "を過ぎています" : "です";
	const char *last = c->last_assessed ? c->last_assessed : "なし";
	const char *last_en = c->last_assessed ? c->last_assessed : "never";
	char *en_due = late ? xasprintf("was due on %s and is overdue", due) : xasprintf("is due on %s", due);
	char *subject, *body;
	if (to_bank) {
		subject = xasprintf("【Shinsa】定期的な適合性確認の%s: %s（%s）", ja, c->connector, due);
		body = xasprintf("%s 御中\n\n"
				 "%s の定期的な適合性確認の期限は %s %s（周期 %dか月、前回確認 %s）。\n"
				 "Shinsa で提出物を確認し、審査を行ってください。\n\n"
				 "Re-assessment of %s %s (every %d months; last assessed %s).\n",
				 c->bank, c->connector, due, when, c->months, last, c->connector, en_due, c->months,
				 last_en);
	} else {
		subject = xasprintf("【Shinsa】%s による定期的な適合性確認の%s（%s）", c->bank, ja, due);
		body = xasprintf("%s 御中\n\n"
				 "%s による定期的な適合性確認の期限は %s %s（周期 %dか月、前回確認 %s）。\n"
				 "最新の回答を提出し、%s と共有してください。\n\n"
				 "%s's re-assessment of %s %s (every %d months; last assessed %s).\n",
				 c->connector, c->bank, due, when, c->months, last, c->bank, c->bank, c->connector,
				 en_due, c->months, last_en);
	}
	free(en_due);
	enum notice_kind kind = late ? NOTICE_REASSESSMENT_OVERDUE : NOTICE_REASSESSMENT_DUE;
	return add(st, kind, to_bank ? c->bank_id : c->connector_id, what, due, subject, body, now, r, e);
}

static int cycle_notices(struct store *st, const char *today, const char *now, struct reminders_result *r,
			 struct err *e)
{
	struct cycle **list;
	size_t n;
	if (store_cycle_list(st, 0, 0, &list, &n, e) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char due[PLAN_DATE_LEN + 1];
		const struct cycle *c = list[i];
		if (cycle_next_due(c->next_due, c->last_assessed, c->months, due) != 1)
			continue;
		enum cycle_state s = cycle_state_of(due, today);
		if (s != CYCLE_DUE && s != CYCLE_OVERDUE)
			continue;
		/* The pair is kept while no share is in force (its cycle is
		 * there for the next one), but nobody is reminded of it. */
		int shared = store_share_pair_in_force(st, c->bank_id, c->connector_id, now, e);
		if (shared <= 0) {
			rc = shared;
			continue;
		}
		rc = cycle_notice(st, c, s == CYCLE_OVERDUE, true, due, now, r, e);
		if (rc == 0)
			rc = cycle_notice(st, c, s == CYCLE_OVERDUE, false, due, now, r, e);
	}
	cycle_list_free(list, n);
	return rc;
}

/* 未着手, 対応中, 完了: the status as the people who read the notice say it. */
static const char *status_ja(enum plan_status s)
{
	return s == PLAN_IN_PROGRESS ? "対応中" : s == PLAN_DONE ? "完了" : "未着手";
}

/* A plan overdue for org (the connector, or a bank with its name). */
static int plan_notice(struct store *st, const struct plan *p, long long org_id, const char *org, bool bank,
		       const char *due, const char *now, struct reminders_result *r, struct err *e)
{
	char what[32];
	if (snprintf(what, sizeof what, "plan:%lld", p->id) >= (int)sizeof what)
		return 0; /* an id always fits */
	char *subject = bank ? xasprintf("【Shinsa】改善計画の期限超過: %s 通番%d（%s）", p->connector, p->no, due)
			     : xasprintf("【Shinsa】改善計画の期限超過: 通番%d（%s）", p->no, due);
	char *body = xasprintf("%s 御中\n\n"
			       "%s 通番%d の改善計画は期限 %s を過ぎています（状況: %s）。\n%s\n\n"
			       "The remediation plan of %s for item %d was due on %s and is overdue (status: %s).\n",
			       org, p->connector, p->no, due, status_ja(p->status),
			       bank ? "Shinsa で進捗を確認してください。" : "計画の進捗を Shinsa で更新してください。",
			       p->connector, p->no, due, plan_status_name(p->status));
	return add(st, NOTICE_PLAN_OVERDUE, org_id, what, due, subject, body, now, r, e);
}

/*
 * The date that makes p overdue for its connector (*since, NULL: not
 * overdue): its own due, and the required dates of the banks it shares
 * with now only. A bank with no share in force is reminded of nothing
 * (plans_visible_load() shows it no plan), and neither is the connector of
 * that bank's date: reminders for the pair stop until its next share.
 */
static int connector_overdue_since(struct store *st, const struct plan *p, const char *today, const char *now,
				   const char **since, struct err *e)
{
	bool *counted = xcalloc(p->n_required ? p->n_required : 1, sizeof *counted);
	int rc = 0;
	for (size_t i = 0; i < p->n_required && rc == 0; i++) {
		int shared = store_share_pair_in_force(st, p->required[i].bank_id, p->connector_id, now, e);
		counted[i] = shared == 1;
		rc = shared < 0 ? -1 : 0;
	}
	*since = rc == 0 ? plan_overdue_since_of(p, today, counted) : NULL;
	free(counted);
	return rc;
}

static int plan_notices(struct store *st, const char *today, const char *now, struct reminders_result *r,
			struct err *e)
{
	struct plan **plans = NULL;
	struct org **orgs = NULL;
	size_t np = 0, no = 0;
	int rc = store_plan_list(st, 0, &plans, &np, e) < 0 || store_org_list(st, &orgs, &no, e) < 0 ? -1 : 0;
	for (size_t i = 0; i < np && rc == 0; i++) {
		const char *since;
		rc = connector_overdue_since(st, plans[i], today, now, &since, e);
		if (rc == 0 && since)
			rc = plan_notice(st, plans[i], plans[i]->connector_id, plans[i]->connector, false, since, now, r,
					 e);
	}
	for (size_t b = 0; b < no && rc == 0; b++) {
		struct plans_visible v;
		if (orgs[b]->kind != ORG_BANK)
			continue;
		if (plans_visible_load(st, orgs[b]->id, now, &v, e) < 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < np && rc == 0; i++)
			if (plans_visible_has(&v, plans[i]) && plan_overdue_for_bank(plans[i], orgs[b]->id, today))
				rc = plan_notice(st, plans[i], orgs[b]->id, orgs[b]->name, true,
						 plan_due_for_bank(plans[i], orgs[b]->id), now, r, e);
		plans_visible_release(&v);
	}
	plan_list_free(plans, np);
	for (size_t i = 0; i < no; i++)
		org_free(orgs[i]);
	free(orgs);
	return rc;
}

/* 通番 2, 3: the items an attachment supports. You own it. */
static char *items_text(const struct attachment *a)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, "");
	for (size_t i = 0; i < a->n_items; i++)
		strbuf_addf(&sb, "%s%d", i ? ", " : "", a->items[i]);
	return strbuf_detach(&sb);
}

/* The notice of a's expiry, days (60, 30 or 0) before it, to its
 * connector org. */
static int expiry_notice(struct store *st, const struct org *org, const struct attachment *a, int days,
			 const char *today, const char *now, struct reminders_result *r, struct err *e)
{
	char what[48];
	if (snprintf(what, sizeof what, "attachment:%lld:%d", a->id, days) >= (int)sizeof what)
		return 0; /* an id and a day count always fit */
	char *items = items_text(a);
	char *title = a->title[0] ? xasprintf("件名「%s」、", a->title) : xstrdup("");
	char *when = days > 0 ? xasprintf("%s です（%d日前のお知らせ）", a->valid_until, days)
		     : strcmp(a->valid_until, today) == 0 ? xasprintf("本日 %s です", a->valid_until)
							  : xasprintf("%s で、期限を過ぎています", a->valid_until);
	char *en = days > 0 ? xasprintf("is valid until %s (%d days' notice)", a->valid_until, days)
		   : strcmp(a->valid_until, today) == 0 ? xasprintf("is valid until today, %s", a->valid_until)
							: xasprintf("was valid until %s and has expired", a->valid_until);
	char *subject = days > 0 ? xasprintf("【Shinsa】添付ファイルの有効期限のお知らせ: %s（%s）", a->name, a->valid_until)
				 : xasprintf("【Shinsa】添付ファイルの有効期限切れ: %s（%s）", a->name, a->valid_until);
	char *body = xasprintf("%s 御中\n\n"
			       "添付ファイル「%s」（%s通番 %s）の有効期限は %s。\n"
			       "更新したファイルを Shinsa で添付し、新しい有効期限を入力してください。\n\n"
			       "The attached file \"%s\" (items %s) %s.\n",
			       org->name, a->name, title, items, when, a->name, items, en);
	free(items);
	free(title);
	free(when);
	free(en);
	return add(st, NOTICE_ATTACHMENT_EXPIRING, org->id, what, a->valid_until, subject, body, now, r, e);
}

/* Each connector's current attachments with a 有効期限: a notice 60, 30
 * and 0 days before it, the nearest that has come only (a run missed for a
 * while does not send the earlier ones late). */
static int expiry_notices(struct store *st, const char *today, const char *now, struct reminders_result *r,
			  struct err *e)
{
	static const int before[] = { 0, 30, 60 };
	struct org **orgs = NULL;
	size_t no = 0;
	int rc = store_org_list(st, &orgs, &no, e) < 0 ? -1 : 0;
	for (size_t o = 0; o < no && rc == 0; o++) {
		struct attachment *list = NULL;
		size_t n = 0;
		if (orgs[o]->kind != ORG_CONNECTOR)
			continue;
		rc = store_attachment_list(st, orgs[o]->id, &list, &n, e) < 0 ? -1 : 0;
		for (size_t i = 0; i < n && rc == 0; i++) {
			for (size_t b = 0; list[i].valid_until && b < sizeof before / sizeof before[0]; b++) {
				char limit[PLAN_DATE_LEN + 1];
				if (plan_date_add_days(today, before[b], limit) < 0 || strcmp(list[i].valid_until, limit) > 0)
					continue;
				rc = expiry_notice(st, orgs[o], &list[i], before[b], today, now, r, e);
				break;
			}
		}
		attachments_free(list, n);
	}
	for (size_t i = 0; i < no; i++)
		org_free(orgs[i]);
	free(orgs);
	return rc;
}

int reminders_run(struct store *st, const char *actor, struct reminders_result *r, struct err *e)
{
	char now[CLOCK_TEXT_SIZE], today[PLAN_DATE_LEN + 1];
	*r = (struct reminders_result){ 0 };
	if (clock_stamp(now, e) < 0 || plans_today(today, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = cycle_notices(st, today, now, r, e) < 0 || plan_notices(st, today, now, r, e) < 0 ||
				 expiry_notices(st, today, now, r, e) < 0
			 ? -1
			 : 0;
	if (rc == 0) {
		json_t *details = json_pack("{s:I, s:I}", "already", (json_int_t)r->already, "written",
					    (json_int_t)r->written);
		rc = audit_log(st, actor, 0, AUDIT_REMINDERS_RUN, details, e, "outbox") < 0 || store_commit(st, e) < 0
			     ? -1
			     : 0;
		json_decref(details);
	}
	if (rc != 0) {
		store_rollback(st);
		*r = (struct reminders_result){ 0 };
	}
	return rc;
}

int reminders_list(struct store *st, struct notice ***out, size_t *n, struct err *e)
{
	return store_outbox_list(st, false, out, n, e);
}

json_t *reminders_json(const struct notice *n)
{
	json_t *to = json_array();
	for (const char *p = n->recipients; p && *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		json_array_append_new(to, json_stringn(p, len));
		p = end ? end + 2 : p + len;
	}
	return json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:s, s:o}", "id", (json_int_t)n->id, "kind",
			 notice_kind_name(n->kind), "org", n->org, "recipients", to, "subject", n->subject, "body",
			 n->body, "created_at", n->created_at, "sent_at",
			 n->sent_at ? json_string(n->sent_at) : json_null());
}

/* The subject as RFC 2047 encoded words: each at most 75 characters, so at
 * most 45 bytes of UTF-8 (60 of base64), cut between characters. */
static void encode_subject(struct strbuf *sb, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t take = len - i < 45 ? len - i : 45;
		while (take > 0 && i + take < len && ((unsigned char)s[i + take] & 0xc0) == 0x80)
			take--;
		char b64[sodium_base64_ENCODED_LEN(45, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + i, take, sodium_base64_VARIANT_ORIGINAL);
		strbuf_addf(sb, "%s=?UTF-8?B?%s?=", i ? "\n " : "", b64);
		i += take;
	}
}

char *reminders_message(const struct notice *n, const char *from, time_t now)
{
	struct tm tm;
	char date[64];
	gmtime_r(&now, &tm);
	if (strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm) == 0)
		strcpy(date, "Thu, 01 Jan 1970 00:00:00 +0000");
	const char *at = strrchr(from, '@');
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "From: %s\nTo: %s\nSubject: ", from, n->recipients);
	encode_subject(&sb, n->subject);
	strbuf_addf(&sb,
		    "\nDate: %s\nMessage-ID: <shinsa-notice-%lld@%s>\nMIME-Version: 1.0\n"
		    "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n%s",
		    date, n->id, at && at[1] ? at + 1 : "localhost", n->body);
	return strbuf_detach(&sb);
}

/* Runs `program -t -i` with msg on its standard input: its exit status, or
 * -1 with e set when it could not be run. */
static int pipe_to(const char *program, const char *msg, struct err *e)
{
	int fds[2];
	pid_t pid;
	posix_spawn_file_actions_t fa;
	char *argv[] = { (char *)program, "-t", "-i", NULL };
	if (pipe(fds) < 0) {
		err_set(e, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	int rc = posix_spawnp(&pid, program, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[0]);
	if (rc != 0) {
		close(fds[1]);
		err_set(e, "cannot run %s: %s", program, strerror(rc));
		return -1;
	}
	/* A program that stops reading is seen in its status, not here. */
	for (size_t off = 0, len = strlen(msg); off < len;) {
		ssize_t w = write(fds[1], msg + off, len - off);
		if (w <= 0 && errno != EINTR)
			break;
		off += w > 0 ? (size_t)w : 0;
	}
	close(fds[1]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			err_set(e, "cannot wait for %s: %s", program, strerror(errno));
			return -1;
		}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* Marks n sent at now with its event, in one transaction. */
static int mark_sent(struct store *st, const char *actor, const struct notice *n, const char *now, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	int found = store_outbox_mark_sent(st, n->id, now, e);
	if (found == STORE_NOT_FOUND) /* another `reminders send` got there first */
		err_set(e, "notice %lld was marked sent meanwhile by another run", n->id);
	json_t *details = json_pack("{s:s, s:s}", "kind", notice_kind_name(n->kind), "recipients", n->recipients);
	int rc = found != STORE_OK ||
			 audit_log(st, actor, n->org_id, AUDIT_NOTICE_SENT, details, e, "notice:%lld", n->id) < 0 ||
			 store_commit(st, e) < 0
		 ? -1
		 : 0;
	json_decref(details);
	if (rc != 0)
		store_rollback(st);
	return rc;
}

int reminders_send(struct store *st, const char *actor, const char *program, const char *from,
		   struct reminders_result *r, struct err *e)
{
	struct notice **list;
	size_t n;
	char now[CLOCK_TEXT_SIZE];
	time_t t;
	*r = (struct reminders_result){ 0 };
	if (clock_now(&t, e) < 0 || store_outbox_list(st, true, &list, &n, e) < 0)
		return -1;
	clock_format(t, now);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!*list[i]->recipients) {
			r->skipped++;
			continue;
		}
		char *msg = reminders_message(list[i], from, t);
		int status = pipe_to(program, msg, e);
		free(msg);
		if (status > 0)
			err_set(e, "notice %lld: %s exited with status %d", list[i]->id, program, status);
		else if (status < 0)
			err_prefix(e, "notice %lld", list[i]->id);
		rc = status != 0 || mark_sent(st, actor, list[i], now, e) < 0 ? -1 : 0;
		if (rc == 0)
			r->sent++;
	}
	notice_list_free(list, n);
	return rc;
}
