/*
 * store_user: user accounts and their recovery codes. Included by store.h;
 * callers include store.h.
 *
 * Nothing here hashes or checks: the caller passes hashes (lib/password,
 * lib/totp) and sealed secrets (lib/keys) and gets them back.
 */
#ifndef SHINSA_STORE_USER_H
#define SHINSA_STORE_USER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/user.h"
#include "lib/err.h"
#include "lib/hash.h"

struct store;

/*
 * Adds u (org_id, email, role, password_hash, must_change_password set,
 * name and department if any;
 * no TOTP yet) and sets u->id and u->created_at. An email already taken is
 * an error that says so: "a user with email E already exists", also to the
 * loser of two adds of one email at once.
 */
int store_user_add(struct store *st, struct user *u, struct err *e);

/* 0 and a new user you own, or STORE_NOT_FOUND. email as normalised. */
int store_user_get_by_email(struct store *st, const char *email, struct user **out, struct err *e);
int store_user_get(struct store *st, long long id, struct user **out, struct err *e);

/* org_id's users, ordered by email; you own the array and each user. */
int store_user_list(struct store *st, long long org_id, struct user ***out, size_t *n, struct err *e);

int store_user_set_password(struct store *st, long long id, const char *hash, bool must_change, struct err *e);

/* Sets the sealed TOTP secret (NULL: none) and whether it is in force. */
int store_user_set_totp(struct store *st, long long id, const char *sealed, bool enabled, struct err *e);

/*
 * Records step as the last TOTP step accepted, only if it is later than
 * the one stored: STORE_NOT_FOUND if not, so of two logins racing with the
 * same code only one wins.
 */
int store_user_take_totp_step(struct store *st, long long id, long long step, struct err *e);

int store_user_set_role(struct store *st, long long id, enum user_role role, struct err *e);
/* Sets 氏名 and 部署 (both given, "" for none; checked by the caller). */
int store_user_set_profile(struct store *st, long long id, const char *name, const char *department, struct err *e);

int store_user_set_disabled(struct store *st, long long id, bool disabled, struct err *e);

/* Replaces the user's recovery codes with these n hashes. Call inside a
 * transaction. */
int store_recovery_replace(struct store *st, long long user_id, const char (*hashes)[HASH_HEX_LEN + 1], size_t n,
			   struct err *e);

/* Marks the unused code with that hash as used now: 0, or STORE_NOT_FOUND
 * if there is no such unused code (so a code works once). */
int store_recovery_use(struct store *st, long long user_id, const char *hash, struct err *e);

/* How many unused recovery codes the user has left. */
int store_recovery_left(struct store *st, long long user_id, size_t *n, struct err *e);

#endif
