#include "service/orgs.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>

#include "lib/keys.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_org.h"

int orgs_add(struct store *st, const char *secret_path, const char *actor, enum org_kind kind, const char *name,
	     const char *reg_no, struct org **out, struct err *e)
{
	unsigned char secret[KEYS_SECRET_BYTES], pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
	char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];
	*out = NULL;
	if (keys_secret_load(secret_path, secret, e) < 0)
		return -1;
	keys_generate(pk, sk);
	char *sealed = keys_seal(secret, sk);
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(secret, sizeof secret);
	keys_hex(pk, sizeof pk, pk_hex);
	struct org *org = org_new();
	org->kind = kind;
	org->name = xstrdup(name);
	org->reg_no = reg_no ? xstrdup(reg_no) : NULL;
	org->public_key = xstrdup(pk_hex);
	json_t *details = json_pack("{s:s, s:s, s:s?, s:s}", "kind", org_kind_name(kind), "name", name, "reg_no",
				    reg_no, "public_key", org->public_key);
	int rc = store_begin(st, e) < 0 || store_org_add(st, org, sealed, e) < 0 ||
		 audit_log(st, actor, org->id, AUDIT_ORG_ADD, details, e, "org:%lld", org->id) < 0 ||
		 store_commit(st, e) < 0;
	json_decref(details);
	free(sealed);
	if (rc) {
		store_rollback(st);
		org_free(org);
		return -1;
	}
	*out = org;
	return 0;
}

int orgs_list(struct store *st, struct org ***out, size_t *n, struct err *e)
{
	return store_org_list(st, out, n, e);
}

enum outcome orgs_set_require_approval(struct store *st, const char *actor, long long org_id, bool on,
				       struct org **out, struct err *e)
{
	struct org *org = NULL;
	if (out)
		*out = NULL;
	if (store_begin(st, e) < 0)
		return -1;
	int rc = store_org_get_id(st, org_id, &org, e);
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no organisation with id %lld", org_id);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK && org->kind != ORG_BANK) {
		err_set(e, "%s is a connector: only a bank decides reviews", org->name);
		rc = OUTCOME_INVALID;
	} else if (rc == STORE_OK && org->require_approval != on) {
		json_t *details = json_pack("{s:b}", "require_approval", on);
		rc = store_org_set_require_approval(st, org_id, on, e) < 0 ||
				     audit_log(st, actor, org_id, AUDIT_ORG_SETTING, details, e, "org:%lld", org_id) < 0
			     ? -1
			     : 0;
		json_decref(details);
		org->require_approval = on;
	} else if (rc < 0) {
		rc = -1;
	}
	if (rc == 0 && store_commit(st, e) < 0)
		rc = -1;
	if (rc != 0)
		store_rollback(st);
	if (rc == 0 && out)
		*out = org;
	else
		org_free(org);
	return rc;
}
