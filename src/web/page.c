#include "web/page.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "formats/html_tmpl.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "web/embedded.h"
#include "web/http_json.h"
#include "web/page_time.h"
#include "web/router.h"

#define TEMPLATE_DIR "web/templates/"
#define I18N_DIR "web/i18n/"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct tmpl_set *templates;
static json_t *messages[LANG_COUNT];
static struct err load_err;
static int load_rc;

/* The part of path between prefix and suffix, into out; false if path is
 * not prefix...suffix or the part does not fit. */
static bool strip(const char *path, const char *prefix, const char *suffix, char *out, size_t size)
{
	size_t lp = strlen(prefix), ls = strlen(suffix), n = strlen(path);
	if (n <= lp + ls || strncmp(path, prefix, lp) != 0 || strcmp(path + n - ls, suffix) != 0)
		return false;
	n -= lp + ls;
	if (n >= size)
		return false;
	memcpy(out, path + lp, n);
	out[n] = 0;
	return true;
}

/* Merges one message file into into: a flat object of strings, no key twice. */
static int merge_messages(json_t *into, const struct embedded_file *f, struct err *e)
{
	json_error_t je;
	json_t *o = json_loadb((const char *)f->bytes, f->len, JSON_REJECT_DUPLICATES, &je);
	int rc = 0;
	if (!o || !json_is_object(o)) {
		err_set(e, "%s: not a JSON object%s%s", f->path, o ? "" : ": ", o ? "" : je.text);
		rc = -1;
	} else {
		const char *k;
		json_t *v;
		json_object_foreach(o, k, v) {
			if (!json_is_string(v)) {
				err_set(e, "%s: message \"%s\" is not text", f->path, k);
				rc = -1;
				break;
			}
			if (json_object_get(into, k)) {
				err_set(e, "%s: message \"%s\" is in another file too", f->path, k);
				rc = -1;
				break;
			}
			json_object_set(into, k, v);
		}
	}
	json_decref(o);
	return rc;
}

/* Every key of a is in b: 0, or -1 naming the first that is not. */
static int same_keys(const json_t *a, enum lang la, const json_t *b, enum lang lb, struct err *e)
{
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)a, k, v) {
		if (!json_object_get(b, k)) {
			err_set(e, "%s%s-*.json: no message \"%s\" that %s has", I18N_DIR, lang_code(lb), k,
				lang_code(la));
			return -1;
		}
	}
	return 0;
}

static int load(struct err *e)
{
	char name[128];
	templates = tmpl_set_new();
	for (enum lang l = 0; l < LANG_COUNT; l++)
		messages[l] = json_object();
	for (size_t i = 0; i < embedded_n_files; i++) {
		const struct embedded_file *f = &embedded_files[i];
		if (strip(f->path, TEMPLATE_DIR, ".html", name, sizeof name)) {
			if (tmpl_set_add(templates, name, (const char *)f->bytes, f->len, e) < 0)
				return -1;
			continue;
		}
		for (enum lang l = 0; l < LANG_COUNT; l++) {
			char prefix[32];
			if (snprintf(prefix, sizeof prefix, "%s%s-", I18N_DIR, lang_code(l)) >= (int)sizeof prefix) {
				err_set(e, "language prefix too long");
				return -1;
			}
			if (strip(f->path, prefix, ".json", name, sizeof name) && merge_messages(messages[l], f, e) < 0)
				return -1;
		}
	}
	if (tmpl_set_check(templates, e) < 0)
		return -1;
	if (same_keys(messages[LANG_JA], LANG_JA, messages[LANG_EN], LANG_EN, e) < 0 ||
	    same_keys(messages[LANG_EN], LANG_EN, messages[LANG_JA], LANG_JA, e) < 0)
		return -1;
	return 0;
}

static void load_once(void)
{
	load_rc = load(&load_err);
}

int page_assets_check(struct err *e)
{
	pthread_once(&once, load_once);
	if (load_rc < 0)
		err_set(e, "%s", load_err.msg);
	return load_rc;
}

