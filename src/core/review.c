#include "core/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

struct name_label {
	const char *name, *label;
};

static const struct name_label verdicts[] = {
	[VERDICT_PENDING] = { NULL, "" },
	[VERDICT_ACCEPTED] = { "accepted", "確認済" },
	[VERDICT_QUERY] = { "query", "要確認" },
	[VERDICT_IMPROVEMENT] = { "improvement", "要改善" },
	[VERDICT_NOT_APPLICABLE] = { "not_applicable", "対象外" },
};

static const struct name_label decisions[] = {
	[DECISION_NONE] = { NULL, "" },
	[DECISION_MEETS] = { "meets", "適合" },
	[DECISION_CONDITIONAL] = { "conditional", "条件付適合" },
	[DECISION_DOES_NOT_MEET] = { "does_not_meet", "不適合" },
};

#define N_VERDICTS (sizeof verdicts / sizeof verdicts[0])
#define N_DECISIONS (sizeof decisions / sizeof decisions[0])

/* The index of s among table's names or labels (from 1), or -1. */
static int parse(const struct name_label *table, size_t n, const char *s)
{
	for (size_t i = 1; s && i < n; i++)
		if (strcmp(table[i].name, s) == 0 || strcmp(table[i].label, s) == 0)
			return (int)i;
	return -1;
}

const char *review_verdict_name(enum review_verdict v)
{
	return (size_t)v < N_VERDICTS ? verdicts[v].name : NULL;
}

const char *review_verdict_label(enum review_verdict v)
{
	return (size_t)v < N_VERDICTS ? verdicts[v].label : "";
}

int review_verdict_parse(const char *s, enum review_verdict *out)
{
	int i = parse(verdicts, N_VERDICTS, s);
	*out = i < 0 ? VERDICT_PENDING : (enum review_verdict)i;
	return i < 0 ? -1 : 0;
}

const char *review_decision_name(enum review_decision d)
{
	return (size_t)d < N_DECISIONS ? decisions[d].name : NULL;
}

const char *review_decision_label(enum review_decision d)
{
	return (size_t)d < N_DECISIONS ? decisions[d].label : "";
}

int review_decision_parse(const char *s, enum review_decision *out)
{
	int i = parse(decisions, N_DECISIONS, s);
	*out = i < 0 ? DECISION_NONE : (enum review_decision)i;
	return i < 0 ? -1 : 0;
}

struct review *review_new(void)
{
	return xcalloc(1, sizeof(struct review));
}

static void answer_release(struct answer *a)
{
	free(a->item_key);
	free(a->current);
	free(a->issues);
	free(a->plan);
	free(a->plan_due);
	free(a->notes);
}

void review_item_release(struct review_item *it)
{
	free(it->item_key);
	free(it->comment);
	free(it->verdict_at);
	answer_release(&it->bank_answer);
	for (size_t i = 0; i < it->n_messages; i++) {
		free(it->messages[i].org);
		free(it->messages[i].author);
		free(it->messages[i].at);
		free(it->messages[i].text);
		for (size_t j = 0; j < it->messages[i].n_files; j++) {
			free(it->messages[i].files[j].sha256);
			free(it->messages[i].files[j].name);
			free(it->messages[i].files[j].type);
		}
		free(it->messages[i].files);
	}
	free(it->messages);
}

void review_draft_release(struct review_draft *d)
{
	free(d->reason);
	free(d->drafted_by);
	free(d->drafted_at);
	free(d->resolved_by);
	free(d->resolved_at);
	free(d->rejection);
}

void review_free(struct review *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_items; i++)
		review_item_release(&r->items[i]);
	free(r->items);
	free(r->connector_name);
	free(r->bank_name);
	free(r->catalog_id);
	free(r->opened_at);
	free(r->opened_by);
	free(r->reason);
	free(r->decided_at);
	free(r->decided_by);
	free(r->decision_document);
	for (size_t i = 0; i < r->n_drafts; i++)
		review_draft_release(&r->drafts[i]);
	free(r->drafts);
	free(r->drafted_by);
	free(r->drafted_at);
	free(r->decision_sha256);
	free(r->decision_signature);
	free(r);
}

