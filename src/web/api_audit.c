#include "web/api_audit.h"

#include <stdlib.h>
#include <string.h>

#include "formats/audit_json.h"
#include "formats/csv.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "service/audit_query.h"
#include "service/people.h"
#include "store/store.h"
#include "web/api_reply.h"
#include "web/audit_words.h"
#include "web/http_json.h"
#include "web/page.h"
#include "web/page_time.h"
#include "web/person.h"

/* The filters of ?actor, action, object, from, to; an empty one is none,
 * as a form sends a field left blank. */
struct filter_query {
	struct store_audit_filter f;
	char from[AUDIT_QUERY_STAMP], to[AUDIT_QUERY_STAMP];
};

static const char *given(const struct http_request *req, const char *name)
{
	const char *v = http_query(req, name);
	return v && *v ? v : NULL;
}

/* 0, or -1 having answered 400. */
static int read_filter(const struct http_request *req, struct http_response *resp, struct filter_query *q)
{
	memset(q, 0, sizeof *q);
	q->f.actor = given(req, "actor");
	q->f.object = given(req, "object");
	q->f.action = given(req, "action");
	if (q->f.action && !audit_action_parse(q->f.action)) {
		http_json_error(resp, 400, "bad_request", "action wants an action's name, not \"%s\"", q->f.action);
		return -1;
	}
	const char *days[] = { given(req, "from"), given(req, "to") };
	char *bounds[] = { q->from, q->to };
	const char *names[] = { "from", "to" };
	for (int i = 0; i < 2; i++) {
		if (!days[i])
			continue;
		if (audit_query_day(days[i], i == 1, bounds[i]) < 0) {
			http_json_error(resp, 400, "bad_request", "%s wants a day as 2027-07-31, 2027/7/31 or 令和9年7月31日, not \"%s\"",
					names[i], days[i]);
			return -1;
		}
	}
	q->f.from = days[0] ? q->from : NULL;
	q->f.to = days[1] ? q->to : NULL;
	if (q->f.from && q->f.to && strcmp(q->f.from, q->f.to) >= 0) {
		http_json_problem(resp, 400, "bad_request", "day_order", NULL, 0, "to wants a day on or after from");
		return -1;
	}
	return 0;
}

void api_audit_list(struct http_request *req, struct http_response *resp)
{
	long long limit, before;
	struct filter_query filter;
	if (api_query_number(req, resp, "limit", AUDIT_LOG_LIST_MAX, 100, "a number from 1 to 10000", &limit) < 0 ||
	    api_query_number(req, resp, "before", (long long)1 << 62, 0, "an event number", &before) < 0 ||
	    read_filter(req, resp, &filter) < 0)
		return;
	struct err e = { 0 };
	struct audit_event **evs = NULL;
	size_t n = 0;
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	/* The gate made sure the caller is signed in; req->org is theirs. */
	if (audit_log_list(st, req->org->id, &filter.f, before, (size_t)limit, &evs, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, audit_json_event(evs[i]));
		audit_event_free(evs[i]);
	}
	free(evs);
	http_json_send(resp, 200, arr);
}

/* The actor's 氏名（部署） (web/person.h), "" for none (a cli: actor, a
 * user without a name or since removed): the actor column keeps the
 * e-mail. people caches each actor's look-up. */
static char *actor_name(struct store *st, json_t *people, const char *actor)
{
	json_t *o = json_pack("{s:s}", "actor", actor ? actor : "");
	struct err e = { 0 };
	char *label = NULL;
	if (people_name(st, people, o, "actor", &e) == 0) {
		const char *name = json_string_value(json_object_get(o, "actor_name"));
		label = name && *name ? person_label(name, json_string_value(json_object_get(o, "actor_department")), "")
				      : NULL;
	}
	json_decref(o);
	return label ? label : xstrdup("");
}

static void csv_event(struct strbuf *out, enum lang l, const struct audit_event *ev, const char *name)
{
	char at[PAGE_TIME_MAX];
	if (!page_time_jst(ev->at, at))
		snprintf(at, sizeof at, "%s", ev->at ? ev->at : "");
	char *words = audit_words(l, ev->action, ev->object, ev->details);
	const char *cells[] = { at, ev->org_name, ev->actor, name, audit_words_action(l, ev->action), ev->object, words,
				ev->details };
	csv_row(out, cells, sizeof cells / sizeof *cells);
	free(words);
}

void api_audit_csv(struct http_request *req, struct http_response *resp)
{
	struct filter_query filter;
	if (read_filter(req, resp, &filter) < 0)
		return;
	struct store *st = api_store(req, resp);
	if (!st)
		return;
	struct err e = { 0 };
	struct audit_event **evs = NULL;
	size_t n = 0;
	if (audit_log_list(st, req->org->id, &filter.f, 0, AUDIT_LOG_EXPORT_MAX + 1, &evs, &n, &e) < 0) {
		api_internal(resp, &e);
		return;
	}
	enum lang l = page_lang(req);
	struct strbuf csv = STRBUF_INIT, out = STRBUF_INIT;
	if (n <= AUDIT_LOG_EXPORT_MAX) {
		csv_bom(&csv);
		static const char *const keys[] = { "audit.csv_at",     "audit.csv_org",    "audit.csv_actor",
						    "audit.csv_name",   "audit.csv_action", "audit.csv_object",
						    "audit.csv_words",  "audit.csv_details" };
		enum { COLUMNS = sizeof keys / sizeof *keys };
		const char *head[COLUMNS];
		for (size_t i = 0; i < COLUMNS; i++)
			head[i] = page_message(l, keys[i]);
		csv_row(&csv, head, COLUMNS);
		json_t *people = json_object();
		for (size_t i = 0; i < n; i++) {
			char *name = actor_name(st, people, evs[i]->actor);
			csv_event(&csv, l, evs[i], name);
			free(name);
		}
		json_decref(people);
	}
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	if (n > AUDIT_LOG_EXPORT_MAX) {
		http_json_error(resp, 400, "bad_request",
				"more than %d events match: narrow the filter (who, what, object or dates)",
				AUDIT_LOG_EXPORT_MAX);
		return;
	}
	/* A download is an export: its event commits before the bytes are sent. */
	if (audit_query_export(st, req->who.user->email, req->org->id, &filter.f, (long long)n, &csv, &out, &e) < 0) {
		strbuf_release(&csv);
		api_internal(resp, &e);
		return;
	}
	size_t len = out.len;
	http_response_set(resp, 200, "text/csv; charset=utf-8", strbuf_detach(&out), len);
	char *name = xasprintf("%s.csv", page_message(l, "audit.csv_file"));
	char *cd = api_content_disposition(name, "audit-log.csv");
	http_response_header(resp, "Content-Disposition", cd);
	free(cd);
	free(name);
}
