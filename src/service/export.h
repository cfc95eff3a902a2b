/*
 * export: what leaves the database goes with its audit event — every
 * export (an answer set's form, a submission, a bank's decision), on the
 * command line and the web alike. Layer: service.
 *
 * The event is appended first, in a transaction of its own; then the bytes
 * are written (a file, still without its name; or handed over in memory for
 * an HTTP response, sent after the return); the event commits only once
 * they are; then the file gets its name. A write that fails leaves no
 * event; an event that cannot commit takes the write back (the nameless
 * file is dropped: a file of that name from before stays as it was). So no
 * export is ever seen without its event, even when the process is killed
 * at any point (tests/cli/export_kill.sh): killed before the commit, there
 * is neither; between the commit and the naming, the event names an export
 * that did not arrive, the only window, and the safe way round for an
 * audit trail; the naming failing there says so.
 */
#ifndef SHINSA_SERVICE_EXPORT_H
#define SHINSA_SERVICE_EXPORT_H

#include <jansson.h>
#include <stddef.h>

#include "core/audit.h"
#include "lib/err.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "store/store.h"

/* Where the bytes go. arg is borrowed and passed to both calls. */
struct export_sink {
	/* Writes: 0, or -1 with e set, having left nothing behind. */
	int (*write)(void *arg, struct err *e);
	/* Takes back what write wrote; called only after write succeeded and
	 * the event could not commit. */
	void (*undo)(void *arg);
	/* Makes what write wrote visible once the event has committed (a
	 * file's name): 0, or -1 with e set. NULL: nothing to do. */
	int (*publish)(void *arg, struct err *e);
	void *arg;
};

/*
 * Appends the event by actor for organisation org_id (0: none) with
 * details (still yours; NULL for none) on the object made from fmt, calls
 * sink's write, and commits, as above. Call it outside any transaction.
 * 0, or -1 with e set (the event, the write or the commit).
 */
int export_audited(struct store *st, const struct export_sink *sink, const char *actor, long long org_id,
		   enum audit_action action, json_t *details, struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* len bytes at data as the whole of the file at path (fs_write_file():
 * whole or not at all): written without a name, dropped on undo, named on
 * publish. path and data borrowed; tmp is the sink's (start it NULL). */
struct export_file {
	const char *path;
	const void *data;
	size_t len;
	struct fs_tmp *tmp;
};
struct export_sink export_file_sink(struct export_file *f);

/* For an HTTP response: write moves *from into *to (from is left empty),
 * undo releases *to. Both borrowed. */
struct export_move {
	struct strbuf *from, *to;
};
struct export_sink export_move_sink(struct export_move *m);

#endif
