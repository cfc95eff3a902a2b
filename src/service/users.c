#include "service/users.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "service/account.h"
#include "service/audit_log.h"
#include "store/store_session.h"
#include "store/store_user.h"

int users_list(struct store *st, long long org_id, struct user ***out, size_t *n, struct err *e)
{
	return store_user_list(st, org_id, out, n, e) < 0 ? -1 : 0;
}

/* A role by name, or OUTCOME_INVALID saying which there are. */
static int parse_role(const char *name, enum user_role *role, struct err *e)
{
	*role = user_role_parse(name);
	if (!*role) {
		err_set(e, "unknown role \"%s\" (want admin, editor, reviewer, viewer or approver)", name);
		return OUTCOME_INVALID;
	}
	return 0;
}

enum outcome users_add(struct store *st, long long org_id, const char *email, const char *role_name,
		       const struct user_profile *p, const char *actor, char otp[PASSWORD_GENERATED_LEN + 1],
		       struct user **out, struct err *e)
{
	*out = NULL;
	enum user_role role;
	int rc = parse_role(role_name, &role, e);
	if (rc)
		return rc;
	if (p && ((p->name && user_profile_check("name", p->name, e) < 0) ||
		  (p->department && user_profile_check("department", p->department, e) < 0)))
		return OUTCOME_INVALID;
	char *norm = user_email_normalise(email, e);
	if (!norm)
		return OUTCOME_INVALID;
	/* Looked up first so that a taken email is a conflict, not a failure
	 * of the store (the unique index still decides a race: -1 then). */
	struct user *other = NULL;
	rc = store_user_get_by_email(st, norm, &other, e);
	user_free(other);
	if (rc == STORE_OK) {
		err_coded(e, NULL, "user_exists", "a user with email {1} already exists", norm, NULL);
		rc = OUTCOME_CONFLICT;
	} else if (rc == STORE_NOT_FOUND) {
		rc = account_user_add_named(st, org_id, norm, role, p, NULL, otp, actor, out, e) < 0 ? -1 : 0;
	}
	free(norm);
	return rc;
}

/* User id of org_id, or OUTCOME_NOT_FOUND (another organisation's too). */
static int load_own(struct store *st, long long org_id, long long id, struct user **out, struct err *e)
{
	int rc = store_user_get(st, id, out, e);
	if (rc == STORE_OK && (*out)->org_id != org_id) {
		user_free(*out);
		*out = NULL;
		rc = STORE_NOT_FOUND;
	}
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no user %lld", id);
	return rc == STORE_NOT_FOUND ? OUTCOME_NOT_FOUND : rc < 0 ? -1 : 0;
}

/* The changes as they apply to u: what the event records. */
static json_t *what_changes(const struct user *u, enum user_role role, const struct users_change *c)
{
	int disabled = c->disabled;
	json_t *d = json_object();
	if (c->name && strcmp(c->name, u->name) != 0)
		json_object_set_new(d, "name", json_string(c->name));
	if (c->department && strcmp(c->department, u->department) != 0)
		json_object_set_new(d, "department", json_string(c->department));
	if (role && role != u->role)
		json_object_set_new(d, "role", json_string(user_role_name(role)));
	if (disabled >= 0 && (bool)disabled != u->disabled)
		json_object_set_new(d, "disabled", json_boolean(disabled));
	return d;
}

static int apply(struct store *st, const struct user *u, enum user_role role, int disabled, bool totp_reset,
		 json_t *changes, const char *actor, struct err *e)
{
	if (json_object_get(changes, "role") && store_user_set_role(st, u->id, role, e) < 0)
		return -1;
	const json_t *name = json_object_get(changes, "name"), *dept = json_object_get(changes, "department");
	if ((name || dept) && store_user_set_profile(st, u->id, name ? json_string_value(name) : u->name,
						     dept ? json_string_value(dept) : u->department, e) < 0)
		return -1;
	if (json_object_get(changes, "disabled") &&
	    (store_user_set_disabled(st, u->id, disabled, e) < 0 ||
	     (disabled && store_session_revoke_user(st, u->id, 0, e) < 0)))
		return -1;
	if (json_object_size(changes) &&
	    audit_log(st, actor, u->org_id, AUDIT_USER_UPDATE, changes, e, "user:%lld", u->id) < 0)
		return -1;
	if (totp_reset && (store_user_set_totp(st, u->id, NULL, false, e) < 0 ||
			   store_recovery_replace(st, u->id, NULL, 0, e) < 0 ||
			   audit_log(st, actor, u->org_id, AUDIT_TOTP_RESET, NULL, e, "user:%lld", u->id) < 0))
		return -1;
	return 0;
}

