#include "service/submissions.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "formats/package.h"
#include "formats/sniff.h"
#include "formats/submission_json.h"
#include "formats/submission_verify.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/export.h"
#include "service/lookup.h"
#include "store/store_answers.h"
#include "store/store_attachment.h"
#include "store/store_org.h"
#include "store/store_submission.h"

int submissions_connector_load(struct store *st, const char *name, const char *catalog, struct connector_answers *c,
			       struct err *e)
{
	memset(c, 0, sizeof *c);
	if (lookup_org(st, name, &c->org, e) < 0)
		return -1;
	if (c->org->kind != ORG_CONNECTOR) {
		err_set(e, "%s is a bank: answer sets belong to connectors", c->org->name);
		return -1;
	}
	if (lookup_checklist(st, catalog, &c->cat, e) < 0 || store_answers_get(st, c->org, c->cat, &c->set, e) < 0)
		return -1;
	return 0;
}

void submissions_connector_release(struct connector_answers *c)
{
	answer_set_free(c->set);
	catalog_free(c->cat);
	org_free(c->org);
	memset(c, 0, sizeof *c);
}

int submissions_parse_id(const char *text, long long *id)
{
	char *end;
	if (text[0] < '1' || text[0] > '9' || strlen(text) > 10)
		return -1;
	*id = strtoll(text, &end, 10);
	return *end || *id < 1 || *id > 1000000000 ? -1 : 0;
}

int submissions_signing_key(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const struct org *org,
		       unsigned char sk[KEYS_PRIVATE_BYTES], struct err *e)
{
	char *sealed = NULL;
	int rc = store_org_sealed_key(st, org->id, &sealed, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "%s has no signing key", org->name); /* the store leaves "not found" to its caller */
	rc = rc == STORE_OK ? keys_open(secret, sealed, sk, e) : -1;
	free(sealed);
	return rc;
}

static bool answers_item(const struct submission *s, int no)
{
	for (size_t i = 0; i < s->answers->n_items; i++)
		if (s->answers->items[i].no == no)
			return true;
	return false;
}

/*
 * Seals org's current attachments into s, inside the caller's transaction
 * (so the list is the one of the moment the version is taken). Each keeps
 * only the items s answers: an attachment is only ever on the connector's
 * and common items (service/attachments.h refuses a bank item), but should
 * one have none left (an item that has become the bank's in a later
 * checklist), it is left out rather than sealed as supporting nothing.
 */
