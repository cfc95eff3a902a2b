#include "service/submission_view.h"

#include <stdio.h>
#include <string.h>

#include "formats/canon_json.h"
#include "formats/submission_json.h"
#include "lib/clock.h"
#include "service/shares.h"
#include "store/store_submission.h"

json_t *submission_view_summary(const struct submission_record *r)
{
	return json_pack("{s:I, s:s, s:i, s:s, s:s}", "id", (json_int_t)r->id, "catalog", r->catalog_id, "version",
			 r->version, "submitted_at", r->submitted_at, "sha256", r->sha256);
}

json_t *submission_view_show(const struct submission_record *rec, const struct submission *doc, bool valid)
{
	json_t *files = json_array(); /* the sealed files, as GET …/attachments lists them */
	for (size_t i = 0; i < doc->n_attachments; i++)
		json_array_append_new(files, submission_json_attachment(&doc->attachments[i]));
	return json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:b, s:o, s:o}", "id", (json_int_t)rec->id, "org",
			 rec->org_name, "catalog", doc->catalog_id, "version", doc->version, "submitted_at",
			 doc->submitted_at, "sha256", rec->sha256, "signature_valid", valid, "answers",
			 submission_json_answers(doc->answers), "attachments", files);
}

void submission_side_release(struct submission_side *s)
{
	submission_record_free(s->rec);
	submission_free(s->doc);
	s->rec = NULL;
	s->doc = NULL;
}

static int load_working(struct store *st, const struct submission_record *of, struct submission_side *s,
			struct err *e)
{
	struct connector_answers c;
	int rc = submissions_connector_load(st, of->org_name, of->catalog_id, &c, e);
	if (rc == 0)
		s->doc = submission_new(c.org, c.cat, c.set, 0, "");
	/* The working side's files are those the next version would seal. */
	if (rc == 0 && submissions_seal_files(st, c.org, s->doc, e) < 0)
		rc = -1;
	submissions_connector_release(&c);
	return rc;
}

/* Loads id into s unless owner is set and it is another organisation's. */
static int load_owned(struct store *st, long long owner, long long id, struct submission_side *s, struct err *e)
{
	struct submission_record *rec;
	int rc = owner ? store_submission_get(st, id, &rec, e) : STORE_OK;
	if (owner && rc == STORE_OK) {
		bool theirs = rec->org_id != owner;
		submission_record_free(rec);
		rc = theirs ? STORE_NOT_FOUND : STORE_OK;
	}
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", id);
		return OUTCOME_NOT_FOUND;
	}
	return rc == STORE_OK ? submissions_load_valid(st, id, &s->rec, &s->doc, e) : -1;
}

enum outcome submission_sides_load(struct store *st, long long owner, long long a, const char *b,
				   struct submission_side *from, struct submission_side *to, struct err *e)
{
	long long b_id = 0;
	int rc = load_owned(st, owner, a, from, e);
	if (rc != 0)
		return rc;
	if (strcmp(b, "working") == 0)
		return load_working(st, from->rec, to, e);
	if (submissions_parse_id(b, &b_id) < 0) {
		err_set(e, "B is a submission number or \"working\", not \"%s\"", b);
		return OUTCOME_INVALID;
	}
	if ((rc = load_owned(st, owner, b_id, to, e)) != 0)
		return rc;
	if (from->rec->org_id != to->rec->org_id) {
		err_set(e, "submission %lld is of %s and submission %lld of %s: only one organisation's compare", a,
			from->rec->org_name, b_id, to->rec->org_name);
		return OUTCOME_INVALID;
	}
	if (strcmp(from->rec->catalog_id, to->rec->catalog_id) != 0) {
		err_set(e, "submission %lld answers %s and submission %lld %s: only one checklist's compare", a,
			from->rec->catalog_id, b_id, to->rec->catalog_id);
		return OUTCOME_INVALID;
	}
	return 0;
}

/* Inside the transaction: both reads recorded, then both sides loaded. */
static int bank_sides_locked(struct store *st, const struct user *reader, long long bank_id, long long a,
			     long long b, const char *now, struct submission_side *from, struct submission_side *to,
			     struct err *e)
{
	char b_text[24];
	int rc = shares_record_read(st, reader, bank_id, a, AUDIT_SUBMISSION_READ, now, NULL, e);
	/* One version compared with itself is one read. */
	if (rc == 0 && b != a)
		rc = shares_record_read(st, reader, bank_id, b, AUDIT_SUBMISSION_READ, now, NULL, e);
	if (rc == 0 && snprintf(b_text, sizeof b_text, "%lld", b) >= (int)sizeof b_text) {
		err_set(e, "submission id %lld too long", b);
		rc = -1;
	}
	return rc != 0 ? rc : submission_sides_load(st, 0, a, b_text, from, to, e);
}

