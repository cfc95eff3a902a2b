#include "web/page_evidence.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "service/plans.h"
#include "web/page.h"

/* "2、3、4": the page's words put 通番 around it. */
static json_t *items_text(const json_t *items)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	const json_t *no;
	json_array_foreach (items, i, no)
		strbuf_addf(&sb, "%s%lld", i ? "、" : "", (long long)json_integer_value(no));
	json_t *out = json_string(sb.buf);
	strbuf_release(&sb);
	return out;
}

/* The size as the answers page shows it: whole KB (at least 1) under a
 * MiB, else MB with one decimal. */
static void set_size(json_t *row, json_int_t size)
{
	char text[32];
	if (size < 1024 * 1024) {
		json_object_set_new(row, "kb", json_integer(size <= 0 ? 1 : (size + 1023) / 1024));
		return;
	}
	/* cannot be cut: a double under 2^63 with one decimal fits 32 */
	snprintf(text, sizeof text, "%.1f", (double)size / (1024.0 * 1024.0));
	json_object_set_new(row, "mb", json_string(text));
}

static json_t *sha12(const json_t *file)
{
	const char *sha = page_text(file, "sha256");
	return strlen(sha) >= 12 ? json_stringn(sha, 12) : json_string(sha);
}

/* A sealed file as a row: name, title, items "2、3", sha12, kb|mb, href
 * (path/SHA256), valid_until (or absent). */
static json_t *sealed_row(const json_t *f, const char *path)
{
	struct strbuf href = STRBUF_INIT;
	const char *sha = page_text(f, "sha256");
	strbuf_addf(&href, "%s/", path);
	text_percent_encode(&href, sha, strlen(sha));
	json_t *row = json_pack("{s:s, s:s, s:o, s:o, s:s}", "name", page_text(f, "name"), "title", page_text(f, "title"),
				"items", items_text(json_object_get(f, "items")), "sha12", sha12(f), "href", href.buf);
	strbuf_release(&href);
	if (!row)
		return NULL;
	set_size(row, json_integer_value(json_object_get(f, "size")));
	if (*page_text(f, "valid_until"))
		json_object_set_new(row, "valid_until", json_string(page_text(f, "valid_until")));
	return row;
}

static bool lists_item(const json_t *f, json_int_t no)
{
	size_t i;
	const json_t *n;
	json_array_foreach (json_object_get(f, "items"), i, n)
		if (json_integer_value(n) == no)
			return true;
	return false;
}

void page_evidence_review(json_t *data, json_int_t id, const json_t *files)
{
	char path[64], today[PLAN_DATE_LEN + 1];
	struct err e = { 0 };
	if (plans_today(today, &e) < 0)
		today[0] = '\0'; /* no flags rather than no page */
	/* cannot be cut: a long long id in 64 */
	snprintf(path, sizeof path, "/api/v1/submissions/%lld/attachments", (long long)id);
	size_t g, i, k;
	json_t *group, *item;
	const json_t *f;
	json_array_foreach (json_object_get(data, "groups"), g, group) {
		json_array_foreach (json_object_get(group, "items"), i, item) {
			json_int_t no = json_integer_value(json_object_get(item, "no"));
			json_t *rows = json_array();
			json_array_foreach (files, k, f) {
				if (!lists_item(f, no))
					continue;
				json_t *row = sealed_row(f, path);
				const char *valid = page_text(f, "valid_until");
				if (row && *valid && *today && strcmp(valid, today) < 0)
					json_object_set_new(row, "expired", json_true());
				json_array_append_new(rows, row);
			}
			json_object_set_new(item, "files", rows);
		}
	}
}

json_t *page_evidence_diff_files(const json_t *files)
{
	json_t *rows = json_array();
	size_t i;
	const json_t *c;
	json_array_foreach (files, i, c) {
		const json_t *before = json_object_get(c, "before"), *after = json_object_get(c, "after");
		const json_t *now = json_is_object(after) ? after : before;
		json_t *row = json_pack("{s:s, s:b, s:o}", "name", page_text(c, "name"), page_text(c, "change"), 1,
					"items", items_text(json_object_get(now, "items")));
		if (!row)
			continue;
		if (json_is_object(before))
			json_object_set_new(row, "before", sha12(before));
		if (json_is_object(after))
			json_object_set_new(row, "after", sha12(after));
		json_array_append_new(rows, row);
	}
	return rows;
}
