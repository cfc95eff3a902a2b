/* The store against a scratch SQLite file: migrations, catalogs, mappings,
 * and two connections adding the same names at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "store/store.h"
#include "store/store_catalog.h"
#include "store/store_org.h"
#include "store/store_sql.h"
#include "lib/xalloc.h"
#include "store/store_user.h"

struct fixture {
	char dir[64];
	char *db;
	struct catalog_files files;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/shinsa-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->db = xasprintf("%s/t.db", f->dir);
	struct err e = { 0 };
	if (catalog_files_load("catalog", &f->files, &e) < 0)
		return -1;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	catalog_files_release(&f->files);
	free(f->db);
	free(f);
	return 0;
}

static struct store *open_new(struct fixture *f)
{
	struct store *st;
	struct err e = { 0 };
	assert_int_equal(store_open(f->db, STORE_CREATE, &st, &e), 0);
	int from, to;
	assert_int_equal(store_migrate(st, &from, &to, &e), 0);
	assert_int_equal(from, 0);
	assert_int_equal(to, store_schema_latest());
	return st;
}

static void load_all(struct store *st, struct fixture *f, enum store_put want)
{
	struct err e = { 0 };
	enum store_put r;
	assert_int_equal(store_begin(st, &e), 0);
	for (size_t i = 0; i < f->files.n_catalogs; i++) {
		assert_int_equal(store_catalog_put(st, f->files.catalogs[i], &r, &e), 0);
		assert_int_equal(r, want);
	}
	assert_int_equal(store_mapping_put(st, f->files.mappings[0], &r, &e), 0);
	assert_int_equal(r, want);
	assert_int_equal(store_commit(st, &e), 0);
}

static void test_open_errors(void **state)
{
	struct fixture *f = *state;
	struct store *st = (struct store *)1;
	struct err e = { 0 };
	assert_int_equal(store_open(f->db, STORE_EXISTING, &st, &e), -1);
	assert_null(st);
	char *want = xasprintf("database %s does not exist (run shinsa init)", f->db);
	assert_string_equal(e.msg, want);
	free(want);

	/* An empty database that was never migrated. */
	assert_int_equal(store_open(f->db, STORE_CREATE, &st, &e), 0);
	store_close(st);
	assert_int_equal(store_open(f->db, STORE_EXISTING, &st, &e), -1);
	want = xasprintf("database %s has schema version 0, this shinsa needs %d (run shinsa init)", f->db,
			 store_schema_latest());
	assert_string_equal(e.msg, want);
	free(want);

	/* Not a database at all. */
	char *junk = xasprintf("%s/junk.db", f->dir);
	FILE *fp = fopen(junk, "w");
	fputs("this is not SQLite, just text that is long enough to have a header page...........", fp);
	fclose(fp);
	assert_int_equal(store_open(junk, STORE_EXISTING, &st, &e), -1);
	want = xasprintf("cannot open database %s: file is not a database", junk);
	assert_string_equal(e.msg, want);
	free(want);
	free(junk);
}

static void test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	struct err e = { 0 };
	assert_int_equal(sql_exec(store_sql(st), "INSERT INTO schema_migration VALUES (99, 'future', 'x')", &e), 0);
	store_close(st);
	assert_int_equal(store_open(f->db, STORE_CREATE, &st, &e), -1);
	char *want = xasprintf("database %s has schema version 99, newer than this shinsa knows (%d)", f->db,
			       store_schema_latest());
	assert_string_equal(e.msg, want);
	free(want);
	unlink(f->db);
}

static void test_catalog_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	load_all(st, f, STORE_PUT_ADDED);
	load_all(st, f, STORE_PUT_UNCHANGED);

	struct err e = { 0 };
	for (size_t i = 0; i < f->files.n_catalogs; i++) {
		const struct catalog *want = f->files.catalogs[i];
		struct catalog *got;
		assert_int_equal(store_catalog_get(st, want->id, &got, &e), STORE_OK);
		/* Equal as the JSON a user sees: every field of every item. */
		json_t *a = catalog_json_encode(want), *b = catalog_json_encode(got);
		char *sa = json_dumps(a, JSON_COMPACT), *sb = json_dumps(b, JSON_COMPACT);
		assert_string_equal(sa, sb);
		free(sa);
		free(sb);
		json_decref(a);
		json_decref(b);
		catalog_free(got);
	}
	struct catalog *none = (struct catalog *)1;
	assert_int_equal(store_catalog_get(st, "nope", &none, &e), STORE_NOT_FOUND);
	assert_null(none);

	struct catalog **all;
	size_t n;
	assert_int_equal(store_catalog_list(st, &all, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(all[0]->id, "api-checklist-2018-08");
	assert_string_equal(all[1]->id, "bank-criteria-sample");
	for (size_t i = 0; i < n; i++)
		catalog_free(all[i]);
	free(all);
	store_close(st);
	unlink(f->db);
}

static void test_changed_catalog_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	load_all(st, f, STORE_PUT_ADDED);
	struct catalog *cat = f->files.catalogs[0];
	char *saved = cat->sha256;
	cat->sha256 = xstrdup("0000");
	struct err e = { 0 };
	enum store_put r;
	assert_int_equal(store_begin(st, &e), 0);
	assert_int_equal(store_catalog_put(st, cat, &r, &e), -1);
	store_rollback(st);
	assert_string_equal(e.msg, "catalog api-checklist-2018-08: the database holds different content under this id "
				   "(a published catalog never changes: give the new version a new id)");
	free(cat->sha256);
	cat->sha256 = saved;
	store_close(st);
	unlink(f->db);
}

