#include "formats/zip_bytes.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void zip_bytes_reason(zip_error_t *ze, char why[128])
{
	const char *r = zip_error_strerror(ze);
	char first = r[0] && islower((unsigned char)r[1]) ? (char)tolower((unsigned char)r[0]) : r[0];
	if (!first)
		r = " unknown error", first = 'a';
	int n = snprintf(why, 128, "%c%s", first, r + 1);
	if (n < 0)
		snprintf(why, 128, "%s", "unknown error"); /* cut short is fine: libzip's reasons are short */
}

zip_t *zip_bytes_open(const void *data, size_t len, enum zip_bytes_fail *fail, char why[128])
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (!za) {
		zip_source_free(src);
		/* A zip cut short has lost its directory, at the end: libzip
		 * then sees no zip at all, but its first entry is still there. */
		if (zip_error_code_zip(&ze) != ZIP_ER_NOZIP) {
			*fail = ZIP_BYTES_DAMAGED;
			zip_bytes_reason(&ze, why);
		} else {
			*fail = len >= 4 && !memcmp(data, "PK\3\4", 4) ? ZIP_BYTES_TRUNCATED : ZIP_BYTES_NOT_ZIP;
		}
	}
	zip_error_fini(&ze);
	return za;
}
