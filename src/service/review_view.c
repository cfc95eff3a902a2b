#include "service/review_view.h"

#include <stdio.h>
#include <string.h>

#include "formats/sealed_file.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "service/answers.h"
#include "service/audit_log.h"
#include "service/export.h"
#include "service/lookup.h"
#include "service/people.h"
#include "service/review_expiry.h"
#include "service/reviews.h"
#include "service/submissions.h"
#include "store/store_org.h"
#include "store/store_review.h"
#include "store/store_user.h"

bool review_view_signature_valid(struct store *st, const struct review *r)
{
	if (r->decision == DECISION_NONE || !r->decision_document)
		return false;
	char sha[HASH_HEX_LEN + 1];
	size_t len = strlen(r->decision_document);
	hash_sha256_hex(r->decision_document, len, sha);
	struct org *bank = NULL;
	struct err e = { 0 };
	unsigned char pk[KEYS_PUBLIC_BYTES], sig[KEYS_SIGNATURE_BYTES];
	bool ok = strcmp(sha, r->decision_sha256) == 0 && store_org_get_id(st, r->bank_id, &bank, &e) == STORE_OK &&
		  keys_unhex(bank->public_key, pk, sizeof pk) == 0 &&
		  keys_unhex(r->decision_signature, sig, sizeof sig) == 0 &&
		  keys_verify(pk, r->decision_document, len, sig);
	org_free(bank);
	return ok;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *bank_answer(const struct review_item *it)
{
	if (it->party == PARTY_CONNECTOR || !it->has_bank_answer)
		return json_null();
	const struct answer *a = &it->bank_answer;
	return json_pack("{s:o, s:s, s:s, s:b}", "status", string_or_null(answer_status_name(a->status)), "current",
			 a->current, "notes", a->notes, "carried", it->bank_answer_carried);
}

/* [{sha256, name, type, size}] of the files a message carries. */
static json_t *message_files(const struct review_message *m)
{
	json_t *files = json_array();
	for (size_t i = 0; i < m->n_files; i++)
		json_array_append_new(files, json_pack("{s:s, s:s, s:s, s:I}", "sha256", m->files[i].sha256, "name",
						       m->files[i].name, "type", m->files[i].type, "size",
						       (json_int_t)m->files[i].size));
	return files;
}

json_t *review_view_item(const struct review_item *it)
{
	json_t *messages = json_array();
	for (size_t i = 0; i < it->n_messages; i++) {
		const struct review_message *m = &it->messages[i];
		json_array_append_new(messages, json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:o}", "org", m->org, "author",
							  m->author, "at", m->at, "text", m->text, "verdict",
							  string_or_null(review_verdict_name(m->verdict)), "resolved",
							  review_message_resolved(it, i), "files", message_files(m)));
	}
	char rev[REVIEW_REVISION_LEN + 1];
	review_item_revision(it, rev);
	json_t *from = it->carried ? json_pack("{s:I, s:i, s:s}", "submission", (json_int_t)it->carried_submission,
					       "version", it->carried_version, "at", it->verdict_at)
				   : json_null();
	return json_pack("{s:i, s:s, s:o, s:b, s:o, s:s, s:o, s:o, s:s}", "no", it->no, "party",
			 party_name(it->party), "verdict", string_or_null(review_verdict_name(it->verdict)), "carried",
			 it->carried, "carried_from", from, "comment", it->comment, "bank_answer", bank_answer(it),
			 "messages", messages, "revision", rev);
}

/* KEY_name and KEY_department beside each signer of decision d (and of a
 * draft): the names live only in this view, never in the signed document.
 * A store failure leaves them "" (the e-mail still names the person);
 * approved_by null has null names. */
static void name_signers(struct store *st, json_t *d)
{
	static const char *const keys[] = { "decided_by", "drafted_by", "approved_by", "resolved_by" };
	json_t *cache = json_object();
	struct err e = { 0 };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		json_t *v = json_object_get(d, keys[i]);
		if (!v)
			continue;
		char name[32], dept[32];
		/* The keys above are short: neither can be cut. */
		if (snprintf(name, sizeof name, "%s_name", keys[i]) >= (int)sizeof name ||
		    snprintf(dept, sizeof dept, "%s_department", keys[i]) >= (int)sizeof dept)
			continue;
		if (json_is_null(v) || people_name(st, cache, d, keys[i], &e) < 0) {
			json_object_set_new(d, name, json_is_null(v) ? json_null() : json_string(""));
			json_object_set_new(d, dept, json_is_null(v) ? json_null() : json_string(""));
		}
	}
	json_decref(cache);
}

