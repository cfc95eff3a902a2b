#include "core/audit.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

static const char *const action_names[AUDIT_NACTIONS] = {
	[AUDIT_LOGIN] = "login",
	[AUDIT_LOGIN_FAILED] = "login_failed",
	[AUDIT_LOGOUT] = "logout",
	[AUDIT_USER_ADD] = "user_add",
	[AUDIT_PASSWORD_CHANGE] = "password_change",
	[AUDIT_TOTP_ENROL] = "totp_enrol",
	[AUDIT_TOKEN_CREATE] = "token_create",
	[AUDIT_TOKEN_REVOKE] = "token_revoke",
	[AUDIT_ORG_ADD] = "org_add",
	[AUDIT_ANSWER_EDIT] = "answer_edit",
	[AUDIT_ANSWERS_IMPORT] = "answers_import",
	[AUDIT_ANSWERS_EXPORT] = "answers_export",
	[AUDIT_SUBMISSION_CREATE] = "submission_create",
	[AUDIT_SUBMISSION_EXPORT] = "submission_export",
	[AUDIT_SUBMISSION_READ] = "submission_read",
	[AUDIT_SHARE_CREATE] = "share_create",
	[AUDIT_SHARE_REVOKE] = "share_revoke",
	[AUDIT_CRITERIA_IMPORT] = "criteria_import",
	[AUDIT_CRITERIA_MAP] = "criteria_map",
	[AUDIT_REVIEW_OPEN] = "review_open",
	[AUDIT_REVIEW_VERDICT] = "review_verdict",
	[AUDIT_REVIEW_MESSAGE] = "review_message",
	[AUDIT_REVIEW_BANK_ANSWER] = "review_bank_answer",
	[AUDIT_REVIEW_DECISION] = "review_decision",
	[AUDIT_PLAN_CREATE] = "plan_create",
	[AUDIT_PLAN_UPDATE] = "plan_update",
	[AUDIT_PLAN_CLOSE] = "plan_close",
	[AUDIT_PLAN_REQUIRED] = "plan_required",
	[AUDIT_CYCLE_SET] = "cycle_set",
	[AUDIT_REMINDERS_RUN] = "reminders_run",
	[AUDIT_NOTICE_SENT] = "notice_sent",
	[AUDIT_QUESTION_ANSWER] = "question_answer",
	[AUDIT_DECISION_EXPORT] = "decision_export",
	[AUDIT_USER_UPDATE] = "user_update",
	[AUDIT_TOTP_RESET] = "totp_reset",
	[AUDIT_BACKUP] = "backup",
	[AUDIT_RESTORE] = "restore",
	[AUDIT_QUESTIONS_READ] = "questions_read",
	[AUDIT_REVIEW_READ] = "review_read",
	[AUDIT_REVIEW_CRITERIA_READ] = "review_criteria_read",
	[AUDIT_PLANS_READ] = "plans_read",
	[AUDIT_ORG_SETTING] = "org_setting",
	[AUDIT_REVIEW_DRAFT] = "review_draft",
	[AUDIT_REVIEW_APPROVE] = "review_approve",
	[AUDIT_REVIEW_REJECT] = "review_reject",
	[AUDIT_AUDIT_EXPORT] = "audit_export",
	[AUDIT_PASSWORD_RESET] = "password_reset",
	[AUDIT_ATTACHMENT_ADD] = "attachment_add",
	[AUDIT_ATTACHMENT_SET] = "attachment_set",
	[AUDIT_ATTACHMENT_REMOVE] = "attachment_remove",
	[AUDIT_ATTACHMENT_READ] = "attachment_read",
	[AUDIT_PACKAGE_READ] = "package_read",
	[AUDIT_REVIEW_FILE_ADD] = "review_file_add",
	[AUDIT_REVIEW_FILE_READ] = "review_file_read",
};

const char audit_genesis_hash[HASH_HEX_LEN + 1] =
	"0000000000000000000000000000000000000000000000000000000000000000";

const char *audit_action_name(enum audit_action a)
{
	return a > 0 && a < AUDIT_NACTIONS ? action_names[a] : NULL;
}

enum audit_action audit_action_parse(const char *name)
{
	for (int a = 1; name && a < AUDIT_NACTIONS; a++)
		if (strcmp(action_names[a], name) == 0)
			return (enum audit_action)a;
	return 0;
}

