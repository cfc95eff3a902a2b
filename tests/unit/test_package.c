/*
 * Packages: the zip of a signed submission and its files, written
 * deterministically, read back byte for byte, and every refusal with its
 * exact message — the bad zips made here with libzip.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "testutil.h"

#include "core/submission.h"
#include "formats/package.h"
#include "formats/sealed_file.h"
#include "formats/submission_json.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/xalloc.h"

static unsigned char pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
static char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];

static const char pdf[] = "%PDF-1.4\n% ISMS認証書\n";
static const char png[] = "\x89PNG\r\n\x1a\n....";
static char pdf_sha[HASH_HEX_LEN + 1], png_sha[HASH_HEX_LEN + 1];
static struct strbuf sealed = STRBUF_INIT; /* the signed submission file */

/* A signed submission listing pdf (items 1, 2) and png (item 3). */
static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	keys_generate(pk, sk);
	keys_hex(pk, sizeof pk, pk_hex);
	hash_sha256_hex(pdf, sizeof pdf - 1, pdf_sha);
	hash_sha256_hex(png, sizeof png - 1, png_sha);
	struct submission *s = fixture_submission(pk_hex);
	struct submission_attachment *a =
		submission_add_attachment(s, pdf_sha, "ISMS認証.pdf", "ISMS認証書", "application/pdf", sizeof pdf - 1,
					  "2027-03-31");
	submission_attachment_add_item(a, 1);
	submission_attachment_add_item(a, 2);
	a = submission_add_attachment(s, png_sha, "設定画面.png", "", "image/png", sizeof png - 1, NULL);
	submission_attachment_add_item(a, 3);
	submission_sort(s);
	fixture_seal(s, sk, &sealed);
	submission_free(s);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	strbuf_release(&sealed);
	return 0;
}

static char *member(const char *sha256, const char *name)
{
	struct submission_attachment a = { .sha256 = (char *)sha256, .name = (char *)name };
	return package_member_name(&a);
}

static void good(struct strbuf *out)
{
	const struct package_file files[] = { { png_sha, png, sizeof png - 1 }, { pdf_sha, pdf, sizeof pdf - 1 } };
	struct err e = { 0 };
	assert_int_equal(package_write(sealed.buf, sealed.len, files, 2, NULL, 0, out, &e), 0);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct strbuf zip = STRBUF_INIT, again = STRBUF_INIT;
	good(&zip);
	good(&again);
	/* Deterministic: one submission, one zip. */
	assert_int_equal(zip.len, again.len);
	assert_memory_equal(zip.buf, again.buf, zip.len);
	assert_true(package_looks_like_zip(zip.buf, zip.len));
	struct package *p;
	enum package_fail fail;
	struct err e = { 0 };
	assert_int_equal(package_read(zip.buf, zip.len, &p, &fail, &e), 0);
	assert_int_equal(fail, PACKAGE_OK);
	assert_int_equal(p->submission_len, sealed.len);
	assert_memory_equal(p->submission, sealed.buf, sealed.len);
	assert_int_equal(p->doc->n_attachments, 2);
	char *want = xasprintf("files/%.12s-ISMS認証.pdf", pdf_sha);
	assert_string_equal(p->names[0], want);
	free(want);
	assert_memory_equal(p->data[0], pdf, sizeof pdf - 1);
	assert_memory_equal(p->data[1], png, sizeof png - 1);
	assert_null(p->decision);
	package_free(p);
	strbuf_release(&zip);
	strbuf_release(&again);
}

static void test_write_refuses(void **state)
{
	(void)state;
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	const struct package_file one[] = { { pdf_sha, pdf, sizeof pdf - 1 } };
	assert_int_equal(package_write(sealed.buf, sealed.len, one, 1, NULL, 0, &out, &e), -1);
	char *want = xasprintf("files/%.12s-設定画面.png: the submission lists it but its bytes were not given", png_sha);
	assert_string_equal(e.msg, want);
	free(want);
	const struct package_file wrong[] = { { pdf_sha, pdf, sizeof pdf - 1 }, { png_sha, pdf, sizeof pdf - 1 } };
	assert_int_equal(package_write(sealed.buf, sealed.len, wrong, 2, NULL, 0, &out, &e), -1);
	want = xasprintf("files/%.12s-設定画面.png: its sha256 is %s but the submission lists %s", png_sha, pdf_sha,
			 png_sha);
	assert_string_equal(e.msg, want);
	free(want);
	assert_int_equal(package_write("{}\n", 3, NULL, 0, NULL, 0, &out, &e), -1);
	assert_string_equal(e.msg, "submission.json: not verified: wrong shape: missing field \"document\"");
	assert_int_equal(out.len, 0);
	strbuf_release(&out);
}

/* Reads the good package's members with member at (0 submission.json,
 * 1 the pdf, 2 the png, 3 one more) set to name and data (name NULL: at
 * left out), made as any zip tool might; it must fail as kind with want. */
