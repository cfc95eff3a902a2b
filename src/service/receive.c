#include "service/receive.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "formats/canon_json.h"
#include "formats/package.h"
#include "formats/review_decision.h"
#include "formats/sniff.h"
#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/attachments.h"
#include "service/audit_log.h"
#include "service/lookup.h"
#include "store/store_catalog.h"
#include "store/store_org.h"
#include "store/store_received.h"
#include "store/store_share.h"
#include "store/store_submission.h"

/*
 * The organisation that signed, as this server knows it: found by name
 * (kind must be kind) and its pinned key the one that signed, or, on
 * first receipt, made now with that key pinned (and its org_add event, in
 * the trail of trail_org: the organisation here that receives, whose
 * people read it; the one received has none). 0 with *out yours; an outcome with e coded; inside the caller's
 * transaction.
 */
static int signer_org(struct store *st, const char *actor, long long trail_org, const char *file, enum org_kind kind,
		      const char *name, const char *reg_no, const char *key, struct org **out, bool *created,
		      struct err *e)
{
	*out = NULL;
	*created = false;
	struct org *o = NULL;
	int rc = store_org_get(st, name, &o, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) {
		o = org_new();
		o->kind = kind;
		o->name = xstrdup(name);
		o->reg_no = reg_no ? xstrdup(reg_no) : NULL;
		o->public_key = xstrdup(key);
		json_t *details = json_pack("{s:s, s:s, s:s?, s:s, s:b}", "kind", org_kind_name(kind), "name", name,
					    "reg_no", reg_no, "public_key", key, "received", 1);
		rc = store_org_add_received(st, o, e) < 0 ||
				     audit_log(st, actor, trail_org, AUDIT_ORG_ADD, details, e, "org:%lld", o->id) < 0
			     ? -1
			     : 0;
		json_decref(details);
		if (rc < 0) {
			org_free(o);
			return -1;
		}
		*created = true;
		*out = o;
		return 0;
	}
	if (o->kind != kind) {
		if (kind == ORG_CONNECTOR)
			err_coded(e, file, "name_is_bank",
				  "{1} is a bank on this server, so a package it signed is not received", name, NULL);
		else
			err_coded(e, file, "name_is_connector",
				  "{1} is a connector on this server, so a decision it signed is not received", name,
				  NULL);
		org_free(o);
		return OUTCOME_CONFLICT;
	}
	/* This server's own organisation shares here, under its own consent:
	 * a copy of its file is no consent and no news. */
	if (!o->received_at) {
		err_coded(e, file, "name_is_local",
			  "{1} is an organisation of this server: what it signs is shared here, not received", name,
			  NULL);
		org_free(o);
		return OUTCOME_CONFLICT;
	}
	if (strcmp(o->public_key, key) != 0) {
		char signed_fp[KEYS_FINGERPRINT_SIZE], pinned_fp[KEYS_FINGERPRINT_SIZE];
		keys_fingerprint(key, signed_fp);
		keys_fingerprint(o->public_key, pinned_fp);
		err_coded(e, file, "key_not_pinned",
			  "signed by key {2}, but the key pinned for {1} is {3}: if {1} has a new key, compare it with "
			  "what {1} published, then run shinsa org pin",
			  name, signed_fp, pinned_fp, NULL);
		org_free(o);
		return OUTCOME_CONFLICT;
	}
	*out = o;
	return 0;
}

/* The canonical document and the signature inside a sealed file's bytes
 * (already verified by the reader): what the store keeps. */
static int sealed_parts(const char *buf, size_t len, char **document, char **signature, struct err *e)
{
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, NULL);
	const char *sig = json_string_value(json_object_get(root, "signature"));
	struct strbuf sb;
	strbuf_init(&sb);
	int rc = sig && canon_json_dump(json_object_get(root, "document"), &sb, e) == 0 ? 0 : -1;
	if (rc == 0) {
		*document = strbuf_detach(&sb);
		*signature = xstrdup(sig);
	} else {
		strbuf_release(&sb);
		if (!err_isset(e))
			err_set(e, "the verified file has no document");
	}
	json_decref(root);
	return rc;
}