int submissions_seal_files(struct store *st, const struct org *org, struct submission *s, struct err *e)
{
	struct attachment *list = NULL;
	size_t n = 0;
	/* attachments_current()'s list, from the store: service/attachments
	 * stands above the answers, which stand above this module. */
	if (store_attachment_list(st, org->id, &list, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct attachment *a = &list[i];
		const char *type = sniff_kind_doc_type(sniff_kind_of_token(a->type));
		size_t kept = 0;
		for (size_t j = 0; j < a->n_items; j++)
			kept += answers_item(s, a->items[j]);
		if (!kept || !type)
			continue;
		struct submission_attachment *f =
			submission_add_attachment(s, a->sha256, a->name, a->title, type, a->size, a->valid_until);
		for (size_t j = 0; j < a->n_items; j++)
			if (answers_item(s, a->items[j]))
				submission_attachment_add_item(f, a->items[j]);
	}
	attachments_free(list, n);
	submission_sort(s);
	return 0;
}

/*
 * Makes and stores the next version inside one transaction: the version is
 * part of what is signed, so it is taken, signed and written under one lock.
 */
static int seal_and_store(struct store *st, const char *actor, const struct connector_answers *c,
			  const unsigned char sk[KEYS_PRIVATE_BYTES], struct submission_record *rec, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	struct strbuf doc = STRBUF_INIT;
	struct submission *s = NULL;
	unsigned char sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	if (clock_stamp(stamp, e) < 0 || store_begin(st, e) < 0)
		return -1;
	if (store_submission_next_version(st, c->org->id, c->cat->id, &rec->version, e) < 0)
		goto fail;
	s = submission_new(c->org, c->cat, c->set, rec->version, stamp);
	if (submissions_seal_files(st, c->org, s, e) < 0 || submission_json_canonical(s, &doc, e) < 0)
		goto fail;
	/* Never make a submission that its own export could not carry. */
	if (doc.len > SUBMISSION_FILE_MAX - 4096) {
		err_set(e, "the submission would be larger than %u bytes", SUBMISSION_FILE_MAX - 4096);
		goto fail;
	}
	hash_sha256_hex(doc.buf, doc.len, sha);
	keys_sign(sk, doc.buf, doc.len, sig);
	keys_hex(sig, sizeof sig, sig_hex);
	rec->org_id = c->org->id;
	rec->org_name = xstrdup(c->org->name);
	rec->catalog_id = xstrdup(c->cat->id);
	rec->submitted_at = xstrdup(stamp);
	rec->document_len = doc.len;
	rec->document = strbuf_detach(&doc);
	rec->sha256 = xstrdup(sha);
	rec->signature = xstrdup(sig_hex);
	if (store_submission_add(st, rec, e) < 0)
		goto fail;
	json_t *details = json_pack("{s:s, s:i, s:s}", "catalog", rec->catalog_id, "version", rec->version, "sha256",
				    rec->sha256);
	int rc = audit_log(st, actor, c->org->id, AUDIT_SUBMISSION_CREATE, details, e, "submission:%lld", rec->id);
	json_decref(details);
	if (rc < 0 || store_commit(st, e) < 0)
		goto fail;
	submission_free(s);
	return 0;
fail:
	store_rollback(st);
	strbuf_release(&doc);
	submission_free(s);
	return -1;
}

enum outcome submissions_submit(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
				const struct connector_answers *c, struct submission_record **out,
				struct strbuf *problems, size_t *n_problems, struct err *e)
{
	*out = NULL;
	*n_problems = answer_set_check(c->cat, c->set, problems);
	if (*n_problems) {
		err_set(e, "cannot submit: %zu problem%s to fix", *n_problems, *n_problems == 1 ? "" : "s");
		return OUTCOME_INCOMPLETE;
	}
	unsigned char sk[KEYS_PRIVATE_BYTES];
	struct submission_record *rec = submission_record_new();
	int rc = submissions_signing_key(st, secret, c->org, sk, e);
	if (rc == 0)
		rc = seal_and_store(st, actor, c, sk, rec, e);
	sodium_memzero(sk, sizeof sk);
	if (rc < 0) {
		submission_record_free(rec);
		return -1;
	}
	*out = rec;
	return 0;
}

enum outcome submissions_load(struct store *st, long long id, struct submission_record **rec, struct submission **doc,
			      struct err *e)
{
	*doc = NULL;
	int rc = store_submission_get(st, id, rec, e);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", id);
		return OUTCOME_NOT_FOUND;
	}
	if (rc != STORE_OK)
		return -1;
	if (submission_json_parse((*rec)->document, (*rec)->document_len, doc, e) < 0) {
		err_prefix(e, "submission %lld", id);
		return -1;
	}
	(*doc)->id = id;
	return 0;
}

bool submissions_check(struct store *st, const struct submission_record *rec, const struct submission *doc,
		       struct err *e)
{
	char sha[HASH_HEX_LEN + 1];
	hash_sha256_hex(rec->document, rec->document_len, sha);
	if (strcmp(sha, rec->sha256) != 0) {
		err_set(e, "the stored document was changed: its SHA-256 is %s but %s was signed", sha, rec->sha256);
		return false;
	}
	/*
	 * The record's own columns are not signed: whoever can write the
	 * database could put one submission's signed document under another's
	 * version or date. They must say what the document says.
	 */
	if (doc->version != rec->version || strcmp(doc->submitted_at, rec->submitted_at) != 0 ||
	    strcmp(doc->catalog_id, rec->catalog_id) != 0) {
		err_set(e, "the stored record (version %d, %s, %s) does not match its signed document (version %d, %s, %s)",
			rec->version, rec->submitted_at, rec->catalog_id, doc->version, doc->submitted_at,
			doc->catalog_id);
		return false;
	}
	struct org *org;
	unsigned char pk[KEYS_PUBLIC_BYTES], sig[KEYS_SIGNATURE_BYTES];
	if (lookup_org(st, rec->org_name, &org, e) < 0)
		return false;
	bool ok = strcmp(doc->org_public_key, org->public_key) == 0 &&
		  keys_unhex(org->public_key, pk, sizeof pk) == 0 &&
		  keys_unhex(rec->signature, sig, sizeof sig) == 0 &&
		  keys_verify(pk, rec->document, rec->document_len, sig);
	if (!ok)
		err_set(e, "the signature does not verify with the key of %s (%s)", org->name, org->public_key);
	org_free(org);
	return ok;
}