struct audit_event *audit_event_new(const char *actor, long long org_id, enum audit_action action, const char *object,
				    const char *details)
{
	struct audit_event *ev = xcalloc(1, sizeof *ev);
	const char *name = audit_action_name(action);
	ev->actor = xstrdup(actor ? actor : "");
	ev->org_id = org_id;
	/* An unknown number is kept visible, and audit_event_check refuses it. */
	ev->action = xstrdup(name ? name : "");
	ev->object = xstrdup(object ? object : "");
	ev->details = xstrdup(details ? details : "{}");
	return ev;
}

void audit_event_free(struct audit_event *ev)
{
	if (!ev)
		return;
	free(ev->at);
	free(ev->actor);
	free(ev->org_name);
	free(ev->action);
	free(ev->object);
	free(ev->details);
	free(ev->prev_hash);
	free(ev->hash);
	free(ev);
}

int audit_event_check(const struct audit_event *ev, struct err *e)
{
	if (!audit_action_parse(ev->action)) {
		err_set(e, "audit: unknown action \"%s\"", ev->action);
		return -1;
	}
	size_t actor = strlen(ev->actor);
	if (actor == 0 || actor > AUDIT_ACTOR_MAX) {
		err_set(e, "audit: the actor must be 1 to %d bytes", AUDIT_ACTOR_MAX);
		return -1;
	}
	if (strlen(ev->object) > AUDIT_OBJECT_MAX) {
		err_set(e, "audit: the object is longer than %d bytes", AUDIT_OBJECT_MAX);
		return -1;
	}
	if (strlen(ev->details) > AUDIT_DETAILS_MAX) {
		err_set(e, "audit: the details are longer than %d bytes", AUDIT_DETAILS_MAX);
		return -1;
	}
	if (ev->org_id < 0) {
		err_set(e, "audit: bad organisation id %lld", ev->org_id);
		return -1;
	}
	return 0;
}

static void netstring(struct strbuf *out, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	strbuf_addf(out, "%zu:", n);
	strbuf_add(out, s ? s : "", n);
	strbuf_addch(out, ',');
}

/* A number's decimal digits as a netstring: "2:17,". */
static void netstring_num(struct strbuf *out, long long v)
{
	struct strbuf num = STRBUF_INIT;
	strbuf_addf(&num, "%lld", v);
	netstring(out, num.buf);
	strbuf_release(&num);
}

void audit_event_serialise(const struct audit_event *ev, struct strbuf *out)
{
	netstring(out, "shinsa-audit/1");
	netstring_num(out, ev->seq);
	netstring(out, ev->at);
	netstring(out, ev->actor);
	if (ev->org_id > 0)
		netstring_num(out, ev->org_id);
	else
		netstring(out, "");
	netstring(out, ev->action);
	netstring(out, ev->object);
	netstring(out, ev->details);
	netstring(out, ev->prev_hash);
}

void audit_event_hash(const struct audit_event *ev, char out[HASH_HEX_LEN + 1])
{
	struct strbuf sb = STRBUF_INIT;
	audit_event_serialise(ev, &sb);
	hash_sha256_hex(sb.buf, sb.len, out);
	strbuf_release(&sb);
}

int audit_chain_next(struct audit_chain *c, const struct audit_event *ev, struct err *e)
{
	if (ev->seq <= c->last_seq) {
		err_set(e, "event %lld out of order: it follows event %lld", ev->seq, c->last_seq);
		return -1;
	}
	if (ev->seq == c->last_seq + 2) {
		err_set(e, "event %lld missing: sequence jumps from %lld to %lld", c->last_seq + 1, c->last_seq,
			ev->seq);
		return -1;
	}
	if (ev->seq > c->last_seq + 2) {
		err_set(e, "events %lld to %lld missing: sequence jumps from %lld to %lld", c->last_seq + 1,
			ev->seq - 1, c->last_seq, ev->seq);
		return -1;
	}
	char h[HASH_HEX_LEN + 1];
	audit_event_hash(ev, h);
	if (ev->cut || !ev->hash || strcmp(h, ev->hash) != 0) {
		err_set(e, "event %lld: hash does not match its contents", ev->seq);
		return -1;
	}
	const char *prev = ev->prev_hash ? ev->prev_hash : "";
	if (c->last_seq == 0 && strcmp(prev, audit_genesis_hash) != 0) {
		err_set(e, "event %lld: previous hash is not the start of the trail (64 zeros)", ev->seq);
		return -1;
	}
	if (c->last_seq > 0 && strcmp(prev, c->last_hash) != 0) {
		err_set(e, "event %lld: previous hash does not match event %lld", ev->seq, c->last_seq);
		return -1;
	}
	c->n++;
	c->last_seq = ev->seq;
	memcpy(c->last_hash, ev->hash, sizeof c->last_hash);
	return 0;
}
