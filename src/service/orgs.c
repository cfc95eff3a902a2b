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
