/*
 * strbuf: a growable byte string, always NUL-terminated.
 *
 * A strbuf owns its buffer. STRBUF_INIT or strbuf_init() makes an empty one
 * that has allocated nothing; strbuf_release() frees the buffer and leaves an
 * empty strbuf; strbuf_detach() hands the buffer to you (you now own it and
 * free() it) and leaves an empty strbuf.
 */
#ifndef SHINSA_STRBUF_H
#define SHINSA_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;   /* never NULL: points at a static "" until something is added */
	size_t len;  /* bytes in use, not counting the NUL */
	size_t alloc;
};

extern char strbuf_empty[];
#define STRBUF_INIT { strbuf_empty, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb);
/* Room for extra more bytes (and the NUL); aborts with a message, as
 * xmalloc() does on out of memory, when len + extra + 1 overflows. */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
/* Appends tmpl with each "{1}".."{9}" replaced by args[0].., when there
 * are that many (else the placeholder stays as written): one English line
 * whose values are also kept apart, as err_coded() and the xlsx reader
 * keep them. */
void strbuf_add_filled(struct strbuf *sb, const char *tmpl, const char *const *args, size_t n);

#endif
