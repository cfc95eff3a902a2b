#include "web/http.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "lib/text.h"
#include "lib/xalloc.h"

static const char *pair_find(const struct http_pair *pairs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(pairs[i].name, name) == 0)
			return pairs[i].value;
	return NULL;
}

const char *http_param(const struct http_request *req, const char *name)
{
	return pair_find(req->params, req->n_params, name);
}

const char *http_query(const struct http_request *req, const char *name)
{
	return pair_find(req->query, req->n_query, name);
}

const char *http_header(const struct http_request *req, const char *name)
{
	return req->header_fn ? req->header_fn(req->header_cls, name) : NULL;
}

void http_request_release(struct http_request *req)
{
	for (size_t i = 0; i < req->n_params; i++) {
		free(req->params[i].name);
		free(req->params[i].value);
	}
	for (size_t i = 0; i < req->n_query; i++) {
		free(req->query[i].name);
		free(req->query[i].value);
	}
	req->n_params = req->n_query = 0;
	auth_principal_release(&req->who);
	org_free(req->org);
	req->org = NULL;
	sodium_memzero(req->session_token, sizeof req->session_token);
}

bool http_cookie(const struct http_request *req, const char *name, char *out, size_t size)
{
	const char *h = http_header(req, "Cookie");
	size_t nlen = strlen(name);
	while (h && *h) {
		while (*h == ' ' || *h == ';')
			h++;
		const char *end = strchr(h, ';');
		size_t len = end ? (size_t)(end - h) : strlen(h);
		if (len > nlen && strncmp(h, name, nlen) == 0 && h[nlen] == '=') {
			size_t vlen = len - nlen - 1;
			while (vlen && h[nlen + 1 + vlen - 1] == ' ')
				vlen--;
			if (vlen >= size)
				return false;
			memcpy(out, h + nlen + 1, vlen);
			out[vlen] = 0;
			return true;
		}
		h = end;
	}
	return false;
}

void http_response_set(struct http_response *resp, int status, const char *type, char *body, size_t len)
{
	if (!resp->body_static)
		free(resp->body);
	resp->status = status;
	resp->content_type = type;
	resp->body = body;
	resp->body_len = len;
	resp->body_static = false;
}

void http_response_set_static(struct http_response *resp, int status, const char *type, const void *body,
			      size_t len)
{
	http_response_set(resp, status, type, NULL, 0);
	/* Never freed or written through: body_static guards both. */
	resp->body = (char *)(uintptr_t)body;
	resp->body_len = len;
	resp->body_static = true;
}

void http_response_header(struct http_response *resp, const char *name, const char *value)
{
	for (size_t i = 0; i < resp->n_headers; i++) {
		if (strcasecmp(resp->headers[i].name, name) == 0) {
			free(resp->headers[i].value);
			resp->headers[i].value = xstrdup(value);
			return;
		}
	}
	if (resp->n_headers == HTTP_MAX_HEADERS) {
		fprintf(stderr, "shinsa: too many response headers (adding %s)\n", name);
		abort();
	}
	resp->headers[resp->n_headers].name = name;
	resp->headers[resp->n_headers++].value = xstrdup(value);
}

const char *http_response_get_header(const struct http_response *resp, const char *name)
{
	for (size_t i = 0; i < resp->n_headers; i++)
		if (strcasecmp(resp->headers[i].name, name) == 0)
			return resp->headers[i].value;
	return NULL;
}

void http_cut_utf8(char *s, size_t max)
{
	size_t len = strlen(s);
	if (len <= max)
		return;
	size_t n = max - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(s + n, "...", 4);
}

void http_response_note(struct http_response *resp, const char *msg)
{
	size_t len = strlen(msg), max = sizeof resp->log_note - 1;
	memcpy(resp->log_note, msg, len < max ? len : max);
	resp->log_note[len < max ? len : max] = '\0';
	http_cut_utf8(resp->log_note, max - 4);
}

void http_response_release(struct http_response *resp)
{
	if (!resp->body_static)
		free(resp->body);
	for (size_t i = 0; i < resp->n_headers; i++)
		free(resp->headers[i].value);
	memset(resp, 0, sizeof *resp);
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

enum http_decode_error http_decode(const char *in, size_t len, bool plus_space, char **out)
{
	char *buf = xmalloc(len + 1);
	size_t n = 0;
	enum http_decode_error rc = HTTP_DECODE_OK;
	*out = NULL;
	for (size_t i = 0; i < len && rc == HTTP_DECODE_OK; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '%') {
			int hi = i + 2 < len ? hex_value(in[i + 1]) : -1;
			int lo = i + 2 < len ? hex_value(in[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				rc = HTTP_DECODE_BAD_ESCAPE;
				break;
			}
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (c == 0)
			rc = HTTP_DECODE_NUL;
		else if (c < 0x20 || c == 0x7f)
			rc = HTTP_DECODE_CONTROL;
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	if (rc == HTTP_DECODE_OK && !text_utf8_valid(buf, n))
		rc = HTTP_DECODE_UTF8;
	if (rc != HTTP_DECODE_OK) {
		free(buf);
		return rc;
	}
	*out = buf;
	return HTTP_DECODE_OK;
}

const char *http_decode_message(enum http_decode_error err)
{
	switch (err) {
	case HTTP_DECODE_OK:
		break;
	case HTTP_DECODE_BAD_ESCAPE:
		return "bad percent-encoding";
	case HTTP_DECODE_NUL:
		return "a NUL byte";
	case HTTP_DECODE_CONTROL:
		return "a control character";
	case HTTP_DECODE_UTF8:
		return "bytes that are not UTF-8";
	}
	return "no problem";
}
