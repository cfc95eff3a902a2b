/*
 * backup_manifest: manifest.json, what `shinsa backup` writes last into a
 * backup directory so that `shinsa restore` can check the rest:
 *
 *   {"format":"shinsa-backup/1",
 *    "schema":N,                          the database's schema version
 *    "taken_at":"YYYY-MM-DDTHH:MM:SSZ",
 *    "database_sha256":HEX64,             of shinsa.db, the copy, as written
 *    "secret_sha256":HEX64,               of secret.key, as written
 *    "audit_events":N,                    the copy's audit trail: its length
 *    "audit_last_hash":HEX64}             and last hash (64 zeros for none)
 *
 * The files beside it are always named shinsa.db and secret.key.
 */
#ifndef SHINSA_FORMATS_BACKUP_MANIFEST_H
#define SHINSA_FORMATS_BACKUP_MANIFEST_H

#include "lib/clock.h"
#include "lib/err.h"
#include "lib/hash.h"
#include "lib/strbuf.h"

#define BACKUP_MANIFEST_FORMAT "shinsa-backup/1"
#define BACKUP_MANIFEST_FILE "manifest.json"
#define BACKUP_DATABASE_FILE "shinsa.db"
#define BACKUP_SECRET_FILE "secret.key"

struct backup_manifest {
	int schema;
	char taken_at[CLOCK_TEXT_SIZE];
	char database_sha256[HASH_HEX_LEN + 1];
	char secret_sha256[HASH_HEX_LEN + 1];
	long long audit_events;
	char audit_last_hash[HASH_HEX_LEN + 1];
};

/* Appends m as indented JSON and a newline to out. */
void backup_manifest_write(const struct backup_manifest *m, struct strbuf *out);

/*
 * Reads a manifest from text. 0, or -1 with e saying what is wrong ("not
 * JSON: …", "format is not shinsa-backup/1", "database_sha256 is not 64
 * hex digits", …); m is then undefined.
 */
int backup_manifest_parse(const char *text, struct backup_manifest *m, struct err *e);

#endif
