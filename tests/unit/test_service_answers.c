/* The answers service: set, import and export, each change with its audit
 * event in the same transaction — and a failing write leaves neither. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "testutil.h"

#include "formats/catalog_json.h"
#include "lib/fsutil.h"
#include "lib/xalloc.h"
#include "service/answers.h"
#include "store/store.h"
#include "store/store_answers.h"
#include "store/store_audit.h"
#include "store/store_sql.h"

#define ACTOR "admin@connector.example"

struct fixture {
	char dir[64];
	struct store *st;
	struct org *org, *bank;
	struct answers_ctx a;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	static const char *const ids[] = { "api-checklist-2018-08", "bank-criteria-sample", NULL };
	struct err e = { 0 };
	struct catalog *cat;
	*state = f;
	if (scratch_db_open(f->dir, "shinsa-svc-answers", ids, &f->st) < 0)
		return -1;
	f->org = scratch_org_add(f->st, ORG_CONNECTOR, "A社");
	f->bank = scratch_org_add(f->st, ORG_BANK, "B銀行");
	if (answers_checklist(f->st, NULL, &cat, &e) != OUTCOME_OK ||
	    answers_open(&f->a, f->st, f->org, cat, &e) != OUTCOME_OK) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	answers_close(&f->a);
	org_free(f->org);
	org_free(f->bank);
	int rc = scratch_db_close(f->dir, f->st);
	free(f);
	return rc;
}

/* The events of the trail, newest first, as "actor action object details" lines. */
static char *events(struct fixture *f)
{
	return scratch_events(f->st, NULL);
}

static void assert_events(struct fixture *f, const char *want)
{
	char *got = events(f);
	assert_string_equal(got, want);
	free(got);
}

/* The stored answers, as answers show --json prints them (compact). */
static char *stored(struct fixture *f)
{
	struct err e = { 0 };
	struct answer_set *set;
	assert_int_equal(store_answers_get(f->st, f->org, f->a.cat, &set, &e), 0);
	json_t *j = answers_json(set);
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	answer_set_free(set);
	return s;
}

/* A write names the revision it read: a stale one writes nothing and
 * shows the item as it is; the current one writes. */
static void test_set_item_at_revision(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	const struct answer *ans;
	const char *v[ANSWER_NFIELDS] = { [FIELD_NOTES] = "一つ目" };
	char rev[ANSWER_REVISION_LEN + 1], empty[ANSWER_REVISION_LEN + 1];
	answer_revision(answer_set_find(f->a.set, 3), empty);
	assert_int_equal(answers_set_item_at(&f->a, ACTOR, 3, v, empty, &ans, &e), OUTCOME_OK);
	answer_revision(ans, rev);
	assert_string_not_equal(rev, empty);
	assert_int_equal(strlen(rev), ANSWER_REVISION_LEN);
	char *before = stored(f);
	const char *w[ANSWER_NFIELDS] = { [FIELD_NOTES] = "古い画面から" };
	ans = NULL;
	assert_int_equal(answers_set_item_at(&f->a, ACTOR, 3, w, empty, &ans, &e), OUTCOME_CONFLICT);
	assert_string_equal(e.msg, "item 3 was changed since you loaded it");
	assert_non_null(ans);
	assert_string_equal(ans->notes, "一つ目");
	char *after = stored(f);
	assert_string_equal(after, before);
	free(after);
	free(before);
	assert_int_equal(store_in_tx(f->st), false);
	assert_int_equal(answers_set_item_at(&f->a, ACTOR, 3, w, rev, &ans, &e), OUTCOME_OK);
	assert_string_equal(ans->notes, "古い画面から");
	/* Any field changes the revision; the same values give the same one. */
	struct answer x = { .no = 3, .current = "", .issues = "", .plan = "", .notes = "古い画面から" };
	char rx[ANSWER_REVISION_LEN + 1], ry[ANSWER_REVISION_LEN + 1];
	answer_revision(&x, rx);
	answer_revision(ans, ry);
	assert_string_equal(rx, ry);
	x.status = STATUS_PARTIAL;
	answer_revision(&x, ry);
	assert_string_not_equal(rx, ry);
}

