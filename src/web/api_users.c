#include "web/api_users.h"

#include <sodium.h>
#include <stdlib.h>

#include "service/account.h"
#include "service/users.h"
#include "web/api_reply.h"
#include "web/http_json.h"

static json_t *user_json(const struct user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s}", "id", (json_int_t)u->id, "email", u->email,
			 "name", u->name, "department", u->department, "role", user_role_name(u->role),
			 "must_change_password", u->must_change_password, "totp_enabled", u->totp_enabled, "disabled",
			 u->disabled, "created_at", u->created_at);
}

void api_users_list(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	struct store *st = api_store(req, resp);
	struct user **users;
	size_t n;
	if (!st)
		return;
	if (users_list(st, req->org->id, &users, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, user_json(users[i]));
		user_free(users[i]);
	}
	free(users);
	http_json_send(resp, 200, arr);
}

/*
 * The administrator's own password, asked again: a stolen session must not
 * add a user (a new credential) or change one (a role, access, a second
 * factor). False having answered (400 without it or with a wrong one, 429
 * throttled); a wrong one is an event of action {"result":"failed"}.
 */
static bool reauthenticated(struct http_request *req, struct http_response *resp, struct store *st,
			    const char *password, enum audit_action action)
{
	struct err e = { 0 };
	time_t until = 0;
	if (!password) {
		http_json_problem(resp, 400, "bad_request", "confirm_password", NULL, 0,
				  "password is required: your own, to confirm the change");
		return false;
	}
	int rc = account_recheck(st, req->auth, req->who.user, password, req->who.user->email, action, &until, &e);
	if (rc != OUTCOME_OK)
		api_refused_until(resp, rc, until, &e);
	return rc == OUTCOME_OK;
}

/* The answer of a write that issued a one-time password (rc 0: u with
 * otp, shown this once, at status), or its refusal; otp is wiped either way. */
static void send_with_password(struct http_response *resp, int rc, int status, const struct user *u, char *otp,
			       const struct err *e)
{
	if (rc == 0) {
		json_t *out = user_json(u);
		json_object_set_new(out, "one_time_password", json_string(otp));
		http_json_send(resp, status, out);
	} else {
		api_refused(resp, rc, e, NULL);
	}
	sodium_memzero(otp, PASSWORD_GENERATED_LEN + 1);
}

void api_users_add(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "email", HTTP_JSON_STRING, .required = true },
		{ "role", HTTP_JSON_STRING, .required = true },
		{ "password", HTTP_JSON_STRING, .nullable = true },
		{ "name", HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ "department", HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ 0 },
	};
	const char *v[5];
	struct err e = { 0 };
	json_t *body;
	struct store *st = api_json_request(req, resp, NULL, NULL, NULL, fields, &body);
	if (!st)
		return;
	http_json_strs(body, fields, v);
	if (!reauthenticated(req, resp, st, v[2], AUDIT_USER_ADD)) {
		json_decref(body);
		return;
	}
	char otp[PASSWORD_GENERATED_LEN + 1];
	struct user *u = NULL;
	struct user_profile p = { v[3], v[4] };
	int rc = users_add(st, req->org->id, v[0], v[1], &p, req->who.user->email, otp, &u, &e);
	send_with_password(resp, rc, 201, u, otp, &e);
	user_free(u);
	json_decref(body);
}

/* The body of a PUT as a change; -1 having answered 400. */
static int parse_change(const json_t *body, struct users_change *c, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ .name = "role", .type = HTTP_JSON_STRING },
		{ .name = "disabled", .type = HTTP_JSON_BOOLEAN },
		{ .name = "totp_reset", .type = HTTP_JSON_BOOLEAN },
		{ .name = "password", .type = HTTP_JSON_STRING },
		{ .name = "name", .type = HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ .name = "department", .type = HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ 0 },
	};
	if (http_json_check(body, fields, resp) < 0)
		return -1;
	const json_t *dis = json_object_get(body, "disabled"), *reset = json_object_get(body, "totp_reset");
	if (reset && !json_is_true(reset)) {
		http_json_error(resp, 400, "bad_request", "totp_reset must be true (or absent)");
		return -1;
	}
	c->role = http_json_str(body, "role", NULL);
	c->disabled = dis ? json_is_true(dis) : -1;
	c->totp_reset = reset != NULL;
	c->name = http_json_str(body, "name", NULL);
	c->department = http_json_str(body, "department", NULL);
	return 0;
}

void api_users_update(struct http_request *req, struct http_response *resp)
{
	struct err e = { 0 };
	long long id;
	json_t *body = NULL;
	struct store *st = api_store(req, resp);
	if (!st || !api_id_param(req, "id", "user", &id, resp) || http_json_parse(req, resp, &body) < 0)
		return;
	struct users_change c = { 0 };
	struct user *u = NULL;
	if (parse_change(body, &c, resp) == 0 &&
	    reauthenticated(req, resp, st, http_json_str(body, "password", NULL), AUDIT_USER_UPDATE)) {
		int rc = users_update(st, req->org->id, req->who.user->id, id, &c, req->who.user->email, &u, &e);
		if (rc == 0)
			http_json_send(resp, 200, user_json(u));
		else
			api_refused(resp, rc, &e, NULL);
	}
	user_free(u);
	json_decref(body);
}

void api_users_reset(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "password", HTTP_JSON_STRING, .required = false },
		{ 0 },
	};
	struct err e = { 0 };
	long long id;
	json_t *body;
	struct store *st = api_json_request(req, resp, "id", "user", &id, fields, &body);
	if (!st)
		return;
	char otp[PASSWORD_GENERATED_LEN + 1];
	struct user *u = NULL;
	if (reauthenticated(req, resp, st, http_json_str(body, "password", NULL), AUDIT_PASSWORD_RESET)) {
		int rc = users_reset_password(st, req->org->id, req->who.user->id, id, req->who.user->email, otp, &u,
					      &e);
		send_with_password(resp, rc, 200, u, otp, &e);
	}
	user_free(u);
	json_decref(body);
}

void api_me_update(struct http_request *req, struct http_response *resp)
{
	static const struct http_json_field fields[] = {
		{ "name", HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ "department", HTTP_JSON_STRING, .max = USER_PROFILE_MAX },
		{ 0 },
	};
	struct err e = { 0 };
	json_t *body;
	struct store *st = api_json_request(req, resp, NULL, NULL, NULL, fields, &body);
	if (!st)
		return;
	struct users_change c = { .disabled = -1 };
	c.name = http_json_str(body, "name", NULL);
	c.department = http_json_str(body, "department", NULL);
	struct user *u = NULL;
	if (!c.name && !c.department) {
		http_json_problem(resp, 400, "bad_request", "nothing_to_set", NULL, 0,
				  "nothing to change: give name or department");
	} else {
		const struct user *me = req->who.user;
		int rc = users_update(st, me->org_id, me->id, me->id, &c, me->email, &u, &e);
		if (rc == 0)
			http_json_send(resp, 200, user_json(u));
		else
			api_refused(resp, rc, &e, NULL);
	}
	user_free(u);
	json_decref(body);
}
