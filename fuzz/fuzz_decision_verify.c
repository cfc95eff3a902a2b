/*
 * libFuzzer target: the review decision verifier, the whole path a
 * downloaded decision file takes in `shinsa verify` (JSON, canonical form,
 * the envelope, the document's shape, hash, key, signature). Whatever the
 * bytes, it must return 0 or -1 with a message, never crash or leak.
 */
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/review_decision.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready && sodium_init() < 0)
		__builtin_trap();
	ready = 1;
	struct err e = { 0 };
	struct review_decision_doc *doc;
	char sha[HASH_HEX_LEN + 1];
	if (review_decision_verify((const char *)data, size, &doc, sha, &e) == 0)
		review_decision_doc_free(doc);
	else if (!e.msg[0])
		__builtin_trap(); /* every failure must say why */
	return 0;
}
