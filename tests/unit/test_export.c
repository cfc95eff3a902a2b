/* An export and its audit event (service/export.h): a failed write leaves
 * no event and no file, a successful one exactly one event, the file gets
 * its name only once the event has committed, and an event that cannot
 * commit takes the write back, leaving a file of that name from before as
 * it was. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#include "lib/fsutil.h"
#include "lib/xalloc.h"
#include "service/export.h"

#define ACTOR "cli:tester"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *org;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { NULL };
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-export", ids, &f->st) < 0)
		return -1;
	f->org = scratch_org_add(f->st, ORG_CONNECTOR, "A社");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	org_free(f->org);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

static void assert_events(struct fixture *f, const char *want)
{
	char *got = scratch_events(f->st, "org_add");
	assert_string_equal(got, want);
	free(got);
}

/* The file at path holds exactly the len bytes at want. */
static void assert_file(const char *path, const char *want, size_t len)
{
	struct err e = { 0 };
	char *data;
	size_t n;
	assert_int_equal(fs_read_file(path, 100, &data, &n, &e), 0);
	assert_int_equal(n, len);
	assert_memory_equal(data, want, len);
	free(data);
}

static int export_file(struct fixture *f, const char *path, struct err *e)
{
	struct export_file file = { path, "{}\n", 3, NULL };
	const struct export_sink sink = export_file_sink(&file);
	json_t *details = json_pack("{s:s}", "file", path);
	int rc = export_audited(f->st, &sink, ACTOR, f->org->id, AUDIT_SUBMISSION_EXPORT, details, e,
				"submission:%d", 7);
	json_decref(details);
	return rc;
}

static void test_file_written(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/out.json", f->dir);
	assert_int_equal(export_file(f, path, &e), 0);
	assert_file(path, "{}\n", 3);
	char *want = xasprintf(ACTOR " submission_export submission:7 {\"file\":\"%s\"}\n", path);
	assert_events(f, want);
	free(want);
	free(path);
}

static void test_file_write_fails(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/no-such-dir/out.json", f->dir);
	assert_int_equal(export_file(f, path, &e), -1);
	char *want = xasprintf("cannot write %s: No such file or directory", path);
	assert_string_equal(e.msg, want);
	free(want);
	struct stat sb;
	assert_int_equal(stat(path, &sb), -1);
	assert_events(f, "");
	free(path);
}

/* A write that succeeds and then loses the transaction under it, as a
 * commit that fails would: the file is taken back. */
struct lost {
	struct store *st;
	struct export_file file;
	int undone, published;
};

static int lost_write(void *arg, struct err *e)
{
	struct lost *l = arg;
	struct export_sink inner = export_file_sink(&l->file);
	int rc = inner.write(inner.arg, e);
	store_rollback(l->st);
	return rc;
}

static int lost_publish(void *arg, struct err *e)
{
	(void)e;
	((struct lost *)arg)->published++;
	return 0;
}

static void lost_undo(void *arg)
{
	struct lost *l = arg;
	struct export_sink inner = export_file_sink(&l->file);
	inner.undo(inner.arg);
	l->undone++;
}

static void test_commit_fails(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/out.json", f->dir);
	assert_int_equal(fs_write_file(path, "old", 3, &e), 0); /* the export of before */
	struct lost l = { f->st, { path, "{}\n", 3, NULL }, 0, 0 };
	const struct export_sink sink = { lost_write, lost_undo, lost_publish, &l };
	assert_int_equal(export_audited(f->st, &sink, ACTOR, f->org->id, AUDIT_SUBMISSION_EXPORT, NULL, &e,
					"submission:%d", 7),
			 -1);
	assert_int_equal(l.undone, 1);
	assert_int_equal(l.published, 0);
	assert_file(path, "old", 3);
	assert_events(f, "");
	free(path);
}

/* While the event is not yet committed the file has no name: a kill then
 * leaves neither (tests/cli/export_kill.sh kills for real). */
struct early {
	struct export_file file;
	int named_before_commit;
};

static int early_write(void *arg, struct err *e)
{
	struct early *x = arg;
	struct export_sink inner = export_file_sink(&x->file);
	int rc = inner.write(inner.arg, e);
	struct stat sb;
	x->named_before_commit = stat(x->file.path, &sb) == 0;
	return rc;
}

static void early_undo(void *arg)
{
	struct early *x = arg;
	struct export_sink inner = export_file_sink(&x->file);
	inner.undo(inner.arg);
}

static int early_publish(void *arg, struct err *e)
{
	struct early *x = arg;
	struct export_sink inner = export_file_sink(&x->file);
	return inner.publish(inner.arg, e);
}

static void test_named_after_commit(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *path = xasprintf("%s/late.json", f->dir);
	struct early x = { { path, "{}\n", 3, NULL }, -1 };
	const struct export_sink sink = { early_write, early_undo, early_publish, &x };
	assert_int_equal(export_audited(f->st, &sink, ACTOR, f->org->id, AUDIT_SUBMISSION_EXPORT, NULL, &e,
					"submission:%d", 7),
			 0);
	assert_int_equal(x.named_before_commit, 0);
	assert_file(path, "{}\n", 3);
	assert_events(f, ACTOR " submission_export submission:7 {}\n");
	free(path);
}

/* Bytes for a response move only once the event commits. */
static void test_move(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;
	strbuf_addstr(&from, "decision");
	struct export_move m = { &from, &to };
	const struct export_sink sink = export_move_sink(&m);
	assert_int_equal(export_audited(f->st, &sink, ACTOR, f->org->id, AUDIT_DECISION_EXPORT, NULL, &e,
					"review:%d", 3),
			 0);
	assert_string_equal(to.buf, "decision");
	assert_int_equal(from.len, 0);
	assert_events(f, ACTOR " decision_export review:3 {}\n");
	strbuf_release(&to);
}

/* An event that cannot be made (its object too long) writes nothing. */
static int never_write(void *arg, struct err *e)
{
	(void)e;
	(*(int *)arg)++;
	return 0;
}

static void test_event_fails(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	int writes = 0;
	const struct export_sink sink = { never_write, NULL, NULL, &writes };
	char *big = xcalloc(AUDIT_OBJECT_MAX + 1, 1);
	memset(big, 'x', AUDIT_OBJECT_MAX);
	assert_int_equal(export_audited(f->st, &sink, ACTOR, f->org->id, AUDIT_DECISION_EXPORT, NULL, &e,
					"review:%s", big),
			 -1);
	assert_int_equal(writes, 0);
	assert_events(f, "");
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_written, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_write_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_commit_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_after_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move, setup, teardown),
		cmocka_unit_test_setup_teardown(test_event_fails, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
