/*
 * submission_verify: checks an exported submission file (see
 * formats/submission_json.h) from its bytes alone: no database, no secret.
 *
 * The checks, in order, each failing with its own message:
 *   1. size: at most SUBMISSION_FILE_MAX bytes;
 *   2. JSON (duplicate keys refused): "not JSON: line L, column C: ...";
 *   3. canonical form: the bytes must be exactly the canonical form of what
 *      was parsed and one "\n", so no byte can change without notice, even
 *      one that does not change the meaning: "not in canonical form: it
 *      first differs at byte offset N";
 *   4. shape: "wrong shape: missing field \"document.org.name\"", unknown
 *      format, wrong type, extra field;
 *   5. hash: the SHA-256 of the document's canonical bytes against the
 *      file's sha256: "the document was changed: ...";
 *   6. key: the file's public_key against the document's org.public_key;
 *   7. signature: Ed25519 over the document's canonical bytes by that key.
 * Passing says only that the holder of that key signed this document: the
 * key itself must be compared with the one the organisation published.
 */
#ifndef SHINSA_FORMATS_SUBMISSION_VERIFY_H
#define SHINSA_FORMATS_SUBMISSION_VERIFY_H

#include <stddef.h>

#include "core/submission.h"
#include "lib/err.h"
#include "lib/hash.h"

/*
 * The 45-item checklist with every text field at its 32767-character limit,
 * every character escaped at six bytes, stays under this.
 */
#define SUBMISSION_FILE_MAX (64u << 20)

/*
 * Verifies the len bytes of buf. On success returns 0, *out is the
 * document (yours) and sha256 its hash. On failure returns -1 with e the
 * reason and *out NULL.
 */
int submission_verify(const char *buf, size_t len, struct submission **out, char sha256[HASH_HEX_LEN + 1],
		      struct err *e);

#endif
