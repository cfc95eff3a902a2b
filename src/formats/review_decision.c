#include "formats/review_decision.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/canon_json.h"
#include "formats/json_shape.h"
#include "formats/sealed_file.h"
#include "lib/clock.h"
#include "lib/keys.h"
#include "lib/xalloc.h"

int review_decision_canonical(const struct review *r, const char *bank_public_key, const char *submission_sha256,
			      struct strbuf *out, struct err *e)
{
	json_t *items = json_array();
	for (size_t i = 0; i < r->n_items; i++) {
		const struct review_item *it = &r->items[i];
		if (it->party == PARTY_BANK)
			continue;
		const char *v = review_verdict_name(it->verdict);
		json_array_append_new(items, json_pack("{s:i, s:o, s:b}", "no", it->no, "verdict",
						       v ? json_string(v) : json_null(), "carried", it->carried));
	}
	/* Approved after a draft: format /2 names the drafter and the approver
	 * (decided_at is the approval); one step stays /1, byte for byte. */
	bool approved = r->drafted_by != NULL;
	json_t *doc = json_pack("{s:s, s:{s:s?, s:s?}, s:s?, s:{s:I, s:i, s:s?}, s:s?, s:s?, s:s?, s:s?, s:o}",
				"format", approved ? REVIEW_DECISION_FORMAT_2 : REVIEW_DECISION_FORMAT, "bank", "name",
				r->bank_name, "public_key", bank_public_key, "connector", r->connector_name, "submission",
				"id", (json_int_t)r->submission_id, "version", r->version, "sha256", submission_sha256,
				"checklist", r->catalog_id, "decision", review_decision_name(r->decision), "reason",
				r->reason ? r->reason : "", "decided_at", r->decided_at, "items", items);
	if (doc && approved &&
	    (json_object_set_new(doc, "drafted_by", json_string(r->drafted_by)) < 0 ||
	     json_object_set_new(doc, "drafted_at", json_string(r->drafted_at)) < 0 ||
	     json_object_set_new(doc, "approved_by", json_string(r->decided_by)) < 0)) {
		json_decref(doc);
		doc = NULL;
	} else if (doc && !approved && json_object_set_new(doc, "decided_by", json_string(r->decided_by)) < 0) {
		json_decref(doc);
		doc = NULL;
	}
	if (!doc) {
		/* json_pack refuses a string that is not UTF-8 (and took items). */
		err_set(e, "the decision holds text that is not UTF-8");
		return -1;
	}
	int rc = canon_json_dump(doc, out, e);
	json_decref(doc);
	return rc;
}

void review_decision_doc_free(struct review_decision_doc *d)
{
	if (!d)
		return;
	review_free(d->review);
	free(d->bank_public_key);
	free(d->submission_sha256);
	free(d);
}

#define NAME_MAX_CHARS 200

static int decode_item(const json_t *v, const char *path, struct review *r, struct err *e)
{
	static const char *const fields[] = { "carried", "no", "verdict", NULL };
	long long no;
	enum review_verdict verdict;
	if (json_shape_fields(v, path, fields, e) < 0 ||
	    json_shape_integer(v, path, "no", REVIEW_DECISION_ITEMS_MAX, &no, e) < 0)
		return -1;
	const char *name = json_string_value(json_object_get(v, "verdict"));
	if (!name || review_verdict_parse(name, &verdict) < 0 || verdict == VERDICT_PENDING ||
	    strcmp(name, review_verdict_name(verdict)) != 0)
		return json_shape_fail(path, "verdict", "must be one of accepted, query, improvement, not_applicable", e);
	if (!json_is_boolean(json_object_get(v, "carried")))
		return json_shape_fail(path, "carried", "must be true or false", e);
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].no == no) {
			err_set(e, "document.items repeats item %lld", no);
			return -1;
		}
	struct review_item *it = &r->items[r->n_items++];
	it->no = (int)no;
	it->party = PARTY_CONNECTOR;
	it->verdict = verdict;
	it->carried = json_is_true(json_object_get(v, "carried"));
	return 0;
}

static int decode_items(const json_t *items, struct review *r, struct err *e)
{
	if (!json_is_array(items) || json_array_size(items) > REVIEW_DECISION_ITEMS_MAX) {
		err_set(e, "document.items must be an array of at most %d items", REVIEW_DECISION_ITEMS_MAX);
		return -1;
	}
	r->items = xcalloc(json_array_size(items) + 1, sizeof *r->items);
	size_t i;
	const json_t *v;
	json_array_foreach(items, i, v) {
		char path[48];
		if (snprintf(path, sizeof path, "document.items[%zu]", i) >= (int)sizeof path)
			return -1; /* cannot happen: an index fits */
		if (decode_item(v, path, r, e) < 0)
			return -1;
	}
	return 0;
}

/* A stamp as Shinsa writes them, "YYYY-MM-DDTHH:MM:SSZ". */
static int stamp(const json_t *doc, const char *field, struct err *e)
{
	const char *s = json_string_value(json_object_get(doc, field));
	time_t t;
	char back[CLOCK_TEXT_SIZE];
	if (!s || clock_parse(s, &t) < 0 || (clock_format(t, back), strcmp(back, s) != 0))
		return json_shape_fail("document", field, "must be a time YYYY-MM-DDTHH:MM:SSZ", e);
	return 0;
}

