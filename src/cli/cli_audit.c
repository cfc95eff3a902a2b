#include "cli/cli_audit.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/xalloc.h"
#include "service/audit_log.h"

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
	char *actor = cli_audit_actor();
	va_list ap;
	va_start(ap, fmt);
	int rc = audit_log_v(st, actor, org_id, action, details, e, fmt, ap);
	va_end(ap);
	free(actor);
	return rc;
}
