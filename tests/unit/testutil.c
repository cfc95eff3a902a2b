#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "testutil.h"

#include "formats/sealed_file.h"
#include "formats/submission_json.h"
#include "formats/xlsx_form.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "store/store_audit.h"
#include "store/store_catalog.h"
#include "store/store_org.h"

int form_fixture_setup(void **state)
{
	struct form_fixture *fx = xcalloc(1, sizeof *fx);
	struct err e = { 0 };
	strcpy(fx->dir, "/tmp/shinsa-test-XXXXXX");
	if (!mkdtemp(fx->dir) || catalog_files_load("catalog", &fx->files, &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg[0] ? e.msg : "cannot make a scratch directory");
		return -1;
	}
	int n = snprintf(fx->path, sizeof fx->path, "%s/form.xlsx", fx->dir);
	if (n < 0 || (size_t)n >= sizeof fx->path)
		return -1;
	fx->cat = catalog_files_find(&fx->files, "api-checklist-2018-08");
	if (!fx->cat || xlsx_form_write(fx->cat, fx->path, &e) < 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

int form_fixture_teardown(void **state)
{
	struct form_fixture *fx = *state;
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(cmd);
	catalog_files_release(&fx->files);
	free(fx);
	return rc == 0 ? 0 : -1;
}

char *zip_parts(const struct part *parts, size_t n, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(za);
	for (size_t i = 0; i < n; i++) {
		size_t size = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *s = zip_source_buffer_create(parts[i].data, size, 0, &ze);
		assert_non_null(s);
		zip_int64_t idx = zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (parts[i].store)
			assert_int_equal(zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
	}
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_seek(src, 0, SEEK_END), 0);
	zip_int64_t size = zip_source_tell(src);
	assert_int_equal(zip_source_seek(src, 0, SEEK_SET), 0);
	char *buf = xmalloc((size_t)size);
	assert_int_equal(zip_source_read(src, buf, (zip_uint64_t)size), size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)size;
	return buf;
}


int scratch_db_open(char dir[64], const char *prefix, const char *const *ids, struct store **out)
{
	if (snprintf(dir, 64, "/tmp/%s-XXXXXX", prefix) >= 64 || !mkdtemp(dir))
		return -1;
	char *db = xasprintf("%s/t.db", dir);
	struct err e = { 0 };
	struct catalog_files files;
	enum store_put r;
	setenv("SHINSA_NOW", "2026-04-01T09:00:00Z", 1);
	*out = NULL;
	int rc = catalog_files_load("catalog", &files, &e) < 0 || store_open(db, STORE_CREATE, out, &e) < 0 ||
		 store_migrate(*out, NULL, NULL, &e) < 0 || store_begin(*out, &e) < 0;
	for (size_t i = 0; !rc && ids[i]; i++)
		rc = store_catalog_put(*out, catalog_files_find(&files, ids[i]), &r, &e) < 0;
	rc = rc || store_commit(*out, &e) < 0;
	catalog_files_release(&files);
	free(db);
	if (rc)
		fprintf(stderr, "setup: %s\n", e.msg);
	return rc ? -1 : 0;
}

int scratch_db_close(const char *dir, struct store *st)
{
	store_close(st);
	char *cmd = xasprintf("rm -rf %s", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

struct org *scratch_org_add(struct store *st, enum org_kind kind, const char *name)
{
	struct err e = { 0 };
	struct org *o = org_new();
	o->kind = kind;
	o->name = xstrdup(name);
	o->public_key = xstrdup("00");
	assert_int_equal(store_org_add(st, o, "v1:sealed", &e), 0);
	return o;
}

char *scratch_events(struct store *st, const char *skip)
{
	struct err e = { 0 };
	struct audit_event **evs;
	size_t n;
	assert_int_equal(store_audit_list(st, 0, NULL, 0, 100, &evs, &n, &e), 0);
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (!skip || strcmp(evs[i]->action, skip) != 0)
			strbuf_addf(&out, "%s %s %s %s\n", evs[i]->actor, evs[i]->action, evs[i]->object,
				    evs[i]->details);
		audit_event_free(evs[i]);
	}
	free(evs);
	return strbuf_detach(&out);
}

char *fixture_bytes(const char *path, size_t *len)
{
	char *buf;
	struct err e = { 0 };
	if (fs_read_file(path, 1u << 24, &buf, len, &e) < 0)
		fail_msg("%s", e.msg);
	return buf;
}

struct submission *fixture_submission(const char *public_key)
{
	struct submission *s = submission_new_empty();
	s->org_name = xstrdup("株式会社フィンテック");
	s->org_public_key = xstrdup(public_key);
	s->catalog_id = xstrdup("api-checklist-2018-08");
	s->catalog_sha256 = xstrdup("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
	s->version = 1;
	s->submitted_at = xstrdup("2026-04-01T09:00:00Z");
	submission_add_answer(s, 1, "ism-01");
	return s;
}

void fixture_seal(const struct submission *s, const unsigned char *sk, struct strbuf *out)
{
	struct strbuf doc = STRBUF_INIT;
	struct err e = { 0 };
	unsigned char sig[KEYS_SIGNATURE_BYTES];
	char sha[HASH_HEX_LEN + 1], sig_hex[2 * KEYS_SIGNATURE_BYTES + 1];
	assert_int_equal(submission_json_canonical(s, &doc, &e), 0);
	hash_sha256_hex(doc.buf, doc.len, sha);
	keys_sign(sk, doc.buf, doc.len, sig);
	keys_hex(sig, sizeof sig, sig_hex);
	assert_int_equal(sealed_file_write(doc.buf, doc.len, sha, sig_hex, s->org_public_key, out, &e), 0);
	strbuf_release(&doc);
}
