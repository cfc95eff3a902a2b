#include "core/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

struct catalog *catalog_new(enum catalog_kind kind)
{
	struct catalog *cat = xcalloc(1, sizeof *cat);
	cat->kind = kind;
	return cat;
}

static void ref_release(struct catalog_ref *ref)
{
	free(ref->doc);
	for (size_t i = 0; i < ref->n_clauses; i++)
		free(ref->clauses[i]);
	free(ref->clauses);
}

static void item_release(struct catalog_item *item)
{
	free(item->key);
	free(item->section);
	free(item->category);
	free(item->text);
	free(item->notes);
	for (size_t i = 0; i < item->n_refs; i++)
		ref_release(&item->refs[i]);
	free(item->refs);
}

void catalog_free(struct catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->n_items; i++)
		item_release(&cat->items[i]);
	free(cat->items);
	free(cat->id);
	free(cat->title);
	free(cat->publisher);
	free(cat->date);
	free(cat->source);
	free(cat->sha256);
	free(cat);
}

struct catalog_item *catalog_add_item(struct catalog *cat)
{
	cat->items = xrealloc(cat->items, (cat->n_items + 1) * sizeof *cat->items);
	struct catalog_item *item = &cat->items[cat->n_items++];
	memset(item, 0, sizeof *item);
	item->notes = xstrdup("");
	return item;
}

struct catalog_ref *catalog_item_add_ref(struct catalog_item *item, const char *doc)
{
	item->refs = xrealloc(item->refs, (item->n_refs + 1) * sizeof *item->refs);
	struct catalog_ref *ref = &item->refs[item->n_refs++];
	memset(ref, 0, sizeof *ref);
	ref->doc = xstrdup(doc);
	return ref;
}

void catalog_ref_add_clause(struct catalog_ref *ref, const char *clause)
{
	ref->clauses = xrealloc(ref->clauses, (ref->n_clauses + 1) * sizeof *ref->clauses);
	ref->clauses[ref->n_clauses++] = xstrdup(clause);
}

const char *catalog_item_label(const struct catalog *cat, const struct catalog_item *item, char *buf, size_t size)
{
	int n;
	if (cat->kind == CATALOG_CHECKLIST || !item->key || !item->key[0])
		n = snprintf(buf, size, "item %d", item->no);
	else
		n = snprintf(buf, size, "item %s", item->key);
	if (n < 0 || (size_t)n >= size)
		snprintf(buf, size, "item #%zu", (size_t)(item - cat->items) + 1);
	return buf;
}

static bool id_is_valid(const char *id)
{
	if (!id || !*id || strlen(id) > 64)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_'))
			return false;
	return true;
}

static int validate_refs(const struct catalog_item *item, const char *label, struct err *e)
{
	for (size_t r = 0; r < item->n_refs; r++) {
		const struct catalog_ref *ref = &item->refs[r];
		if (text_is_blank(ref->doc)) {
			err_set(e, "%s: ref %zu has no document", label, r + 1);
			return -1;
		}
		for (size_t c = 0; c < ref->n_clauses; c++) {
			if (text_is_blank(ref->clauses[c])) {
				err_set(e, "%s: ref %zu has an empty clause", label, r + 1);
				return -1;
			}
		}
	}
	return 0;
}

static int validate_item(const struct catalog *cat, size_t i, struct err *e)
{
	const struct catalog_item *item = &cat->items[i];
	char label[96];
	catalog_item_label(cat, item, label, sizeof label);

	if (text_is_blank(item->key)) {
		err_set(e, "%s: empty key", label);
		return -1;
	}
	for (size_t j = 0; j < i; j++) {
		if (strcmp(cat->items[j].key, item->key) == 0) {
			err_set(e, "%s: duplicate key \"%s\"", label, item->key);
			return -1;
		}
		if (cat->kind == CATALOG_CHECKLIST && cat->items[j].no == item->no) {
			err_set(e, "%s: duplicate number %d", label, item->no);
			return -1;
		}
	}
	if (text_is_blank(item->category)) {
		err_set(e, "%s: empty category", label);
		return -1;
	}
	if (cat->kind == CATALOG_CHECKLIST) {
		if (item->no < 1) {
			err_set(e, "%s: number must be 1 or more", label);
			return -1;
		}
		if (item->party == PARTY_NONE) {
			err_set(e, "%s: no party", label);
			return -1;
		}
		if (item->damaged || text_is_blank(item->text)) {
			err_set(e, "%s: empty objective", label);
			return -1;
		}
		return validate_refs(item, label, e);
	}
	if (item->party != PARTY_NONE || item->n_refs) {
		err_set(e, "%s: a criterion has no party or refs", label);
		return -1;
	}
	if (text_is_blank(item->section)) {
		err_set(e, "%s: empty section", label);
		return -1;
	}
	if (item->damaged && item->text) {
		err_set(e, "%s: a damaged item keeps no text", label);
		return -1;
	}
	if (!item->damaged && text_is_blank(item->text)) {
		err_set(e, "%s: empty text (mark a row whose text is lost as damaged)", label);
		return -1;
	}
	return 0;
}