/* The checklist the document was made against must be here, the same. */
static int same_checklist(struct store *st, const char *file, const struct submission *doc, struct err *e)
{
	struct catalog *cat = NULL;
	int rc = store_catalog_get(st, doc->catalog_id, &cat, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND || strcmp(cat->sha256, doc->catalog_sha256) != 0) {
		err_coded(e, file, "no_checklist",
			  "the checklist {1} it answers is not on this server as it was signed (sha256 {2})",
			  doc->catalog_id, doc->catalog_sha256, NULL);
		rc = OUTCOME_CONFLICT;
	}
	catalog_free(cat);
	return rc;
}

/* The submission, stored or found; its files; the share; the event. */
static int store_received(struct store *st, const char *actor, const char *file, const struct org *bank,
			  const struct org *conn, const struct package *p, struct receive_result *out, struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	struct submission_record *rec = NULL;
	struct share *s = NULL;
	if (clock_stamp(now, e) < 0)
		return -1;
	int rc = store_submission_by_version(st, conn->id, p->doc->catalog_id, p->doc->version, &rec, e);
	if (rc == STORE_OK && strcmp(rec->sha256, p->sha256) != 0) {
		char v[16];
		snprintf(v, sizeof v, "%d", p->doc->version);
		err_coded(e, file, "version_taken",
			  "version {1} of {2} here is another document (sha256 {3}), so this one is not received", v,
			  conn->name, rec->sha256, NULL);
		rc = OUTCOME_CONFLICT;
	} else if (rc == STORE_OK) {
		rc = store_share_in_force(st, rec->id, bank->id, now, &s, e);
		if (rc == STORE_OK) {
			char id[24];
			snprintf(id, sizeof id, "%lld", rec->id);
			err_coded(e, file, "already_received", "already received for {1}: submission {2}", bank->name,
				  id, NULL);
			rc = OUTCOME_CONFLICT;
		} else if (rc == STORE_NOT_FOUND) {
			rc = 0;
		}
	} else if (rc == STORE_NOT_FOUND) {
		rec = submission_record_new();
		rec->org_id = conn->id;
		rec->catalog_id = xstrdup(p->doc->catalog_id);
		rec->version = p->doc->version;
		rec->submitted_at = xstrdup(p->doc->submitted_at);
		rec->sha256 = xstrdup(p->sha256);
		rc = sealed_parts(p->submission, p->submission_len, &rec->document, &rec->signature, e) < 0 ||
				     store_submission_add(st, rec, e) < 0
			     ? -1
			     : 0;
	}
	for (size_t i = 0; rc == 0 && i < p->doc->n_attachments; i++) {
		const struct submission_attachment *a = &p->doc->attachments[i];
		char sha[65];
		if (attachments_store_blob(st, p->data[i], (size_t)a->size, sniff_content(p->data[i], (size_t)a->size),
					   sha, e) < 0)
			rc = -1;
	}
	if (rc == 0) {
		s = share_new();
		s->submission_id = rec->id;
		s->bank_id = bank->id;
		s->created_by = xstrdup(actor);
		s->created_at = xstrdup(now);
		json_t *details = json_pack("{s:s, s:s, s:s, s:i, s:s, s:s, s:I, s:I}", "file", file, "bank", bank->name,
					    "connector", conn->name, "version", p->doc->version, "sha256", p->sha256,
					    "fingerprint", out->fingerprint, "files", (json_int_t)p->doc->n_attachments,
					    "share", (json_int_t)0);
		rc = store_share_add(st, s, e) < 0 ? -1 : 0;
		if (rc == 0)
			json_object_set_new(details, "share", json_integer(s->id));
		if (rc == 0 && audit_log(st, actor, bank->id, AUDIT_SUBMISSION_RECEIVE, details, e, "submission:%lld",
					 rec->id) < 0)
			rc = -1;
		json_decref(details);
	}
	if (rc == 0) {
		out->submission_id = rec->id;
		out->version = rec->version;
		out->n_files = p->doc->n_attachments;
		snprintf(out->sha256, sizeof out->sha256, "%s", p->sha256);
	}
	share_free(s);
	submission_record_free(rec);
	return rc;
}

