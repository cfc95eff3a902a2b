/*
 * xalloc: allocation that never returns NULL.
 *
 * Shinsa cannot do anything useful after malloc fails, so these abort with a
 * message instead of making every caller check. Memory returned is owned by
 * the caller and released with free().
 */
#ifndef SHINSA_XALLOC_H
#define SHINSA_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* A copy of s; xstrdup(NULL) is NULL. */
char *xstrdup(const char *s);
/* A copy of the first n bytes of s, always NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* A newly formatted string; aborts if the format itself is invalid. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
