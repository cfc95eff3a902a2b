#include "cli/cli_audit.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "formats/canon_json.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

char *cli_audit_actor(void)
{
	uid_t uid = geteuid();
	struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name && *pw->pw_name)
		return xasprintf("cli:%s", pw->pw_name);
	return xasprintf("cli:uid=%lu", (unsigned long)uid);
}

int cli_audit(struct store *st, long long org_id, enum audit_action action, json_t *details, struct err *e,
	      const char *fmt, ...)
{
	char object[AUDIT_OBJECT_MAX + 1];
	struct strbuf text = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(object, sizeof object, fmt, ap);
	va_end(ap);
	int rc = -1;
	if (n < 0 || (size_t)n >= sizeof object) {
		err_set(e, "audit: the object is longer than %d bytes", AUDIT_OBJECT_MAX);
		goto done;
	}
	if (details && canon_json_dump(details, &text, e) < 0)
		goto done;
	char *actor = cli_audit_actor();
	struct audit_event *ev = audit_event_new(actor, org_id, action, object, details ? text.buf : NULL);
	free(actor);
	rc = store_audit_append(st, ev, e);
	audit_event_free(ev);
done:
	strbuf_release(&text);
	return rc;
}
