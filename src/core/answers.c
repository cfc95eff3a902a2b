#include "core/answers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

struct answer_set *answer_set_new(const char *org, const struct catalog *cat)
{
	struct answer_set *set = xcalloc(1, sizeof *set);
	set->org = xstrdup(org);
	set->catalog_id = xstrdup(cat->id);
	set->n_items = cat->n_items;
	set->items = xcalloc(cat->n_items, sizeof *set->items);
	for (size_t i = 0; i < cat->n_items; i++)
		answer_init(&set->items[i], cat->items[i].no, cat->items[i].key);
	return set;
}

void answer_init(struct answer *a, int no, const char *key)
{
	memset(a, 0, sizeof *a);
	a->no = no;
	a->item_key = xstrdup(key);
	a->current = xstrdup("");
	a->issues = xstrdup("");
	a->plan = xstrdup("");
	a->notes = xstrdup("");
}

const struct answer *answer_set_find_key(const struct answer_set *set, const char *key)
{
	for (size_t i = 0; i < set->n_items; i++)
		if (strcmp(set->items[i].item_key, key) == 0)
			return &set->items[i];
	return NULL;
}

void answer_set_free(struct answer_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n_items; i++) {
		struct answer *a = &set->items[i];
		free(a->item_key);
		free(a->current);
		free(a->issues);
		free(a->plan);
		free(a->plan_due);
		free(a->notes);
	}
	free(set->items);
	free(set->org);
	free(set->catalog_id);
	free(set);
}

struct answer *answer_set_find(struct answer_set *set, int no)
{
	for (size_t i = 0; i < set->n_items; i++)
		if (set->items[i].no == no)
			return &set->items[i];
	return NULL;
}

static const struct {
	const char *name, *label;
} statuses[] = {
	[STATUS_UNSET] = { NULL, "" },
	[STATUS_IMPLEMENTED] = { "implemented", "対応済" },
	[STATUS_PARTIAL] = { "partial", "一部対応" },
	[STATUS_NOT_IMPLEMENTED] = { "not_implemented", "未対応" },
	[STATUS_NOT_APPLICABLE] = { "not_applicable", "対象外" },
};
#define N_STATUSES (sizeof statuses / sizeof statuses[0])

const char *answer_status_name(enum answer_status s)
{
	return (size_t)s < N_STATUSES ? statuses[s].name : NULL;
}

const char *answer_status_label(enum answer_status s)
{
	return (size_t)s < N_STATUSES ? statuses[s].label : "";
}

int answer_status_parse(const char *s, enum answer_status *out)
{
	for (size_t i = 1; s && i < N_STATUSES; i++) {
		if (strcmp(statuses[i].name, s) == 0) {
			*out = (enum answer_status)i;
			return 0;
		}
	}
	*out = STATUS_UNSET;
	return -1;
}

int answer_status_parse_any(const char *s, enum answer_status *out)
{
	if (answer_status_parse(s, out) == 0)
		return 0;
	for (size_t i = 1; s && i < N_STATUSES; i++) {
		if (strcmp(statuses[i].label, s) == 0) {
			*out = (enum answer_status)i;
			return 0;
		}
	}
	return -1;
}

static const char *const field_names[ANSWER_NFIELDS] = {
	"status", "current", "issues", "plan", "plan_due", "notes",
};

const char *answer_field_name(enum answer_field f)
{
	return (size_t)f < ANSWER_NFIELDS ? field_names[f] : NULL;
}

static char **text_slot(struct answer *a, enum answer_field f)
{
	switch (f) {
	case FIELD_CURRENT:
		return &a->current;
	case FIELD_ISSUES:
		return &a->issues;
	case FIELD_PLAN:
		return &a->plan;
	case FIELD_NOTES:
		return &a->notes;
	default:
		return NULL;
	}
}

const char *answer_get(const struct answer *a, enum answer_field f)
{
	if (f == FIELD_STATUS)
		return a->status ? answer_status_name(a->status) : "";
	if (f == FIELD_PLAN_DUE)
		return a->plan_due ? a->plan_due : "";
	char **slot = text_slot((struct answer *)a, f);
	return slot ? *slot : "";
}

size_t answer_text_length(const char *text)
{
	size_t n = 0;
	for (const char *p = text; *p;) {
		if (text_is_xlsx_escape(p))
			n += 6;
		n += text_utf8_next(&p) > 0xFFFF ? 2 : 1;
	}
	return n;
}

static int set_field(struct answer *a, enum answer_field f, const char *value, size_t max, struct err *e)
{
	if (f == FIELD_STATUS) {
		enum answer_status s = STATUS_UNSET;
		if (*value && answer_status_parse_any(value, &s) < 0) {
			err_set(e, "bad status \"%s\" (want implemented, partial, not_implemented or not_applicable)", value);
			return -1;
		}
		a->status = s;
		return 0;
	}
	if (f == FIELD_PLAN_DUE) {
		char day[11];
		if (*value && jpinput_date(value, day, e) < 0)
			return -1;
		free(a->plan_due);
		a->plan_due = *value ? xstrdup(day) : NULL;
		return 0;
	}
	char **slot = text_slot(a, f);
	if (!slot) {
		err_set(e, "unknown field");
		return -1;
	}
	if (!text_utf8_valid(value, strlen(value))) {
		err_set(e, "%s is not valid UTF-8", field_names[f]);
		return -1;
	}
	if (answer_text_length(value) > max) {
		err_too_long(e, field_names[f], (long long)max);
		return -1;
	}
	free(*slot);
	*slot = xstrdup(value);
	return 0;
}

