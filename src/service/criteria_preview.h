/*
 * criteria_preview: what a bank's file or pasted list would become, shown
 * before it replaces the bank's list (criteria_replace() in
 * service/criteria.h). Reads with the import's own reader
 * (formats/criteria_read.h: any format it takes) and saves nothing: no
 * transaction, no audit event. Layer: service.
 *
 * Return values: 0; OUTCOME_REFUSED (not a bank); OUTCOME_INVALID (the
 * reader's message, coded, for what it refuses); -1 for a failure of the
 * system. e always says why.
 */
#ifndef SHINSA_SERVICE_CRITERIA_PREVIEW_H
#define SHINSA_SERVICE_CRITERIA_PREVIEW_H

#include <jansson.h>
#include <stddef.h>

#include "core/org.h"
#include "formats/criteria_read.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/*
 * Reads data[0..len) (yours) named name as format f for bank. *out (yours)
 * gets {name, format, sha256 (of data), base (the sha256 of the bank's
 * list now, "none" without one: give it to criteria_replace()), title,
 * count, damaged (how many of them), criteria:[{key, no, section,
 * category, text, damaged}], left_out:[{at, text}] (a list's title and
 * preamble, a table's skipped rows: criteria_list.h), warnings:[...]}.
 */
enum outcome criteria_preview(struct store *st, const struct org *bank, const char *name, enum criteria_format f,
			      const void *data, size_t len, json_t **out, struct err *e);

#endif
