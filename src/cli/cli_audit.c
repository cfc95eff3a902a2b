#include "cli/cli_audit.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lib/xalloc.h"

char *cli_audit_actor(void)
{
	uid_t uid = geteuid();
	struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name && *pw->pw_name)
		return xasprintf("cli:%s", pw->pw_name);
	return xasprintf("cli:uid=%lu", (unsigned long)uid);
}