enum outcome receive_package(struct store *st, const char *actor, const char *bank, const char *file, const char *buf,
			     size_t len, struct receive_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (!package_looks_like_zip(buf, len)) {
		err_coded(e, file, "not_a_package",
			  "not a package: that is the zip shinsa submission export writes (FILE.zip)", NULL);
		return OUTCOME_INVALID;
	}
	struct package *p = NULL;
	enum package_fail fail;
	if (package_read(buf, len, &p, &fail, e) < 0) {
		char why[sizeof e->msg];
		snprintf(why, sizeof why, "%s", e->msg);
		err_coded(e, file, "package_failed", "not verified: {1}", why, NULL);
		return OUTCOME_INVALID;
	}
	struct org *b = NULL, *conn = NULL;
	bool created = false;
	int rc = lookup_bank(st, bank, &b, e);
	if (rc == 0 && store_begin(st, e) < 0)
		rc = -1;
	else if (rc == 0 && (rc = same_checklist(st, file, p->doc, e)) == 0)
		rc = signer_org(st, actor, b->id, file, ORG_CONNECTOR, p->doc->org_name, p->doc->org_reg_no,
				p->doc->org_public_key, &conn, &created, e);
	if (rc == 0) {
		keys_fingerprint(p->doc->org_public_key, out->fingerprint);
		rc = store_received(st, actor, file, b, conn, p, out, e);
	}
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0 && b)
		store_rollback(st);
	if (rc == 0) {
		out->org_id = conn->id;
		out->org_created = created;
		snprintf(out->org_name, sizeof out->org_name, "%s", conn->name);
	}
	org_free(conn);
	org_free(b);
	package_free(p);
	return rc;
}

/* Records d's file for submission rec (in a transaction). */
static int record_decision(struct store *st, const char *actor, const char *file, const char *buf, size_t len,
			   const struct review_decision_doc *d, const char *sha, const struct submission_record *rec,
			   const struct org *bank, struct err *e)
{
	struct received_decision *got = NULL;
	int rc = store_received_by_sha256(st, sha, &got, e);
	if (rc == STORE_NOT_FOUND)
		rc = store_received_by_pair(st, rec->id, bank->id, &got, e);
	if (rc == STORE_OK) {
		char id[24];
		snprintf(id, sizeof id, "%lld", rec->id);
		err_coded(e, file, "already_received", "already received: the decision of {1} on submission {2}",
			  bank->name, id, NULL);
		received_decision_free(got);
		return OUTCOME_CONFLICT;
	}
	if (rc < 0)
		return -1;
	char now[CLOCK_TEXT_SIZE];
	if (clock_stamp(now, e) < 0)
		return -1;
	struct received_decision r = {
		.submission_id = rec->id, .bank_id = bank->id, .file = xstrndup(buf, len), .sha256 = (char *)sha,
		.decision = (char *)review_decision_name(d->review->decision), .decided_at = d->review->decided_at,
		.received_at = now, .received_by = (char *)actor,
	};
	char fp[KEYS_FINGERPRINT_SIZE];
	keys_fingerprint(bank->public_key, fp);
	json_t *details = json_pack("{s:s, s:s, s:s, s:s, s:s}", "file", file, "bank", bank->name, "decision",
				    r.decision, "sha256", sha, "fingerprint", fp);
	rc = store_received_add(st, &r, e) < 0 ||
			     audit_log(st, actor, rec->org_id, AUDIT_DECISION_RECEIVE, details, e, "submission:%lld",
				       rec->id) < 0
		     ? -1
		     : 0;
	json_decref(details);
	free(r.file);
	return rc;
}

