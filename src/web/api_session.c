#include "web/api_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/account.h"
#include "service/audit_log.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* Records an event of the signed-in caller outside any transaction of its
 * own (the change it records is already one statement of the service). */
static int audit_caller(struct store *st, const struct http_request *req, enum audit_action action,
			json_t *details, struct err *e)
{
	int rc = audit_log(st, req->who.user->email, req->who.user->org_id, action, details, e, "user:%lld",
			   req->who.user->id);
	json_decref(details);
	return rc;
}

static void set_cookie(struct http_response *resp, const struct http_request *req, const char *token)
{
	char v[TOKEN_MAX + 128];
	int n = token ? snprintf(v, sizeof v, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", AUTH_COOKIE, token,
				 req->secure_cookies ? "; Secure" : "")
		      : snprintf(v, sizeof v, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", AUTH_COOKIE,
				 req->secure_cookies ? "; Secure" : "");
	if (n > 0 && (size_t)n < sizeof v)
		http_response_header(resp, "Set-Cookie", v);
}

static json_t *me_json(const struct user *u, const struct org *org, const char *session_token)
{
	json_t *me = json_pack("{s:s, s:s, s:{s:I, s:s, s:s}, s:b, s:b}", "email", u->email, "role",
			       user_role_name(u->role), "org", "id", (json_int_t)org->id, "name", org->name, "kind",
			       org_kind_name(org->kind), "must_change_password", u->must_change_password,
			       "totp_enabled", u->totp_enabled);
	if (session_token && *session_token) {
		char csrf[TOKEN_MAX];
		auth_csrf_token(session_token, csrf);
		json_object_set_new(me, "csrf_token", json_string(csrf));
		sodium_memzero(csrf, sizeof csrf);
	}
	return me;
}

