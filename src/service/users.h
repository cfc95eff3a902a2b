/*
 * users: an organisation's administrator manages its users from the web
 * (the command line's `shinsa user` adds and lists them through
 * service/account.h). Layer: service. Every change is one transaction
 * with its audit event, for the organisation concerned; the actor is the
 * administrator's email.
 *
 * Only users of org_id are ever reached: another organisation's user is
 * OUTCOME_NOT_FOUND with the same message as a user that does not exist.
 * Returns 0, an outcome (service/outcome.h) with e saying why, or -1.
 */
#ifndef SHINSA_SERVICE_USERS_H
#define SHINSA_SERVICE_USERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/user.h"
#include "lib/err.h"
#include "lib/password.h"
#include "service/outcome.h"
#include "store/store.h"

/* org_id's users, ordered by email: you own the array and each user. */
int users_list(struct store *st, long long org_id, struct user ***out, size_t *n, struct err *e);

/*
 * Adds a user to org_id with a one-time password (into otp; they change it
 * at first sign-in): OUTCOME_INVALID for a bad email (user_email_normalise()'s
 * message: "email \"x\" must contain exactly one @") or role ("unknown role \"R\" (want admin, editor, reviewer or
 * viewer)") or a bad 氏名 or 部署 (p may be NULL: user_profile_check()'s
 * message), OUTCOME_CONFLICT "a user with email E already exists" (emails
 * are unique across organisations: sign-in is by email alone). Event
 * user_add as account_user_add(). *out the new user, yours.
 */
enum outcome users_add(struct store *st, long long org_id, const char *email, const char *role,
		       const struct user_profile *p, const char *actor, char otp[PASSWORD_GENERATED_LEN + 1],
		       struct user **out, struct err *e);

/* What users_update changes: a field left as it is when unset. */
struct users_change {
	const char *role; /* NULL: unchanged */
	int disabled;     /* -1: unchanged, 0 enable, 1 disable */
	bool totp_reset;  /* turn TOTP off and forget its secret and recovery codes */
	const char *name;       /* 氏名, NULL: unchanged ("" clears it) */
	const char *department; /* 部署, NULL: unchanged */
};

/*
 * Changes user id of org_id. self_id is the administrator: they may not
 * take away their own admin role or disable themselves ("you cannot
 * remove your own administrator role or disable yourself: ask another
 * administrator"), so an organisation is never left without its way in by
 * a slip. OUTCOME_INVALID "nothing to change: give role, disabled,
 * totp_reset, name or department" when c names no change, an unknown
 * role, or a bad name or department (user_profile_check()); a change to
 * what already is succeeds and records nothing. Events, each only when
 * something changes:
 *   user_update  object "user:ID", details {role?, disabled?, name?,
 *                department?} (the new values)
 * A user changes their own name and department with id == self_id and
 * only those set (any role may: the caller decides who reaches this).
 *   totp_reset   object "user:ID", details {} (only when TOTP was on or
 *                being set up)
 * Disabling ends the user's sessions (their API tokens are refused while
 * disabled). *out (may be NULL) the user as it is now, yours.
 */
enum outcome users_update(struct store *st, long long org_id, long long self_id, long long id,
			  const struct users_change *c, const char *actor, struct user **out, struct err *e);

/* The user with that email (normalised here): OUTCOME_NOT_FOUND "no user
 * EMAIL", OUTCOME_INVALID for an email that is none. *out yours. */
enum outcome users_find(struct store *st, const char *email, struct user **out, struct err *e);

/*
 * Gives user id of org_id a new one-time password (into otp): the old one
 * stops working, it must be changed at next sign-in, and every session of
 * the user ends. Not the administrator's own (OUTCOME_CONFLICT "you cannot
 * reset your own password here: change it on your account page"). Event
 * password_reset, object "user:ID", details {} (never the password).
 * *out (may be NULL) the user as it is now, yours.
 */
enum outcome users_reset_password(struct store *st, long long org_id, long long self_id, long long id,
				  const char *actor, char otp[PASSWORD_GENERATED_LEN + 1], struct user **out,
				  struct err *e);

#endif
