/*
 * fsutil: reading whole files and replacing files atomically.
 */
#ifndef SHINSA_FSUTIL_H
#define SHINSA_FSUTIL_H

#include <stddef.h>

#include "lib/err.h"

/*
 * Reads path into a new NUL-terminated buffer (you own *out; free() it).
 * Files over max bytes are refused. Returns 0, or -1 with e set
 * ("cannot read PATH: REASON").
 */
int fs_read_file(const char *path, size_t max, char **out, size_t *len, struct err *e);

/*
 * Atomic replacement: fs_tmp_begin() creates an empty, private temporary file
 * beside path and returns its name (you own it); write it by name, then
 * fs_tmp_commit() renames it over path, or fs_tmp_abort() removes it. Either
 * way the name is freed. A reader of path sees the old file or the whole new
 * one, never half of one. Errors name path, not the temporary.
 */
char *fs_tmp_begin(const char *path, struct err *e);
int fs_tmp_commit(char *tmp, const char *path, struct err *e);
void fs_tmp_abort(char *tmp);

/* Writes len bytes of buf as the whole of path, atomically as above.
 * 0, or -1 with e set ("cannot write PATH: REASON"). */
int fs_write_file(const char *path, const void *buf, size_t len, struct err *e);

/*
 * For copies that must survive a crash (backup and restore). fs_sync()
 * flushes the file or directory at path to disk. fs_copy_file() writes the
 * bytes of from as the whole of to (an existing file, e.g. from
 * fs_tmp_begin(), keeping its mode) and flushes them. fs_place() gives tmp
 * the name path, which must not exist (nothing is ever overwritten, even by
 * a racing writer: link(2) refuses an existing name), removes the name tmp
 * and flushes the directory; tmp keeps its mode. Each: 0, or -1 with e set.
 */
int fs_sync(const char *path, struct err *e);
int fs_copy_file(const char *from, const char *to, struct err *e);
int fs_place(const char *tmp, const char *path, struct err *e);

/* Creates directory path (one level) unless it exists. */
int fs_mkdir(const char *path, struct err *e);

#endif
