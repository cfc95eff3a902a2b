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
 * duplicate keys refused, and only the fields a handler's table names,
 * each checked by http_json_check() (the one body validator).
 */
#ifndef SHINSA_WEB_HTTP_JSON_H
#define SHINSA_WEB_HTTP_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "web/http.h"

#define HTTP_JSON_TYPE "application/json"

/* Sends value (steals the reference) as compact UTF-8 JSON with status. */
void http_json_send(struct http_response *resp, int status, json_t *value);

/* Sends the error shape above. The message is cut to stay one short line. */
void http_json_error(struct http_response *resp, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same error with "problems": [{"cell": "", "code": PROBLEM, "args":
 * the n values}], so that a page says the refusal in its own words (its
 * data-problem-PROBLEM); the message stays for API clients. */
void http_json_problem(struct http_response *resp, int status, const char *code, const char *problem,
		       const char *const *args, size_t n, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
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

/* What a body field holds. */
enum http_json_type {
	HTTP_JSON_STRING,  /* UTF-8 without NUL (http_json_parse() refuses \u0000) */
	HTTP_JSON_INTEGER, /* a JSON integer (1, not 1.0 or "1") */
	HTTP_JSON_BOOLEAN,
	HTTP_JSON_ARRAY,
	HTTP_JSON_OBJECT,
};

/*
 * One field of a request body. A handler's table lists every field the
 * body may have, ended by an entry whose name is NULL. max bounds a
 * string in characters as the product counts them everywhere (UTF-16 code
 * units, as a spreadsheet cell does: see ANSWER_TEXT_MAX); 0 sets no bound
 * here (the service may still have one).
 */
struct http_json_field {
	const char *name;
	enum http_json_type type;
	bool required; /* absent is refused */
	bool nullable; /* null is taken (the handler says what it means) */
	size_t max;
};

/*
 * Checks body against fields and answers resp with the first problem:
 * 400 bad_request and one wording per rule, in this order:
 *   "unknown field \"NAME\" (allowed: a, b, c)"  a member not in the table
 *       (the first as the client wrote them: unknown fields are refused, as
 *       the API always did, so a misspelt field is never silently dropped)
 *   then for each field in the table's order:
 *   "NAME is required"                 absent while required
 *   "NAME must be TYPE"                another type, or null when not
 *   "NAME must be TYPE or null"        nullable; TYPE is one of "a string",
 *                                      "a whole number", "true or false",
 *                                      "an array", "an object"
 *   "NAME is longer than MAX characters"
 * Returns 0, or -1 having answered.
 */
int http_json_check(const json_t *body, const struct http_json_field *fields, struct http_response *resp);

/*
 * http_json_parse() then http_json_check(): *body gets the object (yours),
 * or NULL when -1 was returned having answered.
 */
int http_json_body(const struct http_request *req, struct http_response *resp,
		   const struct http_json_field *fields, json_t **body);

/*
 * The string member name of a checked body (pointing into it): NULL when
 * absent, if_null when null.
 */
const char *http_json_str(const json_t *body, const char *name, const char *if_null);
/* http_json_str(body, fields[i].name, NULL) into out[i] for each field. */
void http_json_strs(const json_t *body, const struct http_json_field *fields, const char **out);

#endif
