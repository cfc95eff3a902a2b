#include "service/criteria.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/suggest.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "service/answers.h"
#include "service/audit_log.h"
#include "store/store_catalog.h"
#include "store/store_criteria.h"

void criteria_import_release(struct criteria_import_result *r)
{
	if (r)
		criteria_warnings_release(&r->warnings);
}

static int need_bank(const struct org *bank, struct err *e)
{
	if (bank->kind == ORG_BANK)
		return 0;
	err_set(e, "%s is not a bank", bank->name);
	return OUTCOME_REFUSED;
}

/* The bank's list: OUTCOME_NOT_FOUND when it has none. */
static int load(struct store *st, const struct org *bank, struct criteria_list **out, struct err *e)
{
	int rc = store_criteria_get(st, bank->id, out, e);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no criteria imported yet");
		return OUTCOME_NOT_FOUND;
	}
	return rc;
}

/* The checklist: id, else the previous list's, else the only one. */
static int checklist_for(struct store *st, const char *id, const struct criteria_list *old, struct catalog **out,
			 struct err *e)
{
	int rc = answers_checklist(st, id ? id : old ? old->checklist_id : NULL, out, e);
	switch (rc) {
	case OUTCOME_OK:
		return 0;
	case OUTCOME_NOT_FOUND:
		return OUTCOME_NOT_FOUND;
	case OUTCOME_CHOOSE:
		return OUTCOME_CHOOSE;
	case OUTCOME_INVALID:
		return OUTCOME_INVALID;
	default:
		return -1;
	}
}

/* The shipped criteria catalogs with a mapping to checklist_id. */
struct shipped_set {
	struct catalog **all;
	size_t n_all;
	struct mapping **maps;
	struct criteria_shipped *list;
	size_t n;
};

static void shipped_release(struct shipped_set *s)
{
	for (size_t i = 0; i < s->n_all; i++)
		catalog_free(s->all[i]);
	free(s->all);
	for (size_t i = 0; i < s->n; i++)
		mapping_free(s->maps[i]);
	free(s->maps);
	free(s->list);
}

static int shipped_load(struct store *st, const char *checklist_id, struct shipped_set *s, struct err *e)
{
	memset(s, 0, sizeof *s);
	if (store_catalog_list(st, &s->all, &s->n_all, e) < 0)
		return -1;
	s->maps = xcalloc(s->n_all ? s->n_all : 1, sizeof *s->maps);
	s->list = xcalloc(s->n_all ? s->n_all : 1, sizeof *s->list);
	for (size_t i = 0; i < s->n_all; i++) {
		if (s->all[i]->kind != CATALOG_CRITERIA)
			continue;
		struct mapping *m;
		int rc = store_mapping_get(st, s->all[i]->id, checklist_id, &m, e);
		if (rc < 0)
			return -1;
		if (rc == STORE_NOT_FOUND)
			continue;
		s->maps[s->n] = m;
		s->list[s->n].criteria = s->all[i];
		s->list[s->n++].map = m;
	}
	return 0;
}

/* The shipped set for the checklist an import would choose now. */
static int shipped_for(struct store *st, const struct org *bank, const char *checklist_id, struct shipped_set *s,
		       struct err *e)
{
	struct catalog *probe = NULL;
	struct criteria_list *old = NULL;
	int rc = store_criteria_get(st, bank->id, &old, e) < 0 ? -1 : checklist_for(st, checklist_id, old, &probe, e);
	if (rc == 0)
		rc = shipped_load(st, probe->id, s, e);
	criteria_list_free(old);
	catalog_free(probe);
	return rc;
}

/* Whether the list before is still the one a preview saw (base: its
 * sha256, CRITERIA_BASE_NONE for none; NULL: not asked). */
static int base_check(const char *base, const struct criteria_list *old, struct err *e)
{
	if (!base || strcmp(base, old ? old->sha256 : CRITERIA_BASE_NONE) == 0)
		return 0;
	if (old)
		err_coded(e, NULL, "criteria_changed",
			  "the criteria list changed since the preview (now {1}, imported at {2} by {3})", old->source,
			  old->imported_at, old->imported_by, NULL);
	else
		err_coded(e, NULL, "criteria_changed_none", "the criteria list changed since the preview (now none)",
			  NULL);
	return OUTCOME_CONFLICT;
}

/* Inside the transaction: the list before, the carry, the rows, the event. */
static int import_locked(struct store *st, const char *actor, struct criteria_list *l, const char *checklist_id,
			 const char *base, const struct shipped_set *shipped, struct catalog **checklist,
			 struct criteria_import_result *res, struct err *e)
{
	struct criteria_list *old = NULL;
	int rc = store_criteria_get(st, l->org_id, &old, e);
	if (rc < 0)
		return -1;
	rc = base_check(base, old, e);
	if (rc == 0)
		rc = checklist_for(st, checklist_id, old, checklist, e);
	if (rc == 0) {
		l->checklist_id = xstrdup((*checklist)->id);
		l->map->checklist_id = xstrdup((*checklist)->id);
		criteria_list_carry(l, old, shipped->list, shipped->n, l->imported_at, &res->carried);
		rc = store_criteria_put(st, l, e);
	}
	criteria_list_free(old);
	if (rc != 0)
		return rc;
	json_t *details = json_pack("{s:s, s:s, s:I, s:I, s:I}", "file", l->source, "format", l->format, "criteria",
				    (json_int_t)l->cat->n_items, "mapped",
				    (json_int_t)(res->carried.kept + res->carried.shipped), "warnings",
				    (json_int_t)res->warnings.n);
	rc = audit_log(st, actor, l->org_id, AUDIT_CRITERIA_IMPORT, details, e, "criteria:%lld", l->org_id);
	json_decref(details);
	return rc;
}