void review_init_items(struct review *r, const struct catalog *cat)
{
	r->items = xcalloc(cat->n_items ? cat->n_items : 1, sizeof *r->items);
	r->n_items = cat->n_items;
	for (size_t i = 0; i < cat->n_items; i++) {
		struct review_item *it = &r->items[i];
		it->no = cat->items[i].no;
		it->item_key = xstrdup(cat->items[i].key);
		it->party = cat->items[i].party;
		it->comment = xstrdup("");
		answer_init(&it->bank_answer, it->no, it->item_key);
	}
}

struct review_item *review_find(struct review *r, int no)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].no == no)
			return &r->items[i];
	return NULL;
}

const struct review_item *review_find_key(const struct review *r, const char *key)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (strcmp(r->items[i].item_key, key) == 0)
			return &r->items[i];
	return NULL;
}

void review_item_add_message(struct review_item *item, const char *org, const char *author, const char *at,
			     const char *text, enum review_verdict verdict)
{
	item->messages = xrealloc(item->messages, (item->n_messages + 1) * sizeof *item->messages);
	struct review_message *m = &item->messages[item->n_messages++];
	m->org = xstrdup(org);
	m->author = xstrdup(author);
	m->at = xstrdup(at);
	m->text = xstrdup(text);
	m->verdict = verdict;
	m->id = 0;
	m->files = NULL;
	m->n_files = 0;
}

void review_message_add_file(struct review_message *m, const char *sha256, const char *name, const char *type,
			     long long size)
{
	m->files = xrealloc(m->files, (m->n_files + 1) * sizeof *m->files);
	struct review_message_file *f = &m->files[m->n_files++];
	f->sha256 = xstrdup(sha256);
	f->name = xstrdup(name);
	f->type = xstrdup(type);
	f->size = size;
}

static bool settles(enum review_verdict v)
{
	return v == VERDICT_ACCEPTED || v == VERDICT_NOT_APPLICABLE;
}

bool review_message_resolved(const struct review_item *item, size_t i)
{
	const struct review_message *m = &item->messages[i];
	if (m->verdict != VERDICT_QUERY && m->verdict != VERDICT_IMPROVEMENT)
		return false;
	for (size_t j = i + 1; j < item->n_messages; j++)
		if (settles(item->messages[j].verdict))
			return true;
	/* Times are ISO 8601 in UTC, so they compare as text. */
	return settles(item->verdict) && item->verdict_at && strcmp(item->verdict_at, m->at) >= 0;
}

void review_item_revision(const struct review_item *item, char out[REVIEW_REVISION_LEN + 1])
{
	const struct answer *a = &item->bank_answer;
	const char *parts[] = { review_verdict_name(item->verdict) ?: "", item->comment ?: "",
				item->verdict_at ?: "", item->carried ? "1" : "0",
				item->has_bank_answer ? answer_status_name(a->status) ?: "" : "",
				item->has_bank_answer && a->current ? a->current : "",
				item->has_bank_answer && a->notes ? a->notes : "",
				item->has_bank_answer ? "1" : "0" };
	struct strbuf b = STRBUF_INIT;
	/* The NULs keep "ab"+"c" apart from "a"+"bc". */
	for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
		strbuf_add(&b, parts[k], strlen(parts[k]) + 1);
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_hex(b.buf, b.len, hex);
	strbuf_release(&b);
	memcpy(out, hex, REVIEW_REVISION_LEN);
	out[REVIEW_REVISION_LEN] = '\0';
}

static size_t chars(const char *s)
{
	size_t n = 0;
	while (text_utf8_next(&s))
		n++;
	return n;
}

int review_text_check(const char *what, const char *text, struct err *e)
{
	/* Text from the command line has not been through a JSON parser:
	 * what is not UTF-8 could not be shown or signed later. */
	if (!text_utf8_valid(text, strlen(text))) {
		err_set(e, "%s is not valid UTF-8", what);
		return -1;
	}
	if (text_is_blank(text)) {
		err_coded(e, NULL, "required", "{1} is empty", what, NULL);
		return -1;
	}
	if (chars(text) > REVIEW_TEXT_MAX) {
		err_too_long(e, what, REVIEW_TEXT_MAX);
		return -1;
	}
	return 0;
}