const char *page_message(enum lang l, const char *key)
{
	struct err ignored = { 0 };
	if (page_assets_check(&ignored) < 0)
		return NULL;
	return json_string_value(json_object_get(messages[l], key));
}

enum lang page_lang(const struct http_request *req)
{
	char cookie[8];
	bool has = http_cookie(req, LANG_COOKIE, cookie, sizeof cookie);
	return lang_pick(has ? cookie : NULL, http_header(req, "Accept-Language"));
}

bool page_local_path(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return false;
	size_t n = 0;
	for (const char *p = next; *p; p++, n++)
		if (*p <= ' ' || *p > '~' || *p == '\\' || n >= 512)
			return false;
	return true;
}

void page_redirect(struct http_response *resp, const char *location)
{
	http_response_header(resp, "Location", location);
	http_response_set_static(resp, 303, "text/plain; charset=utf-8", "", 0);
}

/* req's path and query, percent-encoded again: where to come back to. */
static void here(const struct http_request *req, struct strbuf *sb)
{
	strbuf_addstr(sb, req->path);
	for (size_t i = 0; i < req->n_query; i++) {
		strbuf_addch(sb, i ? '&' : '?');
		text_percent_encode(sb, req->query[i].name, strlen(req->query[i].name));
		if (req->query[i].value) {
			strbuf_addch(sb, '=');
			text_percent_encode(sb, req->query[i].value, strlen(req->query[i].value));
		}
	}
}

void page_refused(struct http_request *req, struct http_response *resp, int status, const char *code,
		  const char *message)
{
	if (status == 401) {
		struct strbuf back = STRBUF_INIT, to = STRBUF_INIT;
		here(req, &back);
		strbuf_addstr(&to, "/login");
		if (strcmp(back.buf, "/") != 0) {
			strbuf_addstr(&to, "?next=");
			text_percent_encode(&to, back.buf, back.len);
		}
		page_redirect(resp, to.buf);
		strbuf_release(&back);
		strbuf_release(&to);
		return;
	}
	if (status == 403 && code && strcmp(code, "password_change_required") == 0) {
		page_redirect(resp, "/account/password");
		return;
	}
	char key[32];
	if (status != 403 && status != 404 && status != 409 && status != 400 && status != 429)
		status = status >= 500 ? 500 : 400;
	if (snprintf(key, sizeof key, "error.%d", status) >= (int)sizeof key)
		key[0] = 0;
	/* The API's message is English, for its clients: a Japanese page
	 * keeps to its own words for the status. */
	const char *said = message && page_lang(req) == LANG_EN ? message : "";
	page_render(req, resp, status, "error", key,
		    json_pack("{s:i, s:s, s:s}", "status", status, "code", code ? code : "", "message", said));
}

/* Splits query (percent-encoded "a=1&b") into sub's arguments: 0, or -1 having answered r. */
static int add_query(struct http_request *sub, char *query, struct http_response *r)
{
	for (char *arg = query; arg && *arg;) {
		char *amp = strchr(arg, '&');
		if (amp)
			*amp = 0;
		char *eq = strchr(arg, '=');
		if (eq)
			*eq = 0;
		if (*arg && router_add_query(sub, arg, eq ? eq + 1 : NULL, r) < 0)
			return -1;
		arg = amp ? amp + 1 : NULL;
	}
	return 0;
}

/* src into dst (size bytes), cut if need be at a character's start so the
 * text stays UTF-8: the message is a detail, the code short. */
static void copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = 0;
}

/* why from r, the API's answer: its status, the error's code and message
 * (cut to fit) and its Retry-After, each "" when it gave none. */
static void error_of(const struct http_response *r, struct page_error *why)
{
	json_t *doc = r->body ? json_loadb(r->body, r->body_len, 0, NULL) : NULL;
	json_t *err = json_object_get(doc, "error");
	const char *code = json_string_value(json_object_get(err, "code"));
	const char *message = json_string_value(json_object_get(err, "message"));
	why->status = r->status ? r->status : 500; /* no handler answered: ours to fix */
	copy_cut(why->code, sizeof why->code, code ? code : "");
	copy_cut(why->message, sizeof why->message, message ? message : "");
	why->retry_after[0] = 0;
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcasecmp(r->headers[i].name, "Retry-After") == 0)
			copy_cut(why->retry_after, sizeof why->retry_after, r->headers[i].value);
	json_decref(doc);
}

