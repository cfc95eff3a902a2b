#include "service/submission_files.h"

#include <stdlib.h>
#include <string.h>

#include "formats/submission_json.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/review_expiry.h"
#include "service/shares.h"
#include "service/submissions.h"

void submission_file_clear(struct submission_file *f)
{
	if (!f)
		return;
	free(f->data);
	free(f->name);
	memset(f, 0, sizeof *f);
}

/*
 * Loads submission id for org: its own (a connector), or one a share in
 * force now opens to it (a bank; checked, not recorded yet). Whatever org
 * may not see is "no submission N", the same as what does not exist.
 */
static enum outcome open_for(struct store *st, const struct org *org, long long id, bool valid,
			     struct submission_record **rec, struct submission **doc, struct err *e)
{
	*rec = NULL;
	*doc = NULL;
	char now[CLOCK_TEXT_SIZE];
	if (org->kind == ORG_BANK) {
		if (clock_stamp(now, e) < 0)
			return OUTCOME_FAILED;
		enum outcome rc = shares_bank_access(st, org->id, id, now, NULL, e);
		if (rc != OUTCOME_OK)
			return rc;
	}
	enum outcome rc = valid ? submissions_load_valid(st, id, rec, doc, e) : submissions_load(st, id, rec, doc, e);
	if (rc == OUTCOME_OK && org->kind != ORG_BANK && (*rec)->org_id != org->id) {
		submission_record_free(*rec);
		submission_free(*doc);
		*rec = NULL;
		*doc = NULL;
		err_set(e, "no submission %lld", id);
		return OUTCOME_NOT_FOUND;
	}
	return rc;
}

/* A bank's read, recorded in a transaction of its own once the answer is
 * made: a share that ended meanwhile records nothing and hands nothing. */
static enum outcome note_read(struct store *st, const struct user *reader, const struct org *org, long long id,
			      enum audit_action action, json_t *what, struct err *e)
{
	if (org->kind != ORG_BANK)
		return OUTCOME_OK;
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	enum outcome rc = shares_record_read_of(st, reader, org->id, id, action, what, now, NULL, e);
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK)
		store_rollback(st);
	return rc;
}

enum outcome submission_files_list(struct store *st, const struct user *reader, const struct org *org, long long id,
				   json_t **out, struct err *e)
{
	*out = NULL;
	struct submission_record *rec;
	struct submission *doc;
	enum outcome rc = open_for(st, org, id, false, &rec, &doc, e);
	if (rc == OUTCOME_OK)
		rc = note_read(st, reader, org, id, AUDIT_SUBMISSION_READ, NULL, e);
	if (rc == OUTCOME_OK) {
		*out = json_array();
		for (size_t i = 0; i < doc->n_attachments; i++)
			json_array_append_new(*out, submission_json_attachment(&doc->attachments[i]));
		/* Both sides see which sealed files have expired since. */
		if (review_expiry_mark_list(*out, e) < 0) {
			json_decref(*out);
			*out = NULL;
			rc = OUTCOME_FAILED;
		}
	}
	submission_record_free(rec);
	submission_free(doc);
	return rc;
}

enum outcome submission_files_get(struct store *st, const struct user *reader, const struct org *org, long long id,
				  const char *sha256, struct submission_file *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct submission_record *rec;
	struct submission *doc;
	enum outcome rc = open_for(st, org, id, false, &rec, &doc, e);
	if (rc == OUTCOME_OK)
		rc = submissions_file(st, doc, sha256, &out->data, &out->len, e);
	if (rc == OUTCOME_OK) {
		const struct submission_attachment *a = submission_find_attachment(doc, sha256);
		out->kind = sniff_kind_of_doc_type(a->type);
		out->name = xstrdup(a->name);
		json_t *what = json_pack("{s:s, s:s}", "sha256", a->sha256, "name", a->name);
		rc = note_read(st, reader, org, id, AUDIT_ATTACHMENT_READ, what, e);
		json_decref(what);
	}
	if (rc != OUTCOME_OK)
		submission_file_clear(out);
	submission_record_free(rec);
	submission_free(doc);
	return rc;
}

enum outcome submission_files_package(struct store *st, const struct user *reader, const struct org *org,
				      long long id, struct strbuf *zip, struct err *e)
{
	struct submission_record *rec;
	struct submission *doc;
	enum outcome rc = open_for(st, org, id, true, &rec, &doc, e);
	if (rc == OUTCOME_OK && submissions_package(st, rec, doc, zip, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc == OUTCOME_OK)
		rc = note_read(st, reader, org, id, AUDIT_PACKAGE_READ, NULL, e);
	submission_record_free(rec);
	submission_free(doc);
	return rc;
}
