#include "core/user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/text.h"
#include "lib/xalloc.h"

struct user *user_new(void)
{
	return xcalloc(1, sizeof(struct user));
}

void user_free(struct user *u)
{
	if (!u)
		return;
	free(u->email);
	free(u->password_hash);
	free(u->totp_sealed);
	free(u->created_at);
	free(u->name);
	free(u->department);
	free(u);
}

struct user_token *user_token_new(void)
{
	return xcalloc(1, sizeof(struct user_token));
}

void user_token_free(struct user_token *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->created_at);
	free(t->last_used_at);
	free(t);
}

static const char *const role_names[] = { NULL, "admin", "editor", "reviewer", "viewer", "approver" };
static const char *const action_names[] = { NULL,     "READ",	     "ANSWERS_EDIT", "SUBMIT",
					    "SHARE",  "REVIEW", "ADMIN_USERS",  "AUDIT_READ", "CRITERIA_EDIT", "APPROVE" };
#define N_ROLES 5
#define N_ACTIONS 9

/* The table of the header, row by action, column by role. */
static const bool can[N_ACTIONS + 1][N_ROLES + 1] = {
	/*                    -      admin  editor reviewer viewer approver */
	[ACTION_READ] = { false, true, true, true, true, true },
	[ACTION_ANSWERS_EDIT] = { false, true, true, false, false, false },
	[ACTION_SUBMIT] = { false, true, true, false, false, false },
	[ACTION_SHARE] = { false, true, true, false, false, false },
	[ACTION_REVIEW] = { false, true, false, true, false, true },
	[ACTION_ADMIN_USERS] = { false, true, false, false, false, false },
	[ACTION_AUDIT_READ] = { false, true, false, false, false, false },
	[ACTION_CRITERIA_EDIT] = { false, true, false, true, false, false },
	[ACTION_APPROVE] = { false, false, false, false, false, true },
};

const char *user_role_name(enum user_role role)
{
	return role >= ROLE_ADMIN && role <= ROLE_APPROVER ? role_names[role] : NULL;
}

enum user_role user_role_parse(const char *s)
{
	for (int r = ROLE_ADMIN; s && r <= ROLE_APPROVER; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum user_role)r;
	return 0;
}

const char *user_action_name(enum user_action action)
{
	return action >= ACTION_READ && action <= ACTION_APPROVE ? action_names[action] : NULL;
}

bool user_role_can(enum user_role role, enum user_action action)
{
	if (role < ROLE_ADMIN || role > ROLE_APPROVER || action < ACTION_READ || action > ACTION_APPROVE)
		return false;
	return can[action][role];
}

char *user_email_normalise(const char *email, struct err *e)
{
	size_t len = strlen(email);
	if (len == 0) {
		err_set(e, "email is empty");
		return NULL;
	}
	if (len > USER_EMAIL_MAX) {
		err_set(e, "email is longer than %d bytes", USER_EMAIL_MAX);
		return NULL;
	}
	if (!text_utf8_valid(email, len)) {
		err_set(e, "email is not valid UTF-8");
		return NULL;
	}
	const char *at = NULL;
	size_t ats = 0;
	for (const char *p = email; *p;) {
		const char *here = p;
		uint32_t cp = text_utf8_next(&p);
		/* U+3000, the full-width space an IME types, counts as a space. */
		if (cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x3000) {
			err_coded(e, NULL, "email_form", "email contains a space or a control character", NULL);
			return NULL;
		}
		if (cp == '@') {
			ats++;
			at = here;
		}
	}
	if (ats != 1) {
		err_coded(e, NULL, "email_form", "email \"{1}\" must contain exactly one @", email, NULL);
		return NULL;
	}
	size_t local = (size_t)(at - email);
	const char *domain = at + 1;
	if (local == 0) {
		err_coded(e, NULL, "email_form", "email \"{1}\" has nothing before the @", email, NULL);
		return NULL;
	}
	if (local > USER_EMAIL_LOCAL_MAX) {
		err_set(e, "email \"%s\" has more than %d bytes before the @", email, USER_EMAIL_LOCAL_MAX);
		return NULL;
	}
	size_t dlen = strlen(domain);
	if (dlen == 0 || domain[0] == '.' || domain[dlen - 1] == '.' || !strchr(domain, '.') || strstr(domain, "..")) {
		err_coded(e, NULL, "email_form", "email \"{1}\" needs a domain after the @, like example.jp", email, NULL);
		return NULL;
	}
	char *out = xstrdup(email);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return out;
}

int user_token_name_check(const char *name, struct err *e)
{
	size_t chars = 0;
	if (!text_utf8_valid(name, strlen(name))) {
		err_set(e, "token name contains a control character or invalid UTF-8");
		return -1;
	}
	for (const char *p = name; *p; chars++) {
		uint32_t cp = text_utf8_next(&p);
		if (cp < 0x20 || cp == 0x7F) {
			err_set(e, "token name contains a control character or invalid UTF-8");
			return -1;
		}
	}
	if (chars > 100) {
		err_set(e, "token name is longer than 100 characters");
		return -1;
	}
	return 0;
}

int user_profile_check(const char *what, const char *s, struct err *e)
{
	size_t units = 0;
	if (!text_utf8_valid(s, strlen(s))) {
		err_set(e, "%s contains a control character or invalid UTF-8", what);
		return -1;
	}
	for (const char *p = s; *p;) {
		uint32_t cp = text_utf8_next(&p);
		if (cp < 0x20 || cp == 0x7F) {
			err_set(e, "%s contains a control character or invalid UTF-8", what);
			return -1;
		}
		units += cp > 0xFFFF ? 2 : 1; /* counted as a spreadsheet cell counts */
	}
	if (units > USER_PROFILE_MAX) {
		err_set(e, "%s is longer than %d characters", what, USER_PROFILE_MAX);
		return -1;
	}
	return 0;
}

char *user_label(const struct user *u)
{
	if (!u->name || !*u->name)
		return xstrdup(u->email);
	if (!u->department || !*u->department)
		return xstrdup(u->name);
	size_t n = strlen(u->name) + strlen(u->department) + sizeof "（）";
	char *s = xmalloc(n);
	int w = snprintf(s, n, "%s（%s）", u->name, u->department);
	if (w < 0 || (size_t)w >= n) /* cannot be: n is their sum */
		s[0] = '\0';
	return s;
}
