#include "store/store_backup.h"

#include <string.h>

#include "lib/fsutil.h"
#include "store/store.h"
#include "store/store_sql.h"

int store_copy_into(struct store *st, const char *path, struct err *e)
{
	/*
	 * VACUUM INTO reads the whole database inside one read transaction. In
	 * WAL mode a reader sees the database as of the moment its transaction
	 * began and writers go on appending to the WAL meanwhile (they neither
	 * wait for it nor change what it sees), so the copy is exactly one
	 * committed state: every transaction wholly in or wholly out, however
	 * many writers the server has. The online backup API
	 * (sqlite3_backup_step) would restart its copy whenever another
	 * connection writes between steps, and under a steady stream of writes
	 * might never finish. VACUUM INTO also writes every page afresh from the
	 * b-trees, so a copy never carries free pages or a WAL of its own.
	 */
	struct sql_stmt *q = sql_prepare(store_sql(st), "VACUUM INTO ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, path);
	if (sql_run(q, e) < 0) {
		err_prefix(e, "cannot copy the database to %s", path);
		return -1;
	}
	return fs_sync(path, e);
}

int store_check_intact(struct store *st, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "PRAGMA integrity_check", e);
	if (!q)
		return -1;
	int rc = sql_step(q, e);
	if (rc == 1 && strcmp(sql_text(q, 0), "ok") != 0) {
		/* The first problem, on one line: SQLite heads it with the
		 * schema's name on a line of its own. */
		const char *first = sql_text(q, 0);
		const char *head = "*** in database main ***\n";
		if (strncmp(first, head, strlen(head)) == 0)
			first += strlen(head);
		err_set(e, "the database is damaged: %.*s", (int)strcspn(first, "\n"), first);
		rc = -1;
	} else if (rc == 0) {
		err_set(e, "the database is damaged: integrity_check said nothing");
		rc = -1;
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}