int answer_set_field(struct answer *a, enum answer_field f, const char *value, struct err *e)
{
	return set_field(a, f, value, ANSWER_TEXT_MAX, e);
}

int answer_load_field(struct answer *a, enum answer_field f, const char *value, struct err *e)
{
	return set_field(a, f, value, SIZE_MAX, e);
}

int answer_set_check_lengths(const struct answer_set *set, struct err *e)
{
	static const enum answer_field text[] = { FIELD_CURRENT, FIELD_ISSUES, FIELD_PLAN, FIELD_NOTES };
	for (size_t i = 0; i < set->n_items; i++)
		for (size_t k = 0; k < sizeof text / sizeof text[0]; k++) {
			if (answer_text_length(answer_get(&set->items[i], text[k])) <= ANSWER_TEXT_MAX)
				continue;
			err_set(e, "item %d: %s is longer than %d characters (saved before this limit): shorten it",
				set->items[i].no, field_names[text[k]], ANSWER_TEXT_MAX);
			return -1;
		}
	return 0;
}

bool answer_is_connectors(const struct catalog_item *item)
{
	return item->party == PARTY_CONNECTOR || item->party == PARTY_COMMON;
}

size_t answer_set_problems(const struct catalog *cat, const struct answer_set *set,
			   void (*fn)(const struct answer_problem *p, void *cls), void *cls)
{
	size_t n = 0;
	for (size_t i = 0; i < cat->n_items && i < set->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		const struct answer *a = &set->items[i];
		struct answer_problem p = { .no = it->no };
		if (!answer_is_connectors(it))
			continue;
		if (a->status == STATUS_UNSET) {
			p.code = "no_status", p.field = "status";
			fn(&p, cls);
			n++;
			continue;
		}
		p.status = answer_status_name(a->status);
		if (a->status == STATUS_PARTIAL || a->status == STATUS_NOT_IMPLEMENTED) {
			p.code = "required";
			bool missing[3] = { text_is_blank(a->issues), text_is_blank(a->plan), !a->plan_due };
			static const char *const fields[3] = { "issues", "plan", "plan_due" };
			for (size_t k = 0; k < 3; k++) {
				if (!missing[k])
					continue;
				p.field = fields[k];
				fn(&p, cls);
				n++;
			}
		}
		if (a->status == STATUS_NOT_APPLICABLE && text_is_blank(a->current) && text_is_blank(a->notes)) {
			p.code = "no_reason", p.field = "current";
			fn(&p, cls);
			n++;
		}
	}
	return n;
}

size_t answers_contradictions(const struct catalog *cat, const struct answer_set *set, const char *today,
			      void (*fn)(const struct answer_contradiction *c, void *cls), void *cls)
{
	size_t n = 0;
	/* By key: a submission's set holds the connector's items only. */
	for (size_t i = 0; i < set->n_items; i++) {
		const struct answer *a = &set->items[i];
		const struct catalog_item *it = catalog_find_key(cat, a->item_key);
		if (!it || !answer_is_connectors(it))
			continue;
		bool done = a->status == STATUS_IMPLEMENTED;
		bool open = a->status == STATUS_PARTIAL || a->status == STATUS_NOT_IMPLEMENTED;
		/* YYYY-MM-DD dates compare as text. */
		struct {
			bool hit;
			const char *code, *field;
		} rules[] = {
			{ done && !text_is_blank(a->issues), "implemented_issues", "issues" },
			{ done && a->plan_due && strcmp(a->plan_due, today) > 0, "implemented_future_due", "plan_due" },
			{ open && text_is_blank(a->plan), "open_no_plan", "plan" },
			{ open && !a->plan_due, "open_no_plan_due", "plan_due" },
		};
		for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
			if (!rules[k].hit)
				continue;
			struct answer_contradiction c = { it->no, rules[k].code, rules[k].field,
							  answer_status_name(a->status) };
			fn(&c, cls);
			n++;
		}
	}
	return n;
}

/* A problem as the line answer_set_check writes. */
static void problem_line(const struct answer_problem *p, void *cls)
{
	struct strbuf *problems = cls;
	if (strcmp(p->code, "no_status") == 0)
		strbuf_addf(problems, "item %d: no status\n", p->no);
	else if (strcmp(p->code, "no_reason") == 0)
		strbuf_addf(problems, "item %d: not_applicable needs a reason in current or notes\n", p->no);
	else {
		const char *what = strcmp(p->field, "issues") == 0 ? "issues (課題認識)"
				   : strcmp(p->field, "plan") == 0 ? "a plan (課題への対応計画)"
								    : "a due date (plan_due)";
		strbuf_addf(problems, "item %d: %s needs %s\n", p->no, p->status, what);
	}
}

size_t answer_set_check(const struct catalog *cat, const struct answer_set *set, struct strbuf *problems)
{
	return answer_set_problems(cat, set, problem_line, problems);
}

void answer_revision(const struct answer *a, char out[ANSWER_REVISION_LEN + 1])
{
	struct strbuf b = STRBUF_INIT;
	for (int f = 0; f < ANSWER_NFIELDS; f++) {
		/* The NULs keep "ab"+"c" apart from "a"+"bc". */
		const char *name = answer_field_name((enum answer_field)f);
		const char *v = answer_get(a, (enum answer_field)f);
		strbuf_add(&b, name, strlen(name) + 1);
		strbuf_add(&b, v, strlen(v) + 1);
	}
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_hex(b.buf, b.len, hex);
	strbuf_release(&b);
	memcpy(out, hex, ANSWER_REVISION_LEN);
	out[ANSWER_REVISION_LEN] = '\0';
}
