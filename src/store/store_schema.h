/*
 * store_schema: the numbered schema migrations. Internal to src/store/.
 *
 * Migration n takes the schema from version n-1 to n. A released migration
 * never changes; a change to the schema is a new migration.
 */
#ifndef SHINSA_STORE_SCHEMA_H
#define SHINSA_STORE_SCHEMA_H

#include <stdbool.h>

struct store_migration {
	int version;
	const char *name;
	const char *sql;
	/* Rebuilds a table others refer to: run with foreign keys off, and
	 * PRAGMA foreign_key_check must find nothing before it commits. */
	bool foreign_keys_off;
};

extern const struct store_migration store_migrations[];
extern const int store_n_migrations;

#endif
