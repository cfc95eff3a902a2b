#include "service/answers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/submission_json.h"
#include "formats/xlsx_form.h"
#include "lib/fsutil.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/export.h"
#include "service/lookup.h"
#include "service/plans.h"
#include "store/store_answers.h"
#include "store/store_attachment.h"
#include "store/store_catalog.h"

/* Our own export read back: far above what 45 items at Excel's cell limit
 * compress to, a bound all the same. */
#define EXPORT_MAX_BYTES ((size_t)256 << 20)

enum outcome answers_checklist(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	*out = NULL;
	if (id) {
		int rc = store_catalog_get(st, id, out, e);
		if (rc == STORE_NOT_FOUND) {
			err_set(e, "no catalog \"%s\"", id);
			return OUTCOME_NOT_FOUND;
		}
		if (rc != STORE_OK)
			return -1;
		if ((*out)->kind == CATALOG_CHECKLIST)
			return OUTCOME_OK;
		err_set(e, "%s is a criteria catalog, not a checklist", id);
		catalog_free(*out);
		*out = NULL;
		return OUTCOME_INVALID;
	}
	size_t found;
	if (lookup_sole_checklist(st, out, &found, e) < 0)
		return -1;
	if (found == 1)
		return OUTCOME_OK;
	if (found) {
		err_set(e, "there is more than one checklist");
		return OUTCOME_CHOOSE;
	}
	err_set(e, "there is no checklist in the database (run shinsa init)");
	return OUTCOME_INVALID;
}

enum outcome answers_open(struct answers_ctx *a, struct store *st, const struct org *org, struct catalog *cat,
			  struct err *e)
{
	*a = (struct answers_ctx){ .st = st, .org = org, .cat = cat };
	if (org->kind != ORG_CONNECTOR) {
		err_set(e, "%s is a bank: answer sets belong to connectors", org->name);
		return OUTCOME_REFUSED;
	}
	return store_answers_get(st, org, cat, &a->set, e) < 0 ? -1 : OUTCOME_OK;
}

void answers_close(struct answers_ctx *a)
{
	answer_set_free(a->set);
	catalog_free(a->cat);
	a->set = NULL;
	a->cat = NULL;
}

/* The item's JSON as a submission holds it, plus its revision (working
 * answers only: a submission's items never change). */
static json_t *with_revision(json_t *item, const struct answer *a)
{
	char rev[ANSWER_REVISION_LEN + 1];
	answer_revision(a, rev);
	json_object_set_new(item, "revision", json_string(rev));
	return item;
}

json_t *answers_json(const struct answer_set *set)
{
	json_t *items = submission_json_answers(set);
	for (size_t i = 0; i < set->n_items; i++)
		with_revision(json_array_get(items, i), &set->items[i]);
	return json_pack("{s:s, s:s, s:o}", "org", set->org, "catalog", set->catalog_id, "items", items);
}

json_t *answers_item_json(const struct answer *a)
{
	return with_revision(submission_json_answer(a), a);
}

/* A problem as {no, code, field, status}: the page words it itself. */
static void problem_json(const struct answer_problem *p, void *cls)
{
	json_array_append_new(cls, json_pack("{s:i, s:s, s:s, s:s?}", "no", p->no, "code", p->code, "field", p->field,
					      "status", p->status));
}

/* A contradiction as {no, code, field, status}: the page words it itself. */
static void contradiction_json(const struct answer_contradiction *c, void *cls)
{
	json_array_append_new(cls, json_pack("{s:i, s:s, s:s, s:s}", "no", c->no, "code", c->code, "field", c->field,
					      "status", c->status));
}

json_t *answers_warnings_json(const struct catalog *cat, const struct answer_set *set, struct err *e)
{
	char today[PLAN_DATE_LEN + 1];
	if (plans_today(today, e) < 0)
		return NULL;
	json_t *warnings = json_array();
	answers_contradictions(cat, set, today, contradiction_json, warnings);
	return warnings;
}

