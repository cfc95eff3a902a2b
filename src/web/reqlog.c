#include "web/reqlog.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* Paths longer than this are cut in the log (the header limit bounds them). */
#define REQLOG_PATH_MAX 2048

static json_t *path_json(const char *path)
{
	size_t len = strlen(path);
	len = len < REQLOG_PATH_MAX ? len : REQLOG_PATH_MAX;
	struct strbuf sb = STRBUF_INIT;
	if (text_utf8_valid(path, len)) {
		strbuf_add(&sb, path, len);
	} else {
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)path[i] >= 0x80)
				strbuf_addf(&sb, "%%%02X", (unsigned char)path[i]);
			else
				strbuf_addch(&sb, path[i]);
	}
	json_t *s = json_stringn(sb.buf, sb.len);
	strbuf_release(&sb);
	return s ? s : json_string("");
}

static void stamp(char out[CLOCK_TEXT_SIZE])
{
	struct err e;
	if (clock_stamp(out, &e) < 0)
		strcpy(out, "1970-01-01T00:00:00Z"); /* SHINSA_NOW is checked at start */
}

static void write_line(json_t *obj)
{
	char *text = json_dumps(obj, JSON_COMPACT | JSON_REAL_PRECISION(12));
	json_decref(obj);
	if (!text)
		return;
	size_t len = strlen(text);
	text[len] = '\n'; /* over the NUL: one fwrite for the whole line */
	flockfile(stderr);
	fwrite(text, 1, len + 1, stderr);
	fflush(stderr);
	funlockfile(stderr);
	free(text);
}

static json_t *entry_json(const struct reqlog_entry *en)
{
	char now[CLOCK_TEXT_SIZE];
	stamp(now);
	json_t *o = json_object();
	json_object_set_new(o, "time", json_string(now));
	json_object_set_new(o, "request_id", json_string(en->request_id));
	json_object_set_new(o, "remote", json_string(en->remote));
	if (en->peer && strcmp(en->peer, en->remote) != 0)
		json_object_set_new(o, "peer", json_string(en->peer));
	json_object_set_new(o, "method", en->method ? json_string(en->method) : json_null());
	json_object_set_new(o, "path", path_json(en->path ? en->path : ""));
	json_object_set_new(o, "status", json_integer(en->status));
	json_object_set_new(o, "bytes", json_integer((json_int_t)en->bytes));
	json_object_set_new(o, "ms", json_real((double)(long long)(en->ms * 1000.0 + 0.5) / 1000.0));
	if (en->note && en->note[0])
		json_object_set_new(o, "note", json_string(en->note));
	return o;
}

char *reqlog_line(const struct reqlog_entry *entry)
{
	json_t *o = entry_json(entry);
	char *text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(12));
	json_decref(o);
	return text;
}

void reqlog_request(const struct reqlog_entry *entry)
{
	write_line(entry_json(entry));
}

void reqlog_event(const char *event, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		strcpy(msg, "(unprintable message)");
	char now[CLOCK_TEXT_SIZE];
	stamp(now);
	json_t *m = json_string(msg);
	write_line(json_pack("{s:s, s:s, s:o}", "time", now, "event", event, "message", m ? m : json_string("")));
}