enum outcome receive_decision(struct store *st, const char *actor, const char *file, const char *buf, size_t len,
			      struct receive_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct review_decision_doc *d = NULL;
	char sha[HASH_HEX_LEN + 1];
	if (review_decision_verify(buf, len, &d, sha, e) < 0) {
		char why[sizeof e->msg];
		snprintf(why, sizeof why, "%s", e->msg);
		err_coded(e, file, "decision_failed", "not verified: {1}", why, NULL);
		return OUTCOME_INVALID;
	}
	struct submission_record *rec = NULL;
	struct org *bank = NULL;
	bool created = false;
	int rc = store_begin(st, e) < 0 ? -1 : store_submission_by_sha256(st, d->submission_sha256, &rec, e);
	if (rc == STORE_NOT_FOUND) {
		err_coded(e, file, "no_submission", "no submission here has sha256 {1}", d->submission_sha256, NULL);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == 0 && strcmp(rec->org_name, d->review->connector_name) != 0) {
		err_coded(e, file, "no_submission", "no submission here has sha256 {1}", d->submission_sha256, NULL);
		rc = OUTCOME_NOT_FOUND;
	}
	if (rc == 0)
		rc = signer_org(st, actor, rec->org_id, file, ORG_BANK, d->review->bank_name, NULL, d->bank_public_key, &bank,
				&created, e);
	if (rc == 0)
		rc = record_decision(st, actor, file, buf, len, d, sha, rec, bank, e);
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	if (rc == 0) {
		out->submission_id = rec->id;
		out->org_id = bank->id;
		out->org_created = created;
		out->version = rec->version;
		snprintf(out->org_name, sizeof out->org_name, "%s", bank->name);
		snprintf(out->sha256, sizeof out->sha256, "%s", sha);
		snprintf(out->decision, sizeof out->decision, "%s", review_decision_name(d->review->decision));
		keys_fingerprint(bank->public_key, out->fingerprint);
	}
	org_free(bank);
	submission_record_free(rec);
	review_decision_doc_free(d);
	return rc;
}

/* org_pin in the trail of each organisation here that received from
 * received org_id (store_org_receivers()): their people trust the key;
 * the received organisation's own trail when none has yet. */
static int pin_audit(struct store *st, const char *actor, long long org_id, json_t *details, struct err *e)
{
	long long *ids = NULL;
	size_t n = 0;
	if (store_org_receivers(st, org_id, &ids, &n, e) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < (n ? n : 1); i++)
		rc = audit_log(st, actor, n ? ids[i] : org_id, AUDIT_ORG_PIN, details, e, "org:%lld", org_id) < 0 ? -1 : 0;
	free(ids);
	return rc;
}

enum outcome receive_pin(struct store *st, const char *actor, const char *name, const char *key,
			 char fp_from[KEYS_FINGERPRINT_SIZE], char fp_to[KEYS_FINGERPRINT_SIZE], struct err *e)
{
	fp_from[0] = fp_to[0] = '\0';
	if (keys_fingerprint(key, fp_to) < 0) {
		err_coded(e, NULL, "not_a_key", "--key must be the 64 lowercase hex digits of a public key", NULL);
		return OUTCOME_INVALID;
	}
	struct org *o = NULL;
	if (store_begin(st, e) < 0)
		return -1;
	int rc = store_org_get(st, name, &o, e);
	if (rc == STORE_NOT_FOUND) {
		err_coded(e, NULL, "no_org", "no organisation \"{1}\"", name, NULL);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK && !o->received_at) {
		err_coded(e, NULL, "not_received",
			  "{1} is an organisation of this server: its key is its own, not pinned", name, NULL);
		rc = OUTCOME_INVALID;
	} else if (rc == STORE_OK) {
		keys_fingerprint(o->public_key, fp_from);
		if (strcmp(o->public_key, key) != 0) {
			json_t *details = json_pack("{s:s, s:s, s:s, s:s}", "name", name, "from", fp_from, "to", fp_to,
						    "public_key", key);
			rc = store_org_pin(st, o->id, key, e) < 0 ? -1 : pin_audit(st, actor, o->id, details, e);
			json_decref(details);
		}
	}
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	org_free(o);
	return rc;
}

int receive_decisions(struct store *st, long long submission_id, struct received_decision ***out, size_t *n,
		      struct err *e)
{
	return store_received_list(st, submission_id, out, n, e) < 0 ? -1 : 0;
}

void receive_decisions_free(struct received_decision **d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		received_decision_free(d[i]);
	free(d);
}

json_t *receive_decisions_json(struct received_decision **d, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		char fp[KEYS_FINGERPRINT_SIZE];
		keys_fingerprint(d[i]->bank_public_key, fp);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "bank", d[i]->bank_name,
						     "fingerprint", fp, "decision", d[i]->decision, "decided_at",
						     d[i]->decided_at, "sha256", d[i]->sha256, "received_at",
						     d[i]->received_at));
	}
	return arr;
}