json_t *answers_check_json(const struct answers_ctx *a, struct err *e)
{
	json_t *warnings = answers_warnings_json(a->cat, a->set, e);
	if (!warnings)
		return NULL;
	struct strbuf problems = STRBUF_INIT;
	size_t n = answer_set_check(a->cat, a->set, &problems);
	json_t *lines = json_array();
	/* One problem a line (the last may lack its newline). */
	for (const char *line = problems.buf; *line;) {
		size_t len = strcspn(line, "\n");
		json_array_append_new(lines, json_stringn(line, len));
		line += len + (line[len] == '\n');
	}
	strbuf_release(&problems);
	json_t *details = json_array();
	answer_set_problems(a->cat, a->set, problem_json, details);
	return json_pack("{s:s, s:b, s:o, s:o, s:o}", "catalog", a->cat->id, "ready", n == 0, "problems", lines,
			 "problem_details", details, "warnings", warnings);
}

bool answers_warning_repeats(const json_t *check, const json_t *warning)
{
	const json_t *no = json_object_get(warning, "no");
	const char *field = json_string_value(json_object_get(warning, "field"));
	size_t i;
	const json_t *p;
	json_array_foreach (json_object_get(check, "problem_details"), i, p) {
		const char *f = json_string_value(json_object_get(p, "field"));
		if (json_equal(json_object_get(p, "no"), no) && f && field && strcmp(f, field) == 0)
			return true;
	}
	return false;
}

/* Rereads a's set: inside a write transaction, the answers as they are. */
static int reload(struct answers_ctx *a, struct err *e)
{
	struct answer_set *set;
	if (store_answers_get(a->st, a->org, a->cat, &set, e) < 0)
		return -1;
	answer_set_free(a->set);
	a->set = set;
	return 0;
}

/* Every value is checked before the write lock is taken: on a scratch
 * answer, so a bad one leaves a->set as it was. */
static int check_values(const struct answers_ctx *a, int no, const char *const values[ANSWER_NFIELDS],
			struct err *e)
{
	struct answer_set *scratch = answer_set_new("", a->cat);
	struct answer *ans = answer_set_find(scratch, no);
	int rc = 0;
	for (int f = 0; f < ANSWER_NFIELDS && rc == 0; f++) {
		if (values[f] && answer_set_field(ans, (enum answer_field)f, values[f], e) < 0) {
			err_prefix(e, "item %d", no);
			rc = -1;
		}
	}
	answer_set_free(scratch);
	return rc;
}

enum outcome answers_set_item(struct answers_ctx *a, const char *actor, int no,
			      const char *const values[ANSWER_NFIELDS], const struct answer **out, struct err *e)
{
	return answers_set_item_at(a, actor, no, values, NULL, out, e);
}

enum outcome answers_set_item_at(struct answers_ctx *a, const char *actor, int no,
				 const char *const values[ANSWER_NFIELDS], const char *revision,
				 const struct answer **out, struct err *e)
{
	bool any = false;
	for (int f = 0; f < ANSWER_NFIELDS; f++)
		any |= values[f] != NULL;
	if (!any) {
		err_coded(e, NULL, "nothing_to_set", "nothing to set", NULL);
		return OUTCOME_INVALID;
	}
	const struct catalog_item *it = catalog_find_no(a->cat, no);
	if (!it) {
		err_set(e, "%s has no item %d", a->cat->id, no);
		return OUTCOME_NOT_FOUND;
	}
	if (!answer_is_connectors(it)) {
		err_set(e, "item %d is the bank's to answer (対象者: %s)", no, party_label(it->party));
		return OUTCOME_REFUSED;
	}
	if (check_values(a, no, values, e) < 0)
		return OUTCOME_INVALID;
	if (store_begin(a->st, e) < 0)
		return -1;
	if (reload(a, e) < 0)
		goto fail;
	struct answer *ans = answer_set_find(a->set, no);
	if (revision) {
		/* Compared inside the write transaction: no edit can slip in
		 * between the check and the write. */
		char now[ANSWER_REVISION_LEN + 1];
		answer_revision(ans, now);
		if (strcmp(now, revision) != 0) {
			store_rollback(a->st);
			err_set(e, "item %d was changed since you loaded it", no);
			if (out)
				*out = ans;
			return OUTCOME_CONFLICT;
		}
	}
	/* What the plan of the item follows (plans_sync) as it was. */
	struct answer was = { .no = no, .status = ans->status,
			      .plan_due = ans->plan_due ? xstrdup(ans->plan_due) : NULL };
	json_t *changed = json_array();
	for (int f = 0; f < ANSWER_NFIELDS; f++) {
		if (!values[f])
			continue;
		char *before = xstrdup(answer_get(ans, (enum answer_field)f));
		answer_set_field(ans, (enum answer_field)f, values[f], NULL); /* checked above */
		if (strcmp(before, answer_get(ans, (enum answer_field)f)) != 0)
			json_array_append_new(changed, json_string(answer_field_name((enum answer_field)f)));
		free(before);
	}
	json_t *details = json_pack("{s:s, s:o}", "catalog", a->cat->id, "fields", changed);
	int rc = store_answer_put(a->st, a->org, a->cat, ans, e) < 0 ||
		 audit_log(a->st, actor, a->org->id, AUDIT_ANSWER_EDIT, details, e, "answer:%d", no) < 0 ||
		 plans_sync(a->st, actor, a->org->id, a->cat->id, &was, ans, e) < 0 || store_commit(a->st, e) < 0;
	json_decref(details);
	free(was.plan_due);
	if (rc)
		goto fail;
	if (out)
		*out = ans;
	return OUTCOME_OK;
fail:
	store_rollback(a->st);
	/* What is in memory may be what was not written: read it again. */
	struct err ignored = { 0 };
	reload(a, &ignored);
	return -1;
}