static void test_mapping_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	load_all(st, f, STORE_PUT_ADDED);
	struct err e = { 0 };
	struct mapping *m;
	assert_int_equal(store_mapping_get(st, "bank-criteria-sample", "api-checklist-2018-08", &m, &e), STORE_OK);
	const struct mapping *want = f->files.mappings[0];
	assert_string_equal(m->id, want->id);
	assert_int_equal(m->n_rows, want->n_rows);
	for (size_t i = 0; i < m->n_rows; i++) {
		assert_string_equal(m->rows[i].criterion, want->rows[i].criterion);
		assert_int_equal(m->rows[i].relation, want->rows[i].relation);
		assert_string_equal(m->rows[i].note, want->rows[i].note);
		assert_int_equal(m->rows[i].n_items, want->rows[i].n_items);
		for (size_t k = 0; k < m->rows[i].n_items; k++)
			assert_int_equal(m->rows[i].items[k], want->rows[i].items[k]);
	}
	mapping_free(m);
	assert_int_equal(store_mapping_get(st, "api-checklist-2018-08", "bank-criteria-sample", &m, &e), STORE_NOT_FOUND);
	store_close(st);
	unlink(f->db);
}

static void test_rollback_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	struct err e = { 0 };
	enum store_put r;
	assert_int_equal(store_begin(st, &e), 0);
	assert_int_equal(store_catalog_put(st, f->files.catalogs[0], &r, &e), 0);
	store_rollback(st);
	struct catalog *cat;
	assert_int_equal(store_catalog_get(st, f->files.catalogs[0]->id, &cat, &e), STORE_NOT_FOUND);
	store_close(st);
	unlink(f->db);
}

/* How many names two connections race for. */
#define RACE_NAMES 100

/* A child: once go is closed, adds org N<k> and user u<k>@x.jp for every k
 * on its own connection (no transaction: each add must be atomic alone, as
 * on a backend whose transactions do not lock the table), writing for each
 * add a line to path: "ok" or the error. */
static void race_child(const char *db, long long org_id, int go, const char *path)
{
	struct store *st;
	struct err e = { 0 };
	char c;
	FILE *out = fopen(path, "w");
	if (!out || store_open(db, STORE_EXISTING, &st, &e) < 0 || read(go, &c, 1) != 0)
		_exit(2);
	for (int k = 1; k <= RACE_NAMES; k++) {
		struct org *org = org_new();
		org->kind = ORG_BANK;
		org->name = xasprintf("N%d", k);
		org->public_key = xstrdup("00");
		fprintf(out, "%s\n", store_org_add(st, org, "v1:sealed", &e) == 0 ? "ok" : e.msg);
		org_free(org);
		struct user *u = user_new();
		u->org_id = org_id;
		u->email = xasprintf("u%d@x.jp", k);
		u->role = ROLE_VIEWER;
		u->password_hash = xstrdup("x");
		fprintf(out, "%s\n", store_user_add(st, u, &e) == 0 ? "ok" : e.msg);
		user_free(u);
	}
	store_close(st);
	_exit(fclose(out) == 0 ? 0 : 2);
}

static void test_concurrent_adds(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_new(f);
	struct err e = { 0 };
	struct org *a = org_new();
	a->kind = ORG_CONNECTOR;
	a->name = xstrdup("A");
	a->public_key = xstrdup("00");
	assert_int_equal(store_org_add(st, a, "v1:sealed", &e), 0);
	int go[2];
	assert_int_equal(pipe(go), 0);
	char *path[2];
	pid_t pid[2];
	for (int i = 0; i < 2; i++) {
		path[i] = xasprintf("%s/race%d.txt", f->dir, i);
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			close(go[1]);
			race_child(f->db, a->id, go[0], path[i]);
		}
	}
	close(go[0]);
	close(go[1]); /* both start at once */
	FILE *in[2];
	for (int i = 0; i < 2; i++) {
		int status;
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		in[i] = fopen(path[i], "r");
		assert_non_null(in[i]);
	}
	/* Of each pair of adds exactly one succeeds; the other says why. */
	for (int k = 1; k <= RACE_NAMES; k++) {
		for (int user = 0; user < 2; user++) {
			char line[2][200], want[100];
			for (int i = 0; i < 2; i++) {
				assert_non_null(fgets(line[i], sizeof line[i], in[i]));
				line[i][strcspn(line[i], "\n")] = 0;
			}
			int len = user ? snprintf(want, sizeof want, "a user with email u%d@x.jp already exists", k)
				       : snprintf(want, sizeof want, "an organisation named \"N%d\" already exists", k);
			assert_true(len > 0 && (size_t)len < sizeof want);
			int winner = strcmp(line[0], "ok") == 0 ? 0 : 1;
			assert_string_equal(line[winner], "ok");
			assert_string_equal(line[1 - winner], want);
		}
	}
	for (int i = 0; i < 2; i++) {
		fclose(in[i]);
		free(path[i]);
	}
	org_free(a);
	store_close(st);
	unlink(f->db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_catalog_round_trip),
		cmocka_unit_test(test_changed_catalog_refused),
		cmocka_unit_test(test_mapping_round_trip),
		cmocka_unit_test(test_rollback_leaves_nothing),
		cmocka_unit_test(test_concurrent_adds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
