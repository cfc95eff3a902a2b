#include "web/router.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "web/http_json.h"

struct segments {
	char *seg[ROUTE_MAX_SEGMENTS]; /* decoded, owned */
	size_t n;
	bool too_many;
};

static void segments_release(struct segments *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->seg[i]);
	s->n = 0;
}

/* Splits the raw path after its leading "/" and decodes each piece. */
static enum http_decode_error split_path(const char *path, struct segments *out)
{
	memset(out, 0, sizeof *out);
	const char *p = path + 1;
	for (;;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (out->n == ROUTE_MAX_SEGMENTS) {
			out->too_many = true;
			return HTTP_DECODE_OK;
		}
		enum http_decode_error rc = http_decode(p, len, false, &out->seg[out->n]);
		if (rc != HTTP_DECODE_OK) {
			segments_release(out);
			return rc;
		}
		out->n++;
		if (!end)
			return HTTP_DECODE_OK;
		p = end + 1;
	}
}

/* Does pattern match segs? With req, also fills req->params (moving the
 * decoded values out of segs). */
static bool pattern_match(const char *pattern, struct segments *segs, struct http_request *req)
{
	const char *p = pattern + 1;
	size_t i = 0;
	for (;; i++) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (i >= segs->n)
			return false;
		bool param = len >= 2 && p[0] == '{' && p[len - 1] == '}';
		if (param ? segs->seg[i][0] == '\0' : strlen(segs->seg[i]) != len || memcmp(segs->seg[i], p, len) != 0)
			return false;
		if (!end)
			break;
		p = end + 1;
	}
	if (i + 1 != segs->n)
		return false;
	if (!req)
		return true;
	/* A second walk, now that the whole pattern fits: take the parameters. */
	p = pattern + 1;
	req->n_params = 0;
	for (i = 0; i < segs->n; i++) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (p[0] == '{' && req->n_params < HTTP_MAX_PARAMS) {
			req->params[req->n_params].name = xstrndup(p + 1, len - 2);
			req->params[req->n_params++].value = segs->seg[i];
			segs->seg[i] = NULL;
		}
		p = end ? end + 1 : p + len;
	}
	return true;
}

static bool method_is(const struct route *r, const char *method)
{
	if (strcmp(r->method, method) == 0)
		return true;
	return strcmp(method, "HEAD") == 0 && strcmp(r->method, "GET") == 0;
}

const struct route *router_match(const struct route *routes, size_t n, struct http_request *req,
				 struct http_response *resp)
{
	if (req->path[0] != '/') {
		http_json_error(resp, 404, "not_found", "no such path");
		return NULL;
	}
	struct segments segs;
	enum http_decode_error rc = split_path(req->path, &segs);
	if (rc != HTTP_DECODE_OK) {
		http_json_error(resp, 400, "bad_request", "the path has %s", http_decode_message(rc));
		return NULL;
	}
	const struct route *found = NULL;
	struct strbuf allow = STRBUF_INIT;
	for (size_t i = 0; i < n && !segs.too_many; i++) {
		if (!pattern_match(routes[i].pattern, &segs, NULL))
			continue;
		if (method_is(&routes[i], req->method)) {
			found = &routes[i];
			break;
		}
		strbuf_addf(&allow, "%s%s", allow.len ? ", " : "", routes[i].method);
		if (strcmp(routes[i].method, "GET") == 0)
			strbuf_addstr(&allow, ", HEAD");
	}
	if (found) {
		pattern_match(found->pattern, &segs, req);
	} else if (allow.len) {
		http_json_error(resp, 405, "method_not_allowed", "method %s is not allowed here (allowed: %s)", req->method,
				allow.buf);
		http_response_header(resp, "Allow", allow.buf);
	} else {
		http_json_error(resp, 404, "not_found", "no such path");
	}
	strbuf_release(&allow);
	segments_release(&segs);
	return found;
}

size_t router_body_limit(const struct route *route)
{
	return route->body_limit ? route->body_limit : ROUTE_BODY_DEFAULT;
}

size_t router_body_limit_max(const struct route *routes, size_t n)
{
	size_t most = 0;
	for (size_t i = 0; i < n; i++)
		if (router_body_limit(&routes[i]) > most)
			most = router_body_limit(&routes[i]);
	return most;
}

size_t router_query_count(const char *query)
{
	if (!query || !*query)
		return 0;
	size_t n = 1;
	for (const char *s = query; *s; s++)
		if (*s == '&' && s[1])
			n++;
	return n;
}

void router_refuse_query_count(struct http_response *resp)
{
	http_json_error(resp, 400, "bad_request", "too many query arguments (at most %d)", HTTP_MAX_QUERY);
}

int router_add_query(struct http_request *req, const char *name, const char *value, struct http_response *resp)
{
	if (req->n_query == HTTP_MAX_QUERY) {
		router_refuse_query_count(resp);
		return -1;
	}
	char *dn, *dv = NULL;
	enum http_decode_error rc = http_decode(name, strlen(name), true, &dn);
	if (rc == HTTP_DECODE_OK && value)
		rc = http_decode(value, strlen(value), true, &dv);
	if (rc != HTTP_DECODE_OK) {
		free(dn);
		http_json_error(resp, 400, "bad_request", "the query has %s", http_decode_message(rc));
		return -1;
	}
	req->query[req->n_query].name = dn;
	req->query[req->n_query++].value = dv ? dv : xstrdup("");
	return 0;
}
