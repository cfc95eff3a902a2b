#include "formats/sealed_file.h"

#include <string.h>

#include "formats/canon_json.h"
#include "formats/json_shape.h"
#include "lib/keys.h"

static int check_canonical(const char *buf, size_t len, const json_t *root, struct err *e)
{
	struct strbuf canon = STRBUF_INIT;
	if (canon_json_dump(root, &canon, e) < 0) {
		strbuf_release(&canon);
		err_prefix(e, "not in canonical form");
		return -1;
	}
	strbuf_addch(&canon, '\n');
	size_t i = 0;
	while (i < len && i < canon.len && buf[i] == canon.buf[i])
		i++;
	bool same = i == len && i == canon.len;
	strbuf_release(&canon);
	if (!same) {
		err_set(e, "not in canonical form: it first differs at byte offset %zu", i);
		return -1;
	}
	return 0;
}

static int check_envelope(const json_t *root, struct err *e)
{
	static const char *const fields[] = { "document", "public_key", "sha256", "signature", NULL };
	if (json_shape_fields(root, "", fields, e) < 0 || json_shape_hex(root, "", "sha256", 32, e) < 0 ||
	    json_shape_hex(root, "", "signature", KEYS_SIGNATURE_BYTES, e) < 0 ||
	    json_shape_hex(root, "", "public_key", KEYS_PUBLIC_BYTES, e) < 0) {
		err_prefix(e, "wrong shape");
		return -1;
	}
	return 0;
}

int sealed_file_open(const char *buf, size_t len, size_t max, const char *what, json_t **root, struct err *e)
{
	*root = NULL;
	if (len > max) {
		err_set(e, "larger than %zu bytes: not %s", max, what);
		return -1;
	}
	json_error_t je;
	json_t *r = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!r) {
		err_set(e, "not JSON: line %d, column %d: %s", je.line, je.column, je.text);
		return -1;
	}
	if (check_canonical(buf, len, r, e) < 0 || check_envelope(r, e) < 0) {
		json_decref(r);
		return -1;
	}
	*root = r;
	return 0;
}

const char *sealed_file_format(const json_t *root)
{
	return json_string_value(json_object_get(json_object_get(root, "document"), "format"));
}

int sealed_file_check(const json_t *root, const char *doc_key, char sha256[HASH_HEX_LEN + 1], struct err *e)
{
	struct strbuf bytes = STRBUF_INIT;
	int rc = -1;
	/* The whole file was canonical, so the document is too: dumping it
	 * again gives exactly its bytes in the file. */
	if (canon_json_dump(json_object_get(root, "document"), &bytes, e) < 0)
		goto done;
	hash_sha256_hex(bytes.buf, bytes.len, sha256);
	const char *said = json_string_value(json_object_get(root, "sha256"));
	if (strcmp(sha256, said) != 0) {
		err_set(e, "the document was changed: its SHA-256 is %s but the file says %s", sha256, said);
		goto done;
	}
	const char *pk_hex = json_string_value(json_object_get(root, "public_key"));
	if (strcmp(pk_hex, doc_key) != 0) {
		err_set(e, "the public key beside the document (%s) is not the one in it (%s)", pk_hex, doc_key);
		goto done;
	}
	unsigned char pk[KEYS_PUBLIC_BYTES], sig[KEYS_SIGNATURE_BYTES];
	if (keys_unhex(pk_hex, pk, sizeof pk) < 0 ||
	    keys_unhex(json_string_value(json_object_get(root, "signature")), sig, sizeof sig) < 0) {
		err_set(e, "wrong shape: a key or signature is not hex"); /* cannot happen: the shape was checked */
		goto done;
	}
	if (!keys_verify(pk, bytes.buf, bytes.len, sig)) {
		err_set(e, "bad signature: the document was not signed by the key %s", pk_hex);
		goto done;
	}
	rc = 0;
done:
	strbuf_release(&bytes);
	return rc;
}

int sealed_file_write(const char *document, size_t len, const char *sha256, const char *signature,
		      const char *public_key, struct strbuf *out, struct err *e)
{
	json_error_t je;
	json_t *doc = json_loadb(document, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc) {
		err_set(e, "the stored document is not JSON: %s", je.text);
		return -1;
	}
	json_t *file = json_pack("{s:o, s:s, s:s, s:s}", "document", doc, "sha256", sha256, "signature", signature,
				 "public_key", public_key);
	if (!file) {
		err_set(e, "cannot encode the file");
		return -1;
	}
	int rc = canon_json_dump(file, out, e);
	json_decref(file);
	if (rc == 0)
		strbuf_addch(out, '\n');
	return rc;
}
