#include "service/account.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"

int account_user_add(struct store *st, long long org_id, const char *email, enum user_role role,
		     const char *password, char generated[PASSWORD_GENERATED_LEN + 1], struct user **out,
		     struct err *e)
{
	if (out)
		*out = NULL;
	if (!user_role_name(role)) {
		err_set(e, "unknown role");
		return -1;
	}
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
	char hash[PASSWORD_HASH_MAX];
	int rc = password_hash(password ? password : otp, hash, e);
	if (rc == 0) {
		u->password_hash = xstrdup(hash);
		rc = store_user_add(st, u, e);
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

int account_password_change(struct store *st, long long user_id, const char *current, const char *new_password,
			    long long keep_session, struct err *e)
{
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = -1;
	char hash[PASSWORD_HASH_MAX];
	if (!password_verify(u->password_hash, current))
		err_set(e, "the current password is wrong");
	else if (password_check(new_password, e) < 0)
		;
	else if (strcmp(current, new_password) == 0)
		err_set(e, "the new password must differ from the current one");
	else if (password_hash(new_password, hash, e) == 0 && store_begin(st, e) == 0) {
		if (store_user_set_password(st, user_id, hash, false, e) == 0 &&
		    store_session_revoke_user(st, user_id, keep_session, e) == 0 && store_commit(st, e) == 0)
			rc = 0;
		else
			store_rollback(st);
	}
	user_free(u);
	return rc;
}

int account_token_create(struct store *st, long long user_id, const char *name, char token[TOKEN_MAX],
			 struct user_token **out, struct err *e)
{
	if (out)
		*out = NULL;
	if (user_token_name_check(name, e) < 0)
		return -1;
	struct user_token *t = user_token_new();
	t->user_id = user_id;
	t->name = xstrdup(name);
	char hash[HASH_HEX_LEN + 1];
	token_new(AUTH_TOKEN_PREFIX, token);
	token_hash(token, hash);
	int rc = store_token_add(st, t, hash, e);
	if (rc < 0)
		sodium_memzero(token, TOKEN_MAX);
	if (rc == 0 && out)
		*out = t;
	else
		user_token_free(t);
	return rc;
}

int account_token_revoke(struct store *st, long long id, struct err *e)
{
	struct user_token *t;
	int rc = store_token_get(st, id, &t, e);
	bool existed = rc == STORE_OK, was_revoked = existed && t->revoked;
	user_token_free(t);
	if (existed && !was_revoked)
		rc = store_token_revoke(st, id, e);
	if (rc < 0)
		return -1;
	if (!existed)
		err_set(e, "no API token %lld", id);
	else if (was_revoked || rc == STORE_NOT_FOUND) /* also: revoked by someone else in between */
		err_set(e, "API token %lld is already revoked", id);
	return existed && !was_revoked && rc == STORE_OK ? 0 : -1;
}

void account_totp_enrolment_release(struct account_totp_enrolment *en)
{
	free(en->uri);
	sodium_memzero(en, sizeof *en);
}

int account_totp_begin(struct store *st, const struct auth_config *cfg, long long user_id, const char *org_name,
		       struct account_totp_enrolment *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (!cfg->has_secret) {
		err_set(e, "no server secret loaded: cannot seal a TOTP secret");
		return -1;
	}
	struct user *u;
	if (load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = -1;
	if (u->totp_enabled) {
		err_set(e, "TOTP is already on for %s", u->email);
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

int account_totp_confirm(struct store *st, const struct auth_config *cfg, long long user_id, const char *code,
			 char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1], struct err *e)
{
	struct user *u;
	time_t now;
	if (clock_now(&now, e) < 0 || load_user(st, user_id, &u, e) < 0)
		return -1;
	int rc = -1;
	unsigned char secret[TOTP_SECRET_BYTES];
	long long step;
	if (u->totp_enabled) {
		err_set(e, "TOTP is already on for %s", u->email);
	} else if (!u->totp_sealed) {
		err_set(e, "no TOTP enrolment was started for %s", u->email);
	} else if (!cfg->has_secret) {
		err_set(e, "no server secret loaded: cannot open the TOTP secret");
	} else if (keys_open_bytes(cfg->secret, KEYS_TOTP_SECRET, u->totp_sealed, secret, sizeof secret, e) == 0) {
		bool match = totp_verify(secret, sizeof secret, now, u->totp_last_step, code, &step);
		sodium_memzero(secret, sizeof secret);
		if (!match) {
			err_set(e, "wrong code");
		} else {
			char hashes[TOTP_RECOVERY_COUNT][HASH_HEX_LEN + 1];
			totp_recovery_new(codes);
			for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++)
				totp_recovery_hash(codes[i], hashes[i]);
			if (store_begin(st, e) == 0) {
				int taken = store_user_take_totp_step(st, user_id, step, e);
				if (taken == STORE_NOT_FOUND)
					err_set(e, "wrong code"); /* the same code, used in between */
				if (taken == STORE_OK &&
				    store_user_set_totp(st, user_id, u->totp_sealed, true, e) == 0 &&
				    store_recovery_replace(st, user_id, (const char(*)[HASH_HEX_LEN + 1])hashes,
							   TOTP_RECOVERY_COUNT, e) == 0 &&
				    store_commit(st, e) == 0)
					rc = 0;
				else
					store_rollback(st);
			}
			if (rc < 0)
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
