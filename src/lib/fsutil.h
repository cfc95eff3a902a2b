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
 * Atomic replacement that leaves nothing behind. fs_tmp_begin() creates an
 * empty, private (0600) file in path's directory; write it by the name
 * fs_tmp_name() gives (valid until commit or abort), then fs_tmp_commit()
 * puts it in path's place with the ordinary permissions of a new file, or
 * fs_tmp_abort() (NULL accepted) discards it. Either way t is freed. A
 * reader of path sees the old file or the whole new one, never half of one.
 * Errors name path, not the temporary.
 *
 * Why a file without a name (Linux O_TMPFILE, kept open; its name is
 * /proc/self/fd/N, so writers that want a file name, libxlsxwriter, can
 * open it): a process killed with SIGKILL, or crashing, runs no clean-up,
 * and a named temporary stays beside path for ever; a file with no name is
 * freed by the kernel with the process. At commit linkat() gives it path's
 * name, directly when path does not exist; over an existing path it is
 * linked as PATH.tmp-PID-N and renamed over path, two system calls between
 * which a kill leaves that complete file: the only window. Removing stale
 * temporaries at the next start was not chosen: nothing tells a stale one
 * from one another process is writing now. Where O_TMPFILE is not
 * supported (the file system or the kernel) or /proc is not mounted, the
 * file is a named PATH.tmp-XXXXXX from the start, which a kill does leave.
 */
struct fs_tmp;
struct fs_tmp *fs_tmp_begin(const char *path, struct err *e);
const char *fs_tmp_name(const struct fs_tmp *t);
int fs_tmp_commit(struct fs_tmp *t, const char *path, struct err *e);
void fs_tmp_abort(struct fs_tmp *t);

/*
 * A named private (0600) empty file PATH.tmp-XXXXXX beside path, for a
 * writer that needs a real name in path's directory (SQLite keeps its
 * journal beside the database): a kill does leave it. The name is yours to
 * unlink and free. NULL with e set ("cannot write PATH: REASON").
 */
char *fs_tmp_named(const char *path, struct err *e);

/* Writes len bytes of buf as the whole of path, atomically as above.
 * 0, or -1 with e set ("cannot write PATH: REASON"). */
int fs_write_file(const char *path, const void *buf, size_t len, struct err *e);
/* The first half of fs_write_file(): the bytes written to a file of
 * fs_tmp_begin(path) and not yet given path's name; fs_tmp_commit() or
 * fs_tmp_abort() it (yours). NULL with e set, nothing left behind. */
struct fs_tmp *fs_tmp_write(const char *path, const void *buf, size_t len, struct err *e);

/*
 * For copies that must survive a crash (backup and restore). fs_sync()
 * flushes the file or directory at path to disk. fs_copy_file() writes the
 * bytes of from as the whole of to (an existing file, e.g. from
 * fs_tmp_begin(), keeping its mode) and flushes them. fs_place() gives tmp
 * the name path, which must not exist (nothing is ever overwritten, even by
 * a racing writer: link(2) refuses an existing name), removes the name tmp
 * and flushes the directory (if that fails, path is removed again: a
 * failure places nothing); tmp keeps its mode. Each: 0, or -1 with e set.
 */
int fs_sync(const char *path, struct err *e);
int fs_copy_file(const char *from, const char *to, struct err *e);
int fs_place(const char *tmp, const char *path, struct err *e);

/* Creates directory path (one level) unless it exists. */
int fs_mkdir(const char *path, struct err *e);

#endif