int review_verdict_check(const struct review_item *item, enum review_verdict v, const char *comment,
			 struct err *e)
{
	if (item->party == PARTY_BANK) {
		err_set(e, "item %d is the bank's to answer, not to review", item->no);
		return -1;
	}
	bool blank = text_is_blank(comment);
	if (v == VERDICT_QUERY && blank) {
		err_set(e, "a query needs a comment: say what to ask");
		return -1;
	}
	if (v == VERDICT_IMPROVEMENT && blank) {
		err_set(e, "an improvement needs a comment: say what to improve");
		return -1;
	}
	if (comment && chars(comment) > REVIEW_TEXT_MAX) {
		err_too_long(e, "the comment", REVIEW_TEXT_MAX);
		return -1;
	}
	return 0;
}

size_t review_items_with(const struct review *r, unsigned mask, int *nos)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_items; i++) {
		const struct review_item *it = &r->items[i];
		if (it->party == PARTY_BANK || !(mask & (1u << it->verdict)))
			continue;
		if (nos)
			nos[n] = it->no;
		n++;
	}
	return n;
}

/* The items of r whose verdict is in mask as err_coded() data: *count
 * their number as text, the numbers "a, b, c" in list; how many. */
static size_t list_items(const struct review *r, unsigned mask, char count[24], struct strbuf *list)
{
	int *nos = xcalloc(r->n_items + 1, sizeof *nos);
	size_t n = review_items_with(r, mask, nos);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(list, "%s%d", i ? ", " : "", nos[i]);
	free(nos);
	if (snprintf(count, 24, "%zu", n) >= 24)
		count[0] = '\0'; /* cannot happen: a size_t fits */
	return n;
}

int review_reason_check(enum review_decision d, const char *reason, struct err *e)
{
	if ((d == DECISION_CONDITIONAL || d == DECISION_DOES_NOT_MEET) && text_is_blank(reason)) {
		err_set(e, "a %s decision needs a reason", review_decision_name(d));
		return -1;
	}
	return !text_is_blank(reason) && review_text_check("the reason", reason, e) < 0 ? -1 : 0;
}

void review_decided_err(const struct review *r, struct err *e)
{
	char id[24];
	if (snprintf(id, sizeof id, "%lld", r->submission_id) >= (int)sizeof id)
		abort(); /* a long long has at most 20 characters */
	err_coded(e, NULL, "review_decided", "review of submission {1} is decided", id, NULL);
}

int review_decidable(const struct review *r, enum review_decision d, struct err *e)
{
	if (r->decision != DECISION_NONE) {
		review_decided_err(r, e);
		return -1;
	}
	struct strbuf list = STRBUF_INIT;
	char count[24];
	int rc = 0;
	size_t n = list_items(r, 1u << VERDICT_PENDING, count, &list);
	if (n) {
		err_coded(e, NULL, "items_pending", n == 1 ? "{1} item has no verdict: {2}" : "{1} items have no verdict: {2}",
			  count, list.buf, (char *)NULL);
		rc = -1;
	} else if (d == DECISION_MEETS &&
		   (n = list_items(r, 1u << VERDICT_QUERY | 1u << VERDICT_IMPROVEMENT, count, &list)) > 0) {
		err_coded(e, NULL, "items_open",
			  n == 1 ? "meets needs no open item: {1} item is query or improvement: {2}"
				 : "meets needs no open item: {1} items are query or improvement: {2}",
			  count, list.buf, (char *)NULL);
		rc = -1;
	}
	strbuf_release(&list);
	return rc;
}

static const char *const draft_state_names[] = { "pending_approval", "approved", "rejected" };

const char *review_draft_state_name(enum review_draft_state s)
{
	return s >= DRAFT_PENDING && s <= DRAFT_REJECTED ? draft_state_names[s] : NULL;
}

int review_draft_state_parse(const char *s, enum review_draft_state *out)
{
	for (int i = DRAFT_PENDING; s && i <= DRAFT_REJECTED; i++)
		if (strcmp(s, draft_state_names[i]) == 0) {
			*out = (enum review_draft_state)i;
			return 0;
		}
	return -1;
}

struct review_draft *review_pending_draft(const struct review *r)
{
	for (size_t i = 0; i < r->n_drafts; i++)
		if (r->drafts[i].state == DRAFT_PENDING)
			return &r->drafts[i];
	return NULL;
}

