#include "web/page_notifications.h"

#include <string.h>

#include "lib/strbuf.h"
#include "lib/text.h"
#include "web/page.h"
#include "web/person.h"

void page_notifications(struct http_request *req, struct http_response *resp)
{
	struct strbuf path = STRBUF_INIT;
	const char *before = http_query(req, "before");
	strbuf_addstr(&path, "/api/v1/notifications");
	/* As given: the API refuses what is not a number, in its words. */
	if (before) {
		strbuf_addstr(&path, "?before=");
		text_percent_encode(&path, before, strlen(before));
	}
	json_t *list = NULL;
	int status = page_fetch(req, resp, path.buf, true, &list);
	strbuf_release(&path);
	if (status != 200)
		return;
	size_t i;
	json_t *n;
	/* Each kind's wording is its own message: {"is": {"query": true}}. */
	json_array_foreach(json_object_get(list, "notifications"), i, n) {
		const char *kind = json_string_value(json_object_get(n, "kind"));
		json_object_set_new(n, "is", json_pack("{s:b}", kind ? kind : "", 1));
		person_set_own(n, "actor");
		const char *detail = json_string_value(json_object_get(n, "detail"));
		if (kind && strcmp(kind, "decision") == 0 && detail)
			json_object_set_new(n, "d", json_pack("{s:b}", detail, 1));
	}
	json_object_set_new(list, "nav", json_pack("{s:b}", "notifications", 1));
	page_render(req, resp, 200, "notifications", "notify.title", list);
}

/* The unread count of the review of row among threads: by submission, and
 * by bank where the row names one (a connector's list). */
static json_int_t unread_of(const json_t *threads, const json_t *row)
{
	size_t i;
	const json_t *t;
	const char *bank = json_string_value(json_object_get(row, "bank"));
	json_array_foreach(threads, i, t) {
		if (json_integer_value(json_object_get(t, "submission")) ==
			    json_integer_value(json_object_get(row, "submission")) &&
		    (!bank || strcmp(bank, page_text(t, "bank")) == 0))
			return json_integer_value(json_object_get(t, "unread"));
	}
	return 0;
}

void page_notifications_flag(struct http_request *req, struct http_response *resp, json_t *rows)
{
	json_t *list = NULL;
	if (page_fetch(req, resp, "/api/v1/notifications?limit=1", false, &list) != 200)
		list = NULL;
	size_t i;
	json_t *row;
	json_array_foreach(rows, i, row)
		json_object_set_new(row, "unread_thread", json_integer(unread_of(json_object_get(list, "unread_threads"), row)));
	json_decref(list);
}
