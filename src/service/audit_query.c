#include "service/audit_query.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "lib/clock.h"
#include "service/export.h"

_Static_assert(AUDIT_QUERY_STAMP == CLOCK_TEXT_SIZE, "a bound is a clock stamp");

/* Digits from *s, at least 1 and at most max of them; -1 when none. */
static int digits(const char **s, int max)
{
	int v = 0, n = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n ? v : -1;
}

int audit_query_day(const char *text, bool end, char out[AUDIT_QUERY_STAMP])
{
	char day[16];
	if (strchr(text, '/')) {
		/* 2027/7/31 as 2027-07-31; clock_parse() checks the rest. */
		const char *s = text;
		int y = digits(&s, 4), m = *s == '/' ? (s++, digits(&s, 2)) : -1;
		int d = *s == '/' ? (s++, digits(&s, 2)) : -1;
		if (y < 0 || m < 0 || d < 0 || *s || s - text < 8)
			return -1;
		if (snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d) != 10)
			return -1;
	} else if (snprintf(day, sizeof day, "%s", text) >= (int)sizeof day) {
		return -1;
	}
	time_t t;
	if (clock_parse(day, &t) < 0)
		return -1;
	/* JST is UTC+9 all year: its day starts at 15:00 UTC the day before. */
	clock_format(t + (end ? 86400 : 0) - 9 * 3600, out);
	return 0;
}

static void set_text(json_t *o, const char *name, const char *v)
{
	if (v)
		json_object_set_new(o, name, json_string(v));
}

int audit_query_export(struct store *st, const char *actor, long long org_id, const struct store_audit_filter *filter,
		       long long rows, struct strbuf *csv, struct strbuf *out, struct err *e)
{
	json_t *details = json_object();
	set_text(details, "actor", filter->actor);
	set_text(details, "action", filter->action);
	set_text(details, "object", filter->object);
	set_text(details, "from", filter->from);
	set_text(details, "to", filter->to);
	json_object_set_new(details, "rows", json_integer(rows));
	struct export_move move = { csv, out };
	struct export_sink sink = export_move_sink(&move);
	int rc = export_audited(st, &sink, actor, org_id, AUDIT_AUDIT_EXPORT, details, e, "org:%lld", org_id);
	json_decref(details);
	return rc;
}