json_t *review_view_decision(struct store *st, const struct review *r)
{
	if (r->decision == DECISION_NONE)
		return json_null();
	/* drafted_by: who drafted it (the decider, in one step); approved_by:
	 * null when no approval was asked. */
	json_t *d = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:b}", "decision",
			      review_decision_name(r->decision), "reason", r->reason, "decided_at", r->decided_at,
			      "decided_by", r->decided_by, "drafted_by", r->drafted_by ? r->drafted_by : r->decided_by,
			      "approved_by", r->drafted_by ? json_string(r->decided_by) : json_null(), "sha256",
			      r->decision_sha256, "signature", r->decision_signature, "signature_valid",
			      review_view_signature_valid(st, r));
	name_signers(st, d);
	return d;
}

json_t *review_view_drafts(struct store *st, const struct review *r)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < r->n_drafts; i++) {
		const struct review_draft *d = &r->drafts[i];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "decision",
						     review_decision_name(d->decision), "reason", d->reason,
						     "drafted_by", d->drafted_by, "drafted_at", d->drafted_at, "state",
						     review_draft_state_name(d->state), "resolved_by",
						     string_or_null(d->resolved_by), "resolved_at",
						     string_or_null(d->resolved_at), "rejection",
						     string_or_null(d->rejection)));
		name_signers(st, json_array_get(arr, i));
	}
	return arr;
}

/* Sets "changed" on each of items (r's, in r's order) against old, the
 * bank's previous review (NULL: none, nothing changed). 0, or -1. */
static int mark_changes(struct store *st, const struct review *r, const struct review *old, json_t *items,
			struct err *e)
{
	struct submission_record *rec = NULL, *orec = NULL;
	struct submission *now = NULL, *then = NULL;
	int rc = 0;
	if (old && (submissions_load(st, r->submission_id, &rec, &now, e) != 0 ||
		    submissions_load(st, old->submission_id, &orec, &then, e) != 0))
		rc = -1;
	for (size_t i = 0; rc == 0 && i < r->n_items; i++) {
		const struct review_item *it = &r->items[i];
		bool changed = old && it->party != PARTY_BANK &&
			       review_answer_changed(now->answers, then->answers, it->item_key);
		json_object_set_new(json_array_get(items, i), "changed", json_boolean(changed));
	}
	submission_free(now);
	submission_free(then);
	submission_record_free(rec);
	submission_record_free(orec);
	return rc;
}

/* Sets "flags" on each of items (r's, in r's order): the codes of the
 * contradictions in the connector's answers of r's submission, as the
 * connector's submit panel warns of them (service/answers.h). 0, or -1. */
static int mark_flags(struct store *st, const struct review *r, json_t *items, struct err *e)
{
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	struct catalog *cat = NULL;
	json_t *warnings = NULL;
	if (submissions_load(st, r->submission_id, &rec, &doc, e) == 0 &&
	    lookup_catalog(st, r->catalog_id, &cat, e) == 0)
		warnings = answers_warnings_json(cat, doc->answers, e);
	for (size_t i = 0; warnings && i < r->n_items; i++) {
		json_t *flags = json_array();
		size_t k;
		const json_t *w;
		json_array_foreach (warnings, k, w)
			if (json_integer_value(json_object_get(w, "no")) == r->items[i].no)
				json_array_append(flags, json_object_get(w, "code"));
		json_object_set_new(json_array_get(items, i), "flags", flags);
	}
	int rc = warnings ? 0 : -1;
	json_decref(warnings);
	catalog_free(cat);
	submission_free(doc);
	submission_record_free(rec);
	return rc;
}

/* author_name and author_department on every message of items: the
 * poster's 氏名 and 部署 as they are now (service/people.h), so the pages
 * name people rather than e-mail addresses. 0, or -1. */
static int name_authors(struct store *st, json_t *items, struct err *e)
{
	json_t *cache = json_object(), *it;
	size_t i;
	int rc = 0;
	json_array_foreach(items, i, it) {
		if (people_name_all(st, cache, json_object_get(it, "messages"), "author", e) < 0) {
			rc = -1;
			break;
		}
	}
	json_decref(cache);
	return rc;
}

json_t *review_view_item_named(struct store *st, const struct review_item *it)
{
	json_t *item = review_view_item(it), *cache = json_object();
	struct err e = { 0 };
	/* A store failure leaves the names out: the e-mails still name them. */
	people_name_all(st, cache, json_object_get(item, "messages"), "author", &e);
	json_decref(cache);
	return item;
}

