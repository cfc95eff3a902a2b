/*
 * qr_svg: a QR code (libqrencode, error correction level M, 8-bit bytes)
 * as the data of one SVG <path>, so that a page can draw it by setting
 * the d attribute of a path it already has (no markup from the server,
 * no inline style).
 *
 * The path is in module units, the four-module quiet zone the standard
 * asks for included: with width W modules, size is W + 8 and the path is
 * meant for viewBox="0 0 size size". Each run of dark modules in a row
 * is one rectangle, "M{x} {y}h{n}v1h-{n}z", rows top to bottom, runs left
 * to right, no separators: "M4 4h7v1h-7zM12 4h1v1h-1z...".
 */
#ifndef SHINSA_FORMATS_QR_SVG_H
#define SHINSA_FORMATS_QR_SVG_H

#include "lib/err.h"

/* The quiet zone on each side, in modules. */
#define QR_SVG_QUIET 4

/*
 * The code for text (UTF-8, NUL-terminated): the path data into *path
 * (yours, free()) and the side, quiet zone included, into *size. 0, or -1
 * with "cannot make a QR code of this text (too long?)".
 */
int qr_svg_path(const char *text, char **path, int *size, struct err *e);

#endif
