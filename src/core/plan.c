#include "core/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/text.h"
#include "lib/xalloc.h"

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct plan *plan_new(void)
{
	return xcalloc(1, sizeof(struct plan));
}

void plan_clear_milestones(struct plan *p)
{
	for (size_t i = 0; i < p->n_milestones; i++) {
		free(p->milestones[i].title);
		free(p->milestones[i].due);
		free(p->milestones[i].done_at);
	}
	free(p->milestones);
	p->milestones = NULL;
	p->n_milestones = 0;
}

void plan_free(struct plan *p)
{
	if (!p)
		return;
	free(p->connector);
	free(p->catalog_id);
	free(p->due);
	free(p->created_at);
	free(p->updated_at);
	free(p->closed_at);
	plan_clear_milestones(p);
	for (size_t i = 0; i < p->n_history; i++) {
		free(p->history[i].at);
		free(p->history[i].actor);
		free(p->history[i].what);
		free(p->history[i].detail);
	}
	free(p->history);
	for (size_t i = 0; i < p->n_required; i++) {
		free(p->required[i].bank);
		free(p->required[i].due);
	}
	free(p->required);
	free(p);
}

void plan_list_free(struct plan **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		plan_free(list[i]);
	free(list);
}

void plan_add_milestone(struct plan *p, const char *title, const char *due, const char *done_at)
{
	p->milestones = xrealloc(p->milestones, (p->n_milestones + 1) * sizeof *p->milestones);
	p->milestones[p->n_milestones++] =
		(struct plan_milestone){ dup_or_null(title), dup_or_null(due), dup_or_null(done_at) };
}

void plan_add_event(struct plan *p, const char *at, const char *actor, const char *what, const char *detail,
		    long long bank_id)
{
	p->history = xrealloc(p->history, (p->n_history + 1) * sizeof *p->history);
	p->history[p->n_history++] = (struct plan_event){ dup_or_null(at), dup_or_null(actor), dup_or_null(what),
							  dup_or_null(detail), bank_id };
}

void plan_add_required(struct plan *p, long long bank_id, const char *bank, const char *due)
{
	p->required = xrealloc(p->required, (p->n_required + 1) * sizeof *p->required);
	p->required[p->n_required++] = (struct plan_required){ bank_id, dup_or_null(bank), dup_or_null(due) };
}

const char *plan_required_of(const struct plan *p, long long bank_id)
{
	for (size_t i = 0; i < p->n_required; i++)
		if (p->required[i].bank_id == bank_id)
			return p->required[i].due;
	return NULL;
}

static const char *const status_names[] = { [PLAN_OPEN] = "open", [PLAN_IN_PROGRESS] = "in_progress",
					    [PLAN_DONE] = "done" };

const char *plan_status_name(enum plan_status s)
{
	return s >= PLAN_OPEN && s <= PLAN_DONE ? status_names[s] : NULL;
}

int plan_status_parse(const char *s, enum plan_status *out, struct err *e)
{
	for (int i = PLAN_OPEN; i <= PLAN_DONE; i++) {
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum plan_status)i;
			return 0;
		}
	}
	err_set(e, "unknown status \"%s\" (want open, in_progress or done)", s);
	return -1;
}

bool plan_needed(enum answer_status s)
{
	return s == STATUS_PARTIAL || s == STATUS_NOT_IMPLEMENTED;
}

bool plan_date_passed(const char *date, const char *today)
{
	return date && *date && strcmp(date, today) < 0;
}

const char *plan_overdue_since_of(const struct plan *p, const char *today, const bool *counted)
{
	if (p->status == PLAN_DONE)
		return NULL;
	const char *since = plan_date_passed(p->due, today) ? p->due : NULL;
	for (size_t i = 0; i < p->n_required; i++) {
		const char *d = p->required[i].due;
		if ((!counted || counted[i]) && plan_date_passed(d, today) && (!since || strcmp(d, since) < 0))
			since = d;
	}
	return since;
}

const char *plan_overdue_since(const struct plan *p, const char *today)
{
	return plan_overdue_since_of(p, today, NULL);
}

bool plan_overdue(const struct plan *p, const char *today)
{
	return plan_overdue_since(p, today) != NULL;
}

const char *plan_due_for_bank(const struct plan *p, long long bank_id)
{
	const char *req = plan_required_of(p, bank_id);
	return req ? req : p->due;
}

bool plan_overdue_for_bank(const struct plan *p, long long bank_id, const char *today)
{
	return p->status != PLAN_DONE && plan_date_passed(plan_due_for_bank(p, bank_id), today);
}

/* Code points in s, or -1 when it is not UTF-8. */
static long long chars_of(const char *s)
{
	if (!text_utf8_valid(s, strlen(s)))
		return -1;
	long long n = 0;
	for (const char *q = s; *q; n++)
		text_utf8_next(&q);
	return n;
}

int plan_note_check(const char *note, struct err *e)
{
	long long n = chars_of(note);
	if (n < 0) {
		err_set(e, "note is not valid UTF-8");
		return -1;
	}
	if (n > PLAN_NOTE_MAX) {
		err_too_long(e, "note", PLAN_NOTE_MAX);
		return -1;
	}
	return 0;
}

int plan_date_check(const char *name, const char *date, struct err *e)
{
	if (clock_date_valid(date))
		return 0;
	err_set(e, "%s \"%s\" is not a date (want YYYY-MM-DD)", name, date);
	return -1;
}

