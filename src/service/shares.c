#include "service/shares.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/lookup.h"
#include "service/notify.h"
#include "service/submissions.h"
#include "store/store_share.h"
#include "store/store_submission.h"

/* Inside the transaction: tells the bank of share id (as stored, with its
 * names) that it was shared or revoked. */
static int tell_bank(struct store *st, long long id, enum notify_kind kind, const char *actor, const char *now,
		     struct err *e)
{
	struct share *s;
	if (store_share_get(st, id, &s, e) != STORE_OK)
		return -1;
	struct notification n = { .kind = kind, .submission_id = s->submission_id, .bank = s->bank_name,
				  .connector = s->connector_name, .detail = (char *)"", .actor = (char *)actor,
				  .created_at = (char *)now };
	int rc = notify_event(st, s->bank_id, NOTIFY_BANK_REVIEWERS, &n, e);
	share_free(s);
	return rc;
}

/* The submission's owner, if connector_id may see it (0: anyone). */
static int owned_submission(struct store *st, long long connector_id, long long id, long long *owner, struct err *e)
{
	struct submission_record *rec;
	int rc = store_submission_get(st, id, &rec, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_OK) {
		*owner = rec->org_id;
		if (connector_id && rec->org_id != connector_id)
			rc = STORE_NOT_FOUND;
		submission_record_free(rec);
	}
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", id);
		return OUTCOME_NOT_FOUND;
	}
	return 0;
}

/* Inside the transaction: refuses a second share in force, then adds s. */
static int add_locked(struct store *st, const char *actor, long long owner, struct share *s, const char *now,
		      struct err *e)
{
	struct share *old;
	int rc = store_share_in_force(st, s->submission_id, s->bank_id, now, &old, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_OK) {
		char sub[24], share[24];
		if (snprintf(sub, sizeof sub, "%lld", s->submission_id) >= (int)sizeof sub ||
		    snprintf(share, sizeof share, "%lld", old->id) >= (int)sizeof share)
			abort(); /* a long long has at most 20 characters */
		err_coded(e, NULL, "already_shared", "submission {2} is already shared with {1} (share {3})", s->bank_name,
			  sub, share, NULL);
		share_free(old);
		return OUTCOME_CONFLICT;
	}
	if (store_share_add(st, s, e) < 0)
		return -1;
	json_t *details = json_pack("{s:s, s:o, s:I}", "bank", s->bank_name, "expires_at",
				    s->expires_at ? json_string(s->expires_at) : json_null(), "submission",
				    (json_int_t)s->submission_id);
	rc = audit_log(st, actor, owner, AUDIT_SHARE_CREATE, details, e, "share:%lld", s->id);
	json_decref(details);
	return rc < 0 ? rc : tell_bank(st, s->id, NOTIFY_SHARED, actor, now, e);
}

enum outcome shares_add(struct store *st, const char *actor, long long connector_id, long long submission_id,
			const char *bank, const char *expires, struct share **out, struct err *e)
{
	if (out)
		*out = NULL;
	char now[CLOCK_TEXT_SIZE], until[CLOCK_TEXT_SIZE];
	time_t t;
	long long owner = 0;
	struct org *b = NULL;
	int rc = clock_now(&t, e) < 0 ? -1 : owned_submission(st, connector_id, submission_id, &owner, e);
	/* The bank is named in what was asked, not in the path: a missing one
	 * is a request that cannot be done as asked. */
	if (rc == 0 && (rc = lookup_bank(st, bank, &b, e)) == OUTCOME_NOT_FOUND)
		rc = OUTCOME_INVALID;
	/* A received bank lives on another server: it gets a package, not a
	 * share here (docs/evidence.md). */
	if (rc == 0 && b->received_at) {
		err_coded(e, NULL, "bank_received", "bank \"{1}\" is on another server: send it a package instead",
			  b->name, NULL);
		rc = OUTCOME_INVALID;
	}
	if (rc == 0 && expires && share_expiry_parse(expires, t, until, e) < 0)
		rc = OUTCOME_INVALID;
	if (rc != 0) {
		org_free(b);
		return rc;
	}
	clock_format(t, now);
	struct share *s = share_new();
	s->submission_id = submission_id;
	s->bank_id = b->id;
	s->bank_name = xstrdup(b->name);
	s->created_by = xstrdup(actor);
	s->created_at = xstrdup(now);
	s->expires_at = expires ? xstrdup(until) : NULL;
	org_free(b);
	/* store_begin() takes the write lock, so no second share slips in
	 * between the check and the insert. */
	rc = store_begin(st, e) < 0 ? -1 : add_locked(st, actor, owner, s, now, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	/* As stored, with the submission's version and the names. */
	if (rc == 0 && out && store_share_get(st, s->id, out, e) != STORE_OK)
		rc = -1;
	share_free(s);
	return rc;
}

enum outcome shares_revoke(struct store *st, const char *actor, long long connector_id, long long submission_id,
			   long long share_id, struct share **out, struct err *e)
{
	if (out)
		*out = NULL;
	char now[CLOCK_TEXT_SIZE];
	struct share *s = NULL;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = store_share_get(st, share_id, &s, e);
	if (rc == STORE_OK && ((connector_id && s->connector_id != connector_id) ||
			       (submission_id && s->submission_id != submission_id)))
		rc = STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no share %lld", share_id);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK && s->revoked_at) {
		char id[24];
		if (snprintf(id, sizeof id, "%lld", share_id) >= (int)sizeof id)
			abort(); /* a long long has at most 20 characters */
		err_coded(e, NULL, "already_revoked", "share {1} is already revoked", id, NULL);
		rc = OUTCOME_CONFLICT;
	} else if (rc == STORE_OK) {
		json_t *details = json_pack("{s:s, s:I}", "bank", s->bank_name, "submission", (json_int_t)s->submission_id);
		rc = store_share_revoke(st, share_id, now, e) != STORE_OK ||
				     audit_log(st, actor, s->connector_id, AUDIT_SHARE_REVOKE, details, e, "share:%lld",
					       share_id) < 0 || tell_bank(st, share_id, NOTIFY_REVOKED, actor, now, e) < 0 ||
				     store_commit(st, e) < 0
			     ? -1
			     : 0;
		json_decref(details);
		s->revoked_at = xstrdup(now);
	}
	if (rc != 0)
		store_rollback(st);
	if (rc == 0 && out)
		*out = s;
	else
		share_free(s);
	return rc;
}

