/*
 * err: one human-readable error message, carried out of a failed call.
 *
 * Functions that can fail for reasons a user must read take a struct err *
 * and fill it on failure. Messages are lowercase, name the thing that is
 * wrong (file, item, cell) and have no full stop, so callers can prefix them
 * ("shinsa: " + msg). A message longer than the buffer is cut and ends "...".
 *
 * An error set with err_coded() is also kept as data, so that a page can
 * say it in its own language: where it is, a code naming the kind of
 * error, and the values its line names. err_set() and err_clear() drop
 * that data (the message is then the only word); err_prefix() keeps it.
 */
#ifndef SHINSA_ERR_H
#define SHINSA_ERR_H

#include <stdbool.h>

#define ERR_ARGS 4
#define ERR_ARG_MAX 256

struct err {
	char msg[1024];
	char where[320];  /* "NAME:3", "Sheet1!A9"; "" for none */
	char code[32];    /* "" when the error was not set by err_coded() */
	char args[ERR_ARGS][ERR_ARG_MAX]; /* n_args values, as the line names them */
	unsigned n_args;
};

/* Replaces e's message; e may be NULL (the error is then dropped). */
void err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Sets e's message to "WHERE: LINE" ("LINE" when where is NULL), LINE
 * being tmpl with {1}…{4} replaced by the values that follow (strings,
 * NULL-terminated, at most ERR_ARGS); and keeps where, code and the values
 * as data. The message, and a value longer than ERR_ARG_MAX - 1 bytes,
 * are cut on a character boundary to fit and then end "…". A value that
 * is not UTF-8 is kept as "?" (the data goes out as JSON), in the message
 * as it stands. e may be NULL.
 */
void err_coded(struct err *e, const char *where, const char *code, const char *tmpl, ...)
	__attribute__((sentinel));
/* "WHAT is longer than MAX characters", coded "too_long" with the values
 * WHAT and MAX: the one wording of every length limit on typed text. */
void err_too_long(struct err *e, const char *what, long long max);
/* Puts "prefix: " in front of e's current message. */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Puts "where: " in front of e's message and makes where its place in
 * the data (see err_coded); the code and values stay. */
void err_at(struct err *e, const char *where);
void err_clear(struct err *e);
bool err_isset(const struct err *e);

#endif
