#include "formats/json_shape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/keys.h"
#include "lib/text.h"
#include "lib/xalloc.h"

static char *field_path(const char *path, const char *field)
{
	return xasprintf("%s%s%s", path, *path ? "." : "", field);
}

int json_shape_fields(const json_t *obj, const char *path, const char *const fields[], struct err *e)
{
	if (!json_is_object(obj)) {
		err_set(e, "%s must be an object", *path ? path : "the file");
		return -1;
	}
	for (size_t i = 0; fields[i]; i++) {
		if (!json_object_get(obj, fields[i])) {
			char *p = field_path(path, fields[i]);
			err_set(e, "missing field \"%s\"", p);
			free(p);
			return -1;
		}
	}
	const char *key;
	json_t *value;
	json_object_foreach((json_t *)obj, key, value) {
		size_t i = 0;
		while (fields[i] && strcmp(fields[i], key) != 0)
			i++;
		if (!fields[i]) {
			char *p = field_path(path, key);
			err_set(e, "unexpected field \"%s\"", p);
			free(p);
			return -1;
		}
	}
	return 0;
}

int json_shape_fail(const char *path, const char *field, const char *what, struct err *e)
{
	char *p = field_path(path, field);
	err_set(e, "%s %s", p, what);
	free(p);
	return -1;
}

int json_shape_hex(const json_t *obj, const char *path, const char *field, size_t n, struct err *e)
{
	const char *s = json_string_value(json_object_get(obj, field));
	unsigned char bin[64];
	if (!s || n > sizeof bin || keys_unhex(s, bin, n) < 0) {
		char what[64];
		int w = snprintf(what, sizeof what, "must be %zu lowercase hex digits", 2 * n);
		return json_shape_fail(path, field, w > 0 && (size_t)w < sizeof what ? what : "must be hex", e);
	}
	return 0;
}

const char *json_shape_plain(const json_t *obj, const char *path, const char *field, size_t max, struct err *e)
{
	const char *s = json_string_value(json_object_get(obj, field));
	size_t chars = 0;
	for (const char *p = s; p && *p; chars++) {
		uint32_t cp = text_utf8_next(&p);
		if (cp < 0x20 || cp == 0x7f)
			chars = max + 1;
	}
	if (!s || chars == 0 || chars > max) {
		char what[96];
		int w = snprintf(what, sizeof what, "must be 1 to %zu characters and no control characters", max);
		json_shape_fail(path, field, w > 0 && (size_t)w < sizeof what ? what : "is not plain text", e);
		return NULL;
	}
	return s;
}

int json_shape_integer(const json_t *obj, const char *path, const char *field, long long max, long long *out,
		   struct err *e)
{
	const json_t *v = json_object_get(obj, field);
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > max) {
		char what[64];
		int w = snprintf(what, sizeof what, "must be an integer from 1 to %lld", max);
		return json_shape_fail(path, field, w > 0 && (size_t)w < sizeof what ? what : "must be an integer", e);
	}
	*out = json_integer_value(v);
	return 0;
}
