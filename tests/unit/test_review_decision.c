/*
 * A bank's decision file: the canonical document as a golden string, the
 * file read back by review_decision_verify(), and each check of the
 * document's shape, hash, key and signature with its exact message.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/review.h"
#include "formats/canon_json.h"
#include "formats/review_decision.h"
#include "formats/sealed_file.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/xalloc.h"

static unsigned char pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
static char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];
#define SUB_SHA "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	keys_generate(pk, sk);
	keys_hex(pk, sizeof pk, pk_hex);
	return 0;
}

/* A decided review of two connector items and a bank item. */
static struct review *decided(void)
{
	struct review *r = review_new();
	r->bank_name = xstrdup("X銀行");
	r->connector_name = xstrdup("接続先A");
	r->submission_id = 2;
	r->version = 2;
	r->catalog_id = xstrdup("api-checklist-2018-08");
	r->decision = DECISION_CONDITIONAL;
	r->reason = xstrdup("項目5の改善を\n条件とする");
	r->decided_at = xstrdup("2026-04-01T09:00:00Z");
	r->decided_by = xstrdup("rev@x.test");
	r->items = xcalloc(3, sizeof *r->items);
	r->n_items = 3;
	r->items[0] = (struct review_item){ .no = 5, .party = PARTY_CONNECTOR, .verdict = VERDICT_IMPROVEMENT,
					    .carried = true };
	r->items[1] = (struct review_item){ .no = 7, .party = PARTY_COMMON, .verdict = VERDICT_ACCEPTED };
	r->items[2] = (struct review_item){ .no = 39, .party = PARTY_BANK };
	return r;
}

/* The file of r, signed with key (sk, or another), as bytes. */
static char *file_of(const struct review *r, const unsigned char *key, size_t *len)
{
	struct strbuf doc = STRBUF_INIT, file = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(review_decision_canonical(r, pk_hex, SUB_SHA, &doc, &e), 0);
	unsigned char sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	hash_sha256_hex(doc.buf, doc.len, sha);
	keys_sign(key, doc.buf, doc.len, sig);
	keys_hex(sig, sizeof sig, sig_hex);
	assert_int_equal(sealed_file_write(doc.buf, doc.len, sha, sig_hex, pk_hex, &file, &e), 0);
	strbuf_release(&doc);
	*len = file.len;
	return strbuf_detach(&file);
}

/* The file of decided(), signed with key. */
static char *signed_file(const unsigned char *key, size_t *len)
{
	struct review *r = decided();
	char *buf = file_of(r, key, len);
	review_free(r);
	return buf;
}

static void test_document(void **state)
{
	(void)state;
	struct review *r = decided();
	struct strbuf doc = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(review_decision_canonical(r, pk_hex, SUB_SHA, &doc, &e), 0);
	char *want = xasprintf("{\"bank\":{\"name\":\"X銀行\",\"public_key\":\"%s\"},\"checklist\":\"api-checklist-2018-08\","
			       "\"connector\":\"接続先A\",\"decided_at\":\"2026-04-01T09:00:00Z\",\"decided_by\":"
			       "\"rev@x.test\",\"decision\":\"conditional\",\"format\":\"shinsa-review-decision/1\","
			       "\"items\":[{\"carried\":true,\"no\":5,\"verdict\":\"improvement\"},{\"carried\":false,"
			       "\"no\":7,\"verdict\":\"accepted\"}],\"reason\":\"項目5の改善を\\n条件とする\","
			       "\"submission\":{\"id\":2,\"sha256\":\"" SUB_SHA "\",\"version\":2}}",
			       pk_hex);
	assert_string_equal(doc.buf, want);
	free(want);
	strbuf_release(&doc);
	review_free(r);
}

/* Approved after a draft: format 2, the drafter and the approver named,
 * read back as they were. */
