#include "service/audit_log.h"

#include <stdio.h>

#include "formats/canon_json.h"
#include "lib/strbuf.h"
#include "store/store_audit.h"

int audit_log_v(struct store *st, const char *actor, long long org_id, enum audit_action action, json_t *details,
		struct err *e, const char *fmt, va_list ap)
{
	char object[AUDIT_OBJECT_MAX + 1];
	struct strbuf text = STRBUF_INIT;
	int n = vsnprintf(object, sizeof object, fmt, ap);
	int rc = -1;
	if (n < 0 || (size_t)n >= sizeof object) {
		err_set(e, "audit: the object is longer than %d bytes", AUDIT_OBJECT_MAX);
		goto done;
	}
	if (details && canon_json_dump(details, &text, e) < 0)
		goto done;
	struct audit_event *ev = audit_event_new(actor, org_id, action, object, details ? text.buf : NULL);
	rc = store_audit_append(st, ev, e);
	audit_event_free(ev);
done:
	strbuf_release(&text);
	return rc;
}

int audit_log(struct store *st, const char *actor, long long org_id, enum audit_action action, json_t *details,
	      struct err *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = audit_log_v(st, actor, org_id, action, details, e, fmt, ap);
	va_end(ap);
	return rc;
}

bool audit_log_fits(const json_t *details)
{
	struct strbuf text = STRBUF_INIT;
	struct err ignored = { 0 };
	/* A dump that fails fits nowhere; audit_log() reports why. */
	bool fits = canon_json_dump(details, &text, &ignored) == 0 && text.len <= AUDIT_DETAILS_MAX;
	strbuf_release(&text);
	return fits;
}

json_t *audit_log_ranges(const int *nos, size_t n)
{
	static const char more[] = ",...";
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && nos[j + 1] == nos[j] + 1)
			j++;
		char range[48];
		int len = j > i ? snprintf(range, sizeof range, "%s%d-%d", i ? "," : "", nos[i], nos[j])
				: snprintf(range, sizeof range, "%s%d", i ? "," : "", nos[i]);
		/* Room for ",..." is kept unless this is the last range. */
		size_t room = AUDIT_RANGES_MAX - (j + 1 < n ? sizeof more - 1 : 0);
		if (len < 0 || (size_t)len >= sizeof range || sb.len + (size_t)len > room) {
			strbuf_addstr(&sb, more);
			break;
		}
		strbuf_add(&sb, range, (size_t)len);
		i = j + 1;
	}
	json_t *text = json_string(sb.buf);
	strbuf_release(&sb);
	return text;
}

_Static_assert(AUDIT_LOG_LIST_MAX < STORE_AUDIT_LIST_MAX, "a page fits a listing");
_Static_assert(AUDIT_LOG_EXPORT_MAX < STORE_AUDIT_LIST_MAX, "a download and one more fit a listing");

int audit_log_list(struct store *st, long long org_id, const struct store_audit_filter *filter, long long before,
		   size_t limit, struct audit_event ***out, size_t *n, struct err *e)
{
	return store_audit_list(st, org_id, filter, before, limit, out, n, e);
}

int audit_log_walk(struct store *st, int (*fn)(const struct audit_event *ev, void *arg), void *arg, struct err *e)
{
	return store_audit_walk(st, fn, arg, e);
}