void answers_import_release(struct answers_import *imp)
{
	json_decref(imp->changes);
	xlsx_answers_free(imp->r);
	xlsx_book_free(imp->book);
	*imp = (struct answers_import){ 0 };
}

/* status and plan_due are null when unset, as answers show prints them. */
static json_t *field_json(const struct answer *a, enum answer_field f)
{
	const char *v = answer_get(a, f);
	if ((f == FIELD_STATUS || f == FIELD_PLAN_DUE) && !*v)
		return json_null();
	return json_string(v);
}

/*
 * The changes from the stored set to the proposal: one entry per item with
 * a row whose fields differ, {no, fields[{field, before, after}]}.
 */
static json_t *changes_of(const struct answer_set *stored, const struct xlsx_answers *r)
{
	json_t *changes = json_array();
	for (size_t i = 0; i < stored->n_items; i++) {
		if (!r->rows[i])
			continue;
		const struct answer *old = &stored->items[i], *new = &r->set->items[i];
		json_t *fields = json_array();
		for (int f = 0; f < ANSWER_NFIELDS; f++) {
			enum answer_field fi = (enum answer_field)f;
			if (strcmp(answer_get(old, fi), answer_get(new, fi)) == 0)
				continue;
			json_array_append_new(fields, json_pack("{s:s, s:o, s:o}", "field", answer_field_name(fi),
								"before", field_json(old, fi), "after",
								field_json(new, fi)));
		}
		if (json_array_size(fields))
			json_array_append_new(changes, json_pack("{s:i, s:o}", "no", old->no, "fields", fields));
		else
			json_decref(fields);
	}
	return changes;
}

/*
 * The changed items ([{no, fields[]}]) too many for an event (a workbook
 * of thousands of rows) summarised: how many changed, which (as ranges)
 * and how many changed each field.
 */
static json_t *import_summary(json_t *items)
{
	size_t n = json_array_size(items), k, j;
	int *nos = xcalloc(n ? n : 1, sizeof *nos);
	json_t *counts = json_object(), *c, *f;
	json_array_foreach(items, k, c) {
		nos[k] = (int)json_integer_value(json_object_get(c, "no"));
		json_array_foreach(json_object_get(c, "fields"), j, f) {
			const char *name = json_string_value(f);
			json_object_set_new(counts, name, json_integer(json_integer_value(json_object_get(counts, name)) + 1));
		}
	}
	json_t *summary = json_pack("{s:i, s:o, s:o}", "changed_count", (int)n, "changed_items", audit_log_ranges(nos, n),
				    "changed_fields", counts);
	free(nos);
	return summary;
}

/* The audit event's details: which fields of which items changed (not
 * their values: the trail says what happened, the answers what they are),
 * or import_summary() of them when the list does not fit an event. */
