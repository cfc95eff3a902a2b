/*
 * Submissions: the document built from an answer set, its canonical bytes,
 * reading it back, and the verifier's every check with its exact message.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/submission.h"
#include "formats/canon_json.h"
#include "formats/catalog_json.h"
#include "formats/submission_json.h"
#include "formats/submission_verify.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/xalloc.h"

static struct catalog_files files;
static const struct catalog *cat;
static unsigned char pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
static char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];

static int setup(void **state)
{
	(void)state;
	struct err e = { 0 };
	if (sodium_init() < 0 || catalog_files_load("catalog", &files, &e) < 0)
		return -1;
	cat = catalog_files_find(&files, "api-checklist-2018-08");
	keys_generate(pk, sk);
	keys_hex(pk, sizeof pk, pk_hex);
	return cat ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_files_release(&files);
	return 0;
}

/* A two-item submission, small enough to read as a golden string. */
static struct submission *small(const char *public_key)
{
	struct submission *s = submission_new_empty();
	s->org_name = xstrdup("株式会社フィンテック");
	s->org_public_key = xstrdup(public_key);
	s->catalog_id = xstrdup("api-checklist-2018-08");
	s->catalog_sha256 = xstrdup("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
	s->version = 2;
	s->submitted_at = xstrdup("2026-04-01T09:00:00Z");
	struct answer *a = submission_add_answer(s, 1, "ism-01");
	struct err e = { 0 };
	assert_int_equal(answer_set_field(a, FIELD_STATUS, "implemented", &e), 0);
	assert_int_equal(answer_set_field(a, FIELD_CURRENT, "規程を整備\n\"済\"", &e), 0);
	a = submission_add_answer(s, 2, "ism-02");
	assert_int_equal(answer_set_field(a, FIELD_STATUS, "partial", &e), 0);
	assert_int_equal(answer_set_field(a, FIELD_PLAN_DUE, "2026-09-30", &e), 0);
	/* Added out of order, items repeated: submission_sort() orders them. */
	struct submission_attachment *f = submission_add_attachment(
		s, "bb00000000000000000000000000000000000000000000000000000000000000", "ISMS認証.pdf", "ISMS認証書",
		"application/pdf", 1234, "2027-03-31");
	submission_attachment_add_item(f, 2);
	submission_attachment_add_item(f, 1);
	submission_attachment_add_item(f, 2);
	f = submission_add_attachment(s, "aa00000000000000000000000000000000000000000000000000000000000000",
				      "ISMS認証.pdf", "", "application/pdf", 0, NULL);
	submission_attachment_add_item(f, 1);
	f = submission_add_attachment(s, "0000000000000000000000000000000000000000000000000000000000000001",
				      "設定画面.png", "管理画面の設定", "image/png", 99, NULL);
	submission_sort(s);
	return s;
}

#define SMALL_ANSWERS \
	"{\"answers\":[{\"current\":\"規程を整備\\n\\\"済\\\"\",\"issues\":\"\",\"key\":\"ism-01\",\"no\":1,\"notes\":\"\"," \
	"\"plan\":\"\",\"plan_due\":null,\"status\":\"implemented\"},{\"current\":\"\",\"issues\":\"\",\"key\":\"ism-02\"," \
	"\"no\":2,\"notes\":\"\",\"plan\":\"\",\"plan_due\":\"2026-09-30\",\"status\":\"partial\"}],"
#define SMALL_REST \
	"\"catalog\":{\"id\":\"api-checklist-2018-08\"," \
	"\"sha256\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}," \
	"\"format\":\"shinsa-submission/%d\",\"org\":{\"name\":\"株式会社フィンテック\",\"public_key\":\"%s\"," \
	"\"reg_no\":null},\"submitted_at\":\"2026-04-01T09:00:00Z\",\"version\":2}"

/* By name, then sha256; items ascending, once each. */
static const char small_doc[] = SMALL_ANSWERS
	"\"attachments\":[{\"items\":[1],\"name\":\"ISMS認証.pdf\","
	"\"sha256\":\"aa00000000000000000000000000000000000000000000000000000000000000\",\"size\":0,"
	"\"title\":\"\",\"type\":\"application/pdf\",\"valid_until\":null},"
	"{\"items\":[1,2],\"name\":\"ISMS認証.pdf\","
	"\"sha256\":\"bb00000000000000000000000000000000000000000000000000000000000000\",\"size\":1234,"
	"\"title\":\"ISMS認証書\",\"type\":\"application/pdf\",\"valid_until\":\"2027-03-31\"},"
	"{\"items\":[],\"name\":\"設定画面.png\","
	"\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000001\",\"size\":99,"
	"\"title\":\"管理画面の設定\",\"type\":\"image/png\",\"valid_until\":null}],"
	SMALL_REST;

static void test_document_golden(void **state)
{
	(void)state;
	struct submission *s = small("PK");
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(submission_json_canonical(s, &out, &e), 0);
	char *want = xasprintf(small_doc, 2, "PK");
	assert_string_equal(out.buf, want);
	free(want);
	strbuf_release(&out);
	submission_free(s);
}

/* A /1 document (signed before files existed) still reads, and writes back
 * byte for byte as it was signed: no "attachments", format /1. */
static void test_format_1_still_read(void **state)
{
	(void)state;
	char *doc = xasprintf(SMALL_ANSWERS SMALL_REST, 1, pk_hex);
	struct submission *s;
	struct err e = { 0 };
	assert_int_equal(submission_json_parse(doc, strlen(doc), &s, &e), 0);
	assert_int_equal(s->format, 1);
	assert_int_equal(s->n_attachments, 0);
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(submission_json_canonical(s, &out, &e), 0);
	assert_string_equal(out.buf, doc);
	submission_free(s);
	/* /1 knows no attachments; /2 must have them. */
	char *with = xasprintf(SMALL_ANSWERS "\"attachments\":[]," SMALL_REST, 1, pk_hex);
	assert_int_equal(submission_json_parse(with, strlen(with), &s, &e), -1);
	assert_string_equal(e.msg, "unexpected field \"document.attachments\"");
	free(with);
	char *without = xasprintf(SMALL_ANSWERS SMALL_REST, 2, pk_hex);
	assert_int_equal(submission_json_parse(without, strlen(without), &s, &e), -1);
	assert_string_equal(e.msg, "missing field \"document.attachments\"");
	free(without);
	strbuf_release(&out);
	free(doc);
}

static void test_new_takes_the_connectors_items(void **state)
{
	(void)state;
	struct org org = { .id = 7, .kind = ORG_CONNECTOR, .name = "A社", .reg_no = "第1号", .public_key = pk_hex };
	struct answer_set *set = answer_set_new("A社", cat);
	struct err e = { 0 };
	assert_int_equal(answer_set_field(answer_set_find(set, 3), FIELD_NOTES, "備考", &e), 0);
	assert_int_equal(answer_set_field(answer_set_find(set, 38), FIELD_STATUS, "対象外", &e), 0);
	struct submission *s = submission_new(&org, cat, set, 4, "2026-04-01T09:00:00Z");
	answer_set_free(set);
	/* 45 items, of which 39-43 and 45 are the bank's. */
	assert_int_equal(s->answers->n_items, 39);
	assert_int_equal(s->answers->items[37].no, 38);
	assert_int_equal(s->answers->items[37].status, STATUS_NOT_APPLICABLE);
	assert_int_equal(s->answers->items[38].no, 44);
	assert_string_equal(s->answers->items[38].item_key, "use-01");
	assert_string_equal(s->answers->items[2].notes, "備考");
	assert_string_equal(s->org_reg_no, "第1号");
	assert_string_equal(s->catalog_sha256, cat->sha256);
	assert_int_equal(s->version, 4);
	submission_free(s);
}

static void test_decode_round_trip(void **state)
{
	(void)state;
	struct submission *s = small(pk_hex), *back;
	json_t *doc = submission_json_document(s);
	struct err e = { 0 };
	assert_int_equal(submission_json_decode(doc, &back, &e), 0);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	assert_int_equal(submission_json_canonical(s, &a, &e), 0);
	assert_int_equal(submission_json_canonical(back, &b, &e), 0);
	assert_string_equal(a.buf, b.buf);
	assert_string_equal(back->answers->items[1].plan_due, "2026-09-30");
	assert_null(back->org_reg_no);
	strbuf_release(&a);
	strbuf_release(&b);
	json_decref(doc);
	submission_free(s);
	submission_free(back);
}

/* The exported file of small() in format (1 or 2), signed with sk, as parsed JSON. */
static json_t *signed_file_in(int format)
{
	struct submission *s = small(pk_hex);
	s->format = format;
	struct strbuf doc = STRBUF_INIT, file = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(submission_json_canonical(s, &doc, &e), 0);
	unsigned char sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	hash_sha256_hex(doc.buf, doc.len, sha);
	keys_sign(sk, doc.buf, doc.len, sig);
	keys_hex(sig, sizeof sig, sig_hex);
	struct submission_record r = { .document = doc.buf, .document_len = doc.len, .sha256 = sha,
				       .signature = sig_hex };
	assert_int_equal(submission_json_export(&r, pk_hex, &file, &e), 0);
	json_t *root = json_loads(file.buf, 0, NULL);
	assert_non_null(root);
	strbuf_release(&doc);
	strbuf_release(&file);
	submission_free(s);
	return root;
}

static json_t *signed_file(void)
{
	return signed_file_in(2);
}

/* root's canonical bytes and "\n", as export writes them. */
static char *file_bytes(const json_t *root, size_t *len)
{
	struct strbuf out = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(root, &out, &e), 0);
	strbuf_addch(&out, '\n');
	*len = out.len;
	return strbuf_detach(&out);
}

