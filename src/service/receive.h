/*
 * receive: what arrives from another Shinsa server (docs/evidence.md,
 * "Between servers"). Layer: service.
 *
 *   - A package (formats/package.h) received for a bank: the connector
 *     that signed it is created on first receipt (kind connector, no
 *     users, no key of ours, received_at set) with the key it signed with
 *     pinned; the submission stored with its exact signed bytes, its
 *     files as blobs (once by sha256), and a share in force from the
 *     connector to the bank, so the bank reviews it as any shared one.
 *   - A bank's decision file (formats/review_decision.h) received on the
 *     connector's server: recorded beside the submission it names (found
 *     by sha256), the bank created and pinned the same way.
 *   - A pin: the key a received organisation is now trusted to sign with.
 *
 * Everything is checked before anything is written; each call writes in
 * one transaction with its audit events, or nothing. Refusals are coded
 * errors whose place (err.where) is the file's name as given:
 *   not_a_package     "FILE: not a package: ..."                  INVALID
 *   package_failed    "FILE: not verified: <the reader's message>" INVALID
 *   key_not_pinned    "FILE: signed by key FP, but the key pinned for NAME
 *                      is FP: ..."                                 CONFLICT
 *   name_is_bank      "FILE: NAME is a bank on this server, ..."  CONFLICT
 *   (and the converse name_is_connector for a decision)
 *   name_is_local     "FILE: NAME is an organisation of this server: what
 *                      it signs is shared here, not received"      CONFLICT
 *   no_bank           "no bank "NAME"" (--bank not a bank)        NOT_FOUND
 *   no_checklist      the checklist is not here or not the same   CONFLICT
 *   already_received  the same package for the same bank, or the same
 *                     decision, again: refused (nothing would change,
 *                     and a second share or row would say it happened
 *                     twice)                                       CONFLICT
 *   version_taken     another document as that version            CONFLICT
 *   no_submission     a decision on a submission not here         NOT_FOUND
 */
#ifndef SHINSA_SERVICE_RECEIVE_H
#define SHINSA_SERVICE_RECEIVE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "lib/err.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "service/outcome.h"
#include "store/store.h"
#include "store/store_received.h"

/* What a receipt did, for the front end to say. */
struct receive_result {
	long long submission_id;
	long long org_id;        /* the connector (package) or bank (decision) */
	char org_name[256];
	char fingerprint[KEYS_FINGERPRINT_SIZE]; /* of the key it was signed with */
	bool org_created;        /* first receipt: the key was pinned now */
	int version;
	size_t n_files;
	char sha256[HASH_HEX_LEN + 1]; /* the submission's (package) or the decision's */
	char decision[16];       /* a decision's: meets, conditional, does_not_meet */
};

/* Receives the len bytes of a package named file for the bank named bank,
 * by actor. OUTCOME_OK with *out filled. */
enum outcome receive_package(struct store *st, const char *actor, const char *bank, const char *file, const char *buf,
			     size_t len, struct receive_result *out, struct err *e);

/* Receives the len bytes of a decision file named file. */
enum outcome receive_decision(struct store *st, const char *actor, const char *file, const char *buf, size_t len,
			      struct receive_result *out, struct err *e);

/* Pins key (64 hex digits) for the received organisation named name,
 * audited as org_pin {name, from, to} (fingerprints) in the trail of each
 * organisation here that received from it (docs/audit.md). OUTCOME_INVALID for
 * a key that is not 64 lowercase hex digits or an organisation of this
 * server (its key is its own), OUTCOME_NOT_FOUND for no such name; a key
 * already pinned changes nothing and is OK. *fp_from and *fp_to get the
 * fingerprints. */
enum outcome receive_pin(struct store *st, const char *actor, const char *name, const char *key,
			 char fp_from[KEYS_FINGERPRINT_SIZE], char fp_to[KEYS_FINGERPRINT_SIZE], struct err *e);

/* The decisions received on submission_id, oldest first:
 * receive_decisions_free() them. 0, or -1 with e set. */
int receive_decisions(struct store *st, long long submission_id, struct received_decision ***out, size_t *n,
		      struct err *e);
void receive_decisions_free(struct received_decision **d, size_t n);

/* As JSON for the API and --json: [{bank, fingerprint, decision,
 * decided_at, sha256, received_at}] (a new reference). */
json_t *receive_decisions_json(struct received_decision **d, size_t n);

#endif