static json_t *import_details(const char *file, const struct answers_ctx *a, const struct xlsx_answers *r,
			      json_t *changes)
{
	json_t *items = json_array();
	size_t k, j;
	json_t *c, *f;
	json_array_foreach(changes, k, c) {
		json_t *fields = json_array();
		json_array_foreach(json_object_get(c, "fields"), j, f)
			json_array_append(fields, json_object_get(f, "field"));
		json_array_append_new(items, json_pack("{s:O, s:o}", "no", json_object_get(c, "no"), "fields", fields));
	}
	json_t *details = json_pack("{s:s?, s:s, s:i}", "file", file, "catalog", a->cat->id, "read", (int)r->n_read);
	json_object_set(details, "changed", items);
	if (!audit_log_fits(details)) {
		json_object_del(details, "changed");
		json_t *summary = import_summary(items);
		json_object_update(details, summary);
		json_decref(summary);
	}
	json_decref(items);
	return details;
}

/* Writes every changed answer and the audit event, inside the caller's
 * transaction. */
static int write_changes(struct answers_ctx *a, const char *actor, const struct xlsx_answers *r, json_t *changes,
			 const char *file, struct err *e)
{
	size_t k;
	json_t *c;
	json_array_foreach(changes, k, c) {
		int no = (int)json_integer_value(json_object_get(c, "no"));
		const struct catalog_item *it = catalog_find_no(a->cat, no);
		if (store_answer_put(a->st, a->org, a->cat, &r->set->items[it - a->cat->items], e) < 0)
			return -1;
	}
	json_t *details = import_details(file, a, r, changes);
	int rc = audit_log(a->st, actor, a->org->id, AUDIT_ANSWERS_IMPORT, details, e, "answer_set:%s", a->cat->id);
	json_decref(details);
	/* The plans follow, after the import's own event. a->set holds the
	 * answers as stored before this import (reloaded in the transaction). */
	json_array_foreach(changes, k, c) {
		size_t i = (size_t)(catalog_find_no(a->cat, (int)json_integer_value(json_object_get(c, "no"))) - a->cat->items);
		if (rc == 0)
			rc = plans_sync(a->st, actor, a->org->id, a->cat->id, &a->set->items[i], &r->set->items[i], e);
	}
	return rc;
}

/* The changes against the stored answers as they are inside the write
 * transaction; commits, or rolls back on error. */
static int import_changes(struct answers_ctx *a, const char *actor, struct answers_import *imp, const char *file,
			  struct err *e)
{
	if (store_begin(a->st, e) < 0)
		return -1;
	if (reload(a, e) < 0)
		goto fail;
	json_decref(imp->changes);
	imp->changes = changes_of(a->set, imp->r);
	if (json_array_size(imp->changes) > 0 && write_changes(a, actor, imp->r, imp->changes, file, e) < 0)
		goto fail;
	if (store_commit(a->st, e) < 0)
		goto fail;
	imp->written = json_array_size(imp->changes) > 0;
	return 0;
fail:
	store_rollback(a->st);
	return -1;
}

enum outcome answers_import_book(struct answers_ctx *a, const char *actor, const struct xlsx_book *book,
				 const char *file, bool dry_run, struct answers_import *out, struct err *e)
{
	out->r = xlsx_answers_read(book, a->cat);
	if (out->r->n_errors) {
		err_set(e, "%zu error%s, nothing imported", out->r->n_errors, out->r->n_errors == 1 ? "" : "s");
		return OUTCOME_SHEET;
	}
	/* Most imports of a form sent back change nothing, or are dry runs:
	 * they need no write lock. */
	out->changes = changes_of(a->set, out->r);
	if (dry_run || json_array_size(out->changes) == 0)
		return OUTCOME_OK;
	return import_changes(a, actor, out, file, e) < 0 ? -1 : OUTCOME_OK;
}

enum outcome answers_import_bytes(struct answers_ctx *a, const char *actor, const void *data, size_t len,
				  const char *file, bool dry_run, struct answers_import *out, struct err *e)
{
	if (xlsx_read_buffer(data, len, NULL, &out->book, e) < 0)
		return OUTCOME_INVALID;
	return answers_import_book(a, actor, out->book, file, dry_run, out, e);
}

