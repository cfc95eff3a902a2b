#include "service/account.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_org.h"
#include "store/store_session.h"
#include "store/store_token.h"
#include "store/store_user.h"

int account_user_add(struct store *st, long long org_id, const char *email, enum user_role role,
		     const char *password, char generated[PASSWORD_GENERATED_LEN + 1], const char *actor,
		     struct user **out, struct err *e)
{
	return account_user_add_named(st, org_id, email, role, NULL, password, generated, actor, out, e);
}

int account_user_add_named(struct store *st, long long org_id, const char *email, enum user_role role,
			   const struct user_profile *p, const char *password,
			   char generated[PASSWORD_GENERATED_LEN + 1], const char *actor, struct user **out,
			   struct err *e)
{
	if (out)
		*out = NULL;
	if (!user_role_name(role)) {
		err_set(e, "unknown role");
		return -1;
	}
	/* An organisation received from another server has no key here to
	 * sign with and its people work on their own server (service/receive.h). */
	struct org *o = NULL;
	int found = store_org_get_id(st, org_id, &o, e);
	bool received = found == STORE_OK && o->received_at;
	if (received)
		err_coded(e, NULL, "org_received", "{1} was received from another server: its people work on their own",
			  o->name, NULL);
	org_free(o);
	if (found < 0 || received)
		return -1;
	if (p && ((p->name && user_profile_check("name", p->name, e) < 0) ||
		  (p->department && user_profile_check("department", p->department, e) < 0)))
		return -1;
	char *norm = user_email_normalise(email, e);
	if (!norm || (password && password_check(password, e) < 0)) {
		free(norm);
		return -1;
	}
	char otp[PASSWORD_GENERATED_LEN + 1];
	if (!password)
		password_generate(otp);
	struct user *u = user_new();
	u->org_id = org_id;
	u->email = norm;
	u->role = role;
	u->must_change_password = password == NULL;
	u->name = xstrdup(p && p->name ? p->name : "");
	u->department = xstrdup(p && p->department ? p->department : "");
	char hash[PASSWORD_HASH_MAX];
	int rc = password_hash(password ? password : otp, hash, e);
	if (rc == 0) {
		u->password_hash = xstrdup(hash);
		rc = store_begin(st, e);
	}
	if (rc == 0) {
		/* Never the password: the trail is kept for ever. */
		json_t *details = json_pack("{s:s, s:s}", "email", u->email, "role", user_role_name(role));
		if (store_user_add(st, u, e) < 0 ||
		    audit_log(st, actor, org_id, AUDIT_USER_ADD, details, e, "user:%lld", u->id) < 0 ||
		    store_commit(st, e) < 0) {
			store_rollback(st);
			rc = -1;
		}
		json_decref(details);
	}
	if (rc == 0 && !password)
		memcpy(generated, otp, sizeof otp);
	sodium_memzero(otp, sizeof otp);
	if (rc == 0 && out)
		*out = u;
	else
		user_free(u);
	return rc;
}

