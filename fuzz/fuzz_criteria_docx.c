/*
 * libFuzzer target: a bank's criteria as a Word document
 * (src/formats/criteria_docx.c, then criteria_list). An even first byte:
 * the rest is word/document.xml, word/numbering.xml and word/styles.xml
 * split at NUL bytes, zipped stored (fuzz_xlsx.h) so that mutations reach
 * the XML and the numbering; an odd one: the rest is the file as it stands
 * (the zip itself). Whatever the bytes, fuzz_criteria_check() holds; it
 * never crashes, leaks or runs long.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_criteria.h"
#include "fuzz_xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	(void)lim; /* fuzz_xlsx.h's, for the workbook targets */
	if (size < 1)
		return 0;
	if (data[0] & 1) {
		fuzz_criteria_check("fuzz.docx", data + 1, size - 1, CRITERIA_DOCX);
		return 0;
	}
	static const char *const names[] = { "word/document.xml", "word/numbering.xml", "word/styles.xml" };
	const char *part[3] = { "", NULL, NULL };
	size_t len[3] = { 0 };
	fuzz_split(data + 1, size - 1, part, len, 3);
	size_t zlen;
	char *zip = fuzz_zip(names, part, len, 3, &zlen);
	fuzz_criteria_check("fuzz.docx", zip, zlen, CRITERIA_DOCX);
	free(zip);
	return 0;
}
