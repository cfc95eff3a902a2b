/* The evidence files on the submission pages: a diff's "files" shaped as
 * the partial connector_diff_files.html reads them (the change as a flag,
 * the items as 「2、3」, each side's first 12 hex); a review's items each
 * given the sealed files that list them, expired ones flagged by the
 * clock's today. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "web/page_evidence.h"

static void test_diff_files(void **state)
{
	(void)state;
	json_error_t je;
	json_t *files = json_loads(
		"[{\"change\":\"added\",\"name\":\"新.pdf\",\"before\":null,"
		"\"after\":{\"sha256\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\",\"items\":[2,3]}},"
		"{\"change\":\"replaced\",\"name\":\"規程.pdf\","
		"\"before\":{\"sha256\":\"3f2a1b4c5d6e7f80919293949596979899a0a1a2a3a4a5a6a7a8a9aaabacadae\",\"items\":[1]},"
		"\"after\":{\"sha256\":\"abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789\",\"items\":[1,4]}},"
		"{\"change\":\"removed\",\"name\":\"旧.png\","
		"\"before\":{\"sha256\":\"ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100\",\"items\":[5]},"
		"\"after\":null}]",
		0, &je);
	assert_non_null(files);
	json_t *rows = page_evidence_diff_files(files);
	char *got = json_dumps(rows, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(got, "[{\"added\":true,\"after\":\"001122334455\",\"items\":\"2、3\",\"name\":\"新.pdf\"},"
				 "{\"after\":\"abcdef012345\",\"before\":\"3f2a1b4c5d6e\",\"items\":\"1、4\",\"name\":\"規程.pdf\","
				 "\"replaced\":true},"
				 "{\"before\":\"ffeeddccbbaa\",\"items\":\"5\",\"name\":\"旧.png\",\"removed\":true}]");
	free(got);
	json_decref(rows);
	rows = page_evidence_diff_files(NULL);
	assert_int_equal(json_array_size(rows), 0);
	json_decref(rows);
	json_decref(files);
}

static void test_review_files(void **state)
{
	(void)state;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	json_error_t je;
	json_t *data = json_loads("{\"groups\":[{\"items\":[{\"no\":2},{\"no\":4}]},{\"items\":[{\"no\":5}]}]}", 0, &je);
	json_t *files = json_loads(
		"[{\"sha256\":\"3f2a1b4c5d6e7f80919293949596979899a0a1a2a3a4a5a6a7a8a9aaabacadae\",\"name\":\"旧認証書.pdf\","
		"\"title\":\"\",\"items\":[2,5],\"size\":2500000,\"type\":\"pdf\",\"valid_until\":\"2026-03-31\"},"
		"{\"sha256\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\",\"name\":\"規程.pdf\","
		"\"title\":\"規程\",\"items\":[2],\"size\":1500,\"type\":\"pdf\",\"valid_until\":\"2026-04-01\"}]",
		0, &je);
	assert_non_null(data);
	assert_non_null(files);
	page_evidence_review(data, 7, files);
	char *got = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(got,
		"{\"groups\":[{\"items\":[{\"files\":["
		"{\"expired\":true,\"href\":\"/api/v1/submissions/7/attachments/3f2a1b4c5d6e7f80919293949596979899a0a1a2a3a4a5a6a7a8a9aaabacadae\","
		"\"items\":\"2、5\",\"mb\":\"2.4\",\"name\":\"旧認証書.pdf\",\"sha12\":\"3f2a1b4c5d6e\",\"title\":\"\",\"valid_until\":\"2026-03-31\"},"
		"{\"href\":\"/api/v1/submissions/7/attachments/00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\","
		"\"items\":\"2\",\"kb\":2,\"name\":\"規程.pdf\",\"sha12\":\"001122334455\",\"title\":\"規程\",\"valid_until\":\"2026-04-01\"}],"
		"\"no\":2},{\"files\":[],\"no\":4}]},{\"items\":[{\"files\":["
		"{\"expired\":true,\"href\":\"/api/v1/submissions/7/attachments/3f2a1b4c5d6e7f80919293949596979899a0a1a2a3a4a5a6a7a8a9aaabacadae\","
		"\"items\":\"2、5\",\"mb\":\"2.4\",\"name\":\"旧認証書.pdf\",\"sha12\":\"3f2a1b4c5d6e\",\"title\":\"\",\"valid_until\":\"2026-03-31\"}],"
		"\"no\":5}]}]}");
	free(got);
	json_decref(data);
	json_decref(files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff_files),
		cmocka_unit_test(test_review_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
