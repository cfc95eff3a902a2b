#include "formats/submission_verify.h"

#include <jansson.h>
#include <string.h>

#include "formats/canon_json.h"
#include "formats/submission_json.h"
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

static int check_shape(const json_t *root, struct submission **doc, struct err *e)
{
	static const char *const fields[] = { "document", "public_key", "sha256", "signature", NULL };
	if (submission_json_fields(root, "", fields, e) < 0 ||
	    submission_json_hex(root, "", "sha256", 32, e) < 0 ||
	    submission_json_hex(root, "", "signature", KEYS_SIGNATURE_BYTES, e) < 0 ||
	    submission_json_hex(root, "", "public_key", KEYS_PUBLIC_BYTES, e) < 0 ||
	    submission_json_decode(json_object_get(root, "document"), doc, e) < 0) {
		err_prefix(e, "wrong shape");
		return -1;
	}
	return 0;
}

static int check_sealed(const json_t *root, const struct submission *doc, char sha256[HASH_HEX_LEN + 1],
			struct err *e)
{
	struct strbuf bytes = STRBUF_INIT;
	int rc = -1;
	if (canon_json_dump(json_object_get(root, "document"), &bytes, e) < 0)
		goto done; /* cannot happen: the whole file was canonical */
	hash_sha256_hex(bytes.buf, bytes.len, sha256);
	const char *said = json_string_value(json_object_get(root, "sha256"));
	if (strcmp(sha256, said) != 0) {
		err_set(e, "the document was changed: its SHA-256 is %s but the file says %s", sha256, said);
		goto done;
	}
	const char *pk_hex = json_string_value(json_object_get(root, "public_key"));
	if (strcmp(pk_hex, doc->org_public_key) != 0) {
		err_set(e, "the public key beside the document (%s) is not the one in it (%s)", pk_hex,
			doc->org_public_key);
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

int submission_verify(const char *buf, size_t len, struct submission **out, char sha256[HASH_HEX_LEN + 1],
		      struct err *e)
{
	*out = NULL;
	if (len > SUBMISSION_FILE_MAX) {
		err_set(e, "larger than %u bytes: not a submission file", SUBMISSION_FILE_MAX);
		return -1;
	}
	json_error_t je;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		err_set(e, "not JSON: line %d, column %d: %s", je.line, je.column, je.text);
		return -1;
	}
	struct submission *doc = NULL;
	int rc = -1;
	if (check_canonical(buf, len, root, e) == 0 && check_shape(root, &doc, e) == 0 &&
	    check_sealed(root, doc, sha256, e) == 0) {
		*out = doc;
		doc = NULL;
		rc = 0;
	}
	submission_free(doc);
	json_decref(root);
	return rc;
}
