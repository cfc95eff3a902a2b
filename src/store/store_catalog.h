/*
 * store_catalog: catalogs and mappings in the database. Included by
 * store.h; callers include store.h.
 *
 * A published catalog never changes under its id: putting a catalog whose
 * id exists with other content is an error, putting the same content again
 * is a no-op. The same holds for mappings.
 */
#ifndef SHINSA_STORE_CATALOG_H
#define SHINSA_STORE_CATALOG_H

#include <stddef.h>

#include "core/catalog.h"
#include "core/mapping.h"
#include "lib/err.h"

struct store;

enum store_put {
	STORE_PUT_ADDED,     /* it was not there; now it is */
	STORE_PUT_UNCHANGED, /* the same content was there already */
};

/* Call inside a transaction: a catalog is several rows. cat->sha256 must be set. */
int store_catalog_put(struct store *st, const struct catalog *cat, enum store_put *result, struct err *e);
/* 0 and a new catalog you own in *out, or STORE_NOT_FOUND. */
int store_catalog_get(struct store *st, const char *id, struct catalog **out, struct err *e);
/* Every catalog, ordered by id, items included; you own the array and each
 * catalog (free with catalog_free() and free()). */
int store_catalog_list(struct store *st, struct catalog ***out, size_t *n, struct err *e);

/* Call inside a transaction, after both catalogs are in. m->sha256 must be set. */
int store_mapping_put(struct store *st, const struct mapping *m, enum store_put *result, struct err *e);
/* The mapping from criteria_id to checklist_id: 0 and a new mapping you own,
 * or STORE_NOT_FOUND. */
int store_mapping_get(struct store *st, const char *criteria_id, const char *checklist_id, struct mapping **out,
		      struct err *e);

#endif
