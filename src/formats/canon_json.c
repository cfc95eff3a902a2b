#include "formats/canon_json.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

void canon_json_string(struct strbuf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	strbuf_addch(out, '"');
	size_t run = 0; /* bytes copied as they are, added in one go */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\b': esc = "\\b"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\f': esc = "\\f"; break;
		case '\r': esc = "\\r"; break;
		default:
			if (c < 0x20) {
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				u[6] = '\0';
				esc = u;
			}
		}
		if (!esc) {
			run++;
			continue;
		}
		strbuf_add(out, s + i - run, run);
		run = 0;
		strbuf_addstr(out, esc);
	}
	strbuf_add(out, s + len - run, run);
	strbuf_addch(out, '"');
}

struct member {
	const char *key;
	size_t len;
	json_t *value;
};

static int member_cmp(const void *pa, const void *pb)
{
	const struct member *a = pa, *b = pb;
	int c = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);
	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int dump_object(const json_t *v, struct strbuf *out, struct err *e)
{
	size_t n = json_object_size(v), i = 0;
	struct member *m = xcalloc(n ? n : 1, sizeof *m);
	const char *key;
	size_t key_len;
	json_t *value;
	json_object_keylen_foreach((json_t *)v, key, key_len, value) {
		m[i++] = (struct member){ key, key_len, value };
	}
	qsort(m, n, sizeof *m, member_cmp);
	strbuf_addch(out, '{');
	int rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		if (i)
			strbuf_addch(out, ',');
		canon_json_string(out, m[i].key, m[i].len);
		strbuf_addch(out, ':');
		rc = canon_json_dump(m[i].value, out, e);
	}
	strbuf_addch(out, '}');
	free(m);
	return rc;
}

int canon_json_dump(const json_t *v, struct strbuf *out, struct err *e)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return dump_object(v, out, e);
	case JSON_ARRAY:
		strbuf_addch(out, '[');
		for (size_t i = 0; i < json_array_size(v); i++) {
			if (i)
				strbuf_addch(out, ',');
			if (canon_json_dump(json_array_get(v, i), out, e) < 0)
				return -1;
		}
		strbuf_addch(out, ']');
		return 0;
	case JSON_STRING:
		canon_json_string(out, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		strbuf_addf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	case JSON_TRUE:
		strbuf_addstr(out, "true");
		return 0;
	case JSON_FALSE:
		strbuf_addstr(out, "false");
		return 0;
	case JSON_NULL:
		strbuf_addstr(out, "null");
		return 0;
	case JSON_REAL:
		break;
	}
	err_set(e, "a real number is not allowed");
	return -1;
}