/* Whether a and b say the same in every field. */
static bool same_answer(const struct answer *a, const struct answer *b)
{
	for (int f = 0; f < ANSWER_NFIELDS; f++)
		if (strcmp(answer_get(a, (enum answer_field)f), answer_get(b, (enum answer_field)f)) != 0)
			return false;
	return true;
}

static void copy_bank_answer(struct review_item *to, const struct review_item *from)
{
	struct answer *a = &to->bank_answer;
	a->status = from->bank_answer.status;
	free(a->current);
	free(a->notes);
	a->current = xstrdup(from->bank_answer.current);
	a->notes = xstrdup(from->bank_answer.notes);
	to->has_bank_answer = true;
	to->bank_answer_carried = true;
}

bool review_answer_changed(const struct answer_set *now, const struct answer_set *then, const char *key)
{
	const struct answer *a = answer_set_find_key(now, key);
	const struct answer *b = answer_set_find_key(then, key);
	if (!a || !b)
		return a != b;
	return !same_answer(a, b);
}

size_t review_carry(struct review *r, const struct answer_set *now, const struct review *earlier,
		    const struct answer_set *then)
{
	size_t carried = 0;
	for (size_t i = 0; i < r->n_items; i++) {
		struct review_item *it = &r->items[i];
		const struct review_item *old = review_find_key(earlier, it->item_key);
		if (!old)
			continue;
		if (old->has_bank_answer && it->party != PARTY_CONNECTOR)
			copy_bank_answer(it, old);
		if (it->party == PARTY_BANK || old->verdict == VERDICT_PENDING)
			continue;
		/* Only an answer given both times and the same carries a verdict. */
		if (!answer_set_find_key(now, it->item_key) || review_answer_changed(now, then, it->item_key))
			continue;
		it->verdict = old->verdict;
		free(it->comment);
		it->comment = xstrdup(old->comment);
		free(it->verdict_at);
		it->verdict_at = xstrdup(old->verdict_at);
		it->carried = true;
		it->carried_submission = old->carried ? old->carried_submission : earlier->submission_id;
		it->carried_version = old->carried ? old->carried_version : earlier->version;
		carried++;
	}
	return carried;
}

void review_count(const struct review *r, size_t counts[VERDICT_NOT_APPLICABLE + 1])
{
	memset(counts, 0, (VERDICT_NOT_APPLICABLE + 1) * sizeof *counts);
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].party != PARTY_BANK)
			counts[r->items[i].verdict]++;
}

const char *review_criterion_state_name(enum review_criterion_state s)
{
	switch (s) {
	case REVIEW_CRITERION_MET:
		return "met";
	case REVIEW_CRITERION_PARTLY_MET:
		return "partly_met";
	case REVIEW_CRITERION_OPEN:
		return "open";
	case REVIEW_CRITERION_MET_WITH_PLAN:
		return "met_with_plan";
	case REVIEW_CRITERION_NOT_COVERED:
		break;
	}
	return "not_covered";
}

enum review_criterion_state review_criterion_state(const struct review *r, const struct mapping_row *row,
						   const struct answer_set *answers)
{
	size_t counted = 0;
	bool open = false, gap = false;
	if (row->relation == RELATION_UNSET || row->relation == RELATION_NONE)
		return REVIEW_CRITERION_NOT_COVERED;
	for (size_t i = 0; i < row->n_items; i++) {
		for (size_t j = 0; j < r->n_items; j++) {
			const struct review_item *it = &r->items[j];
			/* A bank item takes no verdict: it cannot meet or hold open a criterion. */
			if (it->no != row->items[i] || it->party == PARTY_BANK)
				continue;
			counted++;
			if (it->verdict != VERDICT_ACCEPTED && it->verdict != VERDICT_NOT_APPLICABLE)
				open = true;
			const struct answer *a = answers ? answer_set_find_key(answers, it->item_key) : NULL;
			if (a && (a->status == STATUS_PARTIAL || a->status == STATUS_NOT_IMPLEMENTED))
				gap = true;
		}
	}
	if (!counted)
		return REVIEW_CRITERION_NOT_COVERED;
	if (open)
		return REVIEW_CRITERION_OPEN;
	if (row->relation != RELATION_EQUAL && row->relation != RELATION_SUBSET)
		return REVIEW_CRITERION_PARTLY_MET;
	return gap ? REVIEW_CRITERION_MET_WITH_PLAN : REVIEW_CRITERION_MET;
}
