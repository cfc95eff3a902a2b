/*
 * libFuzzer target: the HTML template engine (src/formats/html_tmpl.c,
 * html_tmpl_tree.c). The first byte chooses: odd, the rest is split at its
 * first NUL into the template "page" and a partial "row"; even, the rest is
 * "page" alone. Each is parsed, the set checked and "page" rendered against
 * a fixed data object and messages. Whatever the bytes: no crash, no leak,
 * every failure with a message, and no output kept from a failed render.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "formats/html_tmpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char data_json[] =
	"{\"s\":\"<b>&'\\\"`=\",\"i\":7,\"r\":1.5,\"t\":true,\"f\":false,\"n\":null,\"e\":\"\","
	"\"o\":{\"a\":{\"b\":\"x\"}},\"l\":[1,\"two\",{\"a\":\"y\"},[]],\"row\":{\"name\":\"日本\"}}";
static const char messages_json[] = "{\"k\":\"a {1} b {2}\",\"m\":\"<{1}>\",\"x\":\"plain\",\"j\":\"審査\","
				    "\"p.a_b\":\"{1}\\\"\",\"p.c\":\"&\"}";

static void must_say_why(int rc, const struct err *e)
{
	if (rc < 0 && !e->msg[0])
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static json_t *d, *m;
	if (!d) { /* kept for the whole run: the same for every input */
		d = json_loads(data_json, 0, NULL);
		m = json_loads(messages_json, 0, NULL);
		if (!d || !m)
			__builtin_trap();
	}
	if (size == 0)
		return 0;
	const char *text = (const char *)data + 1;
	size_t len = size - 1, page_len = len;
	const char *nul = (data[0] & 1) ? memchr(text, '\0', len) : NULL;
	if (nul)
		page_len = (size_t)(nul - text);
	struct tmpl_set *set = tmpl_set_new();
	struct err e = { 0 };
	int rc = tmpl_set_add(set, "page", text, page_len, &e);
	must_say_why(rc, &e);
	if (rc == 0 && nul) {
		e.msg[0] = '\0';
		rc = tmpl_set_add(set, "row", nul + 1, len - page_len - 1, &e);
		must_say_why(rc, &e);
	}
	if (rc == 0) {
		e.msg[0] = '\0';
		must_say_why(tmpl_set_check(set, &e), &e);
		struct strbuf out = STRBUF_INIT;
		strbuf_addstr(&out, "before");
		e.msg[0] = '\0';
		rc = tmpl_render(set, "page", d, m, &out, &e);
		must_say_why(rc, &e);
		if ((rc < 0 && strcmp(out.buf, "before") != 0) || out.len > TMPL_MAX_OUTPUT + 6)
			__builtin_trap();
		strbuf_release(&out);
	}
	tmpl_set_free(set);
	return 0;
}
