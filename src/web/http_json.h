/*
 * http_json: JSON in and out of the API.
 *
 * Every error the API gives is one shape, with the status that fits:
 *   {"error":{"code":"not_found","message":"no catalog \"x\""}}
 * code is a stable word for programs (bad_request, unauthorized, forbidden,
 * not_found, method_not_allowed, payload_too_large, unsupported_media_type,
 * unavailable, internal); message is one line for people.
 *
 * Request bodies are parsed strictly: application/json, one JSON object,
 * duplicate keys refused, and only the fields a handler names.
 */
#ifndef SHINSA_WEB_HTTP_JSON_H
#define SHINSA_WEB_HTTP_JSON_H

#include <jansson.h>

#include "web/http.h"

#define HTTP_JSON_TYPE "application/json"

/* Sends value (steals the reference) as compact UTF-8 JSON with status. */
void http_json_send(struct http_response *resp, int status, json_t *value);

/* Sends the error shape above. The message is cut to stay one short line. */
void http_json_error(struct http_response *resp, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same error as a new object (yours), for a handler that adds members
 * to "error" before it sends it. */
json_t *http_json_error_body(const char *code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Parses the request body as one JSON object into *out (yours). On failure
 * answers resp and returns -1:
 *   415 unsupported_media_type  "the request body must be application/json"
 *   400 bad_request             "the request body is empty (want a JSON object)"
 *                               "the request body is not JSON: line L, column C: REASON"
 *                               "the request body must be a JSON object"
 */
int http_json_parse(const struct http_request *req, struct http_response *resp, json_t **out);

/*
 * Refuses any member of obj whose name is not in allowed (NULL-terminated):
 * 400 bad_request "unknown field \"NAME\" (allowed: a, b, c)", naming the
 * first such member in the order the client wrote them. Returns 0 or -1.
 */
int http_json_fields(const json_t *obj, const char *const *allowed, struct http_response *resp);

/*
 * A body whose members are all strings: parses it (http_json_parse()),
 * refuses unknown members (http_json_fields()) and puts each field's value
 * in out[i], NULL when it is absent or null; the first nreq fields are
 * required. *body gets the object (yours: the strings point into it), or
 * NULL. 0, or -1 having answered 400 bad_request:
 *   "NAME must be a string"   "NAME is required"
 */
int http_json_strings(const struct http_request *req, struct http_response *resp, const char *const *fields,
		      size_t nreq, const char **out, json_t **body);

#endif
