/*
 * submission_json: the submission document and the exported file, as JSON.
 *
 * The document (docs/answers-and-submissions.md, "Submissions", is the
 * contract):
 *
 *   {"format":"shinsa-submission/2",
 *    "org":{"name":S,"reg_no":S|null,"public_key":HEX64},
 *    "catalog":{"id":S,"sha256":HEX64},
 *    "version":N, "submitted_at":"YYYY-MM-DDTHH:MM:SSZ",
 *    "answers":[{"no":N,"key":S,"status":S|null,"current":S,"issues":S,
 *                "plan":S,"plan_due":"YYYY-MM-DD"|null,"notes":S}, ...],
 *    "attachments":[{"items":[N,...],"name":S,"title":S,"sha256":HEX64,
 *                    "size":N,"type":S,"valid_until":"YYYY-MM-DD"|null}, ...]}
 *
 * attachments are by name, then sha256, each sha256 once, items ascending
 * without repeats; [] when there are none. A "shinsa-submission/1" document
 * (signed before files existed) is the same without "attachments"; it is
 * read as it is and written back as /1, never rewritten.
 *
 * Its bytes are always its canonical form (formats/canon_json.h); the
 * SHA-256 and the Ed25519 signature are over exactly those bytes. The
 * exported file is the canonical form of
 * {"document":{...},"sha256":HEX64,"signature":HEX128,"public_key":HEX64}
 * followed by one "\n". formats/submission_verify.h checks such a file.
 */
#ifndef SHINSA_FORMATS_SUBMISSION_JSON_H
#define SHINSA_FORMATS_SUBMISSION_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "core/submission.h"
#include "lib/err.h"
#include "lib/strbuf.h"

/* Limits a document's files are read within: a file at most 1 GiB (the
 * default quota of a whole organisation), all of them together at most
 * that too, and at most SUBMISSION_MAX_ATTACHMENTS of them. */
#define SUBMISSION_FILE_SIZE_MAX (1LL << 30)
#define SUBMISSION_FILE_SIZE_MAX_TEXT "1073741824"
#define SUBMISSION_FILES_MAX (1LL << 30)
#define SUBMISSION_MAX_ATTACHMENTS 2000

/* One attachment as the document lists it; you own the reference. */
json_t *submission_json_attachment(const struct submission_attachment *a);

/* The document of s; you own the reference. */
json_t *submission_json_document(const struct submission *s);

/* Appends the canonical bytes of s's document to out. */
int submission_json_canonical(const struct submission *s, struct strbuf *out, struct err *e);

/*
 * Reads a document, strictly: every field present with its type and form,
 * no others, the format known. *out is a new submission you own (id 0).
 * e names the field: "document.answers[3].status must be null or one of
 * implemented, partial, not_implemented, not_applicable".
 */
int submission_json_decode(const json_t *doc, struct submission **out, struct err *e);

/* The same from the bytes of a stored document. */
int submission_json_parse(const char *buf, size_t len, struct submission **out, struct err *e);

/* The answers as `answers show --json` lists items: [{no, status, current,
 * issues, plan, plan_due, notes}]; you own the reference. NULL, like
 * submission_json_document(), if a string is not valid UTF-8. */
json_t *submission_json_answers(const struct answer_set *set);
/* One of those items. */
json_t *submission_json_answer(const struct answer *a);

/*
 * Appends the exported file of record r to out: its stored document, hash
 * and signature, and public_key (64 hex digits) of the organisation.
 */
int submission_json_export(const struct submission_record *r, const char *public_key, struct strbuf *out,
			   struct err *e);

#endif
