/*
 * setup: what `shinsa init` writes to a database — its schema brought up to
 * date and the shipped catalogs and cross-walks stored. Layer: service
 * (service/auth.h).
 */
#ifndef SHINSA_SERVICE_SETUP_H
#define SHINSA_SERVICE_SETUP_H

#include "formats/catalog_json.h"
#include "lib/err.h"
#include "store/store.h"
#include "store/store_catalog.h"

/* store_migrate(): the schema version before (*from) and after (*to). */
int setup_migrate(struct store *st, int *from, int *to, struct err *e);

/* What setup_files() did with one file: a catalog (cat set) or a mapping
 * (m set), added or unchanged. Both borrowed for the call. */
typedef void setup_report(void *arg, const struct catalog *cat, const struct mapping *m, enum store_put r);

/*
 * Stores every catalog of files, then every mapping, in one transaction:
 * all or none. report (may be NULL) hears of each as it is put, before the
 * commit. 0, or -1 with e set.
 */
int setup_files(struct store *st, const struct catalog_files *files, setup_report *report, void *arg,
		struct err *e);

/* The schema version this program brings a database to (GET /healthz). */
int setup_schema_latest(void);

#endif
