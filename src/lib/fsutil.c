/* O_TMPFILE and linkat()'s AT_SYMLINK_FOLLOW are Linux's. */
#define _GNU_SOURCE
#include "lib/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/xalloc.h"

int fs_read_file(const char *path, size_t max, char **out, size_t *len, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err_set(e, "cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		err_set(e, "cannot read %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(e, "cannot read %s: %s", path, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return -1;
	}
	if ((size_t)st.st_size > max) {
		err_set(e, "cannot read %s: larger than %zu bytes", path, max);
		close(fd);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > max) {
				err_set(e, "cannot read %s: larger than %zu bytes", path, max);
				goto fail;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err_set(e, "cannot read %s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		err_set(e, "cannot read %s: larger than %zu bytes", path, max);
		goto fail;
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	if (len)
		*len = n;
	return 0;
fail:
	close(fd);
	free(buf);
	return -1;
}

struct fs_tmp {
	int fd;    /* the O_TMPFILE file, held open until commit or abort; -1 in the fallback */
	char *dir; /* path's directory, where the file gets its name */
	char *name; /* /proc/self/fd/N, or the fallback's PATH.tmp-XXXXXX */
};

/* The directory of path ("." for a bare name), yours. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

struct fs_tmp *fs_tmp_begin(const char *path, struct err *e)
{
	struct fs_tmp *t = xcalloc(1, sizeof *t);
	t->dir = dir_of(path);
#ifdef O_TMPFILE
	t->fd = open(t->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#else
	t->fd = -1;
	errno = EOPNOTSUPP;
#endif
	if (t->fd >= 0) {
		t->name = xasprintf("/proc/self/fd/%d", t->fd);
		/* Without /proc the file has no name to be written by or linked
		 * from: fall back. */
		if (access(t->name, W_OK) == 0)
			return t;
		close(t->fd);
		t->fd = -1;
		free(t->name);
	} else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
		/* EISDIR and EINVAL: a kernel or C library older than O_TMPFILE. */
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		fs_tmp_abort(t);
		return NULL;
	}
	if (!(t->name = fs_tmp_named(path, e))) {
		fs_tmp_abort(t);
		return NULL;
	}
	return t;
}

char *fs_tmp_named(const char *path, struct err *e)
{
	char *name = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(name);
	if (fd < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		free(name);
		return NULL;
	}
	close(fd);
	return name;
}

const char *fs_tmp_name(const struct fs_tmp *t)
{
	return t->name;
}

/* Gives the unnamed file path's name. linkat() will not replace a file, so
 * over an existing path it links a passing name and renames that over path:
 * the one moment a kill leaves something, a complete PATH.tmp-PID-N. */
static int link_over(const struct fs_tmp *t, const char *path)
{
	if (linkat(AT_FDCWD, t->name, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	for (unsigned i = 0; errno == EEXIST && i < 100; i++) {
		char *passing = xasprintf("%s.tmp-%ld-%u", path, (long)getpid(), i);
		if (linkat(AT_FDCWD, t->name, AT_FDCWD, passing, AT_SYMLINK_FOLLOW) == 0) {
			int rc = rename(passing, path);
			int saved = errno;
			if (rc < 0)
				unlink(passing);
			free(passing);
			errno = saved;
			return rc;
		}
		free(passing);
	}
	return -1;
}

int fs_tmp_commit(struct fs_tmp *t, const char *path, struct err *e)
{
	/* The file was made 0600; a document the user asked for gets the
	 * ordinary permissions a new file would have. */
	mode_t mask = umask(0);
	umask(mask);
	int rc = t->fd >= 0 ? (fchmod(t->fd, 0666 & ~mask) < 0 ? -1 : link_over(t, path))
			    : (chmod(t->name, 0666 & ~mask) < 0 ? -1 : rename(t->name, path));
	if (rc < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		fs_tmp_abort(t);
		return -1;
	}
	if (t->fd >= 0)
		close(t->fd);
	free(t->dir);
	free(t->name);
	free(t);
	return 0;
}

void fs_tmp_abort(struct fs_tmp *t)
{
	if (!t)
		return;
	if (t->fd >= 0)
		close(t->fd); /* the file had no name: it is gone */
	else if (t->name)
		unlink(t->name);
	free(t->dir);
	free(t->name);
	free(t);
}

int fs_mkdir(const char *path, struct err *e)
{
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	err_set(e, "cannot create directory %s: %s", path, strerror(errno));
	return -1;
}

struct fs_tmp *fs_tmp_write(const char *path, const void *buf, size_t len, struct err *e)
{
	struct fs_tmp *tmp = fs_tmp_begin(path, e);
	if (!tmp)
		return NULL;
	FILE *f = fopen(fs_tmp_name(tmp), "wb");
	/* fclose() once, whatever happened: a second call on a stream whose
	 * close failed is undefined. */
	bool ok = f && fwrite(buf, 1, len, f) == len && fflush(f) == 0;
	int saved = errno;
	if (f && fclose(f) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		err_set(e, "cannot write %s: %s", path, strerror(saved));
		fs_tmp_abort(tmp);
		return NULL;
	}
	return tmp;
}

int fs_write_file(const char *path, const void *buf, size_t len, struct err *e)
{
	struct fs_tmp *tmp = fs_tmp_write(path, buf, len, e);
	return tmp ? fs_tmp_commit(tmp, path, e) : -1;
}

int fs_sync(const char *path, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fsync(fd) < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int fs_copy_file(const char *from, const char *to, struct err *e)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		err_set(e, "cannot read %s: %s", from, strerror(errno));
		return -1;
	}
	int out = open(to, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (out < 0) {
		err_set(e, "cannot write %s: %s", to, strerror(errno));
		close(in);
		return -1;
	}
	char buf[65536];
	int rc = -1;
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set(e, "cannot read %s: %s", from, strerror(errno));
			goto done;
		}
		if (n == 0)
			break;
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				err_set(e, "cannot write %s: %s", to, strerror(errno));
				goto done;
			}
			off += w;
		}
	}
	if (fsync(out) < 0) {
		err_set(e, "cannot write %s: %s", to, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	close(in);
	if (close(out) < 0 && rc == 0) {
		err_set(e, "cannot write %s: %s", to, strerror(errno));
		rc = -1;
	}
	return rc;
}

int fs_place(const char *tmp, const char *path, struct err *e)
{
	if (link(tmp, path) < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	unlink(tmp);
	char *dir = dir_of(path);
	int rc = fs_sync(dir, e);
	free(dir);
	if (rc < 0)
		unlink(path); /* a failure leaves nothing placed */
	return rc;
}
