/* Submissions in the store: versions, round trips, and that nothing changes one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_catalog.h"
#include "store/store_org.h"
#include "store/store_sql.h"
#include "store/store_submission.h"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *org;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/shinsa-subst-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	char *db = xasprintf("%s/t.db", f->dir);
	struct err e = { 0 };
	struct catalog_files files;
	enum store_put r;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	int rc = catalog_files_load("catalog", &files, &e) < 0 || store_open(db, STORE_CREATE, &f->st, &e) < 0 ||
		 store_migrate(f->st, NULL, NULL, &e) < 0 || store_begin(f->st, &e) < 0 ||
		 store_catalog_put(f->st, catalog_files_find(&files, "api-checklist-2018-08"), &r, &e) < 0 ||
		 store_commit(f->st, &e) < 0;
	catalog_files_release(&files);
	free(db);
	f->org = org_new();
	f->org->kind = ORG_CONNECTOR;
	f->org->name = xstrdup("A社");
	f->org->public_key = xstrdup("00");
	if (rc || store_org_add(f->st, f->org, "v1:sealed", &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	org_free(f->org);
	char *cmd = xasprintf("rm -rf %s", f->dir);
	int rc = system(cmd);
	free(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* Adds the next version with document doc, as submit does. */
static long long add(struct fixture *f, const char *doc, int want_version)
{
	struct err e = { 0 };
	struct submission_record r = { .org_id = f->org->id, .catalog_id = "api-checklist-2018-08",
				       .submitted_at = "2026-04-01T09:00:00Z", .document = (char *)doc,
				       .sha256 = "ab", .signature = "cd" };
	assert_int_equal(store_begin(f->st, &e), 0);
	assert_int_equal(store_submission_next_version(f->st, f->org->id, r.catalog_id, &r.version, &e), 0);
	assert_int_equal(r.version, want_version);
	assert_int_equal(store_submission_add(f->st, &r, &e), 0);
	assert_int_equal(store_commit(f->st, &e), 0);
	return r.id;
}

static void test_versions_and_round_trip(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	long long one = add(f, "{\"v\":1}", 1), two = add(f, "{\"v\":\"二\"}", 2);
	assert_int_equal(one, 1);
	assert_int_equal(two, 2);
	struct submission_record *r;
	assert_int_equal(store_submission_get(f->st, two, &r, &e), STORE_OK);
	assert_int_equal(r->org_id, f->org->id);
	assert_string_equal(r->org_name, "A社");
	assert_string_equal(r->catalog_id, "api-checklist-2018-08");
	assert_int_equal(r->version, 2);
	assert_string_equal(r->document, "{\"v\":\"二\"}");
	assert_int_equal(r->document_len, strlen("{\"v\":\"二\"}"));
	assert_string_equal(r->sha256, "ab");
	assert_string_equal(r->signature, "cd");
	assert_string_equal(r->submitted_at, "2026-04-01T09:00:00Z");
	submission_record_free(r);
	assert_int_equal(store_submission_get(f->st, 3, &r, &e), STORE_NOT_FOUND);
	assert_null(r);

	struct submission_record **all;
	size_t n;
	assert_int_equal(store_submission_list(f->st, f->org->id, &all, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(all[0]->version, 1);
	assert_int_equal(all[1]->version, 2);
	for (size_t i = 0; i < n; i++)
		submission_record_free(all[i]);
	free(all);
	assert_int_equal(store_submission_list(f->st, f->org->id + 1, &all, &n, &e), 0);
	assert_int_equal(n, 0);
	submission_record_free(NULL);
}

static void test_version_taken_once(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct submission_record r = { .org_id = f->org->id, .catalog_id = "api-checklist-2018-08", .version = 1,
				       .submitted_at = "2026-04-01T09:00:00Z", .document = "{}", .sha256 = "ab",
				       .signature = "cd" };
	assert_int_equal(store_submission_add(f->st, &r, &e), -1);
	assert_string_equal(e.msg, "UNIQUE constraint failed: submission.org_id, submission.catalog_id, submission.version");
}

static void test_immutable(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct sql *db = store_sql(f->st);
	assert_int_equal(sql_exec(db, "UPDATE submission SET document = '{}' WHERE id = 1", &e), -1);
	assert_string_equal(e.msg, "submissions are immutable");
	err_clear(&e);
	assert_int_equal(sql_exec(db, "DELETE FROM submission", &e), -1);
	assert_string_equal(e.msg, "submissions are immutable");
	struct submission_record *r;
	assert_int_equal(store_submission_get(f->st, 1, &r, &e), STORE_OK);
	assert_string_equal(r->document, "{\"v\":1}");
	submission_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_versions_and_round_trip),
		cmocka_unit_test(test_version_taken_once),
		cmocka_unit_test(test_immutable),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
