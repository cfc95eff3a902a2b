/*
 * fuzz_xlsx: what the .xlsx fuzz targets share — small reader limits (a zip
 * bomb costs a megabyte, not fifty), and zips made in memory from parts,
 * each stored (not compressed), so that the fuzzer's mutations reach the
 * XML parsers instead of breaking a CRC. Header-only: each target is built
 * from its one .c file.
 */
#ifndef SHINSA_FUZZ_XLSX_H
#define SHINSA_FUZZ_XLSX_H

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "formats/xlsx_read.h"

static const struct xlsx_limits lim = {
	.max_file = 1u << 20,
	.max_part = 1u << 20,
	.max_total = 4u << 20,
	.max_parts = 100,
	.max_cells = 20000,
	.max_text = 32767,
	.max_cpu_ms = 5000,
};

#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define RELS "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"

/*
 * A zip of the n parts (names[i], data[i] of len[i] bytes; a NULL data[i]
 * leaves the part out), as bytes you free(); *out_len of them.
 */
static char *fuzz_zip(const char *const *names, const char *const *data, const size_t *len, size_t n,
		      size_t *out_len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za)
		abort();
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = data[i] ? zip_source_buffer_create(data[i], len[i], 0, &ze) : NULL;
		zip_int64_t idx = s ? zip_file_add(za, names[i], s, 0) : -1;
		if (idx >= 0)
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	if (zip_close(za) < 0 || zip_source_open(src) < 0)
		abort();
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t size = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *zip = malloc(size > 0 ? (size_t)size : 1);
	if (!zip || zip_source_read(src, zip, (zip_uint64_t)size) != size)
		abort();
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*out_len = (size_t)size;
	return zip;
}

/*
 * Splits data at NUL bytes into at most n parts: part[i] and len[i] for
 * those the input has; the rest keep what the caller put there (defaults).
 */
static void fuzz_split(const unsigned char *data, size_t size, const char **part, size_t *len, size_t n)
{
	size_t pos = 0;
	for (size_t i = 0; i < n && pos <= size; i++) {
		const unsigned char *nul = pos < size ? memchr(data + pos, 0, size - pos) : NULL;
		part[i] = size ? (const char *)data + pos : "";
		len[i] = nul ? (size_t)(nul - (data + pos)) : size - pos;
		pos += len[i] + 1;
		if (!nul)
			break;
	}
}

#endif
