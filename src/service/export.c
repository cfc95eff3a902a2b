#include "service/export.h"

#include <stdarg.h>

#include "lib/fsutil.h"
#include "service/audit_log.h"

int export_audited(struct store *st, const struct export_sink *sink, const char *actor, long long org_id,
		   enum audit_action action, json_t *details, struct err *e, const char *fmt, ...)
{
	if (store_begin(st, e) < 0)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int rc = audit_log_v(st, actor, org_id, action, details, e, fmt, ap);
	va_end(ap);
	if (rc == 0 && (rc = sink->write(sink->arg, e)) == 0 && (rc = store_commit(st, e)) < 0)
		sink->undo(sink->arg);
	if (rc < 0) {
		store_rollback(st);
		return -1;
	}
	return sink->publish && sink->publish(sink->arg, e) < 0 ? -1 : 0;
}

static int file_write(void *arg, struct err *e)
{
	struct export_file *f = arg;
	f->tmp = fs_tmp_write(f->path, f->data, f->len, e);
	return f->tmp ? 0 : -1;
}

static void file_undo(void *arg)
{
	struct export_file *f = arg;
	fs_tmp_abort(f->tmp);
	f->tmp = NULL;
}

static int file_publish(void *arg, struct err *e)
{
	struct export_file *f = arg;
	int rc = fs_tmp_commit(f->tmp, f->path, e);
	f->tmp = NULL;
	return rc;
}

struct export_sink export_file_sink(struct export_file *f)
{
	return (struct export_sink){ file_write, file_undo, file_publish, f };
}

static int move_write(void *arg, struct err *e)
{
	(void)e;
	struct export_move *m = arg;
	strbuf_release(m->to);
	*m->to = *m->from;
	strbuf_init(m->from);
	return 0;
}

static void move_undo(void *arg)
{
	struct export_move *m = arg;
	strbuf_release(m->to);
}

struct export_sink export_move_sink(struct export_move *m)
{
	return (struct export_sink){ move_write, move_undo, NULL, m };
}
