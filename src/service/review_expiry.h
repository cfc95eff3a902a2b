/*
 * review_expiry: a sealed file whose 有効期限 has passed, as the bank sees
 * it (issue 18: "the bank sees an expired certificate flagged on the items
 * it supports"). Layer: service. Expired means valid_until before today
 * (the clock's date, plans_today()) at the time of reading: the file is
 * evidence as of the submission, but the bank reads it now. A file valid
 * until today is still valid.
 */
#ifndef SHINSA_SERVICE_REVIEW_EXPIRY_H
#define SHINSA_SERVICE_REVIEW_EXPIRY_H

#include <jansson.h>
#include <stdbool.h>

#include "core/review.h"
#include "lib/err.h"
#include "store/store.h"

/* Whether valid_until (YYYY-MM-DD, NULL: none) is before today. */
bool review_expiry_passed(const char *valid_until, const char *today);

/* Sets "expired" (true or false) on each object of list, an array of
 * attachments with "valid_until" (a string or null), as of the clock's
 * today: for a submission's attachment list as a bank reads it. 0, or -1
 * with e. */
int review_expiry_mark_list(json_t *list, struct err *e);

/* Sets "expired_files" on each of items (r's, in r's order): the files
 * sealed into r's submission that support the item and have expired,
 * [{sha256, name, title, valid_until}] by name, [] for none. 0, or -1. */
int review_expiry_mark_items(struct store *st, const struct review *r, json_t *items, struct err *e);

#endif
