#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "testutil.h"

#include "formats/xlsx_form.h"
#include "lib/xalloc.h"

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