static int decode(const json_t *doc, struct review_decision_doc *d, struct err *e)
{
	static const char *const fields[] = { "bank",	    "checklist", "connector", "decided_at", "decided_by",
					      "decision",   "format",	 "items",     "reason",	    "submission",
					      NULL };
	static const char *const fields_2[] = { "approved_by", "bank",	     "checklist", "connector",
						"decided_at",  "decision",   "drafted_at", "drafted_by",
						"format",      "items",	     "reason",	   "submission",
						NULL };
	static const char *const bank_fields[] = { "name", "public_key", NULL };
	static const char *const sub_fields[] = { "id", "sha256", "version", NULL };
	const json_t *bank = json_object_get(doc, "bank"), *sub = json_object_get(doc, "submission");
	const char *format = json_string_value(json_object_get(doc, "format"));
	const char *bank_name, *connector, *checklist, *decided_by, *decision, *reason, *drafted_by = NULL;
	long long id, version;
	enum review_decision dec;
	struct review *r = d->review;
	bool approved = format && strcmp(format, REVIEW_DECISION_FORMAT_2) == 0;
	if (json_shape_fields(doc, "document", approved ? fields_2 : fields, e) < 0)
		return -1;
	if (!format || (!approved && strcmp(format, REVIEW_DECISION_FORMAT) != 0))
		return json_shape_fail("document", "format",
				       "must be \"" REVIEW_DECISION_FORMAT "\" or \"" REVIEW_DECISION_FORMAT_2 "\"", e);
	if (json_shape_fields(bank, "document.bank", bank_fields, e) < 0 ||
	    !(bank_name = json_shape_plain(bank, "document.bank", "name", NAME_MAX_CHARS, e)) ||
	    json_shape_hex(bank, "document.bank", "public_key", KEYS_PUBLIC_BYTES, e) < 0 ||
	    !(connector = json_shape_plain(doc, "document", "connector", NAME_MAX_CHARS, e)) ||
	    json_shape_fields(sub, "document.submission", sub_fields, e) < 0 ||
	    json_shape_integer(sub, "document.submission", "id", INT64_MAX, &id, e) < 0 ||
	    json_shape_integer(sub, "document.submission", "version", INT32_MAX, &version, e) < 0 ||
	    json_shape_hex(sub, "document.submission", "sha256", 32, e) < 0 ||
	    !(checklist = json_shape_plain(doc, "document", "checklist", NAME_MAX_CHARS, e)) ||
	    !(decided_by = json_shape_plain(doc, "document", approved ? "approved_by" : "decided_by", NAME_MAX_CHARS,
					    e)) ||
	    (approved && (!(drafted_by = json_shape_plain(doc, "document", "drafted_by", NAME_MAX_CHARS, e)) ||
			  stamp(doc, "drafted_at", e) < 0)) ||
	    stamp(doc, "decided_at", e) < 0)
		return -1;
	if (approved) {
		r->drafted_by = xstrdup(drafted_by);
		r->drafted_at = xstrdup(json_string_value(json_object_get(doc, "drafted_at")));
	}
	decision = json_string_value(json_object_get(doc, "decision"));
	if (!decision || review_decision_parse(decision, &dec) < 0 || dec == DECISION_NONE ||
	    strcmp(decision, review_decision_name(dec)) != 0)
		return json_shape_fail("document", "decision", "must be one of meets, conditional, does_not_meet", e);
	if (!(reason = json_string_value(json_object_get(doc, "reason"))))
		return json_shape_fail("document", "reason", "must be a string", e);
	r->bank_name = xstrdup(bank_name);
	r->connector_name = xstrdup(connector);
	r->submission_id = id;
	r->version = (int)version;
	r->catalog_id = xstrdup(checklist);
	r->decision = dec;
	r->reason = xstrdup(reason);
	r->decided_at = xstrdup(json_string_value(json_object_get(doc, "decided_at")));
	r->decided_by = xstrdup(decided_by);
	d->bank_public_key = xstrdup(json_string_value(json_object_get(bank, "public_key")));
	d->submission_sha256 = xstrdup(json_string_value(json_object_get(sub, "sha256")));
	return decode_items(json_object_get(doc, "items"), r, e);
}

int review_decision_verify(const char *buf, size_t len, struct review_decision_doc **out,
			   char sha256[HASH_HEX_LEN + 1], struct err *e)
{
	*out = NULL;
	json_t *root;
	if (sealed_file_open(buf, len, REVIEW_DECISION_FILE_MAX, "a decision file", &root, e) < 0)
		return -1;
	struct review_decision_doc *d = xcalloc(1, sizeof *d);
	d->review = review_new();
	int rc = -1;
	if (decode(json_object_get(root, "document"), d, e) < 0)
		err_prefix(e, "wrong shape");
	else if (sealed_file_check(root, d->bank_public_key, sha256, e) == 0)
		rc = 0;
	if (rc == 0) {
		*out = d;
	} else {
		review_decision_doc_free(d);
	}
	json_decref(root);
	return rc;
}
