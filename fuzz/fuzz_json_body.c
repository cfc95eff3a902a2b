/*
 * libFuzzer target: a request body through http_json_parse (content type,
 * jansson with duplicate keys refused, the object check) and
 * http_json_check against a table with every type and rule. Whatever the bytes, the answer is a parsed object or a
 * JSON error response of the documented shape (code, message, and problems with a code and values for a page's
 * words where the refusal has them), never a crash or a leak.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/http_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *content_type_json(void *cls, const char *name)
{
	(void)cls;
	return strcmp(name, "Content-Type") == 0 ? "application/json" : NULL;
}

/* A refusal's problems, when it has them: [{cell, code, args: [strings]}],
 * what a page words the refusal by. */
static bool problems_ok(const json_t *problems)
{
	size_t i;
	const json_t *p;
	if (!json_is_array(problems) || !json_array_size(problems))
		return false;
	json_array_foreach(problems, i, p) {
		const json_t *args = json_object_get(p, "args");
		if (json_object_size(p) != 3 || !json_is_string(json_object_get(p, "cell")) ||
		    !json_is_string(json_object_get(p, "code")) || !json_is_array(args))
			return false;
		size_t j;
		const json_t *a;
		json_array_foreach(args, j, a)
			if (!json_is_string(a))
				return false;
	}
	return true;
}

static void check_error(const struct http_response *resp)
{
	json_t *v = json_loadb(resp->body, resp->body_len, JSON_REJECT_DUPLICATES, NULL);
	json_t *err = json_object_get(v, "error");
	const json_t *problems = json_object_get(err, "problems");
	if (resp->status != 400 || !json_is_string(json_object_get(err, "code")) ||
	    !json_is_string(json_object_get(err, "message")) || json_object_size(v) != 1 ||
	    json_object_size(err) != (problems ? 3u : 2u) || (problems && !problems_ok(problems)))
		__builtin_trap();
	json_decref(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct http_json_field fields[] = {
		{ "status", HTTP_JSON_STRING, .required = true, .nullable = true },
		{ "current", HTTP_JSON_STRING, .max = 8 },
		{ "months", HTTP_JSON_INTEGER, .nullable = true },
		{ .name = "disabled", .type = HTTP_JSON_BOOLEAN },
		{ .name = "items", .type = HTTP_JSON_ARRAY },
		{ .name = "meta", .type = HTTP_JSON_OBJECT },
		{ 0 },
	};
	struct http_request req = { .header_fn = content_type_json, .body = (const char *)data, .body_len = size };
	struct http_response resp = { 0 };
	json_t *obj;
	if (http_json_parse(&req, &resp, &obj) == 0) {
		if (!json_is_object(obj) || resp.status)
			__builtin_trap();
		if (http_json_check(obj, fields, &resp) < 0)
			check_error(&resp);
		json_decref(obj);
	} else {
		check_error(&resp);
	}
	http_response_release(&resp);
	return 0;
}
