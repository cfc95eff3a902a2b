#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/xlsx_form.h"
#include "lib/xalloc.h"

int form_fixture_setup(void **state)
{
	struct form_fixture *fx = xcalloc(1, sizeof *fx);
	struct err e = { 0 };
	strcpy(fx->dir, "/tmp/shinsa-test-XXXXXX");
	if (!mkdtemp(fx->dir) || catalog_files_load("catalog", &fx->files, &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg[0] ? e.msg : "cannot make a scratch directory");
		return -1;
	}
	int n = snprintf(fx->path, sizeof fx->path, "%s/form.xlsx", fx->dir);
	if (n < 0 || (size_t)n >= sizeof fx->path)
		return -1;
	fx->cat = catalog_files_find(&fx->files, "api-checklist-2018-08");
	if (!fx->cat || xlsx_form_write(fx->cat, fx->path, &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

int form_fixture_teardown(void **state)
{
	struct form_fixture *fx = *state;
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(cmd);
	catalog_files_release(&fx->files);
	free(fx);
	return rc == 0 ? 0 : -1;
}
