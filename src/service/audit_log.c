#include "service/audit_log.h"

#include <stdio.h>

#include "formats/canon_json.h"
#include "lib/strbuf.h"

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
