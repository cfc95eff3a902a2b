/* answers_diff: only changed items and fields, in order, with null for unset. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/answers_diff.h"
#include "core/submission.h"
#include "formats/canon_json.h"
#include "lib/xalloc.h"
#include "service/submission_view.h"

/* A submission's answers with items 1..n (keys k1..kn), all empty. */
static struct submission *empty(int n)
{
	struct submission *s = submission_new_empty();
	for (int i = 1; i <= n; i++) {
		char key[8];
		assert_true(snprintf(key, sizeof key, "k%d", i) < (int)sizeof key);
		submission_add_answer(s, i, key);
	}
	return s;
}

static void set(struct submission *s, int i, enum answer_field f, const char *v)
{
	struct err e = { 0 };
	assert_int_equal(answer_set_field(&s->answers->items[i - 1], f, v, &e), 0);
}

static void field_is(const struct item_change *it, size_t k, const char *name, const char *before, const char *after)
{
	assert_true(k < it->n_fields);
	assert_string_equal(answer_field_name(it->fields[k].field), name);
	if (before)
		assert_string_equal(it->fields[k].before, before);
	else
		assert_null(it->fields[k].before);
	if (after)
		assert_string_equal(it->fields[k].after, after);
	else
		assert_null(it->fields[k].after);
}

static void test_same_is_empty(void **state)
{
	(void)state;
	struct submission *a = empty(3), *b = empty(3);
	set(a, 2, FIELD_STATUS, "partial");
	set(b, 2, FIELD_STATUS, "一部対応"); /* the label is the same status */
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 0);
	answers_diff_free(d);
	submission_free(a);
	submission_free(b);
}

static void test_changes_in_order(void **state)
{
	(void)state;
	struct submission *a = empty(4), *b = empty(4);
	set(a, 1, FIELD_STATUS, "partial");
	set(a, 1, FIELD_PLAN_DUE, "2026-09-30");
	set(a, 1, FIELD_ISSUES, "規程がない");
	set(b, 1, FIELD_STATUS, "implemented");
	set(b, 1, FIELD_ISSUES, "規程がない");
	set(b, 1, FIELD_NOTES, "2026年4月に整備\n完了");
	set(b, 3, FIELD_STATUS, "not_applicable");
	set(a, 4, FIELD_CURRENT, "x");
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 3);
	assert_int_equal(d->items[0].no, 1);
	assert_string_equal(d->items[0].item_key, "k1");
	assert_int_equal(d->items[0].n_fields, 3);
	field_is(&d->items[0], 0, "status", "partial", "implemented");
	field_is(&d->items[0], 1, "plan_due", "2026-09-30", NULL);
	field_is(&d->items[0], 2, "notes", "", "2026年4月に整備\n完了");
	assert_int_equal(d->items[1].no, 3);
	assert_int_equal(d->items[1].n_fields, 1);
	field_is(&d->items[1], 0, "status", NULL, "not_applicable");
	assert_int_equal(d->items[2].no, 4);
	field_is(&d->items[2], 0, "current", "x", "");
	answers_diff_free(d);
	submission_free(a);
	submission_free(b);
}

static void test_items_on_one_side(void **state)
{
	(void)state;
	struct submission *a = empty(2), *b = empty(3);
	set(a, 1, FIELD_STATUS, "implemented");
	/* b has no k1 but a k9 at the end */
	free(b->answers->items[0].item_key);
	b->answers->items[0].item_key = xstrdup("k9");
	b->answers->items[0].no = 9;
	set(b, 1, FIELD_PLAN, "計画");
	struct answers_diff *d = answers_diff_new(a->answers, b->answers);
	assert_int_equal(d->n_items, 2);
	assert_int_equal(d->items[0].no, 1);
	field_is(&d->items[0], 0, "status", "implemented", NULL);
	assert_int_equal(d->items[1].no, 9);
	field_is(&d->items[1], 0, "plan", "", "計画");
	answers_diff_free(d);
	answers_diff_free(NULL);
	submission_free(a);
	submission_free(b);
}

