#include "service/reviews.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/review_decision.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/cycles.h"
#include "service/lookup.h"
#include "service/notify.h"
#include "service/review_files.h"
#include "service/shares.h"
#include "service/submissions.h"
#include "store/store_org.h"
#include "store/store_review.h"
#include "store/store_review_file.h"
#include "store/store_submission.h"

enum outcome reviews_decided(const struct review *r, struct err *e)
{
	review_decided_err(r, e);
	return OUTCOME_CONFLICT;
}

/* Inside the transaction: a new review of rec by bank_id, the earlier
 * review's verdicts carried, stored with its event. */
static int open_new(struct store *st, const char *actor, long long bank_id, const struct submission_record *rec,
		    const struct submission *doc, const char *now, struct err *e)
{
	struct catalog *cat = NULL;
	struct review *old = NULL;
	struct submission_record *orec = NULL;
	struct submission *odoc = NULL;
	struct review *r = review_new();
	size_t carried = 0;
	int rc = lookup_catalog(st, rec->catalog_id, &cat, e);
	if (rc == 0) {
		r->submission_id = rec->id;
		r->bank_id = bank_id;
		r->opened_at = xstrdup(now);
		r->opened_by = xstrdup(actor);
		review_init_items(r, cat);
		rc = store_review_previous(st, bank_id, rec->org_id, rec->catalog_id, rec->version, &old, e);
	}
	if (rc == STORE_OK && old) {
		rc = submissions_load(st, old->submission_id, &orec, &odoc, e) != 0 ? -1 : 0;
		if (rc == 0)
			carried = review_carry(r, doc->answers, old, odoc->answers);
	} else if (rc == STORE_NOT_FOUND) {
		rc = 0;
	}
	if (rc == 0)
		rc = store_review_add(st, r, e);
	if (rc == 0) {
		json_t *details = json_pack("{s:I, s:o, s:s, s:I}", "carried", (json_int_t)carried, "carried_from",
					    old ? json_integer(old->submission_id) : json_null(), "connector",
					    rec->org_name, "submission", (json_int_t)rec->id);
		rc = audit_log(st, actor, bank_id, AUDIT_REVIEW_OPEN, details, e, "review:%lld", r->id);
		json_decref(details);
	}
	submission_free(odoc);
	submission_record_free(orec);
	review_free(old);
	review_free(r);
	catalog_free(cat);
	return rc;
}

/* Inside the transaction: the bank's review of submission_id through a
 * share in force, opened first if need be. */
static int bank_review(struct store *st, const char *actor, long long bank_id, long long submission_id,
		       const char *now, struct review **out, struct err *e)
{
	*out = NULL;
	int rc = shares_bank_access(st, bank_id, submission_id, now, NULL, e);
	if (rc != 0)
		return rc;
	rc = store_review_get(st, submission_id, bank_id, out, e);
	if (rc != STORE_NOT_FOUND)
		return rc < 0 ? -1 : 0;
	struct submission_record *rec = NULL;
	struct submission *doc = NULL;
	rc = submissions_load(st, submission_id, &rec, &doc, e) != 0 ? -1 : open_new(st, actor, bank_id, rec, doc, now, e);
	submission_free(doc);
	submission_record_free(rec);
	if (rc == 0 && store_review_get(st, submission_id, bank_id, out, e) != STORE_OK)
		rc = -1;
	return rc;
}

/* What each write does once its review is in hand, inside the transaction. */
struct write {
	const char *actor;
	const char *now;
	int no;
	const char *a, *b, *c; /* the write's own arguments */
	const unsigned char *secret;
	const struct reviews_hook *hook; /* reviews_bank_write()'s */
	bool *stale; /* set when a verdict was refused for its revision */
	const char *const *files; /* a message's files, by sha256 */
	size_t n_files;
};
typedef int (*write_fn)(struct store *st, struct review *r, const struct write *w, struct err *e);