static void verify_fails(const char *buf, size_t len, const char *want)
{
	struct submission *doc = (struct submission *)1;
	char sha[HASH_HEX_LEN + 1];
	struct err e = { 0 };
	assert_int_equal(submission_verify(buf, len, &doc, sha, &e), -1);
	assert_null(doc);
	assert_string_equal(e.msg, want);
}

/* Verifies root after setting path (a.b.c; array elements by number: a.0.c) to v. */
static void mutated_fails(const char *path, json_t *v, const char *want)
{
	json_t *root = signed_file();
	json_t *parent = root;
	char *p = xstrdup(path), *save = NULL;
	char *part = strtok_r(p, ".", &save), *next;
	while ((next = strtok_r(NULL, ".", &save))) {
		parent = json_is_array(parent) ? json_array_get(parent, (size_t)atoi(part)) : json_object_get(parent, part);
		part = next;
	}
	if (v)
		json_object_set_new(parent, part, v);
	else
		json_object_del(parent, part);
	free(p);
	size_t len;
	char *buf = file_bytes(root, &len);
	verify_fails(buf, len, want);
	free(buf);
	json_decref(root);
}

static void test_verify_accepts(void **state)
{
	(void)state;
	json_t *root = signed_file();
	size_t len;
	char *buf = file_bytes(root, &len);
	struct submission *doc;
	char sha[HASH_HEX_LEN + 1];
	struct err e = { 0 };
	assert_int_equal(submission_verify(buf, len, &doc, sha, &e), 0);
	assert_string_equal(sha, json_string_value(json_object_get(root, "sha256")));
	assert_string_equal(doc->org_name, "株式会社フィンテック");
	assert_int_equal(doc->version, 2);
	assert_int_equal(doc->answers->n_items, 2);
	submission_free(doc);
	free(buf);
	json_decref(root);
}

