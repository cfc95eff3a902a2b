/*
 * review_decision: a bank's decision on a submission as the document it
 * signs (format "shinsa-review-decision/1"; docs/reviews.md is the
 * contract):
 *
 *   {"format":"shinsa-review-decision/1",
 *    "bank":{"name":S,"public_key":HEX64},
 *    "connector":S,
 *    "submission":{"id":N,"version":N,"sha256":HEX64},
 *    "checklist":S,
 *    "decision":"meets"|"conditional"|"does_not_meet",
 *    "reason":S,                       "" when none was given
 *    "decided_at":"YYYY-MM-DDTHH:MM:SSZ", "decided_by":S,
 *    "items":[{"no":N,"verdict":S,"carried":B}, ...]}
 *
 * A decision approved after a draft (service/approvals.h) is format
 * "shinsa-review-decision/2": the same but for decided_by, which becomes
 *   "drafted_by":S, "drafted_at":"YYYY-MM-DDTHH:MM:SSZ", "approved_by":S
 * (decided_at being the approval). A decision taken in one step stays /1,
 * so every document signed before still reads and verifies.
 *
 * items are the connector and common items in checklist order (bank items
 * take no verdict). Its bytes are the canonical form (formats/canon_json.h);
 * the SHA-256 and the bank's Ed25519 signature are over exactly them, as
 * for a submission.
 */
#ifndef SHINSA_FORMATS_REVIEW_DECISION_H
#define SHINSA_FORMATS_REVIEW_DECISION_H

#include <jansson.h>

#include "core/review.h"
#include "lib/err.h"
#include "lib/hash.h"
#include "lib/strbuf.h"

#define REVIEW_DECISION_FORMAT "shinsa-review-decision/1"
#define REVIEW_DECISION_FORMAT_2 "shinsa-review-decision/2"

/*
 * Appends the canonical document of r's decision (decision, reason,
 * decided_at and decided_by set) to out; bank_public_key is the bank's
 * key (64 hex digits), submission_sha256 the reviewed submission's. 0, or
 * -1 with e set (text that is not UTF-8).
 */
int review_decision_canonical(const struct review *r, const char *bank_public_key, const char *submission_sha256,
			      struct strbuf *out, struct err *e);

/*
 * The exported file: formats/sealed_file.h's envelope around the stored
 * document, with its sha256, signature and the bank's public_key (hex).
 * At most REVIEW_DECISION_FILE_MAX bytes are read back.
 */
#define REVIEW_DECISION_FILE_MAX (4u << 20)
#define REVIEW_DECISION_ITEMS_MAX 10000

/* A decision document read back: review holds the bank and connector
 * names, submission id and version, checklist, decision, reason,
 * decided_at, decided_by (the approver in /2), drafted_by and drafted_at
 * (/2 only; NULL in /1) and the items (no, verdict, carried; no key, no
 * party). review_decision_doc_free() accepts NULL. */
struct review_decision_doc {
	struct review *review;
	char *bank_public_key;
	char *submission_sha256;
};

void review_decision_doc_free(struct review_decision_doc *d);

/*
 * Checks an exported decision file from its bytes alone, as
 * formats/sealed_file.h says (what: "a decision file"), reading the
 * document strictly ("wrong shape: document.items[2].verdict must be one
 * of accepted, query, improvement, not_applicable", an item twice, ...).
 * 0 with *out the document (yours) and sha256 its hash, or -1 with e set
 * and *out NULL.
 */
int review_decision_verify(const char *buf, size_t len, struct review_decision_doc **out,
			   char sha256[HASH_HEX_LEN + 1], struct err *e);

#endif
