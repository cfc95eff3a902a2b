#include "web/api_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "formats/qr_svg.h"
#include "service/account.h"
#include "service/lookup.h"
#include "web/api_reply.h"
#include "web/http_json.h"

/* 429 with Retry-After: the seconds until the lock ends at until. */
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
	json_object_set_new(me, "name", json_string(u->name ? u->name : ""));
	json_object_set_new(me, "department", json_string(u->department ? u->department : ""));
	if (session_token && *session_token) {
		char csrf[TOKEN_MAX];
		auth_csrf_token(session_token, csrf);
		json_object_set_new(me, "csrf_token", json_string(csrf));
		sodium_memzero(csrf, sizeof csrf);
	}
	return me;
}

void api_session_create(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "email", HTTP_JSON_STRING, .required = true },
		{ "password", HTTP_JSON_STRING, .required = true },
		{ "totp", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	const char *v[3];
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	struct auth_login login = { 0 };
	struct err e = { 0 };
	int rc = auth_login(st, req->auth, v[0], v[1], v[2], req->remote, &login, &e);
	if (rc == OUTCOME_THROTTLED)
		http_response_note(resp, login.first_refusal
						 ? "throttled; recorded as the lock's first refusal"
						 : "throttled; not recorded in the audit trail (not the lock's first refusal)");
	if (rc == OUTCOME_DENIED && login.failure == AUTH_FAIL_CODE) {
		/* Refused only for the TOTP code (the password right, the account
		 * in use): said as such, so the page keeps the password typed and
		 * asks for the code alone. Nothing is weakened: the retry sends
		 * the password again and every check runs again; the answer tells
		 * only one who already has the password, and the failure counted
		 * towards the account's lock as every other (docs/security.md). */
		http_json_error(resp, 401, "code_required", "wrong or missing code: send the password again with the code");
	} else if (rc != OUTCOME_OK) {
		api_refused_until(resp, rc, login.retry_after, &e);
	} else {
		struct org *org = NULL;
		if (lookup_org_id(st, login.user->org_id, &org, &e) != OUTCOME_OK) {
			api_internal(resp, &e);
		} else {
			char at[CLOCK_TEXT_SIZE];
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
	if (auth_logout(st, req->session_token, req->who.user->email, req->who.user->org_id, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	set_cookie(resp, req, NULL);
	http_json_send(resp, 200, json_pack("{s:b}", "signed_out", true));
}

void api_me(struct http_request *req, struct http_response *resp)
{
	http_json_send(resp, 200, me_json(req->who.user, req->org, req->session_token));
}

void api_me_password(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "current", HTTP_JSON_STRING, .required = true },
		{ "new", HTTP_JSON_STRING, .required = true },
		{ 0 },
	};
	const char *v[2];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	time_t until;
	int rc = account_password_change(st, req->auth, req->who.user->id, v[0], v[1], req->who.session_id,
					 req->who.user->email, &until, &e);
	if (rc == OUTCOME_OK)
		http_json_send(resp, 200, json_pack("{s:b}", "changed", true));
	else
		api_refused_until(resp, rc, until, &e);
	json_decref(body);
}

void api_me_totp_begin(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "password", HTTP_JSON_STRING, .required = true },
		{ 0 },
	};
	const char *v[1];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	struct account_totp_enrolment en = { 0 };
	time_t until;
	int rc = account_totp_begin(st, req->auth, req->who.user->id, req->org->name, v[0], req->who.user->email,
				    &until, &en, &e);
	char *qr = NULL;
	int qr_size = 0;
	if (rc == OUTCOME_OK && qr_svg_path(en.uri, &qr, &qr_size, &e) < 0)
		rc = -1;
	if (rc == OUTCOME_OK)
		http_json_send(resp, 200,
			       json_pack("{s:s, s:s, s:i, s:s}", "secret", en.base32, "otpauth_uri", en.uri, "qr_size",
					 qr_size, "qr_svg_path", qr));
	else
		api_refused_until(resp, rc, until, &e);
	free(qr);
	account_totp_enrolment_release(&en);
	json_decref(body);
}

void api_me_totp_confirm(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "password", HTTP_JSON_STRING, .required = true },
		{ "code", HTTP_JSON_STRING, .required = true },
		{ 0 },
	};
	const char *v[2];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_LEN + 1];
	time_t until;
	int rc = account_totp_confirm(st, req->auth, req->who.user->id, v[0], v[1], req->who.user->email, &until,
				      codes, &e);
	if (rc == OUTCOME_OK) {
		json_t *list = json_array();
		for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++)
			json_array_append_new(list, json_string(codes[i]));
		sodium_memzero(codes, sizeof codes);
		http_json_send(resp, 200, json_pack("{s:b, s:o}", "totp_enabled", true, "recovery_codes", list));
	} else {
		api_refused_until(resp, rc, until, &e);
	}
	json_decref(body);
}

static json_t *token_json(const struct user_token *t)
{
	return json_pack("{s:I, s:s, s:s, s:s?, s:b}", "id", (json_int_t)t->id, "name", t->name, "created_at",
			 t->created_at, "last_used_at", t->last_used_at, "revoked", t->revoked);
}

void api_me_tokens_list(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	struct user_token **ts;
	size_t n;
	if (!st)
		return;
	if (account_tokens_list(st, req->who.user->id, &ts, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, token_json(ts[i]));
		user_token_free(ts[i]);
	}
	free(ts);
	http_json_send(resp, 200, arr);
}

void api_me_tokens_create(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "password", HTTP_JSON_STRING, .required = true },
		{ "name", HTTP_JSON_STRING, .nullable = true },
		{ 0 },
	};
	const char *v[2];
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	json_t *body = NULL;
	if (!st || http_json_body(req, resp, fields, &body) < 0)
		return;
	http_json_strs(body, fields, v);
	char token[TOKEN_MAX];
	struct user_token *t = NULL;
	time_t until;
	int rc = account_token_create_checked(st, req->auth, req->who.user->id, v[0], v[1] ? v[1] : "",
					      req->who.user->email, &until, token, &t, &e);
	if (rc == OUTCOME_OK) {
		json_t *out = token_json(t);
		json_object_del(out, "last_used_at");
		json_object_del(out, "revoked");
		json_object_set_new(out, "token", json_string(token));
		sodium_memzero(token, sizeof token);
		http_json_send(resp, 201, out);
	} else {
		api_refused_until(resp, rc, until, &e);
	}
	user_token_free(t);
	json_decref(body);
}

void api_me_tokens_revoke(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	long long id;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "API token", &id, resp))
		return;
	int rc = account_token_revoke_own(st, req->who.user->id, id, req->who.user->email, &e);
	if (rc == 0)
		http_json_send(resp, 200, json_pack("{s:I, s:b}", "id", (json_int_t)id, "revoked", true));
	else
		api_refused(resp, rc, &e, NULL);
}