static void test_document_approved(void **state)
{
	(void)state;
	struct review *r = decided();
	r->drafted_by = xstrdup("draft@x.test");
	r->drafted_at = xstrdup("2026-03-31T10:00:00Z");
	struct strbuf doc = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(review_decision_canonical(r, pk_hex, SUB_SHA, &doc, &e), 0);
	char *want = xasprintf("{\"approved_by\":\"rev@x.test\",\"bank\":{\"name\":\"X銀行\",\"public_key\":\"%s\"},"
			       "\"checklist\":\"api-checklist-2018-08\",\"connector\":\"接続先A\",\"decided_at\":"
			       "\"2026-04-01T09:00:00Z\",\"decision\":\"conditional\",\"drafted_at\":\"2026-03-31T10:00:00Z\","
			       "\"drafted_by\":\"draft@x.test\",\"format\":\"shinsa-review-decision/2\","
			       "\"items\":[{\"carried\":true,\"no\":5,\"verdict\":\"improvement\"},{\"carried\":false,"
			       "\"no\":7,\"verdict\":\"accepted\"}],\"reason\":\"項目5の改善を\\n条件とする\","
			       "\"submission\":{\"id\":2,\"sha256\":\"" SUB_SHA "\",\"version\":2}}",
			       pk_hex);
	assert_string_equal(doc.buf, want);
	size_t len;
	char *file = file_of(r, sk, &len), sha[HASH_HEX_LEN + 1];
	struct review_decision_doc *d;
	assert_int_equal(review_decision_verify(file, len, &d, sha, &e), 0);
	assert_string_equal(d->review->drafted_by, "draft@x.test");
	assert_string_equal(d->review->drafted_at, "2026-03-31T10:00:00Z");
	assert_string_equal(d->review->decided_by, "rev@x.test");
	review_decision_doc_free(d);
	free(want);
	free(file);
	strbuf_release(&doc);
	review_free(r);
}

static void test_verify_accepts(void **state)
{
	(void)state;
	size_t len;
	char *buf = signed_file(sk, &len);
	struct review_decision_doc *d;
	char sha[HASH_HEX_LEN + 1];
	struct err e = { 0 };
	assert_int_equal(review_decision_verify(buf, len, &d, sha, &e), 0);
	const struct review *r = d->review;
	assert_string_equal(r->bank_name, "X銀行");
	assert_string_equal(r->connector_name, "接続先A");
	assert_int_equal(r->submission_id, 2);
	assert_int_equal(r->decision, DECISION_CONDITIONAL);
	assert_string_equal(r->reason, "項目5の改善を\n条件とする");
	assert_int_equal(r->n_items, 2);
	assert_int_equal(r->items[0].no, 5);
	assert_int_equal(r->items[0].verdict, VERDICT_IMPROVEMENT);
	assert_true(r->items[0].carried);
	assert_int_equal(r->items[1].verdict, VERDICT_ACCEPTED);
	assert_string_equal(d->bank_public_key, pk_hex);
	assert_string_equal(d->submission_sha256, SUB_SHA);
	review_decision_doc_free(d);
	free(buf);
}

/* The file with the first "from" replaced by "to", re-serialised so the
 * file stays canonical (the hash and signature are not redone). */
static void changed_fails(const char *from, const char *to, const char *want)
{
	size_t len;
	char *buf = signed_file(sk, &len);
	char *at = strstr(buf, from);
	assert_non_null(at);
	char *changed = xasprintf("%.*s%s%s", (int)(at - buf), buf, to, at + strlen(from));
	/* A member given twice: the later one stands. */
	json_t *root = json_loads(changed, 0, NULL);
	assert_non_null(root);
	struct strbuf canon = STRBUF_INIT;
	struct err e = { 0 };
	assert_int_equal(canon_json_dump(root, &canon, &e), 0);
	strbuf_addch(&canon, '\n');
	struct review_decision_doc *d = (struct review_decision_doc *)1;
	char sha[HASH_HEX_LEN + 1];
	assert_int_equal(review_decision_verify(canon.buf, canon.len, &d, sha, &e), -1);
	assert_null(d);
	assert_string_equal(e.msg, want);
	strbuf_release(&canon);
	json_decref(root);
	free(changed);
	free(buf);
}