int catalog_validate(const struct catalog *cat, struct err *e)
{
	if (!id_is_valid(cat->id)) {
		err_set(e, "bad id \"%s\" (use 1-64 of a-z 0-9 . _ -)", cat->id ? cat->id : "");
		return -1;
	}
	if (cat->kind != CATALOG_CHECKLIST && cat->kind != CATALOG_CRITERIA) {
		err_set(e, "unknown kind");
		return -1;
	}
	if (text_is_blank(cat->title)) {
		err_set(e, "empty title");
		return -1;
	}
	/* A bank's criteria may name neither publisher nor date (seed 000 does
	 * not); a standard checklist always has both. */
	if (cat->kind == CATALOG_CHECKLIST && (text_is_blank(cat->publisher) || !cat->date)) {
		err_set(e, "a checklist needs a publisher and a date");
		return -1;
	}
	if (cat->publisher && text_is_blank(cat->publisher)) {
		err_set(e, "empty publisher");
		return -1;
	}
	if (cat->date && !clock_date_valid(cat->date)) {
		err_set(e, "bad date \"%s\" (want YYYY-MM-DD)", cat->date ? cat->date : "");
		return -1;
	}
	if (cat->n_items == 0) {
		err_set(e, "no items");
		return -1;
	}
	for (size_t i = 0; i < cat->n_items; i++)
		if (validate_item(cat, i, e) < 0)
			return -1;
	return 0;
}

const struct catalog_item *catalog_find_key(const struct catalog *cat, const char *key)
{
	for (size_t i = 0; i < cat->n_items; i++)
		if (strcmp(cat->items[i].key, key) == 0)
			return &cat->items[i];
	return NULL;
}

const struct catalog_item *catalog_find_no(const struct catalog *cat, int no)
{
	for (size_t i = 0; i < cat->n_items; i++)
		if (cat->items[i].no == no)
			return &cat->items[i];
	return NULL;
}

const char *catalog_kind_name(enum catalog_kind kind)
{
	return kind == CATALOG_CHECKLIST ? "checklist" : kind == CATALOG_CRITERIA ? "criteria" : "unknown";
}

enum catalog_kind catalog_kind_parse(const char *s)
{
	if (s && strcmp(s, "checklist") == 0)
		return CATALOG_CHECKLIST;
	if (s && strcmp(s, "criteria") == 0)
		return CATALOG_CRITERIA;
	return 0;
}

static const struct {
	enum party party;
	const char *name;
	const char *label;
} parties[] = {
	{ PARTY_CONNECTOR, "connector", "API接続先" },
	{ PARTY_BANK, "bank", "銀行" },
	{ PARTY_COMMON, "common", "共通" },
};

const char *party_name(enum party p)
{
	for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i++)
		if (parties[i].party == p)
			return parties[i].name;
	return NULL;
}

enum party party_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof parties / sizeof parties[0]; i++)
		if (strcmp(parties[i].name, s) == 0)
			return parties[i].party;
	return PARTY_NONE;
}

const char *party_label(enum party p)
{
	for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i++)
		if (parties[i].party == p)
			return parties[i].label;
	return "";
}

/* A statute number as FISC prints them: one CJK letter and digits (統13). */
static bool is_statute_number(const char *s)
{
	const char *p = s;
	uint32_t cp = text_utf8_next(&p);
	if (!text_is_wide(cp) || !*p)
		return false;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return false;
	return true;
}

char *catalog_ref_clauses_text(const struct catalog_ref *ref)
{
	bool statutes = ref->n_clauses > 0;
	for (size_t i = 0; i < ref->n_clauses; i++)
		statutes = statutes && is_statute_number(ref->clauses[i]);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < ref->n_clauses; i++) {
		if (i)
			strbuf_addstr(&sb, statutes ? "、" : "\n");
		strbuf_addstr(&sb, ref->clauses[i]);
	}
	return strbuf_detach(&sb);
}