/* A /1 file exported before files existed still verifies, as it was signed. */
static void test_verify_accepts_format_1(void **state)
{
	(void)state;
	json_t *root = signed_file_in(1);
	size_t len;
	char *buf = file_bytes(root, &len);
	assert_non_null(strstr(buf, "\"format\":\"shinsa-submission/1\""));
	assert_null(strstr(buf, "attachments"));
	struct submission *doc;
	char sha[HASH_HEX_LEN + 1];
	struct err e = { 0 };
	assert_int_equal(submission_verify(buf, len, &doc, sha, &e), 0);
	assert_int_equal(doc->format, 1);
	assert_int_equal(doc->n_attachments, 0);
	submission_free(doc);
	free(buf);
	json_decref(root);
}

static void test_verify_bytes(void **state)
{
	(void)state;
	json_t *root = signed_file();
	size_t len;
	char *buf = file_bytes(root, &len);
	verify_fails(buf, SUBMISSION_FILE_MAX + 1, "larger than 67108864 bytes: not a submission file");
	verify_fails(buf, 30, "not JSON: line 1, column 30: premature end of input near '\"curr'");
	char *want = xasprintf("not in canonical form: it first differs at byte offset %zu", len - 1);
	verify_fails(buf, len - 1, want); /* no final newline */
	free(want);
	/* The same meaning, other bytes: a space, an escaped character, keys out of order. */
	char *copy = xasprintf("%.12s %s", buf, buf + 12);
	verify_fails(copy, len + 1, "not in canonical form: it first differs at byte offset 12");
	free(copy);
	int at = (int)(strstr(buf, "規") - buf);
	assert_int_equal(at, 36);
	copy = xasprintf("%.*s\\u898f%s", at, buf, buf + at + 3);
	verify_fails(copy, len + 3, "not in canonical form: it first differs at byte offset 36");
	free(copy);
	json_t *reordered = json_object();
	static const char *const order[] = { "signature", "sha256", "public_key", "document" };
	for (size_t i = 0; i < 4; i++)
		json_object_set(reordered, order[i], json_object_get(root, order[i]));
	copy = json_dumps(reordered, JSON_COMPACT);
	verify_fails(copy, strlen(copy), "not in canonical form: it first differs at byte offset 2");
	free(copy);
	json_decref(reordered);
	char *version = strstr(buf, "\"version\":2}");
	assert_non_null(version);
	copy = xasprintf("%.*s\"version\":2.0}}\n", (int)(version - buf), buf);
	verify_fails(copy, strlen(copy), "not in canonical form: a real number is not allowed");
	free(copy);
	verify_fails("[]\n", 3, "wrong shape: the file must be an object");
	free(buf);
	json_decref(root);
}