static void test_verify_shape(void **state)
{
	(void)state;
	changed_fails("\"format\":\"shinsa-review-decision/1\"", "\"format\":\"shinsa-review-decision/3\"",
		      "wrong shape: document.format must be \"shinsa-review-decision/1\" or \"shinsa-review-decision/2\"");
	/* Format 2 (approved) has no decided_by but names drafter and approver. */
	changed_fails("\"format\":\"shinsa-review-decision/1\"", "\"format\":\"shinsa-review-decision/2\"",
		      "wrong shape: missing field \"document.approved_by\"");
	changed_fails("\"decision\":\"conditional\"", "\"decision\":\"条件付適合\"",
		      "wrong shape: document.decision must be one of meets, conditional, does_not_meet");
	changed_fails("\"verdict\":\"improvement\"", "\"verdict\":null",
		      "wrong shape: document.items[0].verdict must be one of accepted, query, improvement, "
		      "not_applicable");
	changed_fails("\"no\":7", "\"no\":5", "wrong shape: document.items repeats item 5");
	changed_fails("\"no\":7", "\"no\":0", "wrong shape: document.items[1].no must be an integer from 1 to 10000");
	changed_fails("\"carried\":false", "\"carried\":0", "wrong shape: document.items[1].carried must be true or false");
	changed_fails("\"decided_at\":\"2026-04-01T09:00:00Z\"", "\"decided_at\":\"2026-04-01\"",
		      "wrong shape: document.decided_at must be a time YYYY-MM-DDTHH:MM:SSZ");
	changed_fails("\"reason\":", "\"extra\":1,\"reason\":", "wrong shape: unexpected field \"document.extra\"");
	changed_fails("\"connector\":\"接続先A\"", "\"connector\":\"\"",
		      "wrong shape: document.connector must be 1 to 200 characters and no control characters");
	changed_fails("\"items\":[", "\"items\":[[],", "wrong shape: document.items[0] must be an object");
	changed_fails("\"reason\":", "\"items\":{},\"reason\":", "wrong shape: document.items must be an array of at "
								       "most 10000 items");
}

static void test_verify_seal(void **state)
{
	(void)state;
	size_t len;
	char *buf = signed_file(sk, &len);
	char *copy = xstrdup(buf);
	/* Another reason, same length: canonical still, the hash no longer. */
	char *at = strstr(copy, "条件とする");
	memcpy(at, "無条件です", strlen("無条件です"));
	struct review_decision_doc *d;
	char sha[HASH_HEX_LEN + 1];
	struct err e = { 0 };
	assert_int_equal(review_decision_verify(copy, len, &d, sha, &e), -1);
	assert_non_null(strstr(e.msg, "the document was changed: its SHA-256 is "));
	free(copy);
	free(buf);
	unsigned char other_pk[KEYS_PUBLIC_BYTES], other_sk[KEYS_PRIVATE_BYTES];
	keys_generate(other_pk, other_sk);
	buf = signed_file(other_sk, &len);
	assert_int_equal(review_decision_verify(buf, len, &d, sha, &e), -1);
	char *want = xasprintf("bad signature: the document was not signed by the key %s", pk_hex);
	assert_string_equal(e.msg, want);
	free(want);
	free(buf);
	/* The key beside the document must be the one in it. */
	buf = signed_file(sk, &len);
	char other_hex[2 * KEYS_PUBLIC_BYTES + 1];
	keys_hex(other_pk, sizeof other_pk, other_hex);
	char *at_key = strstr(buf, "\"public_key\":\"");
	at_key = strstr(at_key + 1, "\"public_key\":\""); /* the second: the envelope's */
	assert_non_null(at_key);
	memcpy(at_key + strlen("\"public_key\":\""), other_hex, strlen(other_hex));
	assert_int_equal(review_decision_verify(buf, len, &d, sha, &e), -1);
	want = xasprintf("the public key beside the document (%s) is not the one in it (%s)", other_hex, pk_hex);
	assert_string_equal(e.msg, want);
	free(want);
	free(buf);
	/* A buffer of the size refused, really there. */
	char *big = xcalloc(REVIEW_DECISION_FILE_MAX + 1, 1);
	assert_int_equal(review_decision_verify(big, REVIEW_DECISION_FILE_MAX + 1, &d, sha, &e), -1);
	assert_string_equal(e.msg, "larger than 4194304 bytes: not a decision file");
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_document_approved),
		cmocka_unit_test(test_verify_accepts),
		cmocka_unit_test(test_verify_shape),
		cmocka_unit_test(test_verify_seal),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
