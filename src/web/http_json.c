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
		http_json_error(resp, 400, "bad_request", "the request body is empty (want a JSON object)");
		return -1;
	}
	json_error_t je;
	json_t *v = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!v) {
		http_json_error(resp, 400, "bad_request", "the request body is not JSON: line %d, column %d: %s", je.line,
				je.column, je.text);
		return -1;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		http_json_error(resp, 400, "bad_request", "the request body must be a JSON object");
		return -1;
	}
	*out = v;
	return 0;
}

int http_json_fields(const json_t *obj, const char *const *allowed, struct http_response *resp)
{
	const char *key;
	json_t *v;
	/* json_object_foreach wants a non-const object; it does not change it. */
	json_object_foreach ((json_t *)obj, key, v) {
		size_t i = 0;
		while (allowed[i] && strcmp(allowed[i], key) != 0)
			i++;
		if (allowed[i])
			continue;
		char name[104];
		size_t len = strlen(key);
		len = len < 100 ? len : 100;
		memcpy(name, key, len);
		name[len] = '\0';
		http_cut_utf8(name, 80); /* also mends a character the copy split */
		struct strbuf list = STRBUF_INIT;
		for (i = 0; allowed[i]; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", allowed[i]);
		if (!allowed[0])
			strbuf_addstr(&list, "none");
		http_json_error(resp, 400, "bad_request", "unknown field \"%s\" (allowed: %s)", name, list.buf);
		strbuf_release(&list);
		return -1;
	}
	return 0;
}

int http_json_strings(const struct http_request *req, struct http_response *resp, const char *const *fields,
		      size_t nreq, const char **out, json_t **body)
{
	if (http_json_parse(req, resp, body) < 0)
		return -1;
	if (http_json_fields(*body, fields, resp) < 0)
		goto bad;
	for (size_t i = 0; fields[i]; i++) {
		const json_t *v = json_object_get(*body, fields[i]);
		out[i] = NULL;
		if (v && !json_is_null(v) && !json_is_string(v)) {
			http_json_error(resp, 400, "bad_request", "%s must be a string", fields[i]);
			goto bad;
		}
		if (v)
			out[i] = json_string_value(v);
		if (i < nreq && !out[i]) {
			http_json_error(resp, 400, "bad_request", "%s is required", fields[i]);
			goto bad;
		}
	}
	return 0;
bad:
	json_decref(*body);
	*body = NULL;
	return -1;
}
