/* The expired flag (service/review_expiry.h): a sealed file whose 有効期限
 * is before today, as the bank reads it on the attachment list and on the
 * items of its review; a file valid until today is not expired. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/submission.h"
#include "formats/submission_json.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/review_expiry.h"
#include "store/store.h"
#include "store/store_submission.h"

static void test_passed(void **state)
{
	(void)state;
	assert_true(review_expiry_passed("2026-03-31", "2026-04-01"));
	assert_false(review_expiry_passed("2026-04-01", "2026-04-01"));
	assert_false(review_expiry_passed("2027-01-01", "2026-04-01"));
	assert_false(review_expiry_passed(NULL, "2026-04-01"));
}

/* The compact JSON of v, which is freed. */
static char *dump(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(v);
	return s;
}

static void test_mark_list(void **state)
{
	(void)state;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	json_t *list = json_loads("[{\"name\":\"a.pdf\",\"valid_until\":\"2026-03-31\"},"
				  "{\"name\":\"b.pdf\",\"valid_until\":\"2026-04-01\"},{\"name\":\"c.pdf\",\"valid_until\":null}]",
				  JSON_PRESERVE_ORDER, NULL);
	struct err e = { 0 };
	assert_int_equal(review_expiry_mark_list(list, &e), 0);
	char *s = dump(list);
	assert_string_equal(s, "[{\"name\":\"a.pdf\",\"valid_until\":\"2026-03-31\",\"expired\":true},"
			       "{\"name\":\"b.pdf\",\"valid_until\":\"2026-04-01\",\"expired\":false},"
			       "{\"name\":\"c.pdf\",\"valid_until\":null,\"expired\":false}]");
	free(s);
}

/* Submission 1 of connector A seals three files: the ISMS certificate on
 * items 2 and 3, expired yesterday; the policy on item 2, valid until
 * today; a scan on item 5 with no date. */
static void test_mark_items(void **state)
{
	(void)state;
	char dir[64];
	static const char *const ids[] = { "api-checklist-2018-08", NULL };
	struct store *st;
	struct err e = { 0 };
	assert_int_equal(scratch_db_open(dir, "shinsa-expiry", ids, &st), 0);
	org_free(scratch_org_add(st, ORG_CONNECTOR, "A"));
	struct submission *s = submission_new_empty();
	s->org_name = xstrdup("A");
	s->org_public_key = xstrdup("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
	s->catalog_id = xstrdup("api-checklist-2018-08");
	s->catalog_sha256 = xstrdup("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
	s->version = 1;
	s->submitted_at = xstrdup("2026-03-01T09:00:00Z");
	struct submission_attachment *f = submission_add_attachment(
		s, "bb00000000000000000000000000000000000000000000000000000000000000", "ISMS認証.pdf", "ISMS認証書",
		"application/pdf", 10, "2026-03-31");
	submission_attachment_add_item(f, 2);
	submission_attachment_add_item(f, 3);
	f = submission_add_attachment(s, "aa00000000000000000000000000000000000000000000000000000000000000",
				      "規程.pdf", "", "application/pdf", 10, "2026-04-01");
	submission_attachment_add_item(f, 2);
	f = submission_add_attachment(s, "cc00000000000000000000000000000000000000000000000000000000000000",
				      "scan.pdf", "", "application/pdf", 10, NULL);
	submission_attachment_add_item(f, 5);
	submission_sort(s);
	struct strbuf doc = STRBUF_INIT;
	assert_int_equal(submission_json_canonical(s, &doc, &e), 0);
	struct submission_record rec = { .org_id = 1, .catalog_id = "api-checklist-2018-08", .version = 1,
					 .submitted_at = "2026-03-01T09:00:00Z", .document = doc.buf,
					 .document_len = doc.len, .sha256 = "ab", .signature = "cd" };
	assert_int_equal(store_submission_add(st, &rec, &e), 0);
	struct review_item items[3] = { { .no = 2 }, { .no = 3 }, { .no = 5 } };
	struct review r = { .submission_id = 1, .items = items, .n_items = 3 };
	json_t *view = json_loads("[{},{},{}]", 0, NULL);
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	assert_int_equal(review_expiry_mark_items(st, &r, view, &e), 0);
	char *got = dump(view);
	assert_string_equal(got, "[{\"expired_files\":[{\"sha256\":\"bb00000000000000000000000000000000000000000000000000000000000000\","
				 "\"name\":\"ISMS認証.pdf\",\"title\":\"ISMS認証書\",\"valid_until\":\"2026-03-31\"}]},"
				 "{\"expired_files\":[{\"sha256\":\"bb00000000000000000000000000000000000000000000000000000000000000\","
				 "\"name\":\"ISMS認証.pdf\",\"title\":\"ISMS認証書\",\"valid_until\":\"2026-03-31\"}]},"
				 "{\"expired_files\":[]}]");
	free(got);
	/* The day before, nothing has expired. */
	view = json_loads("[{},{},{}]", 0, NULL);
	setenv("SHINSA_NOW", "2026-03-31T09:00:00Z", 1);
	assert_int_equal(review_expiry_mark_items(st, &r, view, &e), 0);
	got = dump(view);
	assert_string_equal(got, "[{\"expired_files\":[]},{\"expired_files\":[]},{\"expired_files\":[]}]");
	free(got);
	strbuf_release(&doc);
	submission_free(s);
	assert_int_equal(scratch_db_close(dir, st), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_passed),
		cmocka_unit_test(test_mark_list),
		cmocka_unit_test(test_mark_items),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