int page_fetch_why(struct http_request *req, struct http_response *resp, const char *path, json_t **out,
		   struct page_error *why)
{
	*out = NULL;
	*why = (struct page_error){ .status = 200 };
	char *copy = xstrdup(path);
	char *query = strchr(copy, '?');
	if (query)
		*query++ = 0;
	struct http_request sub = {
		.method = "GET",
		.path = copy,
		.header_fn = req->header_fn,
		.header_cls = req->header_cls,
		.db_path = req->db_path,
		.auth = req->auth,
		.secure_cookies = req->secure_cookies,
	};
	memcpy(sub.request_id, req->request_id, sizeof sub.request_id);
	memcpy(sub.remote, req->remote, sizeof sub.remote);
	memcpy(sub.peer, req->peer, sizeof sub.peer);
	struct http_response r = { 0 };
	sub.routes = req->routes;
	sub.n_routes = req->n_routes;
	const struct route *route = router_match(req->routes, req->n_routes, &sub, &r);
	struct route_refusal refusal;
	if (route && add_query(&sub, query, &r) == 0) {
		if (router_authorize(route, &sub, &r, &refusal) == 0)
			route->handler(&sub, &r);
		else
			page_refusal_answer(route, &sub, &r, &refusal);
	}
	int status = r.status;
	if (status == 200) {
		json_error_t je;
		*out = r.body_len <= PAGE_FETCH_MAX ? json_loadb(r.body, r.body_len, 0, &je) : NULL;
		if (!*out) {
			status = -1;
			*why = (struct page_error){ .status = -1, .code = "internal" };
			http_response_note(resp, "a page could not read the API's answer");
		}
	} else {
		error_of(&r, why);
		if (status >= 500 || status == 0)
			http_response_note(resp, r.log_note[0] ? r.log_note : why->message);
	}
	http_response_release(&r);
	http_request_release(&sub);
	free(copy);
	return status;
}

void page_refusal_answer(const struct route *route, struct http_request *req, struct http_response *resp,
			 const struct route_refusal *why)
{
	if (!why->status)
		return;
	if (route->flags & ROUTE_PAGE)
		page_refused(req, resp, why->status, why->code, why->message);
	else if (why->problem)
		http_json_problem(resp, why->status, why->code, why->problem, (const char *[]){ why->problem_arg }, 1, "%s",
				  why->message);
	else
		http_json_error(resp, why->status, why->code, "%s", why->message);
}

void page_refused_why(struct http_request *req, struct http_response *resp, const struct page_error *why)
{
	if (why->status == 429 && why->retry_after[0])
		http_response_header(resp, "Retry-After", why->retry_after);
	page_refused(req, resp, why->status > 0 ? why->status : 500, why->code, why->message);
}

int page_fetch(struct http_request *req, struct http_response *resp, const char *path, bool answer,
	       json_t **out)
{
	struct page_error why;
	int status = page_fetch_why(req, resp, path, out, &why);
	if (status != 200 && answer)
		page_refused_why(req, resp, &why);
	return status;
}

/* What the caller's role may do, for the templates to show or hide. */
static json_t *abilities(enum user_role role)
{
	return json_pack("{s:b, s:b, s:b, s:b, s:b, s:b, s:b}", "edit", user_role_can(role, ACTION_ANSWERS_EDIT),
			 "submit", user_role_can(role, ACTION_SUBMIT), "share", user_role_can(role, ACTION_SHARE),
			 "review", user_role_can(role, ACTION_REVIEW), "criteria",
			 user_role_can(role, ACTION_CRITERIA_EDIT), "audit", user_role_can(role, ACTION_AUDIT_READ),
			 "admin", user_role_can(role, ACTION_ADMIN_USERS));
}

/* notify: {unread, email} of the caller for the header's count and the
 * account page, read through the API like anything a page shows; left out
 * when it cannot be had (a page still renders without its count). */