enum outcome criteria_import(struct store *st, const char *actor, const struct org *bank, const char *name,
			     enum criteria_format f, const void *data, size_t len, const char *checklist_id,
			     struct criteria_list **out, struct criteria_import_result *res, struct err *e)
{
	return criteria_replace(st, actor, bank, name, f, data, len, checklist_id, NULL, out, res, e);
}

enum outcome criteria_replace(struct store *st, const char *actor, const struct org *bank, const char *name,
			      enum criteria_format f, const void *data, size_t len, const char *checklist_id,
			      const char *base, struct criteria_list **out, struct criteria_import_result *res,
			      struct err *e)
{
	struct criteria_import_result local = { 0 };
	if (out)
		*out = NULL;
	if (!res)
		res = &local;
	memset(res, 0, sizeof *res);
	struct shipped_set shipped = { 0 };
	/* The shipped catalogs never change, so they are read before the lock,
	 * for the checklist the list will be mapped to (checked again inside:
	 * should it differ then, no shipped row matches and none is carried).
	 * A wrong checklist is said before anything of the file. */
	int rc = need_bank(bank, e);
	if (rc == 0)
		rc = shipped_for(st, bank, checklist_id, &shipped, e);
	struct catalog *cat = NULL;
	f = criteria_format_of(data, len, f); /* a Word document is kept as one, whatever its name */
	if (rc == 0 && criteria_read(name, data, len, f, &cat, &res->warnings, e) < 0)
		rc = OUTCOME_INVALID;
	if (rc != 0) {
		shipped_release(&shipped);
		criteria_import_release(&local);
		return rc;
	}
	struct criteria_list *l = criteria_list_new();
	catalog_free(l->cat);
	l->cat = cat;
	l->org_id = bank->id;
	l->title = xstrdup(cat->title ? cat->title : name);
	l->source = xstrdup(name);
	l->format = xstrdup(criteria_format_name(f));
	char sha[HASH_HEX_LEN + 1], now[CLOCK_TEXT_SIZE];
	hash_sha256_hex(data, len, sha);
	l->sha256 = xstrdup(sha);
	l->imported_by = xstrdup(actor);
	struct catalog *checklist = NULL;
	rc = clock_stamp(now, e) < 0 ? -1 : 0;
	l->imported_at = xstrdup(now);
	if (rc == 0)
		rc = store_begin(st, e) < 0 ? -1 : import_locked(st, actor, l, checklist_id, base, &shipped, &checklist, res, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	shipped_release(&shipped);
	catalog_free(checklist);
	if (rc == 0 && out)
		*out = l;
	else
		criteria_list_free(l);
	criteria_import_release(&local);
	return rc;
}

enum outcome criteria_show(struct store *st, const struct org *bank, struct criteria_list **out, struct err *e)
{
	*out = NULL;
	int rc = need_bank(bank, e);
	return rc ? rc : load(st, bank, out, e);
}

/* The new row for key: relation, items and note checked against the checklist. */
static int new_row(struct store *st, const struct criteria_list *l, size_t i, const char *relation, const int *items,
		   size_t n, const char *note, struct mapping *m, struct err *e)
{
	enum relation rel = relation_parse(relation);
	if (!rel) {
		err_coded(e, NULL, "unknown_relation",
			  "unknown relation \"{1}\" (want equal, subset, superset, intersects or none)", relation, NULL);
		return OUTCOME_INVALID;
	}
	if (note && !text_utf8_valid(note, strlen(note))) {
		err_set(e, "the note is not valid UTF-8");
		return OUTCOME_INVALID;
	}
	size_t chars = 0;
	for (const char *p = note ? note : ""; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars > CRITERIA_NOTE_MAX) {
		err_too_long(e, "the note", CRITERIA_NOTE_MAX);
		return OUTCOME_INVALID;
	}
	struct mapping_row *row = mapping_add_row(m, l->cat->items[i].key, rel);
	for (size_t k = 0; k < n; k++)
		mapping_row_add_item(row, items[k]);
	free(row->note);
	row->note = xstrdup(note ? note : l->map->rows[i].note);
	/* A shipped note keeps its English alternate while it stands as
	 * shipped; a note the bank wrote is one text in both languages. */
	if (strcmp(row->note, l->map->rows[i].note) == 0) {
		free(row->note_en);
		row->note_en = xstrdup(l->map->rows[i].note_en);
	}
	struct catalog *checklist = NULL;
	int rc = store_catalog_get(st, l->checklist_id, &checklist, e);
	if (rc != STORE_OK)
		return -1; /* the list's checklist is in the database: a reference holds it */
	rc = mapping_validate(m, l->cat, checklist, e) < 0 ? OUTCOME_INVALID : 0;
	catalog_free(checklist);
	return rc;
}

enum outcome criteria_map(struct store *st, const char *actor, const struct org *bank, const char *key,
			  const char *relation, const int *items, size_t n, const char *note,
			  struct criteria_list **out, size_t *index, struct err *e)
{
	if (out)
		*out = NULL;
	char now[CLOCK_TEXT_SIZE];
	struct criteria_list *l = NULL;
	struct mapping *m = mapping_new();
	int rc = need_bank(bank, e);
	if (rc == 0 && clock_stamp(now, e) < 0)
		rc = -1;
	if (rc == 0 && store_begin(st, e) < 0)
		rc = -1;
	if (rc == 0)
		rc = load(st, bank, &l, e);
	long i = rc == 0 ? criteria_list_find(l, key) : -1;
	if (rc == 0 && i < 0) {
		err_set(e, "no criterion \"%s\"", key);
		rc = OUTCOME_NOT_FOUND;
	}
	if (rc == 0)
		rc = new_row(st, l, (size_t)i, relation, items, n, note, m, e);
	if (rc == 0) {
		struct mapping_row *row = &m->rows[0];
		row->changed_by = xstrdup(actor);
		row->changed_at = xstrdup(now);
		rc = store_criteria_map(st, bank->id, row, e) != STORE_OK ? -1 : 0;
		json_t *its = json_array();
		for (size_t k = 0; k < row->n_items; k++)
			json_array_append_new(its, json_integer(row->items[k]));
		json_t *details = json_pack("{s:s?, s:o}", "relation", relation_name(row->relation), "items", its);
		if (rc == 0)
			rc = audit_log(st, actor, bank->id, AUDIT_CRITERIA_MAP, details, e, "criterion:%s", key);
		json_decref(details);
	}
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	criteria_list_free(l);
	mapping_free(m);
	if (rc == 0 && out) {
		rc = load(st, bank, out, e) != 0 ? -1 : 0;
		if (rc == 0 && index)
			*index = (size_t)criteria_list_find(*out, key);
	}
	return rc;
}

enum outcome criteria_suggest(struct store *st, const struct org *bank, size_t top, json_t **out, struct err *e)
{
	*out = NULL;
	if (top < 1 || top > CRITERIA_TOP_MAX) {
		err_set(e, "top must be 1 to %d", CRITERIA_TOP_MAX);
		return OUTCOME_INVALID;
	}
	struct criteria_list *l = NULL;
	struct catalog *checklist = NULL;
	int rc = need_bank(bank, e);
	if (rc == 0)
		rc = load(st, bank, &l, e);
	if (rc == 0 && store_catalog_get(st, l->checklist_id, &checklist, e) != STORE_OK)
		rc = -1;
	if (rc != 0) {
		criteria_list_free(l);
		return rc;
	}
	struct suggest_index *ix = suggest_index_new(checklist);
	json_t *arr = json_array();
	for (size_t i = 0; i < l->cat->n_items; i++) {
		struct suggestion *sg;
		size_t n = suggest_rank(ix, &l->cat->items[i], top, &sg);
		json_t *items = json_array();
		for (size_t k = 0; k < n; k++)
			json_array_append_new(items, json_pack("{s:i, s:f}", "no", sg[k].no, "score",
							       round(sg[k].score * 1000) / 1000));
		free(sg);
		json_array_append_new(arr, json_pack("{s:s, s:o}", "criterion", l->cat->items[i].key, "items", items));
	}
	suggest_index_free(ix);
	catalog_free(checklist);
	criteria_list_free(l);
	*out = arr;
	return 0;
}

json_t *criteria_row_json(const struct criteria_list *l, size_t i)
{
	const struct catalog_item *it = &l->cat->items[i];
	const struct mapping_row *row = &l->map->rows[i];
	json_t *items = json_array();
	for (size_t k = 0; k < row->n_items; k++)
		json_array_append_new(items, json_integer(row->items[k]));
	return json_pack("{s:s, s:i, s:s?, s:s, s:s?, s:b, s:s?, s:o, s:s, s:s, s:s?, s:s?}", "key", it->key, "no", it->no,
			 "section", it->section, "category", it->category, "text", it->text, "damaged", it->damaged,
			 "relation", relation_name(row->relation), "items", items, "note", row->note, "note_en",
			 row->note_en, "changed_by", row->changed_by, "changed_at", row->changed_at);
}

json_t *criteria_json(const struct criteria_list *l, const char *org_name)
{
	json_t *rows = json_array();
	for (size_t i = 0; i < l->cat->n_items; i++)
		json_array_append_new(rows, criteria_row_json(l, i));
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "org", org_name, "title", l->title, "source",
			 l->source, "format", l->format, "sha256", l->sha256, "imported_at", l->imported_at,
			 "imported_by", l->imported_by, "checklist", l->checklist_id, "criteria", rows);
}
