#include "formats/qr_svg.h"

#include <qrencode.h>

#include "lib/strbuf.h"

int qr_svg_path(const char *text, char **path, int *size, struct err *e)
{
	*path = NULL;
	*size = 0;
	/* Version 0: the smallest that holds the text; case-sensitive. */
	QRcode *qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!qr) {
		err_set(e, "cannot make a QR code of this text (too long?)");
		return -1;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	int w = qr->width;
	for (int y = 0; y < w; y++) {
		for (int x = 0; x < w;) {
			/* Bit 0 of each module byte is its colour: 1 dark. */
			if (!(qr->data[y * w + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < w && (qr->data[y * w + x + run] & 1))
				run++;
			strbuf_addf(&sb, "M%d %dh%dv1h-%dz", x + QR_SVG_QUIET, y + QR_SVG_QUIET, run, run);
			x += run;
		}
	}
	*size = w + 2 * QR_SVG_QUIET;
	QRcode_free(qr);
	*path = strbuf_detach(&sb);
	return 0;
}