enum outcome submissions_load_valid(struct store *st, long long id, struct submission_record **rec,
				    struct submission **doc, struct err *e)
{
	int rc = submissions_load(st, id, rec, doc, e);
	if (rc != 0)
		return rc;
	if (!submissions_check(st, *rec, *doc, e)) {
		err_prefix(e, "submission %lld does not verify", id);
		return -1;
	}
	return 0;
}

enum outcome submissions_file(struct store *st, const struct submission *doc, const char *sha256, void **data,
			      size_t *len, struct err *e)
{
	*data = NULL;
	*len = 0;
	if (!submission_find_attachment(doc, sha256)) {
		err_coded(e, NULL, "attachment_no_file", "no file {1}", sha256, NULL);
		return OUTCOME_NOT_FOUND;
	}
	char *type = NULL; /* the document says the type */
	int rc = store_attachment_bytes(st, 0, sha256, data, len, &type, e);
	free(type);
	if (rc == STORE_NOT_FOUND) /* blobs are never deleted: a database that lost one is damaged */
		err_set(e, "the file %s that submission %lld lists is not in the database", sha256, doc->id);
	return rc == STORE_OK ? OUTCOME_OK : OUTCOME_FAILED;
}

int submissions_package(struct store *st, const struct submission_record *rec, const struct submission *doc,
			struct strbuf *zip, struct err *e)
{
	struct strbuf bytes = STRBUF_INIT;
	/* A valid record's document names the organisation's key (the check
	 * compared it with the stored one), so no second look-up. */
	if (submission_json_export(rec, doc->org_public_key, &bytes, e) < 0) {
		strbuf_release(&bytes);
		return -1;
	}
	size_t n = doc->n_attachments;
	struct package_file *files = xcalloc(n ? n : 1, sizeof *files);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		void *data;
		files[i].sha256 = doc->attachments[i].sha256;
		rc = submissions_file(st, doc, files[i].sha256, &data, &files[i].len, e) == OUTCOME_OK ? 0 : -1;
		files[i].data = data;
	}
	if (rc == 0)
		rc = package_write(bytes.buf, bytes.len, files, n, NULL, 0, zip, e);
	for (size_t i = 0; i < n; i++)
		free((void *)files[i].data);
	free(files);
	strbuf_release(&bytes);
	return rc;
}

int submissions_export(struct store *st, const char *actor, const struct submission_record *rec,
		       const struct submission *doc, const char *path, struct err *e)
{
	struct strbuf bytes = STRBUF_INIT;
	size_t n = strlen(path);
	int rc = n >= 4 && strcmp(path + n - 4, ".zip") == 0 ? submissions_package(st, rec, doc, &bytes, e)
								: submission_json_export(rec, doc->org_public_key, &bytes, e);
	if (rc < 0) {
		strbuf_release(&bytes);
		return -1;
	}
	struct export_file file = { path, bytes.buf, bytes.len, NULL };
	const struct export_sink sink = export_file_sink(&file);
	json_t *details = json_pack("{s:s, s:i, s:s}", "file", path, "version", rec->version, "sha256", rec->sha256);
	rc = export_audited(st, &sink, actor, rec->org_id, AUDIT_SUBMISSION_EXPORT, details, e, "submission:%lld",
			    rec->id);
	json_decref(details);
	strbuf_release(&bytes);
	return rc;
}

int submissions_list(struct store *st, long long org_id, struct submission_record ***out, size_t *n, struct err *e)
{
	return store_submission_list(st, org_id, out, n, e);
}
