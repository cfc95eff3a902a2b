/*
 * sealed_file: the envelope of every signed document Shinsa exports (a
 * submission, a bank's review decision), and its checks from the bytes
 * alone: no database, no secret.
 *
 * The file is the canonical form (formats/canon_json.h) of
 *   {"document":{...},"public_key":HEX64,"sha256":HEX64,"signature":HEX128}
 * followed by one "\n"; sha256 and signature (Ed25519 by public_key) are
 * over the document's canonical bytes.
 *
 * Checking is in two calls around the caller's own reading of the
 * document, so that each kind keeps its messages:
 *   sealed_file_open():  1. size ("larger than MAX bytes: not WHAT");
 *                        2. JSON ("not JSON: line L, column C: ...");
 *                        3. canonical form ("not in canonical form: it
 *                           first differs at byte offset N");
 *                        4. the envelope's fields ("wrong shape: ...");
 *   the caller reads the document ("wrong shape: ..." too);
 *   sealed_file_check(): 5. the SHA-256 ("the document was changed: ...");
 *                        6. the key beside the document against the one
 *                           in it; 7. the signature.
 * Passing says only that the holder of that key signed this document.
 */
#ifndef SHINSA_FORMATS_SEALED_FILE_H
#define SHINSA_FORMATS_SEALED_FILE_H

#include <jansson.h>
#include <stddef.h>

#include "lib/err.h"
#include "lib/hash.h"
#include "lib/strbuf.h"

/*
 * Checks 1 to 4 on the len bytes of buf (at most max; what names the kind
 * of file in the message: "a submission file"). 0 with *root the whole
 * file (yours; its "document" member is the document), or -1 with e set
 * and *root NULL.
 */
int sealed_file_open(const char *buf, size_t len, size_t max, const char *what, json_t **root, struct err *e);

/* The "format" member of root's document, or NULL (borrowed from root). */
const char *sealed_file_format(const json_t *root);

/*
 * Checks 5 to 7 on a root from sealed_file_open(); doc_key is the public
 * key the document itself names (64 hex digits). 0 with sha256 the
 * document's hash, or -1 with e set.
 */
int sealed_file_check(const json_t *root, const char *doc_key, char sha256[HASH_HEX_LEN + 1], struct err *e);

/*
 * Appends the file of a stored document (its canonical bytes, len of
 * them), its sha256, signature and the signer's public_key (hex) to out.
 * 0, or -1 with e set (a stored document that is not JSON).
 */
int sealed_file_write(const char *document, size_t len, const char *sha256, const char *signature,
		      const char *public_key, struct strbuf *out, struct err *e);

#endif
