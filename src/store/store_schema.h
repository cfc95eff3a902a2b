/*
 * store_schema: the numbered schema migrations. Internal to src/store/.
 *
 * Migration n takes the schema from version n-1 to n. A released migration
 * never changes; a change to the schema is a new migration.
 */
#ifndef SHINSA_STORE_SCHEMA_H
#define SHINSA_STORE_SCHEMA_H

struct store_migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct store_migration store_migrations[];
extern const int store_n_migrations;

#endif
