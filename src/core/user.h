/*
 * user: a person who signs in, the organisation they belong to and their
 * role; the one place where a role is turned into permissions.
 *
 * Roles and what each may do (user_role_can(); nothing else decides
 * authorisation by role):
 *
 *   action        admin  editor  reviewer  viewer  approver
 *   READ            x      x        x        x        x     see the organisation's own data
 *   ANSWERS_EDIT    x      x                                edit and import the answer set
 *   SUBMIT          x      x                                freeze answers into a submission
 *   SHARE           x      x                                share a submission with a bank, revoke a share
 *   REVIEW          x               x                 x     review what was shared with a bank
 *   ADMIN_USERS     x                                       add users, change roles, reset passwords
 *   AUDIT_READ      x                                       read the organisation's audit trail
 *   CRITERIA_EDIT   x               x                       import a bank's own criteria, edit its cross-walk
 *   APPROVE                                           x     approve or reject a decision another drafted
 *
 * The approver (承認者) of a bank that requires approval signs what a
 * reviewer drafted; approving stays apart from administering users, so an
 * admin does not approve. An approver reviews as a reviewer does (a bank's
 * approver often checks an item or two himself) but keeps no criteria.
 *
 * A role applies within the user's own organisation only; which actions
 * make sense for a bank or a connector is the caller's business (a bank
 * has no answer set to edit).
 *
 * A user owns its strings; user_free() releases them.
 */
#ifndef SHINSA_CORE_USER_H
#define SHINSA_CORE_USER_H

#include <stdbool.h>

#include "lib/err.h"

enum user_role {
	ROLE_ADMIN = 1,
	ROLE_EDITOR,
	ROLE_REVIEWER,
	ROLE_VIEWER,
	ROLE_APPROVER,
};

enum user_action {
	ACTION_READ = 1,
	ACTION_ANSWERS_EDIT,
	ACTION_SUBMIT,
	ACTION_SHARE,
	ACTION_REVIEW,
	ACTION_ADMIN_USERS,
	ACTION_AUDIT_READ,
	ACTION_CRITERIA_EDIT,
	ACTION_APPROVE,
};

#define USER_EMAIL_MAX 254 /* RFC 5321's limit on a path */
#define USER_EMAIL_LOCAL_MAX 64

struct user {
	long long id;
	long long org_id;
	char *email; /* lower case, as user_email_normalise() makes it */
	enum user_role role;
	char *password_hash; /* argon2id, lib/password */
	bool must_change_password;
	char *totp_sealed; /* the sealed TOTP secret, or NULL */
	bool totp_enabled; /* false while enrolment is unconfirmed */
	long long totp_last_step; /* the last TOTP step accepted, 0 for none */
	char *created_at;
	bool disabled;
	char *name;       /* 氏名 as the person writes it, "" when not given */
	char *department; /* 部署, "" when not given */
};

struct user *user_new(void);
void user_free(struct user *u);

/* An API token of a user, as stored (the token itself never is). */
struct user_token {
	long long id;
	long long user_id;
	char *name;         /* "" when none was given */
	char *created_at;
	char *last_used_at; /* NULL: never used */
	bool revoked;
};

struct user_token *user_token_new(void);
void user_token_free(struct user_token *t);

/* "admin", "editor", "reviewer", "viewer", "approver"; and back (0 if unknown). */
const char *user_role_name(enum user_role role);
enum user_role user_role_parse(const char *s);

/* "READ", "ANSWERS_EDIT", ... as in the table above. */
const char *user_action_name(enum user_action action);

/* Whether role may do action (the table above). Unknown values: false. */
bool user_role_can(enum user_role role, enum user_action action);

/*
 * The email as stored and compared: ASCII letters lowered (the rest as
 * given). You own the copy; NULL with e set if it is not an address.
 * Messages (exact, EMAIL being the text as given):
 *   "email is empty"
 *   "email is longer than 254 bytes"
 *   "email is not valid UTF-8"
 *   "email contains a space or a control character"
 *   "email \"EMAIL\" must contain exactly one @"
 *   "email \"EMAIL\" has nothing before the @"
 *   "email \"EMAIL\" has more than 64 bytes before the @"
 *   "email \"EMAIL\" needs a domain after the @, like example.jp"
 */
char *user_email_normalise(const char *email, struct err *e);

/* A name for an API token: up to 100 characters, no control characters
 * (empty is allowed). "token name is longer than 100 characters",
 * "token name contains a control character or invalid UTF-8". */
int user_token_name_check(const char *name, struct err *e);

/*
 * 氏名 and 部署: what pages show beside (or instead of) the e-mail. Each
 * up to USER_PROFILE_MAX characters (UTF-16 code units, as every text
 * field counts them; the API's field table bounds them too), trimmed of
 * surrounding spaces by the caller's choice, never of what is inside.
 */
#define USER_PROFILE_MAX 100

/* What a change of profile sets: NULL leaves a field as it is. */
struct user_profile {
	const char *name;
	const char *department;
};

/*
 * 0 if s may be stored as the field what ("name" or "department"): valid
 * UTF-8 without control characters, at most USER_PROFILE_MAX characters.
 * Messages: "WHAT contains a control character or invalid UTF-8",
 * "WHAT is longer than 100 characters".
 */
int user_profile_check(const char *what, const char *s, struct err *e);

/*
 * How pages name the user: "氏名（部署）", "氏名" without a department, the
 * email without a name. You own the string.
 */
char *user_label(const struct user *u);

#endif
