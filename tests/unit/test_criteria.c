/* A bank's criteria list on a scratch database: import, the rows carried
 * from the shipped cross-walk and over a re-import, the store's round trip,
 * mapping, and a refused audit event leaving neither change nor event. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/fsutil.h"
#include "lib/xalloc.h"
#include "service/criteria.h"
#include "store/store.h"
#include "store/store_catalog.h"
#include "store/store_criteria.h"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *bank, *connector;
	char *seed;
	size_t seed_len;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", "bank-criteria-sample", NULL };
	struct err e = { 0 };
	enum store_put r;
	struct catalog_files files;
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-crit", ids, &f->st) < 0 || catalog_files_load("catalog", &files, &e) < 0)
		return -1;
	int rc = store_begin(f->st, &e) < 0 || store_mapping_put(f->st, files.mappings[0], &r, &e) < 0 ||
		 store_commit(f->st, &e) < 0;
	catalog_files_release(&files);
	f->bank = scratch_org_add(f->st, ORG_BANK, "X銀行");
	f->connector = scratch_org_add(f->st, ORG_CONNECTOR, "接続先A");
	if (fs_read_file("catalog/sources/000_facbf1237c5cd287.txt", 1u << 20, &f->seed, &f->seed_len, &e) < 0)
		rc = 1;
	return rc ? -1 : 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	org_free(f->bank);
	org_free(f->connector);
	free(f->seed);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

/* How many criteria the bank has stored. */
static size_t stored(const struct fixture *f)
{
	struct criteria_list *l = NULL;
	struct err e = { 0 };
	size_t n = store_criteria_get(f->st, f->bank->id, &l, &e) == STORE_OK ? l->cat->n_items : 0;
	criteria_list_free(l);
	return n;
}