/* The user by id; a missing one is an error (the caller had its id). */
static int load_user(struct store *st, long long id, struct user **out, struct err *e)
{
	int rc = store_user_get(st, id, out, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no user %lld", id);
	return rc == STORE_OK ? 0 : -1;
}

enum outcome account_recheck(struct store *st, const struct auth_config *cfg, const struct user *u,
			     const char *password, const char *actor, enum audit_action action, time_t *retry_after,
			     struct err *e)
{
	int rc = auth_password_recheck(st, cfg, u, password, retry_after, e);
	if (rc == OUTCOME_INVALID) {
		struct err ae = { 0 };
		json_t *details = json_pack("{s:s}", "result", "failed");
		if (audit_log(st, actor, u->org_id, action, details, &ae, "user:%lld", u->id) < 0) {
			err_set(e, "%s", ae.msg);
			rc = -1;
		}
		json_decref(details);
	}
	return rc;
}

enum outcome account_password_change(struct store *st, const struct auth_config *cfg, long long user_id,
				     const char *current, const char *new_password, long long keep_session,
				     const char *actor, time_t *retry_after, struct err *e)
{
	*retry_after = 0;
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	char hash[PASSWORD_HASH_MAX];
	int rc = account_recheck(st, cfg, u, current, actor, AUDIT_PASSWORD_CHANGE, retry_after, e);
	if (rc != OUTCOME_OK) {
		;
	} else if (password_check(new_password, e) < 0) {
		rc = OUTCOME_INVALID;
	} else if (strcmp(current, new_password) == 0) {
		err_coded(e, NULL, "password_same", "the new password must differ from the current one", NULL);
		rc = OUTCOME_INVALID;
	} else if (password_hash(new_password, hash, e) < 0 || store_begin(st, e) < 0) {
		rc = -1;
	} else if (store_user_set_password(st, user_id, hash, false, e) < 0 ||
		   store_session_revoke_user(st, user_id, keep_session, e) < 0 ||
		   audit_log(st, actor, u->org_id, AUDIT_PASSWORD_CHANGE, NULL, e, "user:%lld", user_id) < 0 ||
		   store_commit(st, e) < 0) {
		store_rollback(st);
		rc = -1;
	}
	user_free(u);
	return rc;
}

int account_token_create(struct store *st, long long user_id, const char *name, const char *actor,
			 char token[TOKEN_MAX], struct user_token **out, struct err *e)
{
	if (out)
		*out = NULL;
	if (user_token_name_check(name, e) < 0)
		return -1;
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	struct user_token *t = user_token_new();
	t->user_id = user_id;
	t->name = xstrdup(name);
	char hash[HASH_HEX_LEN + 1];
	token_new(AUTH_TOKEN_PREFIX, token);
	token_hash(token, hash);
	/* Never the token, which only its owner may ever see. */
	json_t *details = json_pack("{s:s, s:s}", "user", u->email, "name", name);
	int rc = store_begin(st, e);
	if (rc == 0 && (store_token_add(st, t, hash, e) < 0 ||
			audit_log(st, actor, u->org_id, AUDIT_TOKEN_CREATE, details, e, "token:%lld", t->id) < 0 ||
			store_commit(st, e) < 0)) {
		store_rollback(st);
		rc = -1;
	}
	json_decref(details);
	user_free(u);
	if (rc < 0)
		sodium_memzero(token, TOKEN_MAX);
	if (rc == 0 && out)
		*out = t;
	else
		user_token_free(t);
	return rc;
}

int account_token_revoke(struct store *st, long long id, const char *actor, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	struct user_token *t = NULL;
	struct user *u = NULL;
	int rc = store_token_get(st, id, &t, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no API token %lld", id);
	else if (rc == STORE_OK && !t->revoked && load_user(st, t->user_id, &u, e) == 0)
		rc = store_token_revoke(st, id, e);
	else if (rc == STORE_OK)
		rc = t->revoked ? STORE_NOT_FOUND : -1;
	if (rc == STORE_NOT_FOUND && t) /* also: revoked by someone else in between */
		err_set(e, "API token %lld is already revoked", id);
	if (rc == STORE_OK) {
		json_t *details = json_pack("{s:I}", "id", (json_int_t)id);
		rc = audit_log(st, actor, u->org_id, AUDIT_TOKEN_REVOKE, details, e, "token:%lld", id);
		json_decref(details);
	}
	user_token_free(t);
	user_free(u);
	if (rc != STORE_OK || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

enum outcome account_token_create_checked(struct store *st, const struct auth_config *cfg, long long user_id,
					  const char *password, const char *name, const char *actor,
					  time_t *retry_after, char token[TOKEN_MAX], struct user_token **out,
					  struct err *e)
{
	*retry_after = 0;
	if (out)
		*out = NULL;
	/* The name first: a typo must not cost a sign-in attempt. */
	if (user_token_name_check(name, e) < 0)
		return OUTCOME_INVALID;
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = account_recheck(st, cfg, u, password, actor, AUDIT_TOKEN_CREATE, retry_after, e);
	user_free(u);
	if (rc == OUTCOME_OK && account_token_create(st, user_id, name, actor, token, out, e) < 0)
		return -1;
	return rc;
}

enum outcome account_token_revoke_own(struct store *st, long long user_id, long long id, const char *actor,
				      struct err *e)
{
	struct user_token *t = NULL;
	int rc = store_token_get(st, id, &t, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND || t->user_id != user_id) {
		err_set(e, "no API token %lld", id);
		rc = OUTCOME_NOT_FOUND;
	} else if (t->revoked) {
		err_set(e, "API token %lld is already revoked", id);
		rc = OUTCOME_CONFLICT;
	} else {
		/* Rechecked inside its transaction: a revoke in between is -1
		 * there with the same message; the token stays revoked. */
		rc = account_token_revoke(st, id, actor, e) < 0 ? -1 : 0;
	}
	user_token_free(t);
	return rc;
}

void account_totp_enrolment_release(struct account_totp_enrolment *en)
{
	free(en->uri);
	sodium_memzero(en, sizeof *en);
}

enum outcome account_totp_begin(struct store *st, const struct auth_config *cfg, long long user_id,
				const char *org_name, const char *password, const char *actor, time_t *retry_after,
				struct account_totp_enrolment *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	*retry_after = 0;
	if (!cfg->has_secret) {
		err_set(e, "no server secret loaded: cannot seal a TOTP secret");
		return OUTCOME_INVALID;
	}
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = account_recheck(st, cfg, u, password, actor, AUDIT_TOTP_ENROL, retry_after, e);
	if (rc != OUTCOME_OK) {
		;
	} else if (u->totp_enabled) {
		err_coded(e, NULL, "totp_on", "TOTP is already on for {1}", u->email, NULL);
		rc = OUTCOME_INVALID;
	} else {
		unsigned char secret[TOTP_SECRET_BYTES];
		totp_secret_new(secret);
		char *sealed = keys_seal_bytes(cfg->secret, KEYS_TOTP_SECRET, secret, sizeof secret);
		totp_base32(secret, out->base32);
		sodium_memzero(secret, sizeof secret);
		rc = store_user_set_totp(st, user_id, sealed, false, e);
		free(sealed);
		if (rc == 0)
			out->uri = totp_uri(org_name, u->email, out->base32);
		else
			sodium_memzero(out->base32, sizeof out->base32);
	}
	user_free(u);
	return rc;
}

enum outcome account_totp_confirm(struct store *st, const struct auth_config *cfg, long long user_id,
				  const char *password, const char *code, const char *actor, time_t *retry_after,
				  char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1], struct err *e)
{
	*retry_after = 0;
	struct user *u;
	time_t now;
	if (clock_now(&now, e) < 0 || load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = account_recheck(st, cfg, u, password, actor, AUDIT_TOTP_ENROL, retry_after, e);
	unsigned char secret[TOTP_SECRET_BYTES];
	long long step;
	if (rc != OUTCOME_OK) {
		;
	} else if (u->totp_enabled) {
		err_coded(e, NULL, "totp_on", "TOTP is already on for {1}", u->email, NULL);
		rc = OUTCOME_INVALID;
	} else if (!u->totp_sealed) {
		err_coded(e, NULL, "totp_not_started", "no TOTP enrolment was started for {1}", u->email, NULL);
		rc = OUTCOME_INVALID;
	} else if (!cfg->has_secret) {
		err_set(e, "no server secret loaded: cannot open the TOTP secret");
		rc = OUTCOME_INVALID;
	} else if (keys_open_bytes(cfg->secret, KEYS_TOTP_SECRET, u->totp_sealed, secret, sizeof secret, e) < 0) {
		rc = -1;
	} else {
		bool match = totp_verify(secret, sizeof secret, now, u->totp_last_step, code, &step);
		sodium_memzero(secret, sizeof secret);
		rc = OUTCOME_INVALID;
		if (!match) {
			err_coded(e, NULL, "wrong_code", "wrong code", NULL);
		} else {
			char hashes[TOTP_RECOVERY_COUNT][HASH_HEX_LEN + 1];
			totp_recovery_new(codes);
			for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++)
				totp_recovery_hash(codes[i], hashes[i]);
			int taken = store_begin(st, e) < 0 ? -1 : store_user_take_totp_step(st, user_id, step, e);
			if (taken == STORE_NOT_FOUND)
				err_coded(e, NULL, "wrong_code", "wrong code", NULL); /* the same code, used in between */
			else
				rc = -1;
			if (taken == STORE_OK && store_user_set_totp(st, user_id, u->totp_sealed, true, e) == 0 &&
			    store_recovery_replace(st, user_id, (const char(*)[HASH_HEX_LEN + 1])hashes,
						   TOTP_RECOVERY_COUNT, e) == 0 &&
			    audit_log(st, actor, u->org_id, AUDIT_TOTP_ENROL, NULL, e, "user:%lld", user_id) == 0 &&
			    store_commit(st, e) == 0)
				rc = OUTCOME_OK;
			else
				store_rollback(st);
			if (rc != OUTCOME_OK)
				sodium_memzero(codes, sizeof(char[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1]));
		}
	}
	user_free(u);
	return rc;
}

int account_totp_off(struct store *st, long long user_id, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (store_user_set_totp(st, user_id, NULL, false, e) < 0 || store_recovery_replace(st, user_id, NULL, 0, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, e);
}

int account_tokens_list(struct store *st, long long user_id, struct user_token ***out, size_t *n, struct err *e)
{
	return store_token_list(st, user_id, out, n, e);
}
