#include "formats/submission_json.h"

#include <stdlib.h>
#include <string.h>

#include "formats/canon_json.h"
#include "formats/json_shape.h"
#include "formats/sealed_file.h"
#include "lib/clock.h"
#include "lib/keys.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* Large enough for any checklist; small enough that a number is a number. */
#define MAX_ITEM_NO 100000
#define MAX_VERSION 1000000
#define MAX_NAME_CHARS 100
/* More than any checklist has; bounds the work before the signature is checked. */
#define MAX_ANSWERS 10000
#define MAX_FILE_NAME_CHARS 255
#define MAX_TITLE_CHARS 200

static json_t *nullable(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *answer_json(const struct answer *a, bool with_key)
{
	json_t *o = json_pack("{s:i, s:o, s:s, s:s, s:s, s:o, s:s}", "no", a->no, "status",
			      nullable(answer_status_name(a->status)), "current", a->current, "issues", a->issues,
			      "plan", a->plan, "plan_due", nullable(a->plan_due), "notes", a->notes);
	if (o && with_key && json_object_set_new(o, "key", json_string(a->item_key)) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* NULL if a string is not UTF-8: a document with an answer missing must
 * never come out. */
static json_t *answers_json(const struct answer_set *set, bool with_key)
{
	json_t *items = json_array();
	for (size_t i = 0; i < set->n_items; i++) {
		if (json_array_append_new(items, answer_json(&set->items[i], with_key)) < 0) {
			json_decref(items);
			return NULL;
		}
	}
	return items;
}

json_t *submission_json_answers(const struct answer_set *set)
{
	return answers_json(set, false);
}

json_t *submission_json_answer(const struct answer *a)
{
	return answer_json(a, false);
}

json_t *submission_json_attachment(const struct submission_attachment *a)
{
	json_t *items = json_array();
	for (size_t i = 0; i < a->n_items; i++)
		json_array_append_new(items, json_integer(a->items[i]));
	return json_pack("{s:o, s:s, s:s, s:s, s:I, s:s, s:o}", "items", items, "name", a->name, "title", a->title,
			 "sha256", a->sha256, "size", (json_int_t)a->size, "type", a->type, "valid_until",
			 nullable(a->valid_until));
}

/* The attachments in the order s has them (submission_sort()'s, for a
 * document to be signed); NULL if a string is not UTF-8. */
static json_t *attachments_json(const struct submission *s)
{
	json_t *list = json_array();
	for (size_t i = 0; i < s->n_attachments; i++)
		if (json_array_append_new(list, submission_json_attachment(&s->attachments[i])) < 0) {
			json_decref(list);
			return NULL;
		}
	return list;
}

json_t *submission_json_document(const struct submission *s)
{
	json_t *answers = answers_json(s->answers, true);
	if (!answers)
		return NULL;
	json_t *doc = json_pack("{s:s, s:{s:s, s:o, s:s}, s:{s:s, s:s}, s:i, s:s, s:o}", "format",
				s->format == 1 ? SUBMISSION_FORMAT_1 : SUBMISSION_FORMAT, "org", "name", s->org_name,
				"reg_no", nullable(s->org_reg_no), "public_key", s->org_public_key, "catalog", "id",
				s->catalog_id, "sha256", s->catalog_sha256, "version", s->version, "submitted_at",
				s->submitted_at, "answers", answers);
	/* A /1 document read back is written back as it was signed. */
	if (!doc || s->format == 1)
		return doc;
	json_t *files = attachments_json(s);
	if (!files || json_object_set_new(doc, "attachments", files) < 0) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

int submission_json_canonical(const struct submission *s, struct strbuf *out, struct err *e)
{
	json_t *doc = submission_json_document(s);
	if (!doc) {
		err_set(e, "cannot encode the submission (a string is not valid UTF-8)");
		return -1;
	}
	int rc = canon_json_dump(doc, out, e);
	json_decref(doc);
	return rc;
}

static int by_no(const void *a, const void *b)
{
	const struct answer *x = *(const struct answer *const *)a, *y = *(const struct answer *const *)b;
	return (x->no > y->no) - (x->no < y->no);
}

static int by_key(const void *a, const void *b)
{
	return strcmp((*(const struct answer *const *)a)->item_key, (*(const struct answer *const *)b)->item_key);
}

/*
 * No item twice, by number or by key. Sorted, not pairwise: the file is
 * untrusted and may list up to MAX_ANSWERS answers before any signature is
 * checked.
 */
static int check_repeats(const struct answer_set *set, struct err *e)
{
	const struct answer **v = xcalloc(set->n_items ? set->n_items : 1, sizeof *v);
	int rc = 0;
	for (size_t i = 0; i < set->n_items; i++)
		v[i] = &set->items[i];
	qsort(v, set->n_items, sizeof *v, by_no);
	for (size_t i = 1; i < set->n_items && rc == 0; i++)
		if (v[i]->no == v[i - 1]->no) {
			err_set(e, "document.answers repeats item %d", v[i]->no);
			rc = -1;
		}
	qsort(v, set->n_items, sizeof *v, by_key);
	for (size_t i = 1; i < set->n_items && rc == 0; i++)
		if (strcmp(v[i]->item_key, v[i - 1]->item_key) == 0) {
			err_set(e, "document.answers repeats key \"%s\"", v[i]->item_key);
			rc = -1;
		}
	free(v);
	return rc;
}

static int decode_answer(const json_t *v, const char *path, struct submission *s, struct err *e)
{
	static const char *const fields[] = { "current", "issues", "key", "no", "notes", "plan", "plan_due", "status",
					      NULL };
	long long no;
	const char *key;
	if (json_shape_fields(v, path, fields, e) < 0 || json_shape_integer(v, path, "no", MAX_ITEM_NO, &no, e) < 0 ||
	    !(key = json_shape_plain(v, path, "key", MAX_NAME_CHARS, e)))
		return -1;
	struct answer *a = submission_add_answer(s, (int)no, key);
	const json_t *status = json_object_get(v, "status");
	if (!json_is_null(status) && answer_status_parse(json_string_value(status), &a->status) < 0)
		return json_shape_fail(path, "status",
				  "must be null or one of implemented, partial, not_implemented, not_applicable", e);
	const json_t *due = json_object_get(v, "plan_due");
	if (!json_is_null(due) && !clock_date_valid(json_string_value(due)))
		return json_shape_fail(path, "plan_due", "must be null or a date YYYY-MM-DD", e);
	if (!json_is_null(due))
		a->plan_due = xstrdup(json_string_value(due));
	for (int f = FIELD_CURRENT; f < ANSWER_NFIELDS; f++) {
		if (f == FIELD_PLAN_DUE)
			continue;
		const char *name = answer_field_name((enum answer_field)f);
		const char *text = json_string_value(json_object_get(v, name));
		if (!text)
			return json_shape_fail(path, name, "must be a string", e);
		if (answer_load_field(a, (enum answer_field)f, text, e) < 0) {
			err_prefix(e, "%s", path);
			return -1;
		}
	}
	return 0;
}

typedef int decode_fn(const json_t *v, const char *path, struct submission *s, struct err *e);

/* Decodes each element of doc's array field (at most max of them, what
 * naming them in the message) with decode. */
static int decode_each(const json_t *doc, const char *field, size_t max, const char *what, decode_fn *decode,
		       struct submission *s, struct err *e)
{
	const json_t *list = json_object_get(doc, field);
	if (!json_is_array(list))
		return json_shape_fail("document", field, "must be an array", e);
	if (json_array_size(list) > max) {
		err_set(e, "document.%s has more than %zu %s", field, max, what);
		return -1;
	}
	for (size_t i = 0; i < json_array_size(list); i++) {
		char path[48];
		int w = snprintf(path, sizeof path, "document.%s[%zu]", field, i);
		if (w < 0 || (size_t)w >= sizeof path)
			return json_shape_fail("document", field, "is too long", e);
		if (decode(json_array_get(list, i), path, s, e) < 0)
			return -1;
	}
	return 0;
}

static bool name_ok(const char *name)
{
	return !strchr(name, '/') && !strchr(name, '\\');
}

static int decode_attachment(const json_t *v, const char *path, struct submission *s, struct err *e)
{
	static const char *const fields[] = { "items", "name", "sha256", "size", "title", "type", "valid_until", NULL };
	const char *name, *type, *title;
	if (json_shape_fields(v, path, fields, e) < 0 || json_shape_hex(v, path, "sha256", 32, e) < 0 ||
	    !(name = json_shape_plain(v, path, "name", MAX_FILE_NAME_CHARS, e)))
		return -1;
	/* The name becomes part of a member's name in a package: it must not
	 * be a path there. */
	if (!name_ok(name))
		return json_shape_fail(path, "name", "must not contain / or \\", e);
	title = json_string_value(json_object_get(v, "title"));
	if (!title || (*title && !json_shape_plain(v, path, "title", MAX_TITLE_CHARS, e)))
		return title ? -1 : json_shape_fail(path, "title", "must be a string", e);
	const json_t *size = json_object_get(v, "size");
	if (!json_is_integer(size) || json_integer_value(size) < 0 || json_integer_value(size) > SUBMISSION_FILE_SIZE_MAX)
		return json_shape_fail(path, "size", "must be an integer from 0 to " SUBMISSION_FILE_SIZE_MAX_TEXT, e);
	type = json_string_value(json_object_get(v, "type"));
	if (!submission_attachment_type_known(type))
		return json_shape_fail(path, "type", "must be one of the known file types", e);
	const json_t *until = json_object_get(v, "valid_until");
	if (!json_is_null(until) && !clock_date_valid(json_string_value(until)))
		return json_shape_fail(path, "valid_until", "must be null or a date YYYY-MM-DD", e);
	const json_t *items = json_object_get(v, "items");
	if (!json_is_array(items) || json_array_size(items) > MAX_ANSWERS)
		return json_shape_fail(path, "items", "must be an array of item numbers", e);
	struct submission_attachment *a =
		submission_add_attachment(s, json_string_value(json_object_get(v, "sha256")), name, title, type,
					  (long long)json_integer_value(size), json_string_value(until));
	for (size_t i = 0; i < json_array_size(items); i++) {
		const json_t *no = json_array_get(items, i);
		if (!json_is_integer(no) || json_integer_value(no) < 1 || json_integer_value(no) > MAX_ITEM_NO)
			return json_shape_fail(path, "items", "must be an array of item numbers", e);
		if (i && json_integer_value(no) <= a->items[i - 1])
			return json_shape_fail(path, "items", "must be in ascending order without repeats", e);
		submission_attachment_add_item(a, (int)json_integer_value(no));
	}
	return 0;
}

/* The document's order is the one submission_sort() gives, so one set of
 * files has one spelling; a sha256 is listed once (a file is one file
 * however many items it supports). */
static int decode_attachments(const json_t *doc, struct submission *s, struct err *e)
{
	if (decode_each(doc, "attachments", SUBMISSION_MAX_ATTACHMENTS, "files", decode_attachment, s, e) < 0)
		return -1;
	long long total = 0;
	for (size_t i = 0; i < s->n_attachments; i++) {
		const struct submission_attachment *a = &s->attachments[i];
		total += a->size;
		if (i && strcmp(a[-1].name, a->name) > 0)
			return json_shape_fail("document", "attachments", "must be in order by name, then sha256", e);
		if (i && strcmp(a[-1].name, a->name) == 0 && strcmp(a[-1].sha256, a->sha256) >= 0)
			return json_shape_fail("document", "attachments", "must be in order by name, then sha256", e);
	}
	if (total > SUBMISSION_FILES_MAX) {
		err_set(e, "document.attachments add up to more than %lld bytes", (long long)SUBMISSION_FILES_MAX);
		return -1;
	}
	for (size_t i = 0; i < s->n_attachments; i++)
		for (size_t k = i + 1; k < s->n_attachments; k++)
			if (strcmp(s->attachments[i].sha256, s->attachments[k].sha256) == 0) {
				err_set(e, "document.attachments repeats sha256 %s", s->attachments[i].sha256);
				return -1;
			}
	return 0;
}

static int decode_parts(const json_t *doc, struct submission *s, struct err *e)
{
	static const char *const org_fields[] = { "name", "public_key", "reg_no", NULL };
	static const char *const cat_fields[] = { "id", "sha256", NULL };
	const json_t *org = json_object_get(doc, "org"), *cat = json_object_get(doc, "catalog");
	const json_t *reg_no = json_object_get(org, "reg_no");
	const char *name, *id;
	if (json_shape_fields(org, "document.org", org_fields, e) < 0 ||
	    !(name = json_shape_plain(org, "document.org", "name", MAX_NAME_CHARS, e)) ||
	    (!json_is_null(reg_no) && !json_shape_plain(org, "document.org", "reg_no", MAX_NAME_CHARS, e)) ||
	    json_shape_hex(org, "document.org", "public_key", KEYS_PUBLIC_BYTES, e) < 0 ||
	    json_shape_fields(cat, "document.catalog", cat_fields, e) < 0 ||
	    !(id = json_shape_plain(cat, "document.catalog", "id", MAX_NAME_CHARS, e)) ||
	    json_shape_hex(cat, "document.catalog", "sha256", 32, e) < 0)
		return -1;
	s->org_name = xstrdup(name);
	s->org_reg_no = xstrdup(json_string_value(reg_no));
	s->org_public_key = xstrdup(json_string_value(json_object_get(org, "public_key")));
	s->catalog_id = xstrdup(id);
	s->catalog_sha256 = xstrdup(json_string_value(json_object_get(cat, "sha256")));
	s->answers->org = xstrdup(name);
	s->answers->catalog_id = xstrdup(id);

	long long version;
	if (json_shape_integer(doc, "document", "version", MAX_VERSION, &version, e) < 0)
		return -1;
	s->version = (int)version;
	/* One instant, one spelling: it must read back exactly as it is written. */
	const char *at = json_string_value(json_object_get(doc, "submitted_at"));
	time_t t;
	char again[CLOCK_TEXT_SIZE];
	if (!at || clock_parse(at, &t) < 0 || (clock_format(t, again), strcmp(again, at) != 0))
		return json_shape_fail("document", "submitted_at", "must be a time YYYY-MM-DDTHH:MM:SSZ", e);
	s->submitted_at = xstrdup(at);

	if (decode_each(doc, "answers", MAX_ANSWERS, "items", decode_answer, s, e) < 0)
		return -1;
	return check_repeats(s->answers, e);
}

int submission_json_decode(const json_t *doc, struct submission **out, struct err *e)
{
	static const char *const fields_1[] = { "answers", "catalog", "format", "org", "submitted_at", "version", NULL };
	static const char *const fields[] = { "answers",      "attachments", "catalog", "format", "org",
					      "submitted_at", "version",     NULL };
	*out = NULL;
	/* The format first: a newer document gets that said, not a list of
	 * fields this version does not know. */
	const json_t *format = json_object_get(doc, "format");
	if (json_is_object(doc) && format && !json_is_string(format))
		return json_shape_fail("document", "format", "must be a string", e);
	bool v1 = json_is_string(format) && strcmp(json_string_value(format), SUBMISSION_FORMAT_1) == 0;
	if (json_is_string(format) && !v1 && strcmp(json_string_value(format), SUBMISSION_FORMAT) != 0) {
		err_set(e, "unknown format \"%s\" (this shinsa reads %s and %s)", json_string_value(format),
			SUBMISSION_FORMAT_1, SUBMISSION_FORMAT);
		return -1;
	}
	if (json_shape_fields(doc, "document", v1 ? fields_1 : fields, e) < 0)
		return -1;
	struct submission *s = submission_new_empty();
	s->format = v1 ? 1 : 2;
	if (decode_parts(doc, s, e) < 0 || (!v1 && decode_attachments(doc, s, e) < 0)) {
		submission_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

int submission_json_parse(const char *buf, size_t len, struct submission **out, struct err *e)
{
	json_error_t je;
	*out = NULL;
	json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		err_set(e, "stored submission document is not JSON: %s", je.text);
		return -1;
	}
	int rc = submission_json_decode(doc, out, e);
	json_decref(doc);
	return rc;
}

int submission_json_export(const struct submission_record *r, const char *public_key, struct strbuf *out,
			   struct err *e)
{
	return sealed_file_write(r->document, r->document_len, r->sha256, r->signature, public_key, out, e);
}
