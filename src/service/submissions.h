/*
 * submissions: a connector's answers frozen into signed submissions, and
 * loading them back with their signature re-checked — for the command line
 * and the server alike. Layer: service (service/auth.h).
 *
 * Submitting (submissions_submit): the answer set must pass
 * answer_set_check(); then, in one transaction, the next version is taken,
 * the organisation's current attachments are sealed into it (each with the
 * items the submission answers; service/attachments.h), the canonical
 * document (formats/submission_json.h) is built with it,
 * hashed and signed with the organisation's Ed25519 key (unsealed with the
 * server secret), stored, and the audit event submission_create appended —
 * all of it or nothing. The version is part of what is signed, which is
 * why it is taken under the same lock.
 *
 * Return values: 0, OUTCOME_NOT_FOUND / OUTCOME_INCOMPLETE where
 * said, or -1 with e set to one line for people.
 */
#ifndef SHINSA_SERVICE_SUBMISSIONS_H
#define SHINSA_SERVICE_SUBMISSIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/submission.h"
#include "lib/err.h"
#include "lib/keys.h"
#include "lib/strbuf.h"
#include "service/outcome.h"
#include "store/store.h"

/* A connector, its checklist and its working answers; all yours. */
struct connector_answers {
	struct org *org;
	struct catalog *cat;
	struct answer_set *set;
};

/*
 * Adds org's current attachments to s as the next version would seal them
 * (each on the items s answers, sorted): inside the caller's transaction
 * at submit; alone, the working side of a diff (service/submission_view.h).
 */
int submissions_seal_files(struct store *st, const struct org *org, struct submission *s, struct err *e);

/*
 * Loads organisation name, which must be a connector ("NAME is a bank:
 * answer sets belong to connectors"), the checklist (catalog id, or the
 * only one: lookup_checklist()) and its working answers into c. Release c
 * with submissions_connector_release() whether this fails or not.
 */
int submissions_connector_load(struct store *st, const char *name, const char *catalog, struct connector_answers *c,
			       struct err *e);
void submissions_connector_release(struct connector_answers *c);

/* A submission id as typed or in a path: a positive decimal integer up to
 * 10^9, without sign, space or leading zero. 0 or -1. */
int submissions_parse_id(const char *text, long long *id);

/*
 * Submits c's answers, signed with the key of c->org opened with secret,
 * by actor (the audit trail's). On success *out is the stored record
 * (yours). When answer_set_check() finds problems nothing is stored: the
 * problem lines are appended to problems, *n_problems is their number and
 * the return is OUTCOME_INCOMPLETE.
 */
enum outcome submissions_submit(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const char *actor,
				const struct connector_answers *c, struct submission_record **out,
				struct strbuf *problems, size_t *n_problems, struct err *e);

/*
 * Loads submission id: the record and, decoded from its document, the
 * submission (both yours). OUTCOME_NOT_FOUND with e "no submission N".
 */
enum outcome submissions_load(struct store *st, long long id, struct submission_record **rec, struct submission **doc,
			      struct err *e);

/*
 * Re-checks a stored record, doc being its decoded document: the
 * document's SHA-256, that the record's unsigned columns (version, time,
 * checklist) say what the document says, and the signature against the
 * organisation's stored public key, which must be the one in the document.
 * True if all hold; otherwise why is one line in e.
 */
bool submissions_check(struct store *st, const struct submission_record *rec, const struct submission *doc,
		       struct err *e);

/* The private signing key of org, unsealed with the server secret; also
 * what a bank signs its review decisions with (service/reviews.h). Wipe
 * sk after use. "NAME has no signing key", keys_open()'s messages. */
int submissions_signing_key(struct store *st, const unsigned char secret[KEYS_SECRET_BYTES], const struct org *org,
			    unsigned char sk[KEYS_PRIVATE_BYTES], struct err *e);

/* submissions_load() and then submissions_check(): a record that does not
 * verify is an error ("submission 3 does not verify: …", -1). */
enum outcome submissions_load_valid(struct store *st, long long id, struct submission_record **rec,
				    struct submission **doc, struct err *e);

/*
 * The bytes (*data yours, free()) of the file sha256 that doc lists,
 * whoever holds it now (a removed attachment's bytes are kept for the
 * submissions that sealed them). OUTCOME_NOT_FOUND "no file SHA256"
 * (code attachment_no_file) when doc does not list it; OUTCOME_FAILED.
 */
enum outcome submissions_file(struct store *st, const struct submission *doc, const char *sha256, void **data,
			      size_t *len, struct err *e);

/* The package (formats/package.h) of rec, loaded and checked by
 * submissions_load_valid() with doc its document: the export file and the
 * bytes of every file it lists, appended to zip. 0, or -1 with e set. */
int submissions_package(struct store *st, const struct submission_record *rec, const struct submission *doc,
			struct strbuf *zip, struct err *e);

/*
 * Writes rec, loaded and checked by submissions_load_valid() with doc its
 * document, as the export file (formats/submission_json.h) to path — or,
 * when path ends in .zip, as its package (submissions_package()) — with
 * the submission_export event on "submission:ID" to its organisation's
 * trail by actor, details {file, version, sha256}: committed only once the
 * file is written (service/export.h). 0, or -1 with e set.
 */
int submissions_export(struct store *st, const char *actor, const struct submission_record *rec,
		       const struct submission *doc, const char *path, struct err *e);

/* org_id's submissions, newest first, as store_submission_list() gives
 * them (the array and records are yours). 0, or -1 with e set. */
int submissions_list(struct store *st, long long org_id, struct submission_record ***out, size_t *n, struct err *e);

#endif