/* A file named name, sha256 64 times hex digit h, on items (0-ended). */
static void file(struct submission *s, const char *name, char h, const int *items)
{
	char sha[65];
	memset(sha, h, 64);
	sha[64] = '\0';
	struct submission_attachment *a = submission_add_attachment(s, sha, name, "", "application/pdf", 10, NULL);
	for (; *items; items++)
		submission_attachment_add_item(a, *items);
}

static void test_files(void **state)
{
	(void)state;
	struct submission *a = empty(1), *b = empty(1);
	file(a, "ISMS認証.pdf", 'a', (const int[]){ 1, 2, 0 });
	file(a, "古い.csv", '1', (const int[]){ 4, 0 });
	file(a, "同じ.png", '2', (const int[]){ 3, 0 });
	file(b, "ISMS認証.pdf", 'b', (const int[]){ 1, 2, 0 });
	file(b, "ISMS認証.pdf", 'c', (const int[]){ 9, 0 }); /* same name, other items: a new file */
	file(b, "同じ.png", '2', (const int[]){ 3, 5, 0 }); /* same bytes: unchanged */
	file(b, "新規.txt", '3', (const int[]){ 5, 0 });
	submission_sort(a);
	submission_sort(b);
	struct files_diff *d = files_diff_new(a, b);
	assert_int_equal(d->n_changes, 4);
	files_diff_free(d);
	files_diff_free(NULL);
	json_t *j = submission_view_files_diff(a, b);
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(j, &out, &e), 0);
#define SHA(h) h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h h
#define FILE_JSON(items, name, h) \
	"{\"items\":[" items "],\"name\":\"" name "\",\"sha256\":\"" SHA(h) "\",\"size\":10,\"title\":\"\"," \
	"\"type\":\"application/pdf\",\"valid_until\":null}"
	assert_string_equal(out.buf,
			    "[{\"after\":" FILE_JSON("1,2", "ISMS認証.pdf", "b") ",\"before\":" FILE_JSON("1,2", "ISMS認証.pdf", "a")
			    ",\"change\":\"replaced\",\"name\":\"ISMS認証.pdf\"},"
			    "{\"after\":" FILE_JSON("9", "ISMS認証.pdf", "c") ",\"before\":null,\"change\":\"added\","
			    "\"name\":\"ISMS認証.pdf\"},"
			    "{\"after\":null,\"before\":" FILE_JSON("4", "古い.csv", "1") ",\"change\":\"removed\","
			    "\"name\":\"古い.csv\"},"
			    "{\"after\":" FILE_JSON("5", "新規.txt", "3") ",\"before\":null,\"change\":\"added\","
			    "\"name\":\"新規.txt\"}]");
	strbuf_release(&out);
	json_decref(j);
	/* As shinsa diff prints them. */
	assert_int_equal(submission_view_files_text(a, b, &out), 4);
	assert_string_equal(out.buf, "file \"ISMS認証.pdf\" (items 1, 2): replaced aaaaaaaaaaaa → bbbbbbbbbbbb\n"
				     "file \"ISMS認証.pdf\" (item 9): added cccccccccccc\n"
				     "file \"古い.csv\" (item 4): removed 111111111111\n"
				     "file \"新規.txt\" (item 5): added 333333333333\n");
	strbuf_release(&out);
	/* The other way round: the replacement goes back, the rest swap. */
	d = files_diff_new(b, a);
	assert_int_equal(d->n_changes, 4);
	assert_int_equal(d->changes[0].kind, FILE_REPLACED);
	assert_string_equal(d->changes[0].after->sha256, SHA("a"));
	assert_int_equal(d->changes[1].kind, FILE_REMOVED);
	assert_int_equal(d->changes[2].kind, FILE_ADDED);
	assert_int_equal(d->changes[3].kind, FILE_REMOVED);
	files_diff_free(d);
	submission_free(a);
	submission_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_is_empty),
		cmocka_unit_test(test_changes_in_order),
		cmocka_unit_test(test_items_on_one_side),
		cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