/* The check as JSON: every problem a line, ready when there is none. */
static void test_check_json(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	json_t *j = answers_check_json(&f->a, &e);
	assert_non_null(j);
	/* nothing answered: nothing contradicts */
	assert_int_equal(json_array_size(json_object_get(j, "warnings")), 0);
	assert_false(json_is_true(json_object_get(j, "ready")));
	const json_t *problems = json_object_get(j, "problems");
	assert_int_equal(json_array_size(problems), 39);
	assert_string_equal(json_string_value(json_array_get(problems, 0)), "item 1: no status");
	assert_string_equal(json_string_value(json_array_get(problems, 38)), "item 44: no status");
	assert_string_equal(json_string_value(json_object_get(j, "catalog")), "api-checklist-2018-08");
	json_decref(j);
}

/* A trigger that refuses every write of an answer: a write failing in the
 * middle of the transaction. */
static void refuse_answer_writes(struct fixture *f, bool on)
{
	struct err e = { 0 };
	assert_int_equal(sql_exec(store_sql(f->st),
				  on ? "CREATE TRIGGER refuse_i BEFORE INSERT ON answer BEGIN SELECT RAISE(ABORT, "
				       "'refused'); END; CREATE TRIGGER refuse_u BEFORE UPDATE ON answer BEGIN "
				       "SELECT RAISE(ABORT, 'refused'); END"
				     : "DROP TRIGGER refuse_i; DROP TRIGGER refuse_u",
				  &e),
			 0);
}

static void test_checklist_and_open(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct catalog *cat;
	assert_int_equal(answers_checklist(f->st, "nope", &cat, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "no catalog \"nope\"");
	assert_null(cat);
	assert_int_equal(answers_checklist(f->st, "bank-criteria-sample", &cat, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "bank-criteria-sample is a criteria catalog, not a checklist");
	assert_int_equal(answers_checklist(f->st, "api-checklist-2018-08", &cat, &e), OUTCOME_OK);
	struct answers_ctx b;
	assert_int_equal(answers_open(&b, f->st, f->bank, cat, &e), OUTCOME_REFUSED);
	assert_string_equal(e.msg, "B銀行 is a bank: answer sets belong to connectors");
	answers_close(&b);
	answers_close(&b); /* twice is harmless */
}

/* What test_set_item leaves: each edit, and in its transaction the plan
 * that the partial answer opened and whose due it moved (service/plans). */
#define SET_ITEM_EVENTS                                                                                         \
	ACTOR " plan_update plan:1 {\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"due\"],\"no\":3}\n"        \
	ACTOR " answer_edit answer:3 {\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"plan_due\"]}\n"            \
	ACTOR " plan_create plan:1 {\"catalog\":\"api-checklist-2018-08\",\"due\":\"2026-09-30\",\"no\":3}\n"       \
	ACTOR " answer_edit answer:3 {\"catalog\":\"api-checklist-2018-08\",\"fields\":[\"status\",\"issues\","      \
	      "\"plan_due\"]}\n"

static void test_set_item(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	const struct answer *ans;
	const char *v[ANSWER_NFIELDS] = { [FIELD_STATUS] = "partial", [FIELD_PLAN_DUE] = "2026-09-30",
					  [FIELD_ISSUES] = "規程が古い" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, v, &ans, &e), OUTCOME_OK);
	json_t *j = answers_item_json(ans);
	char *s = json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"no\":3,\"status\":\"partial\",\"current\":\"\",\"issues\":\"規程が古い\","
			       "\"plan\":\"\",\"plan_due\":\"2026-09-30\",\"notes\":\"\",\"revision\":\"ebc970ebaa8042d0\"}");
	free(s);
	json_decref(j);
	/* The same again changes nothing but is still recorded; "" unsets. */
	const char *w[ANSWER_NFIELDS] = { [FIELD_STATUS] = "partial", [FIELD_PLAN_DUE] = "" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, w, &ans, &e), OUTCOME_OK);
	assert_null(ans->plan_due);
	assert_events(f, SET_ITEM_EVENTS);

	/* Each refusal, with nothing written. */
	char *before = stored(f);
	const char *bad[ANSWER_NFIELDS] = { [FIELD_STATUS] = "done" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, bad, NULL, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "item 3: bad status \"done\" (want implemented, partial, not_implemented or "
				   "not_applicable)");
	const char *date[ANSWER_NFIELDS] = { [FIELD_NOTES] = "ok", [FIELD_PLAN_DUE] = "2026-02-30" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, date, NULL, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "item 3: 2026-02-30 is not a day");
	const char *none[ANSWER_NFIELDS] = { 0 };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, none, NULL, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "nothing to set");
	assert_int_equal(answers_set_item(&f->a, ACTOR, 46, v, NULL, &e), OUTCOME_NOT_FOUND);
	assert_string_equal(e.msg, "api-checklist-2018-08 has no item 46");
	assert_int_equal(answers_set_item(&f->a, ACTOR, 39, v, NULL, &e), OUTCOME_REFUSED);
	assert_string_equal(e.msg, "item 39 is the bank's to answer (対象者: 銀行)");
	char *after = stored(f);
	assert_string_equal(after, before);
	free(after);
	assert_string_equal(answer_get(answer_set_find(f->a.set, 3), FIELD_NOTES), "");
	assert_int_equal(store_in_tx(f->st), false);

	/* A write that fails leaves no event; an event that cannot be
	 * written leaves no change. */
	refuse_answer_writes(f, true);
	const char *n[ANSWER_NFIELDS] = { [FIELD_NOTES] = "備考" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 3, n, NULL, &e), -1);
	refuse_answer_writes(f, false);
	char long_actor[400];
	memset(long_actor, 'x', sizeof long_actor - 1);
	long_actor[sizeof long_actor - 1] = '\0';
	assert_int_equal(answers_set_item(&f->a, long_actor, 3, n, NULL, &e), -1);
	after = stored(f);
	assert_string_equal(after, before);
	free(after);
	/* What is in memory is what is stored. */
	assert_string_equal(answer_get(answer_set_find(f->a.set, 3), FIELD_NOTES), "");
	assert_events(f, SET_ITEM_EVENTS);
	free(before);
}