json_t *answers_import_json(const struct answers_ctx *a, const struct answers_import *imp, const char *file)
{
	return json_pack("{s:s?, s:s, s:s, s:i, s:O, s:b}", "file", file, "catalog", a->cat->id, "sheet",
			 imp->r->sheet, "items", (int)imp->r->n_read, "changes", imp->changes, "written",
			 imp->written);
}

/* The form as a file (named only once its event has committed), or
 * (bytes set) as bytes read back from a file without a name in the
 * directory path: the sink of export_audited(). */
struct form_export {
	const struct answers_ctx *a;
	const char *path;
	char **bytes;
	size_t *len;
	struct fs_tmp *tmp;
};

/* The org's current files, one line per item each supports, for 備考
 * (formats/xlsx_cells.h); *list is yours (attachments_free()) and the
 * lines borrow from it. */
static int form_files(const struct answers_ctx *a, struct attachment **list, size_t *n,
		      struct xlsx_cells_file **lines, size_t *n_lines, struct err *e)
{
	*lines = NULL;
	*n_lines = 0;
	if (store_attachment_list(a->st, a->org->id, list, n, e) < 0)
		return -1;
	size_t total = 0;
	for (size_t i = 0; i < *n; i++)
		total += (*list)[i].n_items;
	*lines = xcalloc(total ? total : 1, sizeof **lines);
	for (size_t i = 0; i < *n; i++)
		for (size_t k = 0; k < (*list)[i].n_items; k++)
			(*lines)[(*n_lines)++] =
				(struct xlsx_cells_file){ (*list)[i].items[k], (*list)[i].name, (*list)[i].sha256 };
	return 0;
}

static int form_write(void *arg, struct err *e)
{
	struct form_export *x = arg;
	struct attachment *list = NULL;
	struct xlsx_cells_file *files = NULL;
	size_t n = 0, nf = 0;
	int rc = form_files(x->a, &list, &n, &files, &nf, e);
	if (rc == 0 && x->bytes)
		rc = xlsx_form_export_bytes(x->a->cat, x->a->set, files, nf, x->path, EXPORT_MAX_BYTES, x->bytes,
					    x->len, e);
	else if (rc == 0) {
		x->tmp = xlsx_form_export_tmp(x->a->cat, x->a->set, files, nf, x->path, e);
		rc = x->tmp ? 0 : -1;
	}
	free(files);
	attachments_free(list, n);
	return rc;
}

static void form_undo(void *arg)
{
	struct form_export *x = arg;
	if (x->bytes) {
		free(*x->bytes);
		*x->bytes = NULL;
	}
	fs_tmp_abort(x->tmp);
	x->tmp = NULL;
}

static int form_publish(void *arg, struct err *e)
{
	struct form_export *x = arg;
	if (!x->tmp)
		return 0;
	int rc = fs_tmp_commit(x->tmp, x->path, e);
	x->tmp = NULL;
	return rc;
}

/* The export and its event (service/export.h); file names it in the event. */
static int export_form(struct answers_ctx *a, const char *actor, const char *file, const char *path, char **bytes,
		       size_t *len, struct err *e)
{
	/* Text saved before the limit would fail in the middle of the form:
	 * said first, naming the item, as the one thing to mend. */
	if (answer_set_check_lengths(a->set, e) < 0)
		return OUTCOME_CONFLICT;
	struct form_export x = { a, path, bytes, len, NULL };
	const struct export_sink sink = { form_write, form_undo, form_publish, &x };
	json_t *details = json_pack("{s:s, s:s}", "file", file, "catalog", a->cat->id);
	int rc = export_audited(a->st, &sink, actor, a->org->id, AUDIT_ANSWERS_EXPORT, details, e, "answer_set:%s",
				a->cat->id);
	json_decref(details);
	return rc;
}

enum outcome answers_export_file(struct answers_ctx *a, const char *actor, const char *path, struct err *e)
{
	return export_form(a, actor, path, path, NULL, NULL, e);
}

enum outcome answers_export_bytes(struct answers_ctx *a, const char *actor, const char *file, char **out, size_t *len,
				  struct err *e)
{
	const char *tmpdir = getenv("TMPDIR");
	*out = NULL;
	return export_form(a, actor, file, tmpdir && *tmpdir ? tmpdir : "/tmp", out, len, e);
}
