#include "store/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store_schema.h"
#include "store/store_sql.h"

struct store {
	struct sql *db;
	char *path;
	bool in_tx;
};

/* The store_*.c pass store_sql's results on as the store's own. */
_Static_assert(STORE_OK == SQL_FOUND && STORE_NOT_FOUND == SQL_NOT_FOUND, "store and store_sql disagree");

struct sql *store_sql(struct store *st)
{
	return st->db;
}

int store_schema_latest(void)
{
	return store_migrations[store_n_migrations - 1].version;
}

static int schema_version(struct store *st, int *out, struct err *e)
{
	bool exists;
	*out = 0;
	if (sql_has_table(st->db, "schema_migration", &exists, e) < 0)
		return -1;
	if (!exists)
		return 0;
	struct sql_stmt *q = sql_prepare(st->db, "SELECT coalesce(max(version), 0) FROM schema_migration", e);
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc == 1)
		*out = (int)sql_int(q, 0);
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct err *e)
{
	*out = NULL;
	struct stat sb;
	if (mode == STORE_EXISTING && stat(path, &sb) < 0) {
		if (errno == ENOENT)
			err_set(e, "database %s does not exist (run shinsa init)", path);
		else
			err_set(e, "cannot open database %s: %s", path, strerror(errno));
		return -1;
	}
	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	if (sql_open(path, mode == STORE_CREATE, &st->db, e) < 0)
		goto fail;
	int version;
	if (schema_version(st, &version, e) < 0) {
		/* A file that is not SQLite fails here, at its first read. */
		err_prefix(e, "cannot read database %s", path);
		goto fail;
	}
	if (version > store_schema_latest()) {
		err_set(e, "database %s has schema version %d, newer than this shinsa knows (%d)", path, version,
			store_schema_latest());
		goto fail;
	}
	if (mode == STORE_EXISTING && version < store_schema_latest()) {
		err_set(e, "database %s has schema version %d, this shinsa needs %d (run shinsa init)", path, version,
			store_schema_latest());
		goto fail;
	}
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_rollback(st);
	sql_close(st->db);
	free(st->path);
	free(st);
}

int store_begin(struct store *st, struct err *e)
{
	/* IMMEDIATE takes the write lock now, so two writers queue at the start
	 * instead of one failing at commit. */
	if (sql_exec(st->db, "BEGIN IMMEDIATE", e) < 0)
		return -1;
	st->in_tx = true;
	return 0;
}

int store_commit(struct store *st, struct err *e)
{
	if (sql_exec(st->db, "COMMIT", e) < 0)
		return -1;
	st->in_tx = false;
	return 0;
}

bool store_in_tx(const struct store *st)
{
	return st->in_tx;
}

void store_rollback(struct store *st)
{
	if (!st->in_tx)
		return;
	sql_exec(st->db, "ROLLBACK", NULL);
	st->in_tx = false;
}

/* What a migration run with foreign keys off must leave: no row referring
 * to one that is not there. */
static int foreign_keys_ok(struct store *st, struct err *e)
{
	struct sql_stmt *q = sql_prepare(st->db, "PRAGMA foreign_key_check", e);
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc > 0) {
		err_set(e, "a row of %s refers to one that is not there", sql_text(q, 0));
		rc = -1;
	}
	sql_finalize(q);
	return rc;
}

/* One migration in its transaction, recorded in schema_migration. */
static int migrate_one(struct store *st, const struct store_migration *m, const char *stamp, struct err *e)
{
	if (store_begin(st, e) < 0)
		return -1;
	if (sql_exec(st->db, m->sql, e) < 0) {
		err_prefix(e, "migration %d (%s)", m->version, m->name);
		store_rollback(st);
		return -1;
	}
	if (m->foreign_keys_off && foreign_keys_ok(st, e) < 0) {
		err_prefix(e, "migration %d (%s)", m->version, m->name);
		store_rollback(st);
		return -1;
	}
	struct sql_stmt *q = sql_prepare(st->db,
		"INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)", e);
	if (!q) {
		store_rollback(st);
		return -1;
	}
	sql_bind_int(q, 1, m->version);
	sql_bind_text(q, 2, m->name);
	sql_bind_text(q, 3, stamp);
	if (sql_run(q, e) < 0 || store_commit(st, e) < 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int store_migrate(struct store *st, int *from, int *to, struct err *e)
{
	int version;
	if (schema_version(st, &version, e) < 0)
		return -1;
	if (from)
		*from = version;
	if (sql_exec(st->db,
		     "CREATE TABLE IF NOT EXISTS schema_migration (\n"
		     "  version INTEGER PRIMARY KEY,\n"
		     "  name TEXT NOT NULL,\n"
		     "  applied_at TEXT NOT NULL\n"
		     ") STRICT",
		     e) < 0)
		return -1;
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	for (int i = 0; i < store_n_migrations; i++) {
		const struct store_migration *m = &store_migrations[i];
		if (m->version <= version)
			continue;
		/* The pragma is a no-op inside a transaction: set it before. */
		if (m->foreign_keys_off && sql_exec(st->db, "PRAGMA foreign_keys=OFF", e) < 0)
			return -1;
		int rc = migrate_one(st, m, stamp, e);
		if (m->foreign_keys_off && sql_exec(st->db, "PRAGMA foreign_keys=ON", rc < 0 ? NULL : e) < 0)
			rc = -1;
		if (rc < 0)
			return -1;
		version = m->version;
	}
	if (to)
		*to = version;
	return 0;
}