enum outcome users_update(struct store *st, long long org_id, long long self_id, long long id,
			  const struct users_change *c, const char *actor, struct user **out, struct err *e)
{
	if (out)
		*out = NULL;
	if (!c->role && c->disabled < 0 && !c->totp_reset && !c->name && !c->department) {
		err_coded(e, NULL, "nothing_to_set", "nothing to change: give role, disabled, totp_reset, name or department", NULL);
		return OUTCOME_INVALID;
	}
	enum user_role role = 0;
	int rc = c->role ? parse_role(c->role, &role, e) : 0;
	if (rc)
		return rc;
	if ((c->name && user_profile_check("name", c->name, e) < 0) ||
	    (c->department && user_profile_check("department", c->department, e) < 0))
		return OUTCOME_INVALID;
	struct user *u = NULL;
	if ((rc = load_own(st, org_id, id, &u, e)) != 0)
		return rc;
	json_t *changes = what_changes(u, role, c);
	/* Only a secret there is to forget makes a reset. */
	bool totp_reset = c->totp_reset && (u->totp_enabled || u->totp_sealed);
	if (id == self_id && ((role && role != ROLE_ADMIN) || c->disabled == 1)) {
		err_coded(e, NULL, "self_lockout",
			  "you cannot remove your own administrator role or disable yourself: ask another administrator",
			  NULL);
		rc = OUTCOME_CONFLICT;
	} else if (!json_object_size(changes) && !totp_reset) {
		; /* already so: a PUT may be repeated, and records nothing */
	} else if (store_begin(st, e) < 0) {
		rc = -1;
	} else if (apply(st, u, role, c->disabled, totp_reset, changes, actor, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		rc = -1;
	}
	json_decref(changes);
	user_free(u);
	if (rc == 0 && out && load_own(st, org_id, id, out, e) != 0)
		rc = -1;
	return rc;
}

enum outcome users_reset_password(struct store *st, long long org_id, long long self_id, long long id,
				  const char *actor, char otp[PASSWORD_GENERATED_LEN + 1], struct user **out,
				  struct err *e)
{
	if (out)
		*out = NULL;
	struct user *u = NULL;
	int rc = load_own(st, org_id, id, &u, e);
	if (rc)
		return rc;
	user_free(u);
	if (id == self_id) {
		err_coded(e, NULL, "self_reset", "you cannot reset your own password here: change it on your account page",
			  NULL);
		return OUTCOME_CONFLICT;
	}
	char fresh[PASSWORD_GENERATED_LEN + 1], hash[PASSWORD_HASH_MAX];
	password_generate(fresh);
	if (password_hash(fresh, hash, e) < 0 || store_begin(st, e) < 0) {
		rc = -1;
	} else if (store_user_set_password(st, id, hash, true, e) < 0 || store_session_revoke_user(st, id, 0, e) < 0 ||
		   audit_log(st, actor, org_id, AUDIT_PASSWORD_RESET, NULL, e, "user:%lld", id) < 0 ||
		   store_commit(st, e) < 0) {
		store_rollback(st);
		rc = -1;
	}
	if (rc == 0)
		memcpy(otp, fresh, sizeof fresh);
	sodium_memzero(fresh, sizeof fresh);
	if (rc == 0 && out && load_own(st, org_id, id, out, e) != 0)
		rc = -1;
	return rc;
}

enum outcome users_find(struct store *st, const char *email, struct user **out, struct err *e)
{
	*out = NULL;
	char *norm = user_email_normalise(email, e);
	if (!norm)
		return OUTCOME_INVALID;
	int rc = store_user_get_by_email(st, norm, out, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no user %s", norm);
	free(norm);
	return rc == STORE_NOT_FOUND ? OUTCOME_NOT_FOUND : rc < 0 ? -1 : 0;
}