/* Answers three items, as a form to export. */
static void answer_some(struct fixture *f)
{
	struct err e = { 0 };
	const char *one[ANSWER_NFIELDS] = { [FIELD_STATUS] = "implemented", [FIELD_CURRENT] = "全件暗号化\n(AES-256)" };
	const char *two[ANSWER_NFIELDS] = { [FIELD_STATUS] = "not_implemented", [FIELD_ISSUES] = "未整備",
					    [FIELD_PLAN] = "=規程を作る", [FIELD_PLAN_DUE] = "2027-03-31" };
	const char *three[ANSWER_NFIELDS] = { [FIELD_NOTES] = "[注]" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 1, one, NULL, &e), OUTCOME_OK);
	assert_int_equal(answers_set_item(&f->a, ACTOR, 2, two, NULL, &e), OUTCOME_OK);
	assert_int_equal(answers_set_item(&f->a, ACTOR, 4, three, NULL, &e), OUTCOME_OK);
}

static void test_export_import_round_trip(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	answer_some(f);
	char *want = stored(f);
	char *bytes;
	size_t len;
	assert_int_equal(answers_export_bytes(&f->a, ACTOR, "A社.xlsx", &bytes, &len, &e), 0);
	assert_true(len > 1000);
	assert_memory_equal(bytes, "PK\x03\x04", 4);

	/* Change two answers, then import the export: back as they were. */
	const char *x[ANSWER_NFIELDS] = { [FIELD_STATUS] = "", [FIELD_CURRENT] = "" };
	const char *y[ANSWER_NFIELDS] = { [FIELD_NOTES] = "" };
	assert_int_equal(answers_set_item(&f->a, ACTOR, 1, x, NULL, &e), OUTCOME_OK);
	assert_int_equal(answers_set_item(&f->a, ACTOR, 4, y, NULL, &e), OUTCOME_OK);
	char *mark = events(f);

	struct answers_import imp = { 0 };
	assert_int_equal(answers_import_bytes(&f->a, ACTOR, bytes, len, "A社.xlsx", true, &imp, &e), OUTCOME_OK);
	json_t *j = answers_import_json(&f->a, &imp, "A社.xlsx");
	char *s = json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"file\":\"A社.xlsx\",\"catalog\":\"api-checklist-2018-08\",\"sheet\":"
			       "\"API接続チェックリスト\",\"items\":45,\"changes\":[{\"no\":1,\"fields\":[{\"field\":"
			       "\"status\",\"before\":null,\"after\":\"implemented\"},{\"field\":\"current\",\"before\":"
			       "\"\",\"after\":\"全件暗号化\\n(AES-256)\"}]},{\"no\":4,\"fields\":[{\"field\":\"notes\","
			       "\"before\":\"\",\"after\":\"[注]\"}]}],\"written\":false}");
	free(s);
	json_decref(j);
	answers_import_release(&imp);
	char *got = events(f);
	assert_string_equal(got, mark); /* a dry run records nothing */
	free(got);

	/* A write failing in the middle: no answer, no event. */
	refuse_answer_writes(f, true);
	assert_int_equal(answers_import_bytes(&f->a, ACTOR, bytes, len, "A社.xlsx", false, &imp, &e), -1);
	assert_string_equal(e.msg, "refused");
	answers_import_release(&imp);
	refuse_answer_writes(f, false);
	got = events(f);
	assert_string_equal(got, mark);
	free(got);

	assert_int_equal(answers_import_bytes(&f->a, ACTOR, bytes, len, NULL, false, &imp, &e), OUTCOME_OK);
	assert_true(imp.written);
	answers_import_release(&imp);
	got = stored(f);
	assert_string_equal(got, want);
	free(got);
	got = events(f);
	const char *top = ACTOR " answers_import answer_set:api-checklist-2018-08 {\"catalog\":\"api-checklist-2018-08\","
			  "\"changed\":[{\"fields\":[\"status\",\"current\"],\"no\":1},{\"fields\":[\"notes\"],\"no\":4}],"
			  "\"file\":null,\"read\":45}\n";
	assert_memory_equal(got, top, strlen(top));
	assert_string_equal(got + strlen(top), mark);
	/* The export is recorded too, under the file name it was given. */
	assert_non_null(strstr(got, ACTOR " answers_export answer_set:api-checklist-2018-08 {\"catalog\":"
				    "\"api-checklist-2018-08\",\"file\":\"A社.xlsx\"}\n"));
	free(got);

	/* Again: nothing changes, nothing is recorded. */
	free(mark);
	mark = events(f);
	assert_int_equal(answers_import_bytes(&f->a, ACTOR, bytes, len, NULL, false, &imp, &e), OUTCOME_OK);
	assert_false(imp.written);
	assert_int_equal(json_array_size(imp.changes), 0);
	answers_import_release(&imp);
	got = events(f);
	assert_string_equal(got, mark);
	free(got);
	free(mark);
	free(bytes);
	free(want);
}

