#include "service/setup.h"

int setup_migrate(struct store *st, int *from, int *to, struct err *e)
{
	return store_migrate(st, from, to, e);
}

int setup_files(struct store *st, const struct catalog_files *files, setup_report *report, void *arg,
		struct err *e)
{
	enum store_put r;
	if (store_begin(st, e) < 0)
		return -1;
	for (size_t i = 0; i < files->n_catalogs; i++) {
		if (store_catalog_put(st, files->catalogs[i], &r, e) < 0)
			goto fail;
		if (report)
			report(arg, files->catalogs[i], NULL, r);
	}
	for (size_t i = 0; i < files->n_mappings; i++) {
		if (store_mapping_put(st, files->mappings[i], &r, e) < 0)
			goto fail;
		if (report)
			report(arg, NULL, files->mappings[i], r);
	}
	if (store_commit(st, e) == 0)
		return 0;
fail:
	store_rollback(st);
	return -1;
}

int setup_schema_latest(void)
{
	return store_schema_latest();
}