static void test_import_and_map(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	struct criteria_import_result res = { 0 };
	/* A connector has none. */
	assert_int_equal(criteria_import(f->st, "a@a.test", f->connector, "s.txt", CRITERIA_TEXT, f->seed, f->seed_len,
					 NULL, &l, &res, &e),
			 OUTCOME_REFUSED);
	assert_string_equal(e.msg, "接続先A is not a bank");
	criteria_import_release(&res);
	/* An event that cannot be written (an actor over the audit limit) takes
	 * the list with it. */
	char actor[400];
	memset(actor, 'a', sizeof actor - 1);
	actor[sizeof actor - 1] = '\0';
	assert_int_equal(criteria_import(f->st, actor, f->bank, "s.txt", CRITERIA_TEXT, f->seed, f->seed_len, NULL, &l,
					 &res, &e),
			 -1);
	assert_null(l);
	assert_int_equal(stored(f), 0);
	criteria_import_release(&res);
	assert_int_equal(criteria_show(f->st, f->bank, &l, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no criteria imported yet");

	assert_int_equal(criteria_import(f->st, "x@x.test", f->bank, "s.txt", CRITERIA_TEXT, f->seed, f->seed_len, NULL,
					 &l, &res, &e),
			 0);
	assert_int_equal(res.carried.shipped, 57);
	assert_int_equal(res.carried.kept + res.carried.unset, 0);
	assert_int_equal(res.warnings.n, 3);
	criteria_import_release(&res);
	criteria_list_free(l);
	/* The store gives back what was put. */
	assert_int_equal(criteria_show(f->st, f->bank, &l, &e), 0);
	assert_string_equal(l->checklist_id, "api-checklist-2018-08");
	assert_int_equal(l->cat->n_items, 57);
	assert_int_equal(l->map->n_rows, 57);
	long i = criteria_list_find(l, "(1)-23");
	assert_int_equal(l->map->rows[i].relation, RELATION_INTERSECTS);
	assert_int_equal(l->map->rows[i].n_items, 2);
	assert_int_equal(l->map->rows[i].items[0], 18);
	assert_int_equal(l->map->rows[i].items[1], 11);
	i = criteria_list_find(l, "(1)-12");
	assert_true(l->cat->items[i].damaged);
	assert_null(l->cat->items[i].text);
	criteria_list_free(l);

	/* Mapping: a refused event leaves the row as it was. */
	static const int items[] = { 2, 3 };
	assert_int_equal(criteria_map(f->st, actor, f->bank, "(1)-10", "intersects", items, 2, "n", NULL, NULL, &e), -1);
	assert_int_equal(criteria_map(f->st, "x@x.test", f->bank, "(1)-10", "intersects", items, 2, NULL, &l, NULL, &e), 0);
	criteria_list_free(l);
	assert_int_equal(criteria_show(f->st, f->bank, &l, &e), 0);
	i = criteria_list_find(l, "(1)-10");
	assert_int_equal(l->map->rows[i].relation, RELATION_INTERSECTS);
	assert_int_equal(l->map->rows[i].n_items, 2);
	assert_string_equal(l->map->rows[i].changed_by, "x@x.test");
	/* The note was kept (none given), in Japanese with its English. */
	assert_string_equal(l->map->rows[i].note, "セキュリティ体制を客観的に示す資料を求める基準で、対応する項目はない。"
						  "最も近いのは 3.3.1 d（第三者認証）による通番2・3");
	assert_string_equal(l->map->rows[i].note_en,
			    "objective proof of the security set-up; nearest are items 2/3 via 3.3.1 d (certifications)");
	criteria_list_free(l);
	assert_int_equal(criteria_map(f->st, "x@x.test", f->bank, "(1)-10", "equal", NULL, 0, NULL, NULL, NULL, &e),
			 OUTCOME_INVALID);
	assert_string_equal(e.msg, "criterion (1)-10: relation equal names no item");
	char *long_note = xmalloc(CRITERIA_NOTE_MAX + 2);
	memset(long_note, 'n', CRITERIA_NOTE_MAX + 1);
	long_note[CRITERIA_NOTE_MAX + 1] = '\0';
	assert_int_equal(criteria_map(f->st, "x@x.test", f->bank, "(1)-10", "none", NULL, 0, long_note, NULL, NULL, &e),
			 OUTCOME_INVALID);
	assert_string_equal(e.msg, "the note is longer than 4000 characters");
	free(long_note);
}

/* The carry rules alone: kept only for the same key, text and checklist. */
static void test_carry(void **state)
{
	(void)state;
	struct criteria_list *old = criteria_list_new(), *l = criteria_list_new();
	old->checklist_id = xstrdup("c1");
	l->checklist_id = xstrdup("c1");
	const char *keys[] = { "1", "2", "3" }, *old_texts[] = { "a", "b", NULL }, *new_texts[] = { "a", "B", NULL };
	for (size_t i = 0; i < 3; i++) {
		struct catalog_item *o = catalog_add_item(old->cat), *n = catalog_add_item(l->cat);
		o->key = xstrdup(keys[i]);
		n->key = xstrdup(keys[i]);
		o->text = xstrdup(old_texts[i]);
		n->text = xstrdup(new_texts[i]);
		o->damaged = n->damaged = old_texts[i] == NULL;
	}
	criteria_list_unmapped(old);
	for (size_t i = 0; i < 3; i++) {
		old->map->rows[i].relation = RELATION_NONE;
		old->map->rows[i].changed_by = xstrdup("me");
	}
	struct criteria_carried c;
	criteria_list_carry(l, old, NULL, 0, "now", &c);
	assert_int_equal(c.kept, 2); /* "1" and the damaged "3" */
	assert_int_equal(c.unset, 1);
	assert_int_equal(l->map->rows[1].relation, RELATION_UNSET);
	assert_null(l->map->rows[1].changed_by);
	assert_int_equal(l->map->rows[2].relation, RELATION_NONE);
	/* Another checklist keeps nothing. */
	criteria_list_free(l);
	l = criteria_list_new();
	l->checklist_id = xstrdup("c2");
	struct catalog_item *n = catalog_add_item(l->cat);
	n->key = xstrdup("1");
	n->text = xstrdup("a");
	criteria_list_carry(l, old, NULL, 0, "now", &c);
	assert_int_equal(c.kept, 0);
	assert_int_equal(c.unset, 1);
	criteria_list_free(l);
	criteria_list_free(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_and_map),
		cmocka_unit_test(test_carry),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