static void test_verify_shape(void **state)
{
	(void)state;
	mutated_fails("signature", NULL, "wrong shape: missing field \"signature\"");
	mutated_fails("extra", json_true(), "wrong shape: unexpected field \"extra\"");
	mutated_fails("sha256", json_string("ABCD"), "wrong shape: sha256 must be 64 lowercase hex digits");
	mutated_fails("document.format", json_string("shinsa-submission/3"),
		      "wrong shape: unknown format \"shinsa-submission/3\" (this shinsa reads shinsa-submission/1 and "
		      "shinsa-submission/2)");
	mutated_fails("document.attachments.0.sha256", json_string("AA"),
		      "wrong shape: document.attachments[0].sha256 must be 64 lowercase hex digits");
	mutated_fails("document.attachments.0.name", json_string("../x.pdf"),
		      "wrong shape: document.attachments[0].name must not contain / or \\");
	mutated_fails("document.attachments.0.name", json_string("a\\b.pdf"),
		      "wrong shape: document.attachments[0].name must not contain / or \\");
	mutated_fails("document.attachments.0.name", json_string("a\tb.pdf"),
		      "wrong shape: document.attachments[0].name must be 1 to 255 characters and no control characters");
	mutated_fails("document.attachments.0.size", json_integer(-1),
		      "wrong shape: document.attachments[0].size must be an integer from 0 to 1073741824");
	mutated_fails("document.attachments.0.type", json_string("text/html"),
		      "wrong shape: document.attachments[0].type must be one of the known file types");
	mutated_fails("document.attachments.0.valid_until", json_string("2027/03/31"),
		      "wrong shape: document.attachments[0].valid_until must be null or a date YYYY-MM-DD");
	mutated_fails("document.attachments.1.items", json_pack("[i,i]", 2, 1),
		      "wrong shape: document.attachments[1].items must be in ascending order without repeats");
	mutated_fails("document.attachments.1.items", json_pack("[i]", 0),
		      "wrong shape: document.attachments[1].items must be an array of item numbers");
	mutated_fails("document.attachments.2.name", json_string("A.pdf"),
		      "wrong shape: document.attachments must be in order by name, then sha256");
	mutated_fails("document.attachments.1.sha256",
		      json_string("aa00000000000000000000000000000000000000000000000000000000000000"),
		      "wrong shape: document.attachments must be in order by name, then sha256");
	mutated_fails("document.attachments.2.sha256",
		      json_string("aa00000000000000000000000000000000000000000000000000000000000000"),
		      "wrong shape: document.attachments repeats sha256 "
		      "aa00000000000000000000000000000000000000000000000000000000000000");
	mutated_fails("document.attachments.0.extra", json_true(),
		      "wrong shape: unexpected field \"document.attachments[0].extra\"");
	mutated_fails("document.org.name", NULL, "wrong shape: missing field \"document.org.name\"");
	mutated_fails("document.org.name", json_string("A\x1b[2J"),
		      "wrong shape: document.org.name must be 1 to 100 characters and no control characters");
	mutated_fails("document.version", json_string("2"), "wrong shape: document.version must be an integer from 1 to 1000000");
	mutated_fails("document.submitted_at", json_string("2026-04-01T09:00:00+09:00"),
		      "wrong shape: document.submitted_at must be a time YYYY-MM-DDTHH:MM:SSZ");
	mutated_fails("document.answers.0.status", json_string("対応済"),
		      "wrong shape: document.answers[0].status must be null or one of implemented, partial, not_implemented, not_applicable");
	mutated_fails("document.answers.0.plan_due", json_string(""),
		      "wrong shape: document.answers[0].plan_due must be null or a date YYYY-MM-DD");
	mutated_fails("document.answers.0.notes", json_integer(1), "wrong shape: document.answers[0].notes must be a string");
	mutated_fails("document.answers.0.no", json_integer(2), "wrong shape: document.answers repeats item 2");
	mutated_fails("document.answers", json_object(), "wrong shape: document.answers must be an array");
	mutated_fails("document", json_array(), "wrong shape: document must be an object");
}