int shares_list(struct store *st, long long connector_id, struct share ***out, size_t *n, struct err *e)
{
	return store_share_list(st, connector_id, out, n, e);
}

int shares_inbox(struct store *st, long long bank_id, struct share ***out, size_t *n, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	*out = NULL;
	*n = 0;
	return clock_stamp(now, e) < 0 ? -1 : store_share_inbox(st, bank_id, now, out, n, e);
}

enum outcome shares_bank_access(struct store *st, long long bank_id, long long submission_id, const char *now,
				struct share **out, struct err *e)
{
	struct share *s;
	int rc = store_share_in_force(st, submission_id, bank_id, now, &s, e);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", submission_id);
		return OUTCOME_NOT_FOUND;
	}
	if (rc < 0)
		return -1;
	if (out)
		*out = s;
	else
		share_free(s);
	return 0;
}

enum outcome shares_record_read_of(struct store *st, const struct user *reader, long long bank_id,
				   long long submission_id, enum audit_action action, json_t *what, const char *now,
				   struct share **out, struct err *e)
{
	struct share *s;
	int rc = shares_bank_access(st, bank_id, submission_id, now, &s, e);
	if (rc != 0)
		return rc;
	json_t *details = json_pack("{s:s, s:I}", "bank", s->bank_name, "share", (json_int_t)s->id);
	if (what)
		json_object_update(details, what);
	rc = store_share_access_add(st, s->id, reader->id, now, e) < 0 ||
			     audit_log(st, reader->email, s->connector_id, action, details, e, "submission:%lld",
				       submission_id) < 0
		     ? -1
		     : 0;
	json_decref(details);
	if (rc == 0 && out)
		*out = s;
	else
		share_free(s);
	return rc;
}

enum outcome shares_record_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
				enum audit_action action, const char *now, struct share **out, struct err *e)
{
	return shares_record_read_of(st, reader, bank_id, submission_id, action, NULL, now, out, e);
}

enum outcome shares_note_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
			      enum audit_action action, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = shares_record_read(st, reader, bank_id, submission_id, action, now, NULL, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	return rc;
}

enum outcome shares_read(struct store *st, const struct user *reader, long long bank_id, long long submission_id,
			 struct submission_record **rec, struct submission **doc, bool *valid, struct err *e)
{
	*rec = NULL;
	*doc = NULL;
	*valid = false;
	int rc = shares_note_read(st, reader, bank_id, submission_id, AUDIT_SUBMISSION_READ, e);
	if (rc != 0)
		return rc;
	if (submissions_load(st, submission_id, rec, doc, e) != 0)
		return -1;
	struct err why = { 0 };
	*valid = submissions_check(st, *rec, *doc, &why);
	return 0;
}

json_t *shares_json(const struct share *s, const char *now)
{
	json_t *accesses = json_array();
	for (size_t i = 0; i < s->n_accesses; i++)
		json_array_append_new(accesses,
				      json_pack("{s:s, s:s}", "user", s->accesses[i].user, "at", s->accesses[i].at));
	return json_pack("{s:I, s:I, s:i, s:s, s:s, s:s, s:o, s:o, s:b, s:o}", "id", (json_int_t)s->id, "submission",
			 (json_int_t)s->submission_id, "version", s->version, "bank", s->bank_name, "created_by",
			 s->created_by, "created_at", s->created_at, "expires_at",
			 s->expires_at ? json_string(s->expires_at) : json_null(), "revoked_at",
			 s->revoked_at ? json_string(s->revoked_at) : json_null(), "in_force", share_in_force(s, now),
			 "accesses", accesses);
}

json_t *shares_inbox_json(const struct share *s)
{
	return json_pack("{s:I, s:I, s:s, s:i, s:s, s:s, s:o}", "share", (json_int_t)s->id, "submission",
			 (json_int_t)s->submission_id, "connector", s->connector_name, "version", s->version, "sha256",
			 s->sha256, "shared_at", s->created_at, "expires_at",
			 s->expires_at ? json_string(s->expires_at) : json_null());
}
