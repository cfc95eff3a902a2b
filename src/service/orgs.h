/*
 * orgs: adding and listing organisations (`shinsa org`). Layer: service
 * (service/auth.h).
 */
#ifndef SHINSA_SERVICE_ORGS_H
#define SHINSA_SERVICE_ORGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/org.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * Adds an organisation of kind named name (reg_no may be NULL), both
 * checked already (org_name_check(), org_reg_no_check()), with a new
 * Ed25519 signing key: the private key sealed with the server secret read
 * from secret_path, the public key in the record. The organisation, its
 * sealed key and its org_add event on "org:ID" by actor, details {kind,
 * name, reg_no, public_key}, land in one transaction or not at all. 0 with
 * *out the record as stored (yours), or -1 with e set (the secret, the
 * store: a name already taken).
 */
int orgs_add(struct store *st, const char *secret_path, const char *actor, enum org_kind kind, const char *name,
	     const char *reg_no, struct org **out, struct err *e);

/* Every organisation, as store_org_list() gives them: the array and its
 * records are yours. 0, or -1 with e set. */
int orgs_list(struct store *st, struct org ***out, size_t *n, struct err *e);

/*
 * Sets whether bank org_id requires approval before a decision is signed
 * (service/approvals.h), with the event org_setting on "org:ID" by actor,
 * details {"require_approval": B}, in one transaction; nothing is written
 * when it is already so. OUTCOME_INVALID "NAME is a connector: only a bank
 * decides reviews"; OUTCOME_NOT_FOUND "no organisation with id N"; *out
 * (may be NULL) the organisation after, yours.
 */
enum outcome orgs_set_require_approval(struct store *st, const char *actor, long long org_id, bool on,
				       struct org **out, struct err *e);

#endif