enum outcome submission_sides_bank(struct store *st, const struct user *reader, long long bank_id, long long a,
				   const char *b, struct submission_side *from, struct submission_side *to,
				   struct err *e)
{
	long long b_id = 0;
	char now[CLOCK_TEXT_SIZE];
	if (submissions_parse_id(b, &b_id) < 0) {
		err_set(e, "a bank compares two submissions shared with it, not \"%s\"", b);
		return OUTCOME_INVALID;
	}
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = bank_sides_locked(st, reader, bank_id, a, b_id, now, from, to, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	return rc;
}

static json_t *side_json(const struct submission_side *s)
{
	if (!s->rec)
		return json_pack("{s:s}", "kind", "working");
	return json_pack("{s:s, s:I, s:i, s:s}", "kind", "submission", "id", (json_int_t)s->rec->id, "version",
			 s->rec->version, "submitted_at", s->rec->submitted_at);
}

static json_t *nullable(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *submission_view_diff(const struct submission_side *from, const struct submission_side *to,
			     const struct answers_diff *d)
{
	json_t *items = json_array();
	for (size_t i = 0; i < d->n_items; i++) {
		const struct item_change *it = &d->items[i];
		json_t *fields = json_array();
		for (size_t k = 0; k < it->n_fields; k++)
			json_array_append_new(fields, json_pack("{s:s, s:o, s:o}", "field",
								answer_field_name(it->fields[k].field), "before",
								nullable(it->fields[k].before), "after",
								nullable(it->fields[k].after)));
		json_array_append_new(items, json_pack("{s:i, s:s, s:o}", "no", it->no, "key", it->item_key, "fields",
						       fields));
	}
	json_t *out = json_pack("{s:s, s:s, s:o, s:o, s:o}", "org", from->rec->org_name, "catalog",
				from->rec->catalog_id, "from", side_json(from), "to", side_json(to), "items", items);
	if (out && json_object_set_new(out, "files", submission_view_files_diff(from->doc, to->doc)) < 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

static json_t *file_json(const struct submission_attachment *a)
{
	return a ? submission_json_attachment(a) : json_null();
}

json_t *submission_view_files_diff(const struct submission *from, const struct submission *to)
{
	struct files_diff *d = files_diff_new(from, to);
	json_t *list = json_array();
	for (size_t i = 0; i < d->n_changes; i++) {
		const struct file_change *c = &d->changes[i];
		json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:o}", "change", file_change_name(c->kind), "name",
						      (c->before ? c->before : c->after)->name, "before",
						      file_json(c->before), "after", file_json(c->after)));
	}
	files_diff_free(d);
	return list;
}

/* A value as the document writes it: a JSON string. */
static void quoted(struct strbuf *out, const char *s)
{
	canon_json_string(out, s, strlen(s));
}

size_t submission_view_files_text(const struct submission *from, const struct submission *to, struct strbuf *out)
{
	struct files_diff *d = files_diff_new(from, to);
	for (size_t i = 0; i < d->n_changes; i++) {
		const struct file_change *c = &d->changes[i];
		const struct submission_attachment *f = c->after ? c->after : c->before;
		strbuf_addstr(out, "file ");
		quoted(out, f->name);
		strbuf_addf(out, " (item%s", f->n_items == 1 ? "" : "s");
		for (size_t k = 0; k < f->n_items; k++)
			strbuf_addf(out, "%s%d", k ? ", " : " ", f->items[k]);
		strbuf_addf(out, "): %s ", file_change_name(c->kind));
		if (c->before)
			strbuf_addf(out, "%.12s", c->before->sha256);
		if (c->kind == FILE_REPLACED)
			strbuf_addstr(out, " → ");
		if (c->after)
			strbuf_addf(out, "%.12s", c->after->sha256);
		strbuf_addch(out, '\n');
	}
	size_t n = d->n_changes;
	files_diff_free(d);
	return n;
}