static void page_notify_state(struct http_request *req, struct http_response *resp, json_t *d)
{
	json_t *list = NULL;
	if (json_object_get(d, "notify") || page_fetch(req, resp, "/api/v1/notifications?limit=1", false, &list) != 200)
		return;
	json_object_set_new(d, "notify", json_pack("{s:O, s:O}", "unread", json_object_get(list, "unread"), "email",
						   json_object_get(list, "email")));
	json_decref(list);
}

void page_render(struct http_request *req, struct http_response *resp, int status, const char *tmpl,
		 const char *title_key, json_t *data)
{
	struct err e = { 0 };
	json_t *d = data ? data : json_object();
	if (page_assets_check(&e) < 0) {
		json_decref(d);
		http_response_note(resp, e.msg);
		http_response_set_static(resp, 500, "text/plain; charset=utf-8", "internal error\n", 15);
		return;
	}
	/* Every page shows times the one way (page_time.h). */
	page_times(d);
	enum lang l = page_lang(req);
	const char *title = json_string_value(json_object_get(messages[l], title_key ? title_key : ""));
	json_object_set_new(d, "lang", json_string(lang_code(l)));
	json_object_set_new(d, "lang_other", json_string(lang_code(l == LANG_JA ? LANG_EN : LANG_JA)));
	json_object_set_new(d, "title", json_string(title ? title : "Shinsa"));
	json_object_set_new(d, "path", json_string(req->path));
	if (!json_is_array(json_object_get(d, "scripts")))
		json_object_set_new(d, "scripts", json_array());
	char csrf[TOKEN_MAX] = "";
	if (req->session_token[0])
		auth_csrf_token(req->session_token, csrf);
	json_object_set_new(d, "csrf", json_string(csrf));
	const struct user *u = req->who.user;
	if (u && req->org) {
		json_object_set_new(d, "me",
				    json_pack("{s:s, s:s, s:s, s:s, s:b, s:{s:b, s:b}}", "email", u->email, "role",
					      user_role_name(u->role), "org", req->org->name, "kind",
					      org_kind_name(req->org->kind), "totp", u->totp_enabled, "is",
					      user_role_name(u->role), 1, org_kind_name(req->org->kind), 1));
		/* The header names the signed-in person by 氏名, the e-mail its title. */
		json_t *me = json_object_get(d, "me");
		bool named = u->name && *u->name;
		json_object_set_new(me, "label", json_string(named ? u->name : u->email));
		json_object_set_new(me, "named", json_boolean(named));
		json_object_set_new(d, "connector", json_boolean(req->org->kind == ORG_CONNECTOR));
		json_object_set_new(d, "bank", json_boolean(req->org->kind == ORG_BANK));
		json_object_set_new(d, "can", abilities(u->role));
		page_notify_state(req, resp, d);
	}
	struct strbuf out = STRBUF_INIT;
	if (tmpl_render(templates, tmpl, d, messages[l], &out, &e) < 0) {
		strbuf_release(&out);
		http_response_note(resp, e.msg);
		http_response_set_static(resp, 500, "text/plain; charset=utf-8", "internal error\n", 15);
	} else {
		size_t n = out.len;
		http_response_set(resp, status, "text/html; charset=utf-8", strbuf_detach(&out), n);
		http_response_header(resp, "Content-Language", lang_code(l));
	}
	json_decref(d);
}

int page_fetch_catalog(struct http_request *req, struct http_response *resp, const char *id, bool answer,
		       json_t **out)
{
	struct strbuf path = STRBUF_INIT;
	strbuf_addstr(&path, "/api/v1/catalogs/");
	if (id)
		text_percent_encode(&path, id, strlen(id));
	int rc = page_fetch(req, resp, path.buf, answer, out);
	strbuf_release(&path);
	return rc;
}

const json_t *page_item(const json_t *items, json_int_t no)
{
	size_t i;
	const json_t *it;
	json_array_foreach(items, i, it)
		if (json_integer_value(json_object_get(it, "no")) == no)
			return it;
	return NULL;
}

const char *page_text(const json_t *obj, const char *name)
{
	const char *s = json_string_value(json_object_get(obj, name));
	return s ? s : "";
}
