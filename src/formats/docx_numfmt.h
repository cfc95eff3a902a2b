/*
 * docx_numfmt: a list number as Word shows it in a w:numFmt, for
 * criteria_docx (criteria_docx.h lists the formats and what each shows).
 */
#ifndef SHINSA_FORMATS_DOCX_NUMFMT_H
#define SHINSA_FORMATS_DOCX_NUMFMT_H

#include "lib/strbuf.h"

/* Appends n as Word shows it in format fmt (NULL: decimal) to sb: nothing
 * for "none"; decimal for a format it does not know, or a number beyond
 * the format's range (past ㊿, ン, ス, 3999 in roman numerals). */
void docx_numfmt(struct strbuf *sb, const char *fmt, long n);

#endif
