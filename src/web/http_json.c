#include "web/http_json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"

void http_json_send(struct http_response *resp, int status, json_t *value)
{
	/* Reals (suggestion scores, rounded) print as rounded: see cli_print_json(). */
	char *text = json_dumps(value, JSON_COMPACT | JSON_REAL_PRECISION(12));
	json_decref(value);
	if (!text) { /* only on allocation failure or a non-UTF-8 string: ours to fix */
		fprintf(stderr, "shinsa: cannot encode a JSON response\n");
		abort();
	}
	http_response_set(resp, status, HTTP_JSON_TYPE, text, strlen(text));
}

__attribute__((format(printf, 2, 0)))
static json_t *error_body(const char *code, const char *fmt, va_list ap)
{
	char msg[512];
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	if (n < 0)
		strcpy(msg, code);
	http_cut_utf8(msg, 300);
	json_t *m = json_string(msg);
	if (!m) /* a message built from bytes that are not UTF-8: say less */
		m = json_string(code);
	return json_pack("{s:{s:s, s:o}}", "error", "code", code, "message", m);
}

json_t *http_json_error_body(const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *body = error_body(code, fmt, ap);
	va_end(ap);
	return body;
}

void http_json_error(struct http_response *resp, int status, const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *body = error_body(code, fmt, ap);
	va_end(ap);
	http_json_send(resp, status, body);
}

void http_json_problem(struct http_response *resp, int status, const char *code, const char *problem,
		       const char *const *args, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_t *body = error_body(code, fmt, ap);
	va_end(ap);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(args[i]));
	json_t *p = json_pack("{s:s, s:s, s:o}", "cell", "", "code", problem, "args", a);
	if (p && body) /* should one not be made, the message says it all */
		json_object_set_new(json_object_get(body, "error"), "problems", json_pack("[o]", p));
	http_json_send(resp, status, body);
}

static int is_json_type(const char *type)
{
	if (!type)
		return 0;
	while (*type == ' ' || *type == '\t')
		type++;
	size_t want = strlen(HTTP_JSON_TYPE);
	if (strncasecmp(type, HTTP_JSON_TYPE, want) != 0)
		return 0;
	const char *rest = type + want;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	return *rest == '\0' || *rest == ';';
}

int http_json_parse(const struct http_request *req, struct http_response *resp, json_t **out)
{
	*out = NULL;
	if (!is_json_type(http_header(req, "Content-Type"))) {
		http_json_error(resp, 415, "unsupported_media_type", "the request body must be application/json");
		return -1;
	}
	if (!req->body || req->body_len == 0) {
		http_json_problem(resp, 400, "bad_request", "bad_body", NULL, 0, "the request body is empty (want a JSON object)");
		return -1;
	}
	json_error_t je;
	json_t *v = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!v) {
		http_json_problem(resp, 400, "bad_request", "bad_body", NULL, 0,
				  "the request body is not JSON: line %d, column %d: %s", je.line, je.column, je.text);
		return -1;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		http_json_problem(resp, 400, "bad_request", "bad_body", NULL, 0, "the request body must be a JSON object");
		return -1;
	}
	*out = v;
	return 0;
}

/* Refuses the first member of obj not named in fields. */
static int check_unknown(const json_t *obj, const struct http_json_field *fields, struct http_response *resp)
{
	const char *key;
	json_t *v;
	/* json_object_foreach wants a non-const object; it does not change it. */
	json_object_foreach ((json_t *)obj, key, v) {
		size_t i = 0;
		while (fields[i].name && strcmp(fields[i].name, key) != 0)
			i++;
		if (fields[i].name)
			continue;
		char name[104];
		size_t len = strlen(key);
		len = len < 100 ? len : 100;
		memcpy(name, key, len);
		name[len] = '\0';
		http_cut_utf8(name, 80); /* also mends a character the copy split */
		struct strbuf list = STRBUF_INIT;
		for (i = 0; fields[i].name; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", fields[i].name);
		if (!fields[0].name)
			strbuf_addstr(&list, "none");
		http_json_problem(resp, 400, "bad_request", "unknown_field", (const char *[]){ name }, 1,
				  "unknown field \"%s\" (allowed: %s)", name, list.buf);
		strbuf_release(&list);
		return -1;
	}
	return 0;
}

static bool is_type(const json_t *v, enum http_json_type t)
{
	switch (t) {
	case HTTP_JSON_STRING:
		return json_is_string(v);
	case HTTP_JSON_INTEGER:
		return json_is_integer(v);
	case HTTP_JSON_BOOLEAN:
		return json_is_boolean(v);
	case HTTP_JSON_ARRAY:
		return json_is_array(v);
	case HTTP_JSON_OBJECT:
		return json_is_object(v);
	}
	return false;
}

static const char *type_words(enum http_json_type t)
{
	static const char *const words[] = {
		[HTTP_JSON_STRING] = "a string",  [HTTP_JSON_INTEGER] = "a whole number",
		[HTTP_JSON_BOOLEAN] = "true or false", [HTTP_JSON_ARRAY] = "an array",
		[HTTP_JSON_OBJECT] = "an object",
	};
	return words[t];
}

/* UTF-16 code units of valid UTF-8 (jansson gave it): a character beyond
 * U+FFFF, a 4-byte sequence, is two. */
static size_t utf16_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) != 0x80)
			n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

/* The rules for one field of the table, absent or not. */
static int check_field(const json_t *body, const struct http_json_field *f, struct http_response *resp)
{
	const json_t *v = json_object_get(body, f->name);
	if (!v) {
		if (!f->required)
			return 0;
		http_json_problem(resp, 400, "bad_request", "required", (const char *[]){ f->name }, 1,
				  "%s is required", f->name);
		return -1;
	}
	if (json_is_null(v) && f->nullable)
		return 0;
	if (!is_type(v, f->type)) {
		http_json_problem(resp, 400, "bad_request", "wrong_type", (const char *[]){ f->name }, 1, "%s must be %s%s",
				  f->name, type_words(f->type), f->nullable ? " or null" : "");
		return -1;
	}
	if (f->type != HTTP_JSON_STRING)
		return 0;
	if (f->max && utf16_length(json_string_value(v), json_string_length(v)) > f->max) {
		char max[24];
		if (snprintf(max, sizeof max, "%zu", f->max) >= (int)sizeof max)
			max[0] = '\0'; /* cannot be: a size_t has at most 20 digits */
		http_json_problem(resp, 400, "bad_request", "too_long", (const char *[]){ f->name, max }, 2,
				  "%s is longer than %zu characters", f->name, f->max);
		return -1;
	}
	return 0;
}

int http_json_check(const json_t *body, const struct http_json_field *fields, struct http_response *resp)
{
	if (check_unknown(body, fields, resp) < 0)
		return -1;
	for (size_t i = 0; fields[i].name; i++)
		if (check_field(body, &fields[i], resp) < 0)
			return -1;
	return 0;
}

int http_json_body(const struct http_request *req, struct http_response *resp,
		   const struct http_json_field *fields, json_t **body)
{
	if (http_json_parse(req, resp, body) < 0)
		return -1;
	if (http_json_check(*body, fields, resp) == 0)
		return 0;
	json_decref(*body);
	*body = NULL;
	return -1;
}

const char *http_json_str(const json_t *body, const char *name, const char *if_null)
{
	const json_t *v = json_object_get(body, name);
	return json_is_null(v) ? if_null : json_string_value(v);
}

void http_json_strs(const json_t *body, const struct http_json_field *fields, const char **out)
{
	for (size_t i = 0; fields[i].name; i++)
		out[i] = http_json_str(body, fields[i].name, NULL);
}