/* An xlsx workbook whose one sheet holds only text in A1. */
static char *workbook_with(struct fixture *f, const char *a1, size_t *len)
{
	char *path = xasprintf("%s/other.xlsx", f->dir);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
	worksheet_write_string(ws, 0, 0, a1, NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	char *bytes;
	struct err e = { 0 };
	assert_int_equal(fs_read_file(path, 1 << 20, &bytes, len, &e), 0);
	free(path);
	return bytes;
}

static void test_import_refusals(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	struct answers_import imp = { 0 };
	char *before = stored(f), *mark = events(f);
	assert_int_equal(answers_import_bytes(&f->a, ACTOR, "not a zip", 9, NULL, false, &imp, &e), OUTCOME_INVALID);
	assert_string_equal(e.msg, "not an xlsx file (not a zip archive)");
	assert_null(imp.r);
	answers_import_release(&imp);
	size_t len;
	char *bytes = workbook_with(f, "hello", &len);
	assert_int_equal(answers_import_bytes(&f->a, ACTOR, bytes, len, NULL, false, &imp, &e), OUTCOME_SHEET);
	assert_string_equal(e.msg, "1 error, nothing imported");
	assert_int_equal(imp.r->n_errors, 1);
	assert_string_equal(imp.r->errors[0], "no sheet with the checklist's header row (通番, 区分, "
					      "セキュリティ対応目標, …, 備考)");
	answers_import_release(&imp);
	free(bytes);
	char *after = stored(f), *trail = events(f);
	assert_string_equal(after, before);
	assert_string_equal(trail, mark);
	free(after);
	free(trail);
	free(before);
	free(mark);
}

static void test_export_failure_leaves_no_event(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char *mark = events(f);
	char *path = xasprintf("%s/missing/out.xlsx", f->dir);
	assert_int_equal(answers_export_file(&f->a, ACTOR, path, &e), -1);
	char *want = xasprintf("cannot write %s: No such file or directory", path);
	assert_string_equal(e.msg, want);
	free(want);
	char *bytes = (char *)1;
	size_t len;
	setenv("TMPDIR", path, 1); /* no such directory */
	assert_int_equal(answers_export_bytes(&f->a, ACTOR, "x.xlsx", &bytes, &len, &e), -1);
	unsetenv("TMPDIR");
	assert_null(bytes);
	char *trail = events(f);
	assert_string_equal(trail, mark);
	free(trail);
	free(mark);
	free(path);
	assert_false(store_in_tx(f->st));
	/* A file export is recorded under its path, and leaves no temporary. */
	path = xasprintf("%s/out.xlsx", f->dir);
	assert_int_equal(answers_export_file(&f->a, ACTOR, path, &e), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_checklist_and_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_item, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_import_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_item_at_revision, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_failure_leaves_no_event, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
