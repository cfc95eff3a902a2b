#include "formats/submission_verify.h"

#include <jansson.h>

#include "formats/sealed_file.h"
#include "formats/submission_json.h"

int submission_verify(const char *buf, size_t len, struct submission **out, char sha256[HASH_HEX_LEN + 1],
		      struct err *e)
{
	*out = NULL;
	json_t *root;
	if (sealed_file_open(buf, len, SUBMISSION_FILE_MAX, "a submission file", &root, e) < 0)
		return -1;
	struct submission *doc = NULL;
	int rc = -1;
	if (submission_json_decode(json_object_get(root, "document"), &doc, e) < 0)
		err_prefix(e, "wrong shape");
	else if (sealed_file_check(root, doc->org_public_key, sha256, e) == 0)
		rc = 0;
	if (rc == 0)
		*out = doc;
	else
		submission_free(doc);
	json_decref(root);
	return rc;
}