static void test_verify_seal(void **state)
{
	(void)state;
	json_t *root = signed_file();
	char sha[HASH_HEX_LEN + 1];
	const char *said = json_string_value(json_object_get(root, "sha256"));
	json_t *doc = json_object_get(root, "document");
	json_object_set_new(json_array_get(json_object_get(doc, "answers"), 1), "plan_due", json_string("2026-09-29"));
	struct strbuf bytes = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(doc, &bytes, &e), 0);
	hash_sha256_hex(bytes.buf, bytes.len, sha);
	char *want = xasprintf("the document was changed: its SHA-256 is %s but the file says %s", sha, said);
	size_t len;
	char *buf = file_bytes(root, &len);
	verify_fails(buf, len, want);
	free(want);
	free(buf);

	/* The hash brought up to date: now the signature tells. */
	json_object_set_new(root, "sha256", json_string(sha));
	buf = file_bytes(root, &len);
	want = xasprintf("bad signature: the document was not signed by the key %s", pk_hex);
	verify_fails(buf, len, want);
	free(want);
	free(buf);
	strbuf_release(&bytes);
	json_decref(root);

	unsigned char other[KEYS_PUBLIC_BYTES], other_sk[KEYS_PRIVATE_BYTES];
	char other_hex[2 * KEYS_PUBLIC_BYTES + 1];
	keys_generate(other, other_sk);
	keys_hex(other, sizeof other, other_hex);
	want = xasprintf("the public key beside the document (%s) is not the one in it (%s)", other_hex, pk_hex);
	mutated_fails("public_key", json_string(other_hex), want);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document_golden),
		cmocka_unit_test(test_format_1_still_read),
		cmocka_unit_test(test_new_takes_the_connectors_items),
		cmocka_unit_test(test_decode_round_trip),
		cmocka_unit_test(test_verify_accepts),
		cmocka_unit_test(test_verify_accepts_format_1),
		cmocka_unit_test(test_verify_bytes),
		cmocka_unit_test(test_verify_shape),
		cmocka_unit_test(test_verify_seal),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
