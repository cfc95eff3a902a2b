#include "service/review_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/xalloc.h"
#include "service/attachments.h"
#include "service/audit_log.h"
#include "service/shares.h"
#include "store/store_attachment.h"
#include "store/store_review_file.h"
#include "store/store_submission.h"

void review_files_clear(struct review_message_file *f)
{
	if (!f)
		return;
	free(f->sha256);
	free(f->name);
	free(f->type);
	memset(f, 0, sizeof *f);
}

static enum outcome no_submission(long long id, struct err *e)
{
	err_set(e, "no submission %lld", id);
	return OUTCOME_NOT_FOUND;
}

/* Inside the transaction: whether org reaches submission_id's threads at
 * now (service/review_files.h: the rules). */
static enum outcome reach(struct store *st, const struct org *org, long long submission_id, const char *now,
			  struct err *e)
{
	if (org->kind == ORG_BANK)
		return shares_bank_access(st, org->id, submission_id, now, NULL, e);
	struct submission_record *rec = NULL;
	int rc = store_submission_get(st, submission_id, &rec, e);
	bool own = rc == STORE_OK && rec->org_id == org->id;
	submission_record_free(rec);
	if (rc < 0)
		return OUTCOME_FAILED;
	return own ? OUTCOME_OK : no_submission(submission_id, e);
}

/* The upload inside the transaction: the caller reaches the threads
 * first (so that a stranger learns nothing of the file's checks), then
 * the file is checked and stored. */
static enum outcome upload_in_tx(struct store *st, const char *actor, const struct org *org, long long submission_id,
				 struct review_message_file *f, const void *data, const char *now, struct err *e)
{
	enum outcome rc = reach(st, org, submission_id, now, e);
	if (rc != OUTCOME_OK)
		return rc;
	enum sniff_kind kind = sniff_file(f->name, data, (size_t)f->size, e);
	if (kind == SNIFF_UNKNOWN)
		return OUTCOME_INVALID;
	f->type = xstrdup(sniff_kind_token(kind));
	f->sha256 = xmalloc(65);
	hash_sha256_hex(data, (size_t)f->size, f->sha256);
	rc = attachments_fits(st, org, f->name, f->sha256, f->size, e);
	if (rc != OUTCOME_OK)
		return rc;
	char sha[65];
	if (attachments_store_blob(st, data, (size_t)f->size, kind, sha, e) < 0 ||
	    store_review_upload_add(st, submission_id, org->id, f->sha256, f->name, actor, now, e) < 0)
		return OUTCOME_FAILED;
	json_t *details = json_pack("{s:s, s:s, s:I, s:s}", "name", f->name, "sha256", f->sha256, "size",
				    (json_int_t)f->size, "type", f->type);
	int lr = audit_log(st, actor, org->id, AUDIT_REVIEW_FILE_ADD, details, e, "submission:%lld", submission_id);
	json_decref(details);
	return lr < 0 ? OUTCOME_FAILED : OUTCOME_OK;
}

enum outcome review_files_upload(struct store *st, const char *actor, const struct org *org, long long submission_id,
				 const char *name, const void *data, size_t len, struct review_message_file *out,
				 struct err *e)
{
	memset(out, 0, sizeof *out);
	/* The name as NFC has it, for the kana macOS writes decomposed. */
	out->name = sniff_name_compose(name ? name : "");
	out->size = (long long)len;
	if (out->size > ATTACHMENTS_FILE_MAX) {
		attachments_too_large(out->name, out->size, e);
		review_files_clear(out);
		return OUTCOME_TOO_LARGE;
	}
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0) {
		review_files_clear(out);
		return OUTCOME_FAILED;
	}
	enum outcome rc = upload_in_tx(st, actor, org, submission_id, out, data, now, e);
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK) {
		store_rollback(st);
		review_files_clear(out);
	}
	return rc;
}

void review_files_names_free(char **names, size_t n)
{
	for (size_t i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

enum outcome review_files_names(struct store *st, long long submission_id, long long org_id,
				const char *const *sha256s, size_t n, char ***names, struct err *e)
{
	*names = NULL;
	if (n > REVIEW_FILES_PER_MESSAGE) {
		char most[8];
		snprintf(most, sizeof most, "%d", REVIEW_FILES_PER_MESSAGE); /* cannot be cut: 2 digits */
		err_coded(e, NULL, "review_files_too_many", "a message carries at most {1} files", most, NULL);
		return OUTCOME_INVALID;
	}
	char **out = xcalloc(n ? n : 1, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		int rc = store_review_upload_name(st, submission_id, org_id, sha256s[i], &out[i], e);
		if (rc == STORE_OK)
			continue;
		review_files_names_free(out, n);
		if (rc < 0)
			return OUTCOME_FAILED;
		char id[24];
		snprintf(id, sizeof id, "%lld", submission_id); /* cannot be cut: a long long */
		err_coded(e, NULL, "review_file_unknown", "no file {1} was uploaded to the threads of submission {2}",
			  sha256s[i], id, NULL);
		return OUTCOME_INVALID;
	}
	*names = out;
	return OUTCOME_OK;
}

/* Inside the transaction: the name of the file as org may download it. */
static enum outcome find_in_tx(struct store *st, const struct user *reader, const struct org *org,
			       long long submission_id, const char *sha256, const char *now, char **name,
			       struct err *e)
{
	enum outcome rc = reach(st, org, submission_id, now, e);
	if (rc != OUTCOME_OK)
		return rc;
	int sr = store_review_file_find(st, submission_id, org->kind == ORG_BANK ? org->id : 0, org->id, sha256, name,
					e);
	if (sr < 0)
		return OUTCOME_FAILED;
	if (sr == STORE_NOT_FOUND) {
		err_coded(e, NULL, "review_file_not_found", "no file {1}", sha256, NULL);
		return OUTCOME_NOT_FOUND;
	}
	if (org->kind == ORG_BANK)
		return shares_record_read(st, reader, org->id, submission_id, AUDIT_REVIEW_FILE_READ, now, NULL, e);
	return OUTCOME_OK;
}

enum outcome review_files_download(struct store *st, const struct user *reader, const struct org *org,
				   long long submission_id, const char *sha256, char **name, void **data, size_t *len,
				   enum sniff_kind *kind, struct err *e)
{
	*name = NULL;
	*data = NULL;
	*len = 0;
	*kind = SNIFF_UNKNOWN;
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	char *type = NULL;
	enum outcome rc = find_in_tx(st, reader, org, submission_id, sha256, now, name, e);
	if (rc == OUTCOME_OK && store_attachment_bytes(st, 0, sha256, data, len, &type, e) != STORE_OK)
		rc = OUTCOME_FAILED; /* cannot be missing: the foreign keys hold */
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK) {
		store_rollback(st);
		free(*name);
		free(*data);
		*name = NULL;
		*data = NULL;
		*len = 0;
	} else {
		*kind = sniff_kind_of_token(type);
	}
	free(type);
	return rc;
}
