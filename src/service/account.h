/*
 * account: managing accounts — adding users, changing passwords, API
 * tokens and TOTP enrolment — for the command line and the server.
 * Layer: service (see service/auth.h). Errors are one line for people.
 *
 * Every change is recorded in the audit trail by actor (the web: the
 * signed-in user's email; the command line: cli_audit_actor()) in the
 * transaction that makes it, for the organisation of the user concerned;
 * an event that cannot be written undoes the change (-1).
 *
 * What a stolen session must not do without the password — change it, turn
 * TOTP on — asks for the current password again (auth_password_recheck():
 * throttled like sign-in, under the same account key). A wrong one is
 * recorded as the change's event with details {"result":"failed"}. These
 * functions return OUTCOME_OK, OUTCOME_INVALID (e: a message for the user),
 * OUTCOME_THROTTLED (e: the sign-in message; *retry_after: the lock's end) or
 * -1 (a failure of the system).
 *
 * TOTP enrolment takes two steps, so that a user cannot lock themselves
 * out with a secret their app never got:
 *   account_totp_begin()    stores a new secret sealed, not yet in force,
 *                           and gives the base32 text and otpauth:// URI;
 *   account_totp_confirm()  with a code from the app: TOTP is on from now
 *                           and the TOTP_RECOVERY_COUNT recovery codes,
 *                           shown once, replace any earlier ones.
 */
#ifndef SHINSA_SERVICE_ACCOUNT_H
#define SHINSA_SERVICE_ACCOUNT_H

#include <stdbool.h>

#include "core/audit.h"
#include "core/user.h"
#include "lib/err.h"
#include "lib/password.h"
#include "lib/token.h"
#include "lib/totp.h"
#include "service/auth.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * Adds a user to org_id. email is checked and normalised
 * (user_email_normalise()). With a password, it must meet password_check()
 * and the user may keep it; with password NULL a one-time password is
 * generated into generated (else untouched) and must be changed at first
 * sign-in. *out (may be NULL) gets the new user, yours. Event user_add,
 * object "user:ID", details {email, role} (never the password).
 */
int account_user_add(struct store *st, long long org_id, const char *email, enum user_role role,
		     const char *password, char generated[PASSWORD_GENERATED_LEN + 1], const char *actor,
		     struct user **out, struct err *e);
/* account_user_add() with 氏名 and 部署 (p may be NULL; each checked by
 * user_profile_check(), its message on failure); the event's details
 * stay {email, role}. */
int account_user_add_named(struct store *st, long long org_id, const char *email, enum user_role role,
			   const struct user_profile *p, const char *password,
			   char generated[PASSWORD_GENERATED_LEN + 1], const char *actor, struct user **out,
			   struct err *e);

/*
 * A user changes their own password: current must be right (rechecked as
 * above: AUTH_MSG_WRONG_PASSWORD), new_password must meet password_check()
 * and differ from current ("the new password must differ from the current
 * one"). Clears must_change_password and ends every other session of the
 * user (keep_session: the one to keep, 0 for none). Event password_change,
 * object "user:ID", no details.
 */
enum outcome account_password_change(struct store *st, const struct auth_config *cfg, long long user_id,
				     const char *current, const char *new_password, long long keep_session,
				     const char *actor, time_t *retry_after, struct err *e);

/*
 * The password check before a change a stolen session must not make (a
 * token, a user, a credential reset): auth_password_recheck() of u, and
 * for a wrong password an event of action by actor, object "user:ID" (u),
 * details {"result":"failed"}, in its own transaction (no change
 * follows). OUTCOME_OK, OUTCOME_INVALID (its message), OUTCOME_THROTTLED (with
 * *retry_after) or -1.
 */
enum outcome account_recheck(struct store *st, const struct auth_config *cfg, const struct user *u,
			     const char *password, const char *actor, enum audit_action action, time_t *retry_after,
			     struct err *e);

/* A new API token for user_id named name ("" for none): the token, shown
 * once, into token; its record into *out (may be NULL), yours. Event
 * token_create, object "token:ID", details {user (the email), name}
 * (never the token). 0 or -1. */
int account_token_create(struct store *st, long long user_id, const char *name, const char *actor,
			 char token[TOKEN_MAX], struct user_token **out, struct err *e);

/*
 * A user makes an API token for themselves from the web: a token outlives
 * the session that made it, so a stolen session must not mint one; the
 * password is rechecked first (as above; a wrong one: event token_create
 * {"result":"failed"}), then account_token_create(). OUTCOME_OK, OUTCOME_INVALID,
 * OUTCOME_THROTTLED or -1.
 */
enum outcome account_token_create_checked(struct store *st, const struct auth_config *cfg, long long user_id,
					  const char *password, const char *name, const char *actor,
					  time_t *retry_after, char token[TOKEN_MAX], struct user_token **out,
					  struct err *e);

/*
 * A user revokes one of their own API tokens: 0, OUTCOME_NOT_FOUND "no API
 * token N" (none, or another user's: the same message), OUTCOME_CONFLICT
 * "API token N is already revoked", or -1. Event as account_token_revoke().
 */
enum outcome account_token_revoke_own(struct store *st, long long user_id, long long id, const char *actor,
				      struct err *e);

/* user_id's API tokens, as store_token_list() gives them (the array and
 * each token are yours). 0, or -1 with e set. */
int account_tokens_list(struct store *st, long long user_id, struct user_token ***out, size_t *n, struct err *e);

/* Revokes API token id: "no API token N", "API token N is already revoked".
 * Event token_revoke, object "token:ID", details {id}. 0 or -1. */
int account_token_revoke(struct store *st, long long id, const char *actor, struct err *e);

struct account_totp_enrolment {
	char base32[TOTP_BASE32_LEN + 1]; /* to type into an app */
	char *uri;                         /* otpauth://, for a QR code; owned */
};

void account_totp_enrolment_release(struct account_totp_enrolment *en);

/*
 * Starts enrolment for user_id (org_name for the app's label) after
 * rechecking password (a wrong one: event totp_enrol {"result":"failed"}):
 * "TOTP is already on for EMAIL" if it is. Needs cfg's secret ("no server
 * secret loaded: cannot seal a TOTP secret"). Nothing is in force yet, so
 * success records nothing.
 */
enum outcome account_totp_begin(struct store *st, const struct auth_config *cfg, long long user_id,
				const char *org_name, const char *password, const char *actor, time_t *retry_after,
				struct account_totp_enrolment *out, struct err *e);

/*
 * Confirms enrolment after rechecking password, with a code from the app:
 * "TOTP is already on for EMAIL", "no TOTP enrolment was started for
 * EMAIL", "wrong code". On success the codes are the new recovery codes,
 * to show once; event totp_enrol, object "user:ID", no details.
 */
enum outcome account_totp_confirm(struct store *st, const struct auth_config *cfg, long long user_id,
				  const char *password, const char *code, const char *actor, time_t *retry_after,
				  char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1], struct err *e);

/* Turns TOTP off and forgets the secret and recovery codes (an admin's
 * way back in for a user who lost phone and codes). */
int account_totp_off(struct store *st, long long user_id, struct err *e);

#endif
