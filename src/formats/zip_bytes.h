/*
 * zip_bytes: a zip archive held in memory, opened for reading, for the
 * readers of Office files (xlsx_read, criteria_docx), which say in their
 * own words what kind of file it is not.
 */
#ifndef SHINSA_FORMATS_ZIP_BYTES_H
#define SHINSA_FORMATS_ZIP_BYTES_H

#include <stddef.h>
#include <zip.h>

enum zip_bytes_fail {
	ZIP_BYTES_NOT_ZIP = 1, /* no zip at all */
	ZIP_BYTES_TRUNCATED,   /* a zip's first entry without its central directory: cut short */
	ZIP_BYTES_DAMAGED,     /* anything else: why holds libzip's reason */
};

/* Opens data[0..len) (which must outlive the archive; zip_discard() it),
 * its consistency checked. NULL with *fail set otherwise, and for
 * ZIP_BYTES_DAMAGED why[] the reason (zip_bytes_reason()). */
zip_t *zip_bytes_open(const void *data, size_t len, enum zip_bytes_fail *fail, char why[128]);

/* libzip's reason ("Not a zip archive", "CRC error") with its first letter
 * lowered unless it starts an acronym, for a one-line message; cut to fit. */
void zip_bytes_reason(zip_error_t *ze, char why[128]);

#endif
