/* The QR code as SVG path data: the exact path for a short text (its
 * finder patterns and timing row are visible in it), the size with the
 * quiet zone, and a text too long for any QR code refused. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/qr_svg.h"

static void test_short_text_golden(void **state)
{
	(void)state;
	char *path = NULL;
	int size = 0;
	struct err e = { 0 };
	assert_int_equal(qr_svg_path("shinsa", &path, &size, &e), 0);
	/* Version 1: 21 modules and 4 of quiet zone on each side. */
	assert_int_equal(size, 29);
	assert_string_equal(path, "M4 4h7v1h-7zM14 4h1v1h-1zM16 4h1v1h-1zM18 4h7v1h-7zM4 5h1v1h-1zM10 5h1v1h-1zM16 5h1v1h-1zM18 5h1v1h-1zM24 5h1v1h-1zM4 6h1v1h-1zM6 6h3v1h-3zM10 6h1v1h-1zM12 6h1v1h-1zM14 6h1v1h-1zM16 6h1v1h-1zM18 6h1v1h-1zM20 6h3v1h-3zM24 6h1v1h-1zM4 7h1v1h-1zM6 7h3v1h-3zM10 7h1v1h-1zM12 7h5v1h-5zM18 7h1v1h-1zM20 7h3v1h-3zM24 7h1v1h-1zM4 8h1v1h-1zM6 8h3v1h-3zM10 8h1v1h-1zM12 8h1v1h-1zM15 8h2v1h-2zM18 8h1v1h-1zM20 8h3v1h-3zM24 8h1v1h-1zM4 9h1v1h-1zM10 9h1v1h-1zM12 9h2v1h-2zM16 9h1v1h-1zM18 9h1v1h-1zM24 9h1v1h-1zM4 10h7v1h-7zM12 10h1v1h-1zM14 10h1v1h-1zM16 10h1v1h-1zM18 10h7v1h-7zM12 11h1v1h-1zM15 11h2v1h-2zM4 12h1v1h-1zM6 12h5v1h-5zM16 12h1v1h-1zM18 12h5v1h-5zM4 13h2v1h-2zM14 13h1v1h-1zM16 13h1v1h-1zM19 13h1v1h-1zM24 13h1v1h-1zM6 14h1v1h-1zM9 14h2v1h-2zM12 14h2v1h-2zM15 14h1v1h-1zM17 14h1v1h-1zM20 14h1v1h-1zM22 14h2v1h-2zM4 15h1v1h-1zM6 15h1v1h-1zM11 15h1v1h-1zM19 15h6v1h-6zM4 16h1v1h-1zM9 16h3v1h-3zM13 16h3v1h-3zM17 16h1v1h-1zM20 16h1v1h-1zM12 17h1v1h-1zM15 17h5v1h-5zM23 17h2v1h-2zM4 18h7v1h-7zM13 18h2v1h-2zM16 18h1v1h-1zM18 18h2v1h-2zM21 18h3v1h-3zM4 19h1v1h-1zM10 19h1v1h-1zM12 19h2v1h-2zM15 19h4v1h-4zM21 19h2v1h-2zM24 19h1v1h-1zM4 20h1v1h-1zM6 20h3v1h-3zM10 20h1v1h-1zM12 20h2v1h-2zM16 20h1v1h-1zM19 20h1v1h-1zM23 20h1v1h-1zM4 21h1v1h-1zM6 21h3v1h-3zM10 21h1v1h-1zM12 21h1v1h-1zM14 21h1v1h-1zM16 21h1v1h-1zM19 21h3v1h-3zM4 22h1v1h-1zM6 22h3v1h-3zM10 22h1v1h-1zM12 22h4v1h-4zM17 22h1v1h-1zM4 23h1v1h-1zM10 23h1v1h-1zM13 23h2v1h-2zM20 23h3v1h-3zM4 24h7v1h-7zM12 24h1v1h-1zM15 24h1v1h-1zM17 24h1v1h-1zM19 24h1v1h-1zM21 24h1v1h-1zM23 24h1v1h-1z");
	free(path);
}

static void test_too_long_refused(void **state)
{
	(void)state;
	size_t n = 8000; /* past version 40's 2331 bytes at level M */
	char *text = malloc(n + 1);
	memset(text, 'x', n);
	text[n] = '\0';
	char *path = NULL;
	int size = 0;
	struct err e = { 0 };
	assert_int_equal(qr_svg_path(text, &path, &size, &e), -1);
	assert_null(path);
	assert_int_equal(size, 0);
	assert_string_equal(e.msg, "cannot make a QR code of this text (too long?)");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_text_golden),
		cmocka_unit_test(test_too_long_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