static void read_fails(const char *name, const char *data, size_t len, int at, enum package_fail kind,
		       const char *want)
{
	char *pdf_name = member(pdf_sha, "ISMS認証.pdf"), *png_name = member(png_sha, "設定画面.png");
	struct part parts[4] = { { "submission.json", sealed.buf, sealed.len, false },
				 { pdf_name, pdf, sizeof pdf - 1, false },
				 { png_name, png, sizeof png - 1, false } };
	parts[at] = (struct part){ name, data, len, false };
	size_t n = at == 3 ? 4 : 3;
	if (!name) { /* leave member at out */
		for (int i = at; i < 3; i++)
			parts[i] = parts[i + 1];
		n = 2;
	}
	size_t zlen;
	char *zip = zip_parts(parts, n, &zlen);
	struct package *p = (struct package *)1;
	enum package_fail fail;
	struct err e = { 0 };
	assert_int_equal(package_read(zip, zlen, &p, &fail, &e), -1);
	assert_null(p);
	assert_string_equal(e.msg, want);
	assert_int_equal(fail, kind);
	free(zip);
	free(pdf_name);
	free(png_name);
}

static void test_read_refuses(void **state)
{
	(void)state;
	struct package *p;
	enum package_fail fail;
	struct err e = { 0 };
	assert_int_equal(package_read("hello", 5, &p, &fail, &e), -1);
	assert_string_equal(e.msg, "not a zip: not a package");
	assert_int_equal(fail, PACKAGE_NOT_ZIP);
	assert_int_equal(package_read(sealed.buf, (size_t)PACKAGE_MAX + 1, &p, &fail, &e), -1);
	assert_string_equal(e.msg, "larger than 1161822208 bytes: not a package");
	assert_int_equal(fail, PACKAGE_TOO_LARGE);

	read_fails("../../x", "x", 1, 3, PACKAGE_BAD_PATH,
		   "../../x: a member's name must be a relative path without .., \\, a drive letter or control characters");
	read_fails("/etc/x", "x", 1, 3, PACKAGE_BAD_PATH,
		   "/etc/x: a member's name must be a relative path without .., \\, a drive letter or control characters");
	read_fails("files\\x", "x", 1, 3, PACKAGE_BAD_PATH,
		   "files\\x: a member's name must be a relative path without .., \\, a drive letter or control characters");
	read_fails("C:x", "x", 1, 3, PACKAGE_BAD_PATH,
		   "C:x: a member's name must be a relative path without .., \\, a drive letter or control characters");
	read_fails("files/\tx\n.pdf", "x", 1, 3, PACKAGE_BAD_PATH,
		   "files/?x?.pdf: a member's name must be a relative path without .., \\, a drive letter or control "
		   "characters");
	read_fails("README.txt", "x", 1, 3, PACKAGE_UNKNOWN_MEMBER,
		   "README.txt: not a member of a package (submission.json, decision.json, files/…)");
	read_fails("files/other.pdf", "x", 1, 3, PACKAGE_FILE_UNLISTED,
		   "files/other.pdf: in the package but not listed in the submission");
	read_fails(NULL, NULL, 0, 0, PACKAGE_NO_SUBMISSION, "no submission.json in the package");
	read_fails("submission.json", "{}\n", 3, 0, PACKAGE_NOT_VERIFIED,
		   "submission.json: not verified: wrong shape: missing field \"document\"");

	char *png_name = member(png_sha, "設定画面.png"), *want;
	want = xasprintf("%s: listed in the submission but not in the package", png_name);
	read_fails(NULL, NULL, 0, 2, PACKAGE_FILE_MISSING, want);
	free(want);
	/* One byte changed: the file is named, with both hashes. */
	char changed[sizeof png], changed_sha[HASH_HEX_LEN + 1];
	memcpy(changed, png, sizeof png);
	changed[9] ^= 1;
	hash_sha256_hex(changed, sizeof png - 1, changed_sha);
	want = xasprintf("%s: its sha256 is %s but the submission lists %s", png_name, changed_sha, png_sha);
	read_fails(png_name, changed, sizeof png - 1, 2, PACKAGE_FILE_CHANGED, want);
	free(want);
	want = xasprintf("%s: larger than the 12 bytes the submission lists", png_name);
	read_fails(png_name, "0123456789abc", 13, 2, PACKAGE_MEMBER_TOO_LARGE, want);
	free(want);

	/* A bomb: a few KB of deflated spaces that would come out as 8 MiB. */
	size_t big = 8u << 20;
	char *spaces = xmalloc(big);
	memset(spaces, ' ', big);
	read_fails(png_name, spaces, big, 2, PACKAGE_MEMBER_TOO_LARGE, want = xasprintf(
		   "%s: larger than the 12 bytes the submission lists", png_name));
	free(want);
	read_fails("submission.json", spaces, big, 0, PACKAGE_BOMB,
		   "submission.json: inflates to more than 1000 times its stored size (a zip bomb)");
	free(spaces);
	free(png_name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_write_refuses),
		cmocka_unit_test(test_read_refuses),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
