/*
 * backup: `shinsa backup` and `shinsa restore`, the SQLite installation's
 * backup procedure (docs/operations.md, "Backup and restore"). Layer:
 * service. The PostgreSQL backend (a later issue) will have its own.
 *
 * A backup is a directory holding shinsa.db (a consistent copy of the
 * database, taken while the server runs and writes), secret.key (the server
 * secret as a key file, 0600) and manifest.json (formats/backup_manifest.h),
 * written last: a directory without it holds no backup.
 *
 * The audit trail: backup_make() records a backup event in the live trail
 * after the copy is made ({dir, database_sha256, audit_events,
 * audit_last_hash}, no organisation), so it is not in the copy; it names the
 * copy's last event, which `shinsa audit verify --anchor` can then find.
 * Writing it before the copy instead would put it in the copy but record
 * backups that then failed. backup_restore() appends a restore event
 * ({dir, taken_at, database_sha256}) to the restored database before it is
 * put in place, so the copy's trail, checked intact, goes on unbroken.
 */
#ifndef SHINSA_SERVICE_BACKUP_H
#define SHINSA_SERVICE_BACKUP_H

#include <stdbool.h>

#include "formats/backup_manifest.h"
#include "store/store.h"

/*
 * Backs up st into dir: creates dir (0700) unless it exists; an existing
 * one must not hold any of the three files ("backup directory DIR already
 * holds a backup: choose a new one"). The secret is SHINSA_SECRET if set,
 * else the key file at secret_path. Not inside a transaction of st. On
 * success *out is the manifest written; on failure nothing is left in dir
 * (nor dir, if it was made here). actor is the audit event's.
 */
int backup_make(struct store *st, const char *dir, const char *secret_path, const char *actor,
		struct backup_manifest *out, struct err *e);

struct backup_restored {
	struct backup_manifest manifest;
	bool secret_written; /* false: SHINSA_SECRET is set and is the backup's */
};

/*
 * Restores the backup in dir: the database to db_path and the secret to
 * the key file secret_path. Neither may exist ("database PATH already
 * exists: restore never overwrites one (move it away first)", the same
 * for "server secret PATH"). With SHINSA_SECRET set no key file is
 * written; it must then be the backup's secret. The copy is checked
 * before anything is put in place: the manifest's sha256 of both files,
 * its schema (this shinsa's), SQLite's integrity_check, the audit chain
 * (intact, and ending at the manifest's last hash) and the secret (it must
 * open an organisation's sealed signing key). Each file is
 * written beside its place, flushed and then given its name, so a reader
 * sees it whole or not at all; a refusal leaves nothing behind. actor is
 * the restore event's.
 */
int backup_restore(const char *dir, const char *db_path, const char *secret_path, const char *actor,
		   struct backup_restored *out, struct err *e);

#endif
