/* shinsa backup DIR and shinsa restore DIR (service/backup.h). */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "service/backup.h"

/* The one DIR both commands take, or the usage error's status. */
static int one_dir(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv, const char **dir)
{
	int npos;
	int rc = cli_parse(ctx, cmd->name, cmd, argc, argv, NULL, &npos);
	if (rc)
		return rc;
	if (npos < 1)
		return cli_usage(cmd->name, cmd, "missing DIR");
	if (npos > 1)
		return cli_usage(cmd->name, cmd, "unexpected argument \"%s\"", argv[1]);
	*dir = argv[0];
	return 0;
}

static int backup_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *dir;
	int rc = one_dir(ctx, &cmd_backup, argc, argv, &dir);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct backup_manifest m;
	char *secret_path = cli_secret_path(ctx), *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || backup_make(st, dir, secret_path, actor, &m, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("backed up %s to %s/%s: schema %d, %lld audit events (last hash %s), sha256 %s\n", ctx->db_path,
		       dir, BACKUP_DATABASE_FILE, m.schema, m.audit_events, m.audit_last_hash, m.database_sha256);
		printf("the server secret is in %s/%s: keep it apart from the database copies (docs/operations.md)\n",
		       dir, BACKUP_SECRET_FILE);
		rc = CLI_OK;
	}
	store_close(st);
	free(actor);
	free(secret_path);
	return rc;
}

static int restore_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *dir;
	int rc = one_dir(ctx, &cmd_restore, argc, argv, &dir);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct backup_restored r;
	char *secret_path = cli_secret_path(ctx), *actor = cli_audit_actor();
	if (backup_restore(dir, ctx->db_path, secret_path, actor, &r, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("restored %s (taken %s, %lld audit events) to %s\n", dir, r.manifest.taken_at,
		       r.manifest.audit_events, ctx->db_path);
		if (r.secret_written)
			printf("wrote the server secret to %s\n", secret_path);
		else
			printf("wrote no key file: SHINSA_SECRET is set and is the backup's secret\n");
		rc = CLI_OK;
	}
	free(actor);
	free(secret_path);
	return rc;
}

const struct cli_command cmd_backup = {
	.name = "backup",
	.args = "DIR",
	.summary = "copy the database and the server secret into a new directory, while the server runs",
	.help = "Writes DIR/shinsa.db, a consistent copy of the database taken while others go on writing,\n"
		"DIR/secret.key, the server secret (SHINSA_SECRET, else the key file; mode 0600), and last\n"
		"DIR/manifest.json (schema, time, sha256 of both files, the copy's audit trail length and last\n"
		"hash). DIR is created (0700); one that already holds a backup is refused. Records a backup\n"
		"event after the copy, so the copy does not hold it. Keep secret.key apart from the database\n"
		"copies: see docs/operations.md, \"Backup and restore\".\n",
	.exec = backup_exec,
};

const struct cli_command cmd_restore = {
	.name = "restore",
	.args = "DIR",
	.summary = "check a backup and put it in place, never overwriting",
	.help = "Checks the backup in DIR (sha256 of both files against the manifest, schema, SQLite's\n"
		"integrity_check, the audit chain ending at the manifest's hash), records a restore event in\n"
		"it, then puts the database where --db (or SHINSA_DB) says and the secret where\n"
		"SHINSA_SECRET_FILE (else secret.key beside the database) says, each written beside its place,\n"
		"flushed and renamed. Never overwrites: an existing database or key file is refused. With\n"
		"SHINSA_SECRET set no key file is written, and it must be the backup's secret.\n",
	.exec = restore_exec,
};
