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

char *fs_tmp_begin(const char *path, struct err *e)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

int fs_tmp_commit(char *tmp, const char *path, struct err *e)
{
	/* mkstemp made the file 0600; a document the user asked for gets the
	 * ordinary permissions a new file would have. */
	mode_t mask = umask(0);
	umask(mask);
	if (chmod(tmp, 0666 & ~mask) < 0 || rename(tmp, path) < 0) {
		err_set(e, "cannot write %s: %s", path, strerror(errno));
		fs_tmp_abort(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

void fs_tmp_abort(char *tmp)
{
	if (!tmp)
		return;
	unlink(tmp);
	free(tmp);
}

int fs_mkdir(const char *path, struct err *e)
{
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	err_set(e, "cannot create directory %s: %s", path, strerror(errno));
	return -1;
}

int fs_write_file(const char *path, const void *buf, size_t len, struct err *e)
{
	char *tmp = fs_tmp_begin(path, e);
	if (!tmp)
		return -1;
	FILE *f = fopen(tmp, "wb");
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
		return -1;
	}
	return fs_tmp_commit(tmp, path, e);
}
