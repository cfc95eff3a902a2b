/*
 * json_shape: strict reading of the JSON documents Shinsa signs
 * (submissions, review decisions) when they come back as untrusted bytes.
 * Every check fails with a message naming the member by its path from the
 * file's root ("document.org.name must be ..."); path "" is the root
 * itself. No function keeps a pointer to its arguments.
 */
#ifndef SHINSA_FORMATS_JSON_SHAPE_H
#define SHINSA_FORMATS_JSON_SHAPE_H

#include <jansson.h>
#include <stddef.h>

#include "lib/err.h"

/* obj is an object with exactly the NULL-terminated fields: "PATH must be
 * an object" ("the file must be an object" at the root), "missing field
 * \"PATH.F\"", "unexpected field \"PATH.F\"". 0 or -1. */
int json_shape_fields(const json_t *obj, const char *path, const char *const fields[], struct err *e);

/* Fails with "PATH.FIELD WHAT": always -1. */
int json_shape_fail(const char *path, const char *field, const char *what, struct err *e);

/* obj's field is n bytes as 2n lowercase hex digits (n at most 64). */
int json_shape_hex(const json_t *obj, const char *path, const char *field, size_t n, struct err *e);

/* obj's field is a string of 1 to max characters with no control
 * character (safe to print): it (borrowed from obj), or NULL. */
const char *json_shape_plain(const json_t *obj, const char *path, const char *field, size_t max, struct err *e);

/* obj's field is an integer from 1 to max, into *out. */
int json_shape_integer(const json_t *obj, const char *path, const char *field, long long max, long long *out,
		       struct err *e);

#endif
