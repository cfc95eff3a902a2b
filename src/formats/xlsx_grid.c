#include "formats/xlsx_grid.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int xlsx_cell_parse(const char *s, uint32_t *row, uint32_t *col)
{
	/* Both capped just past the grid: no overflow, and still "beyond". */
	uint64_t c = 0, r = 0;
	const char *p = s, *digits;
	for (; *p >= 'A' && *p <= 'Z'; p++)
		if ((c = c * 26 + (uint64_t)(*p - 'A' + 1)) > XLSX_MAX_COLS)
			c = XLSX_MAX_COLS + 1;
	for (digits = p; *p >= '0' && *p <= '9'; p++)
		if ((r = r * 10 + (uint64_t)(*p - '0')) > XLSX_MAX_ROWS)
			r = XLSX_MAX_ROWS + 1;
	if (digits == s || p == digits || *p || !r)
		return -1;
	if (c > XLSX_MAX_COLS || r > XLSX_MAX_ROWS)
		return -2;
	*row = (uint32_t)(r - 1);
	*col = (uint32_t)(c - 1);
	return 0;
}

void xlsx_cell_name(uint32_t row, uint32_t col, char buf[XLSX_CELL_NAME_SIZE])
{
	char letters[8];
	size_t n = 0, k = 0;
	for (uint64_t c = (uint64_t)col + 1; c > 0; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	while (n)
		buf[k++] = letters[--n];
	int w = snprintf(buf + k, XLSX_CELL_NAME_SIZE - k, "%" PRIu64, (uint64_t)row + 1);
	if (w < 0 || (size_t)w >= XLSX_CELL_NAME_SIZE - k) /* cannot happen: 7 letters and 10 digits fit */
		strcpy(buf, "?");
}