json_t *review_view_json(struct store *st, const struct review *r, struct err *e)
{
	struct review *old = NULL;
	int rc = store_review_previous(st, r->bank_id, r->connector_id, r->catalog_id, r->version, &old, e);
	if (rc < 0)
		return NULL;
	json_t *items = json_array();
	for (size_t i = 0; i < r->n_items; i++)
		json_array_append_new(items, review_view_item(&r->items[i]));
	if (mark_changes(st, r, old, items, e) < 0 || mark_flags(st, r, items, e) < 0 || name_authors(st, items, e) < 0 ||
	    review_expiry_mark_items(st, r, items, e) < 0) {
		json_decref(items);
		review_free(old);
		return NULL;
	}
	json_t *previous = old ? json_pack("{s:I, s:i}", "submission", (json_int_t)old->submission_id, "version",
					   old->version)
			       : json_null();
	review_free(old);
	return json_pack("{s:I, s:i, s:s, s:s, s:s, s:o, s:o, s:o}", "submission", (json_int_t)r->submission_id,
			 "version", r->version, "connector", r->connector_name, "bank", r->bank_name, "opened_at",
			 r->opened_at, "previous", previous, "items", items, "decision", review_view_decision(st, r));
}

int review_view_list(struct store *st, const struct org *org, json_t **out, struct err *e)
{
	struct review_summary *list;
	size_t n;
	*out = NULL;
	if (store_review_list(st, org->id, org->kind == ORG_BANK, &list, &n, e) < 0)
		return -1;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct review_summary *s = &list[i];
		json_array_append_new(arr, json_pack("{s:I, s:i, s:s, s:s, s:s, s:I, s:I, s:I, s:o, s:o}", "submission",
						     (json_int_t)s->submission_id, "version", s->version, "connector",
						     s->connector, "bank", s->bank, "opened_at", s->opened_at, "pending",
						     (json_int_t)s->pending, "query", (json_int_t)s->query, "improvement",
						     (json_int_t)s->improvement, "decision",
						     string_or_null(review_decision_name(s->decision)), "decided_at",
						     string_or_null(s->decided_at)));
	}
	review_summary_list_free(list, n);
	*out = arr;
	return 0;
}

/* The decision file of r (as the header says) into out. */
static int decision_file(struct store *st, const struct review *r, struct strbuf *out, struct err *e)
{
	if (r->decision == DECISION_NONE || !r->decision_document) {
		err_set(e, "the review of submission %lld by %s is not decided yet", r->submission_id, r->bank_name);
		return OUTCOME_NOT_FOUND;
	}
	if (!review_view_signature_valid(st, r)) {
		err_set(e, "the stored decision on submission %lld by %s no longer verifies: it is not exported",
			r->submission_id, r->bank_name);
		return OUTCOME_CONFLICT;
	}
	struct org *bank = NULL;
	if (store_org_get_id(st, r->bank_id, &bank, e) != STORE_OK) {
		if (!e->msg[0])
			err_set(e, "no bank %lld", r->bank_id);
		return -1;
	}
	int rc = sealed_file_write(r->decision_document, strlen(r->decision_document), r->decision_sha256,
				   r->decision_signature, bank->public_key, out, e);
	org_free(bank);
	return rc;
}

/* The file to path (path set) or into *out, with its event naming file. */
static int decision_export(struct store *st, const char *actor, long long org_id, const struct review *r,
			   const char *file, const char *path, struct strbuf *out, struct err *e)
{
	struct strbuf bytes = STRBUF_INIT;
	int rc = decision_file(st, r, &bytes, e);
	if (rc == 0) {
		struct export_file f = { path, bytes.buf, bytes.len, NULL };
		struct export_move m = { &bytes, out };
		const struct export_sink sink = path ? export_file_sink(&f) : export_move_sink(&m);
		json_t *details = json_pack("{s:s, s:s, s:s, s:I}", "bank", r->bank_name, "file", file, "sha256",
					    r->decision_sha256, "submission", (json_int_t)r->submission_id);
		rc = export_audited(st, &sink, actor, org_id, AUDIT_DECISION_EXPORT, details, e, "review:%lld", r->id);
		json_decref(details);
	}
	strbuf_release(&bytes);
	return rc;
}

enum outcome review_view_decision_export(struct store *st, const char *actor, long long org_id, const struct review *r,
				const char *path, struct err *e)
{
	return decision_export(st, actor, org_id, r, path, path, NULL, e);
}

enum outcome review_view_decision_bytes(struct store *st, const char *actor, long long org_id, const struct review *r,
			       const char *file, struct strbuf *out, struct err *e)
{
	return decision_export(st, actor, org_id, r, file, NULL, out, e);
}
