/*
 * err: one human-readable error message, carried out of a failed call.
 *
 * Functions that can fail for reasons a user must read take a struct err *
 * and fill it on failure. Messages are lowercase, name the thing that is
 * wrong (file, item, cell) and have no full stop, so callers can prefix them
 * ("shinsa: " + msg). A message longer than the buffer is cut and ends "...".
 */
#ifndef SHINSA_ERR_H
#define SHINSA_ERR_H

#include <stdbool.h>

struct err {
	char msg[1024];
};

/* Replaces e's message; e may be NULL (the error is then dropped). */
void err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Puts "prefix: " in front of e's current message. */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
bool err_isset(const struct err *e);

#endif
