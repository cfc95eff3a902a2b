#include "service/audit_query.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/jpinput.h"
#include "service/export.h"

_Static_assert(AUDIT_QUERY_STAMP == CLOCK_TEXT_SIZE, "a bound is a clock stamp");

int audit_query_day(const char *text, bool end, char out[AUDIT_QUERY_STAMP])
{
	char day[11];
	/* The day as typed in Japan (2027/7/31, 令和9年7月31日, R9.7.31):
	 * the one reader every date field uses. */
	if (jpinput_date(text, day, NULL) < 0)
		return -1;
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