/* A string member, or NULL (absent or null); 400 answered for another type. */
static int opt_string(const json_t *body, const char *name, const char **out, struct http_response *resp)
{
	const json_t *v = json_object_get(body, name);
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		http_json_error(resp, 400, "bad_request", "%s must be a string", name);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

/* The members named, all strings, the last ones optional from nreq on. */
static json_t *strings_body(struct http_request *req, struct http_response *resp, const char *const *fields,
			    size_t nreq, const char **out)
{
	json_t *body;
	if (http_json_parse(req, resp, &body) < 0)
		return NULL;
	if (http_json_fields(body, fields, resp) < 0)
		goto bad;
	for (size_t i = 0; fields[i]; i++) {
		if (opt_string(body, fields[i], &out[i], resp) < 0)
			goto bad;
		if (i < nreq && !out[i]) {
			http_json_error(resp, 400, "bad_request", "%s is required", fields[i]);
			goto bad;
		}
	}
	return body;
bad:
	json_decref(body);
	return NULL;
}

/* The login or login_failed event. Returns -1 if it could not be written. */
static int login_audit(struct store *st, const struct http_request *req, const char *email,
		       const struct auth_login *login, int rc)
{
	struct err e = { 0 }, ignore = { 0 };
	json_t *details = json_pack("{s:s}", "remote", req->remote);
	const char *actor = "unknown";
	char *typed = NULL;
	if (rc != AUTH_OK)
		json_object_set_new(details, "reason", json_string(auth_failure_name(login->failure)));
	if (login->user) {
		actor = login->user->email;
	} else if ((typed = user_email_normalise(email, &ignore))) {
		/* Only what is an address: a password typed into the wrong
		 * field must not end up in a trail that is never erased. */
		json_object_set_new(details, "email", json_string(typed));
	}
	int ok = audit_log(st, actor, login->user ? login->user->org_id : 0,
			   rc == AUTH_OK ? AUDIT_LOGIN : AUDIT_LOGIN_FAILED, details, &e, "session:%lld",
			   rc == AUTH_OK ? login->session_id : 0LL);
	json_decref(details);
	free(typed);
	return ok;
}

void api_session_create(struct http_request *req, struct http_response *resp)
{
	static const char *const fields[] = { "email", "password", "totp", NULL };
	const char *v[3];
	struct store *st = api_store(req, resp);
	json_t *body = st ? strings_body(req, resp, fields, 2, v) : NULL;
	if (!body)
		return;
	struct auth_login login = { 0 };
	struct err e = { 0 };
	int rc = auth_login(st, req->auth, v[0], v[1], v[2], req->remote, &login, &e);
	if (rc >= 0 && login_audit(st, req, v[0], &login, rc) < 0) {
		/* A sign-in the trail does not show must not stand. */
		struct err ignore = { 0 };
		if (rc == AUTH_OK)
			auth_logout(st, login.session_token, &ignore);
		rc = -1;
		err_set(&e, "the audit trail could not record the sign-in");
	}
	if (rc < 0) {
		api_internal(resp, &e);
	} else if (rc == AUTH_THROTTLED) {
		time_t now = 0;
		struct err ignore = { 0 };
		clock_now(&now, &ignore);
		char after[24];
		int n = snprintf(after, sizeof after, "%lld",
				 (long long)(login.retry_after > now ? login.retry_after - now : 1));
		if (n > 0 && (size_t)n < sizeof after)
			http_response_header(resp, "Retry-After", after);
		http_json_error(resp, 429, "too_many_attempts", "%s", e.msg);
	} else if (rc == AUTH_DENIED) {
		http_json_error(resp, 401, "unauthorized", "%s", e.msg);
	} else {
		struct org *org = NULL;
		if (store_org_get_id(st, login.user->org_id, &org, &e) != STORE_OK) {
			api_internal(resp, &e);
		} else {
			char at[21];
			clock_format(login.expires_at, at);
			json_t *me = me_json(login.user, org, login.session_token);
			json_object_set_new(me, "expires_at", json_string(at));
			set_cookie(resp, req, login.session_token);
			http_json_send(resp, 200, me);
		}
		org_free(org);
	}
	auth_login_release(&login);
	json_decref(body);
}

void api_session_delete(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	if (!req->session_token[0]) {
		http_json_error(resp, 400, "bad_request", "no session to end: this request came with an API token");
		return;
	}
	int rc = auth_logout(st, req->session_token, &e);
	if (rc < 0) {
		api_internal(resp, &e);
		return;
	}
	if (rc == AUTH_OK && audit_caller(st, req, AUDIT_LOGOUT, NULL, &e) < 0)
		http_response_note(resp, e.msg);
	set_cookie(resp, req, NULL);
	http_json_send(resp, 200, json_pack("{s:b}", "signed_out", true));
}

void api_me(struct http_request *req, struct http_response *resp)
{
	http_json_send(resp, 200, me_json(req->who.user, req->org, req->session_token));
}

void api_me_password(struct http_request *req, struct http_response *resp)
{
	static const char *const fields[] = { "current", "new", NULL };
	const char *v[2];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = st ? strings_body(req, resp, fields, 2, v) : NULL;
	if (!body)
		return;
	if (account_password_change(st, req->who.user->id, v[0], v[1], req->who.session_id, &e) < 0) {
		http_json_error(resp, 400, "bad_request", "%s", e.msg);
	} else {
		if (audit_caller(st, req, AUDIT_PASSWORD_CHANGE, NULL, &e) < 0)
			http_response_note(resp, e.msg);
		http_json_send(resp, 200, json_pack("{s:b}", "changed", true));
	}
	json_decref(body);
}

void api_me_totp_begin(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct account_totp_enrolment en = { 0 };
	if (account_totp_begin(st, req->auth, req->who.user->id, req->org->name, &en, &e) < 0)
		http_json_error(resp, 400, "bad_request", "%s", e.msg);
	else
		http_json_send(resp, 200, json_pack("{s:s, s:s}", "secret", en.base32, "otpauth_uri", en.uri));
	account_totp_enrolment_release(&en);
}

void api_me_totp_confirm(struct http_request *req, struct http_response *resp)
{
	static const char *const fields[] = { "code", NULL };
	const char *v[1];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = st ? strings_body(req, resp, fields, 1, v) : NULL;
	if (!body)
		return;
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1];
	if (account_totp_confirm(st, req->auth, req->who.user->id, v[0], codes, &e) < 0) {
		http_json_error(resp, 400, "bad_request", "%s", e.msg);
	} else {
		json_t *list = json_array();
		for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++)
			json_array_append_new(list, json_string(codes[i]));
		sodium_memzero(codes, sizeof codes);
		if (audit_caller(st, req, AUDIT_TOTP_ENROL, NULL, &e) < 0)
			http_response_note(resp, e.msg);
		http_json_send(resp, 200, json_pack("{s:b, s:o}", "totp_enabled", true, "recovery_codes", list));
	}
	json_decref(body);
}