/* Runs fn on the bank's review in one transaction; *out the review after. */
static int bank_write(struct store *st, long long bank_id, long long submission_id, write_fn fn, struct write *w,
		      struct review **out, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	*out = NULL;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	w->now = now;
	struct review *r = NULL;
	int rc = bank_review(st, w->actor, bank_id, submission_id, now, &r, e);
	if (rc == 0)
		rc = fn(st, r, w, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	review_free(r);
	if (rc != 0) {
		store_rollback(st);
		return rc;
	}
	return store_review_get(st, submission_id, bank_id, out, e) == STORE_OK ? 0 : -1;
}

/* The item numbered no of r, open for the bank's changes. */
static int open_item(struct review *r, int no, struct review_item **it, struct err *e)
{
	if (r->decision != DECISION_NONE)
		return reviews_decided(r, e);
	/* An approver approves what was drafted: the verdicts under a pending
	 * draft stay as they were until it is approved or rejected. */
	if (review_pending_draft(r)) {
		char id[24];
		if (snprintf(id, sizeof id, "%lld", r->submission_id) >= (int)sizeof id)
			abort(); /* a long long has at most 20 characters */
		err_coded(e, NULL, "awaiting_approval", "review of submission {1} has a decision awaiting approval", id,
			  NULL);
		return OUTCOME_CONFLICT;
	}
	*it = review_find(r, no);
	if (!*it) {
		err_set(e, "%s has no item %d", r->catalog_id, no);
		return OUTCOME_NOT_FOUND;
	}
	return 0;
}

/* Inside the transaction: tells the other side of r of kind on item no
 * (0: the whole review), detail as core/notify.h says. */
static int tell(struct store *st, const struct review *r, enum notify_kind kind, int no, const char *detail,
		const struct write *w, struct err *e)
{
	bool to_bank = kind == NOTIFY_REPLY;
	struct notification n = { .kind = kind, .submission_id = r->submission_id, .no = no,
				  .bank = r->bank_name, .connector = r->connector_name,
				  .detail = (char *)(detail ? detail : ""), .actor = (char *)w->actor,
				  .created_at = (char *)w->now };
	return notify_event(st, to_bank ? r->bank_id : r->connector_id,
			    to_bank ? NOTIFY_BANK_REVIEWERS : NOTIFY_CONNECTOR_EDITORS, &n, e);
}

enum outcome reviews_open(struct store *st, const char *actor, long long bank_id, long long submission_id,
			  struct review **out, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	*out = NULL;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return -1;
	int rc = bank_review(st, actor, bank_id, submission_id, now, out, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0) {
		store_rollback(st);
		review_free(*out);
		*out = NULL;
	}
	return rc;
}

/* Inside the transaction: the message text by w->actor of org_id on item
 * it of r, given with verdict v (VERDICT_PENDING: a plain message). */
static int add_message(struct store *st, struct review *r, struct review_item *it, long long org_id,
		       const struct write *w, const char *text, enum review_verdict v, struct err *e)
{
	json_t *details = json_pack("{s:s, s:i, s:I}", "bank", r->bank_name, "no", it->no, "submission",
				    (json_int_t)r->submission_id);
	char **names = NULL;
	int rc = store_review_message_add(st, r->id, it->item_key, org_id, w->actor, w->now, text, v, e) < 0 ? -1 : 0;
	if (rc == 0 && w->n_files) {
		/* The files are the poster's uploads to this submission's threads. */
		rc = review_files_names(st, r->submission_id, org_id, w->files, w->n_files, &names, e);
		if (rc == 0)
			rc = store_review_message_files(st, r->id, w->files, (const char *const *)names, w->n_files, e);
		json_t *files = json_array();
		for (size_t i = 0; i < w->n_files; i++)
			json_array_append_new(files, json_string(w->files[i]));
		json_object_set_new(details, "files", files);
	}
	if (rc == 0 && audit_log(st, w->actor, org_id, AUDIT_REVIEW_MESSAGE, details, e, "review:%lld", r->id) < 0)
		rc = -1;
	review_files_names_free(names, w->n_files);
	json_decref(details);
	return rc;
}

/* Whether text holds more than white space. */
static bool has_text(const char *text)
{
	return text && text[strspn(text, " \t\r\n")] != '\0';
}

/* The verdict w->a with its text w->b, refused when the item is no longer
 * at revision w->c (if given); the text, if any, goes into the thread as a
 * message given with the verdict, in the same transaction. */
static int do_verdict(struct store *st, struct review *r, const struct write *w, struct err *e)
{
	struct review_item *it;
	enum review_verdict v;
	int rc = open_item(r, w->no, &it, e);
	if (rc != 0)
		return rc;
	if (review_verdict_parse(w->a, &v) < 0) {
		err_set(e, "bad verdict \"%s\" (want accepted, query, improvement or not_applicable)", w->a);
		return OUTCOME_INVALID;
	}
	if (review_verdict_check(it, v, w->b, e) < 0)
		return OUTCOME_INVALID;
	if (w->n_files && !has_text(w->b)) {
		err_coded(e, NULL, "review_files_need_text", "files go with the verdict's text: write one", NULL);
		return OUTCOME_INVALID;
	}
	char rev[REVIEW_REVISION_LEN + 1];
	review_item_revision(it, rev);
	if (w->c && strcmp(w->c, rev) != 0) {
		*w->stale = true;
		err_set(e, "item %d changed since revision %s: it is now %s", it->no, w->c, rev);
		return OUTCOME_CONFLICT;
	}
	/* A query or improvement newly raised, or reworded, is news to the
	 * connector; saving it again unchanged is not. */
	bool raised = (v == VERDICT_QUERY || v == VERDICT_IMPROVEMENT) &&
		      (it->verdict != v || strcmp(it->comment ? it->comment : "", w->b ? w->b : "") != 0);
	it->verdict = v;
	free(it->comment);
	it->comment = xstrdup(has_text(w->b) ? w->b : "");
	free(it->verdict_at);
	it->verdict_at = xstrdup(w->now);
	json_t *details = json_pack("{s:i, s:I, s:s}", "no", it->no, "submission", (json_int_t)r->submission_id,
				    "verdict", review_verdict_name(v));
	rc = store_review_verdict(st, r->id, it, e) < 0 ||
			     audit_log(st, w->actor, r->bank_id, AUDIT_REVIEW_VERDICT, details, e, "review:%lld", r->id) < 0
		     ? -1
		     : 0;
	json_decref(details);
	if (rc == 0 && has_text(w->b))
		rc = add_message(st, r, it, r->bank_id, w, w->b, v, e);
	if (rc == 0 && raised)
		rc = tell(st, r, v == VERDICT_QUERY ? NOTIFY_QUERY : NOTIFY_IMPROVEMENT, it->no, NULL, w, e);
	return rc;
}

enum outcome reviews_verdict(struct store *st, const char *actor, long long bank_id, long long submission_id, int no,
			     const char *verdict, const char *text, const char *revision, struct review **out,
			     struct err *e)
{
	return reviews_verdict_files(st, actor, bank_id, submission_id, no, verdict, text, revision, NULL, 0, out, e);
}

enum outcome reviews_verdict_files(struct store *st, const char *actor, long long bank_id, long long submission_id,
				   int no, const char *verdict, const char *text, const char *revision,
				   const char *const *files, size_t n_files, struct review **out, struct err *e)
{
	bool stale = false;
	struct write w = { .actor = actor, .no = no, .a = verdict, .b = text, .c = revision, .stale = &stale,
			   .files = files, .n_files = n_files };
	int rc = bank_write(st, bank_id, submission_id, do_verdict, &w, out, e);
	/* A verdict refused for its revision hands back the review as it now
	 * is, for the caller to show beside what was sent. */
	if (stale && store_review_get(st, submission_id, bank_id, out, e) != STORE_OK)
		rc = -1;
	return rc;
}

static int do_bank_answer(struct store *st, struct review *r, const struct write *w, struct err *e)
{
	struct review_item *it;
	int rc = open_item(r, w->no, &it, e);
	if (rc != 0)
		return rc;
	if (it->party == PARTY_CONNECTOR) {
		err_set(e, "item %d is the connector's to answer", it->no);
		return OUTCOME_INVALID;
	}
	const char *values[] = { w->a, w->b, w->c };
	const enum answer_field fields[] = { FIELD_STATUS, FIELD_CURRENT, FIELD_NOTES };
	json_t *names = json_array();
	for (size_t i = 0; i < 3; i++) {
		if (!values[i])
			continue;
		if (answer_set_field(&it->bank_answer, fields[i], values[i], e) < 0) {
			err_prefix(e, "item %d", it->no);
			json_decref(names);
			return OUTCOME_INVALID;
		}
		json_array_append_new(names, json_string(answer_field_name(fields[i])));
	}
	if (json_array_size(names) == 0) {
		err_coded(e, NULL, "nothing_to_set", "nothing to set (give any of status, current, notes)", NULL);
		json_decref(names);
		return OUTCOME_INVALID;
	}
	it->has_bank_answer = true;
	json_t *details = json_pack("{s:o, s:i, s:I}", "fields", names, "no", it->no, "submission",
				    (json_int_t)r->submission_id);
	rc = store_review_bank_answer(st, r->id, it, e) < 0 ||
			     audit_log(st, w->actor, r->bank_id, AUDIT_REVIEW_BANK_ANSWER, details, e, "review:%lld",
				       r->id) < 0
		     ? -1
		     : 0;
	json_decref(details);
	return rc;
}

enum outcome reviews_bank_answer(struct store *st, const char *actor, long long bank_id, long long submission_id,
				 int no, const char *status, const char *current, const char *notes,
				 struct review **out, struct err *e)
{
	struct write w = { .actor = actor, .no = no, .a = status, .b = current, .c = notes };
	return bank_write(st, bank_id, submission_id, do_bank_answer, &w, out, e);
}

/* Inside the transaction: the plain message w->a by w->actor of org_id on r. */
static int post_message(struct store *st, struct review *r, long long org_id, const struct write *w, struct err *e)
{
	struct review_item *it = review_find(r, w->no);
	if (!it) {
		err_set(e, "%s has no item %d", r->catalog_id, w->no);
		return OUTCOME_NOT_FOUND;
	}
	if (review_text_check("the message", w->a, e) < 0)
		return OUTCOME_INVALID;
	int rc = add_message(st, r, it, org_id, w, w->a, VERDICT_PENDING, e);
	if (rc == 0)
		rc = tell(st, r, org_id == r->bank_id ? NOTIFY_BANK_MESSAGE : NOTIFY_REPLY, it->no, NULL, w, e);
	return rc;
}

static int bank_message(struct store *st, struct review *r, const struct write *w, struct err *e)
{
	return post_message(st, r, r->bank_id, w, e);
}

enum outcome reviews_message(struct store *st, const char *actor, const struct org *org, long long submission_id,
			     const char *bank, int no, const char *text, struct review **out, struct err *e)
{
	return reviews_message_files(st, actor, org, submission_id, bank, no, text, NULL, 0, out, e);
}

enum outcome reviews_message_files(struct store *st, const char *actor, const struct org *org,
				   long long submission_id, const char *bank, int no, const char *text,
				   const char *const *files, size_t n_files, struct review **out, struct err *e)
{
	struct write w = { .actor = actor, .no = no, .a = text, .files = files, .n_files = n_files };
	if (org->kind == ORG_BANK)
		return bank_write(st, org->id, submission_id, bank_message, &w, out, e);
	char now[CLOCK_TEXT_SIZE];
	struct review *r = NULL;
	*out = NULL;
	int rc = clock_stamp(now, e) < 0 ? -1 : reviews_get(st, org->id, submission_id, bank, &r, e);
	w.now = now;
	if (rc == 0)
		rc = store_begin(st, e) < 0 ? -1 : post_message(st, r, org->id, &w, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	else if (store_review_get(st, submission_id, r->bank_id, out, e) != STORE_OK)
		rc = -1;
	review_free(r);
	return rc;
}

/* The decision document of r, hashed and signed with the bank's key. */
static int sign_decision(struct store *st, struct review *r, const unsigned char *secret, struct err *e)
{
	struct org *bank = NULL;
	struct submission_record *rec = NULL;
	struct strbuf doc = STRBUF_INIT;
	unsigned char sk[KEYS_PRIVATE_BYTES], sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	int rc = store_org_get_id(st, r->bank_id, &bank, e) != STORE_OK ||
				 store_submission_get(st, r->submission_id, &rec, e) != STORE_OK ||
				 review_decision_canonical(r, bank->public_key, rec->sha256, &doc, e) < 0 ||
				 submissions_signing_key(st, secret, bank, sk, e) < 0
			 ? -1
			 : 0;
	if (rc == 0) {
		hash_sha256_hex(doc.buf, doc.len, sha);
		keys_sign(sk, doc.buf, doc.len, sig);
		keys_hex(sig, sizeof sig, sig_hex);
		r->decision_document = strbuf_detach(&doc);
		r->decision_sha256 = xstrdup(sha);
		r->decision_signature = xstrdup(sig_hex);
	}
	sodium_memzero(sk, sizeof sk);
	strbuf_release(&doc);
	submission_record_free(rec);
	org_free(bank);
	return rc;
}

int reviews_record_decision(struct store *st, struct review *r, const unsigned char *secret, const char *actor,
			    const char *now, struct err *e)
{
	int rc;
	r->decided_at = xstrdup(now);
	r->decided_by = xstrdup(actor);
	if (sign_decision(st, r, secret, e) < 0 || (rc = store_review_decide(st, r, e)) < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) { /* decided since it was read: cannot happen under the write lock */
		return reviews_decided(r, e);
	}
	json_t *details = json_pack("{s:s, s:s, s:I}", "decision", review_decision_name(r->decision), "sha256",
				    r->decision_sha256, "submission", (json_int_t)r->submission_id);
	rc = audit_log(st, actor, r->bank_id, AUDIT_REVIEW_DECISION, details, e, "review:%lld", r->id);
	json_decref(details);
	if (rc == 0)
		rc = tell(st, r, NOTIFY_DECISION, 0, review_decision_name(r->decision), &(struct write){ .actor = actor, .now = now },
			  e);
	if (rc < 0)
		return rc;
	/* The decision is the assessment the re-assessment cycle counts from:
	 * in the same transaction, so a cycle never runs from an undone one. */
	char day[11];
	memcpy(day, now, 10);
	day[10] = '\0';
	return cycles_assessed(st, r->bank_id, r->connector_id, day, e) < 0 ? -1 : 0;
}

/* What reviews_bank_write() runs, through struct write. */
static int do_hook(struct store *st, struct review *r, const struct write *w, struct err *e)
{
	return w->hook->fn(st, r, w->actor, w->now, w->hook->arg, e);
}

enum outcome reviews_bank_write(struct store *st, const char *actor, long long bank_id, long long submission_id,
				const struct reviews_hook *hook, struct review **out, struct err *e)
{
	struct write w = { .actor = actor, .hook = hook };
	return bank_write(st, bank_id, submission_id, do_hook, &w, out, e);
}

enum outcome reviews_get(struct store *st, long long connector_id, long long submission_id, const char *bank,
			 struct review **out, struct err *e)
{
	*out = NULL;
	struct submission_record *rec = NULL;
	struct org *b = NULL;
	int rc = store_submission_get(st, submission_id, &rec, e);
	if (rc == STORE_OK && connector_id && rec->org_id != connector_id)
		rc = STORE_NOT_FOUND;
	submission_record_free(rec);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", submission_id);
		return OUTCOME_NOT_FOUND;
	}
	if (rc < 0)
		return -1;
	/* One answer whether the bank is missing, no bank, or has no review:
	 * the connector learns no other organisation's name from it. */
	rc = store_org_get(st, bank, &b, e);
	if (rc == STORE_OK && b->kind == ORG_BANK)
		rc = store_review_get(st, submission_id, b->id, out, e);
	else if (rc == STORE_OK)
		rc = STORE_NOT_FOUND;
	org_free(b);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no review of submission %lld by %s", submission_id, bank);
		return OUTCOME_NOT_FOUND;
	}
	return rc < 0 ? -1 : 0;
}

enum outcome reviews_bank_own(struct store *st, long long bank_id, long long submission_id, struct review **out,
		     struct err *e)
{
	*out = NULL;
	int rc = store_review_get(st, submission_id, bank_id, out, e);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no submission %lld", submission_id);
		return OUTCOME_NOT_FOUND;
	}
	return rc < 0 ? -1 : 0;
}