int plan_milestone_check(size_t index, const char *title, const char *due, const char *done_at, struct err *e)
{
	long long n = chars_of(title);
	bool control = false;
	for (const unsigned char *q = (const unsigned char *)title; *q; q++)
		control |= *q < 0x20 || *q == 0x7f;
	if (n == 0 || text_is_blank(title))
		err_set(e, "milestone %zu: title is empty", index);
	else if (n < 0 || control)
		err_set(e, "milestone %zu: title contains a control character or invalid UTF-8", index);
	else if (n > PLAN_MILESTONE_TITLE_MAX)
		err_set(e, "milestone %zu: title is longer than %d characters", index, PLAN_MILESTONE_TITLE_MAX);
	else if (due && plan_date_check("due", due, e) < 0)
		err_prefix(e, "milestone %zu", index);
	else if (done_at && plan_date_check("done_at", done_at, e) < 0)
		err_prefix(e, "milestone %zu", index);
	else
		return 0;
	return -1;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The result as YYYY-MM-DD, if it is a date this program stores. */
static int put_date(int y, int m, int d, char out[PLAN_DATE_LEN + 1])
{
	if (y < 1970 || y > 9999)
		return -1;
	int w = snprintf(out, PLAN_DATE_LEN + 1, "%04d-%02d-%02d", y, m, d);
	return w == PLAN_DATE_LEN ? 0 : -1;
}

int plan_date_add_months(const char *date, int months, char out[PLAN_DATE_LEN + 1])
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;
	if (!clock_date_valid(date) || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || months < -120000 ||
	    months > 120000)
		return -1;
	long long idx = (long long)y * 12 + (m - 1) + months;
	y = (int)(idx / 12);
	m = (int)(idx % 12) + 1;
	int last = m == 2 && leap(y) ? 29 : dm[m - 1];
	return put_date(y, m, d > last ? last : d, out);
}

int plan_date_add_days(const char *date, int days, char out[PLAN_DATE_LEN + 1])
{
	time_t t, last;
	if (!clock_date_valid(date) || clock_parse(date, &t) < 0 || clock_parse("9999-12-31", &last) < 0 ||
	    days < -3000000 || days > 3000000)
		return -1;
	t += (time_t)days * 86400;
	if (t < 0 || t > last)
		return -1;
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(t, stamp);
	memcpy(out, stamp, PLAN_DATE_LEN);
	out[PLAN_DATE_LEN] = 0;
	return 0;
}

static const char *const cycle_names[] = { [CYCLE_NOT_ASSESSED] = "not_assessed", [CYCLE_SCHEDULED] = "scheduled",
					   [CYCLE_DUE] = "due", [CYCLE_OVERDUE] = "overdue" };

const char *cycle_state_name(enum cycle_state s)
{
	return s >= CYCLE_NOT_ASSESSED && s <= CYCLE_OVERDUE ? cycle_names[s] : NULL;
}

int cycle_next_due(const char *explicit_next, const char *last_assessed, int months, char out[PLAN_DATE_LEN + 1])
{
	out[0] = 0;
	if (explicit_next && *explicit_next) {
		if (!clock_date_valid(explicit_next))
			return -1;
		memcpy(out, explicit_next, PLAN_DATE_LEN + 1);
		return 1;
	}
	if (!last_assessed || !*last_assessed)
		return 0;
	return plan_date_add_months(last_assessed, months, out) < 0 ? -1 : 1;
}

enum cycle_state cycle_state_of(const char *next_due, const char *today)
{
	char soon[PLAN_DATE_LEN + 1];
	if (!next_due || !*next_due)
		return CYCLE_NOT_ASSESSED;
	if (strcmp(next_due, today) < 0)
		return CYCLE_OVERDUE;
	if (plan_date_add_days(today, CYCLE_DUE_DAYS, soon) < 0 || strcmp(next_due, soon) <= 0)
		return CYCLE_DUE;
	return CYCLE_SCHEDULED;
}

int cycle_months_check(long long months, struct err *e)
{
	if (months >= CYCLE_MONTHS_MIN && months <= CYCLE_MONTHS_MAX)
		return 0;
	err_set(e, "months must be a whole number from %d to %d", CYCLE_MONTHS_MIN, CYCLE_MONTHS_MAX);
	return -1;
}

struct cycle *cycle_new(void)
{
	struct cycle *c = xcalloc(1, sizeof *c);
	c->months = CYCLE_MONTHS_DEFAULT;
	return c;
}

void cycle_free(struct cycle *c)
{
	if (!c)
		return;
	free(c->bank);
	free(c->connector);
	free(c->next_due);
	free(c->last_assessed);
	free(c);
}

void cycle_list_free(struct cycle **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		cycle_free(list[i]);
	free(list);
}

static const char *const notice_names[] = { [NOTICE_REASSESSMENT_DUE] = "reassessment_due",
					    [NOTICE_REASSESSMENT_OVERDUE] = "reassessment_overdue",
					    [NOTICE_PLAN_OVERDUE] = "plan_overdue", [NOTICE_EVENT] = "event",
					    [NOTICE_ATTACHMENT_EXPIRING] = "attachment_expiring" };

const char *notice_kind_name(enum notice_kind k)
{
	return k >= NOTICE_REASSESSMENT_DUE && k <= NOTICE_KIND_LAST ? notice_names[k] : NULL;
}

enum notice_kind notice_kind_parse(const char *s)
{
	for (int k = NOTICE_REASSESSMENT_DUE; s && k <= NOTICE_KIND_LAST; k++)
		if (strcmp(s, notice_names[k]) == 0)
			return (enum notice_kind)k;
	return 0;
}

struct notice *notice_new(void)
{
	return xcalloc(1, sizeof(struct notice));
}

void notice_free(struct notice *n)
{
	if (!n)
		return;
	free(n->dedup_key);
	free(n->org);
	free(n->subject);
	free(n->body);
	free(n->recipients);
	free(n->created_at);
	free(n->sent_at);
	free(n);
}

void notice_list_free(struct notice **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		notice_free(list[i]);
	free(list);
}
