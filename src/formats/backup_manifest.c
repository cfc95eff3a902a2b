#include "formats/backup_manifest.h"

#include "lib/clock.h"

#include <jansson.h>
#include <string.h>

void backup_manifest_write(const struct backup_manifest *m, struct strbuf *out)
{
	/* Every value is a number or a fixed-form ASCII string: no escaping. */
	strbuf_addf(out,
		    "{\n"
		    "  \"format\": \"%s\",\n"
		    "  \"schema\": %d,\n"
		    "  \"taken_at\": \"%s\",\n"
		    "  \"database_sha256\": \"%s\",\n"
		    "  \"secret_sha256\": \"%s\",\n"
		    "  \"audit_events\": %lld,\n"
		    "  \"audit_last_hash\": \"%s\"\n"
		    "}\n",
		    BACKUP_MANIFEST_FORMAT, m->schema, m->taken_at, m->database_sha256, m->secret_sha256,
		    m->audit_events, m->audit_last_hash);
}

static int copy_hex(const char *name, const char *value, char out[HASH_HEX_LEN + 1], struct err *e)
{
	if (strlen(value) != HASH_HEX_LEN || strspn(value, "0123456789abcdef") != HASH_HEX_LEN) {
		err_set(e, "%s is not 64 hex digits", name);
		return -1;
	}
	memcpy(out, value, HASH_HEX_LEN + 1);
	return 0;
}

int backup_manifest_parse(const char *text, struct backup_manifest *m, struct err *e)
{
	json_error_t je;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		err_set(e, "not JSON: %s", je.text);
		return -1;
	}
	const char *format, *taken_at, *db_sha, *secret_sha, *audit_hash;
	json_int_t schema, events;
	int rc = -1;
	if (json_unpack_ex(root, &je, JSON_STRICT, "{s:s, s:I, s:s, s:s, s:s, s:I, s:s}", "format", &format, "schema",
			   &schema, "taken_at", &taken_at, "database_sha256", &db_sha, "secret_sha256", &secret_sha,
			   "audit_events", &events, "audit_last_hash", &audit_hash) != 0) {
		err_set(e, "%s", je.text);
		goto done;
	}
	if (strcmp(format, BACKUP_MANIFEST_FORMAT) != 0) {
		err_set(e, "format is not %s", BACKUP_MANIFEST_FORMAT);
		goto done;
	}
	if (schema < 1 || schema > 1000000 || events < 0) {
		err_set(e, "schema or audit_events is out of range");
		goto done;
	}
	time_t when;
	if (strlen(taken_at) != 20 || clock_parse(taken_at, &when) < 0) {
		err_set(e, "taken_at is not YYYY-MM-DDTHH:MM:SSZ");
		goto done;
	}
	m->schema = (int)schema;
	m->audit_events = events;
	memcpy(m->taken_at, taken_at, sizeof m->taken_at);
	if (copy_hex("database_sha256", db_sha, m->database_sha256, e) < 0 ||
	    copy_hex("secret_sha256", secret_sha, m->secret_sha256, e) < 0 ||
	    copy_hex("audit_last_hash", audit_hash, m->audit_last_hash, e) < 0)
		goto done;
	rc = 0;
done:
	json_decref(root);
	return rc;
}
