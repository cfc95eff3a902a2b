#include "formats/package.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "formats/zip_bytes.h"
#include "lib/xalloc.h"

#define SUBMISSION_MEMBER "submission.json"
#define DECISION_MEMBER "decision.json"
#define FILES_DIR "files/"
#define RATIO_FLOOR (1 << 20)

char *package_member_name(const struct submission_attachment *a)
{
	return xasprintf(FILES_DIR "%.12s-%s", a->sha256, a->name);
}

bool package_looks_like_zip(const char *buf, size_t len)
{
	return len >= 4 && (memcmp(buf, "PK\3\4", 4) == 0 || memcmp(buf, "PK\5\6", 4) == 0);
}

static int fail_with(enum package_fail *fail, enum package_fail kind)
{
	*fail = kind;
	return -1;
}

/* ---- writing ---- */

/* 1980-01-01 00:00 local time: the zip's DOS clock cannot say earlier,
 * and one fixed time makes one submission one zip. */
static time_t fixed_time(void)
{
	struct tm tm = { .tm_year = 80, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1 };
	return mktime(&tm);
}

static int add_member(zip_t *za, const char *name, const char *data, size_t len, struct err *e)
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	zip_int64_t idx = src ? zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) : -1;
	if (idx < 0) {
		zip_source_free(src);
		err_set(e, "cannot add %s to the package: %s", name, zip_strerror(za));
		return -1;
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0) < 0 ||
	    zip_file_set_mtime(za, (zip_uint64_t)idx, fixed_time(), 0) < 0 ||
	    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
		err_set(e, "cannot add %s to the package: %s", name, zip_strerror(za));
		return -1;
	}
	return 0;
}

static const struct package_file *find_file(const struct package_file *files, size_t n, const char *sha256)
{
	for (size_t i = 0; i < n; i++)
		if (files[i].sha256 && strcmp(files[i].sha256, sha256) == 0)
			return &files[i];
	return NULL;
}

/* Adds doc's files from files[], each checked against what doc lists. */
static int add_files(zip_t *za, const struct submission *doc, const struct package_file *files, size_t n,
		     struct err *e)
{
	for (size_t i = 0; i < doc->n_attachments; i++) {
		const struct submission_attachment *a = &doc->attachments[i];
		const struct package_file *f = find_file(files, n, a->sha256);
		char sha[HASH_HEX_LEN + 1];
		char *name = package_member_name(a);
		int rc = -1;
		if (!f)
			err_set(e, "%s: the submission lists it but its bytes were not given", name);
		else if (hash_sha256_hex(f->data, f->len, sha), strcmp(sha, a->sha256) != 0 ||
			 (long long)f->len != a->size)
			err_set(e, "%s: its sha256 is %s but the submission lists %s", name, sha, a->sha256);
		else
			rc = add_member(za, name, f->data, f->len, e);
		free(name);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The bytes of a closed archive written to src, appended to out. */
static int take_bytes(zip_source_t *src, struct strbuf *out, struct err *e)
{
	zip_stat_t st;
	if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
		err_set(e, "cannot read the package back");
		return -1;
	}
	strbuf_grow(out, (size_t)st.size);
	zip_int64_t got = zip_source_read(src, out->buf + out->len, st.size);
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		err_set(e, "cannot read the package back");
		return -1;
	}
	out->len += (size_t)got;
	out->buf[out->len] = '\0';
	return 0;
}

int package_write(const char *submission, size_t len, const struct package_file *files, size_t n,
		  const char *decision, size_t decision_len, struct strbuf *out, struct err *e)
{
	struct submission *doc;
	char sha[HASH_HEX_LEN + 1];
	if (submission_verify(submission, len, &doc, sha, e) < 0) {
		err_prefix(e, SUBMISSION_MEMBER ": not verified");
		return -1;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	int rc = -1;
	if (!za) {
		zip_source_free(src);
		err_set(e, "cannot make a zip: %s", zip_error_strerror(&ze));
		goto done;
	}
	zip_source_keep(src);
	if (add_member(za, SUBMISSION_MEMBER, submission, len, e) < 0 ||
	    (decision && add_member(za, DECISION_MEMBER, decision, decision_len, e) < 0) ||
	    add_files(za, doc, files, n, e) < 0) {
		zip_discard(za);
		zip_source_free(src);
		goto done;
	}
	if (zip_close(za) < 0) {
		err_set(e, "cannot make a zip: %s", zip_strerror(za));
		zip_discard(za);
		zip_source_free(src);
		goto done;
	}
	rc = take_bytes(src, out, e);
	zip_source_free(src);
done:
	zip_error_fini(&ze);
	submission_free(doc);
	return rc;
}

/* ---- reading ---- */

/* A plain relative path: what any unzip writes inside the folder it is
 * given, on Unix and on Windows. */
static bool safe_path(const char *name)
{
	if (!*name || name[0] == '/' || strchr(name, '\\') || (name[0] && name[1] == ':'))
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	for (const char *p = name; *p;) {
		size_t seg = strcspn(p, "/");
		if ((seg == 2 && p[0] == '.' && p[1] == '.') || (seg == 1 && p[0] == '.'))
			return false;
		p += seg;
		if (*p)
			p++;
	}
	return true;
}

/*
 * Inflates member idx (named name) into *data, at most limit bytes,
 * counting what comes out rather than trusting the header: a member that
 * goes past its limit, or past 1 MiB at more than PACKAGE_MAX_RATIO times
 * its stored size, stops there.
 */
static int read_member(zip_t *za, zip_uint64_t idx, const char *name, long long limit, const char *what,
		       char **data, size_t *len, enum package_fail *fail, struct err *e)
{
	zip_stat_t st;
	zip_stat_init(&st);
	zip_file_t *zf = zip_stat_index(za, idx, 0, &st) == 0 ? zip_fopen_index(za, idx, 0) : NULL;
	if (!zf) {
		err_set(e, "%s: cannot be read: %s", name, zip_strerror(za));
		return fail_with(fail, PACKAGE_NOT_ZIP);
	}
	long long stored = (st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size ? (long long)st.comp_size : 1;
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	int rc = 0;
	for (;;) {
		zip_int64_t got = zip_fread(zf, chunk, sizeof chunk);
		if (got < 0) {
			char why[128];
			zip_bytes_reason(zip_file_get_error(zf), why);
			err_set(e, "%s: damaged: %s", name, why);
			rc = fail_with(fail, PACKAGE_NOT_ZIP);
			break;
		}
		if (got == 0)
			break;
		if ((long long)sb.len + got > limit) {
			err_set(e, "%s: larger than %s", name, what);
			rc = fail_with(fail, PACKAGE_MEMBER_TOO_LARGE);
			break;
		}
		strbuf_add(&sb, chunk, (size_t)got);
		if ((long long)sb.len > RATIO_FLOOR && (long long)sb.len / stored > PACKAGE_MAX_RATIO) {
			err_set(e, "%s: inflates to more than %d times its stored size (a zip bomb)", name,
				PACKAGE_MAX_RATIO);
			rc = fail_with(fail, PACKAGE_BOMB);
			break;
		}
	}
	zip_fclose(zf);
	if (rc < 0) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 0;
}

/* Finds member name among n names; -1 if absent. */
static long long find_member(char **names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (long long)i;
	return -1;
}

/* Every member's name: safe, known, once. */
static int check_names(zip_t *za, size_t n, char ***out, enum package_fail *fail, struct err *e)
{
	char **names = xcalloc(n ? n : 1, sizeof *names);
	*out = names;
	for (size_t i = 0; i < n; i++) {
		const char *name = zip_get_name(za, i, 0);
		names[i] = xstrdup(name ? name : "");
		if (!safe_path(names[i])) {
			/* Said with its control characters as ?, so that a name
			 * cannot write to the terminal that shows the message. */
			for (char *p = names[i]; *p; p++)
				if ((unsigned char)*p < 0x20 || *p == 0x7f)
					*p = '?';
			err_set(e, "%s: a member's name must be a relative path without .., \\, a drive letter or "
				   "control characters",
				names[i]);
			return fail_with(fail, PACKAGE_BAD_PATH);
		}
		bool file = strncmp(names[i], FILES_DIR, strlen(FILES_DIR)) == 0 && names[i][strlen(FILES_DIR)] &&
			    !strchr(names[i] + strlen(FILES_DIR), '/');
		if (!file && strcmp(names[i], SUBMISSION_MEMBER) != 0 && strcmp(names[i], DECISION_MEMBER) != 0) {
			err_set(e, "%s: not a member of a package (submission.json, decision.json, files/…)", names[i]);
			return fail_with(fail, PACKAGE_UNKNOWN_MEMBER);
		}
		if (find_member(names, i, names[i]) >= 0) {
			err_set(e, "%s: in the package twice", names[i]);
			return fail_with(fail, PACKAGE_TWICE);
		}
	}
	return 0;
}

/* Each listed file: present, within its listed size, with its hash; and
 * no file that is not listed. */
static int read_files(zip_t *za, char **names, size_t n, struct package *p, enum package_fail *fail, struct err *e)
{
	const struct submission *doc = p->doc;
	p->names = xcalloc(doc->n_attachments + 1, sizeof *p->names);
	p->data = xcalloc(doc->n_attachments + 1, sizeof *p->data);
	for (size_t i = 0; i < doc->n_attachments; i++) {
		p->names[i] = package_member_name(&doc->attachments[i]);
		if (find_member(p->names, i, p->names[i]) >= 0) {
			err_set(e, "%s: two listed files would have this name", p->names[i]);
			return fail_with(fail, PACKAGE_TWICE);
		}
	}
	for (size_t i = 0; i < n; i++)
		if (strncmp(names[i], FILES_DIR, strlen(FILES_DIR)) == 0 &&
		    find_member(p->names, doc->n_attachments, names[i]) < 0) {
			err_set(e, "%s: in the package but not listed in the submission", names[i]);
			return fail_with(fail, PACKAGE_FILE_UNLISTED);
		}
	for (size_t i = 0; i < doc->n_attachments; i++) {
		const struct submission_attachment *a = &doc->attachments[i];
		long long at = find_member(names, n, p->names[i]);
		if (at < 0) {
			err_set(e, "%s: listed in the submission but not in the package", p->names[i]);
			return fail_with(fail, PACKAGE_FILE_MISSING);
		}
		char what[64], sha[HASH_HEX_LEN + 1];
		int w = snprintf(what, sizeof what, "the %lld bytes the submission lists", a->size);
		size_t len;
		if (w < 0 || (size_t)w >= sizeof what ||
		    read_member(za, (zip_uint64_t)at, p->names[i], a->size, what, &p->data[i], &len, fail, e) < 0)
			return -1;
		hash_sha256_hex(p->data[i], len, sha);
		if (strcmp(sha, a->sha256) != 0) {
			err_set(e, "%s: its sha256 is %s but the submission lists %s", p->names[i], sha, a->sha256);
			return fail_with(fail, PACKAGE_FILE_CHANGED);
		}
	}
	return 0;
}

static int read_zip(zip_t *za, struct package *p, enum package_fail *fail, struct err *e)
{
	zip_int64_t count = zip_get_num_entries(za, 0);
	if (count > PACKAGE_MAX_MEMBERS) {
		err_set(e, "more than %d members: not a package", PACKAGE_MAX_MEMBERS);
		return fail_with(fail, PACKAGE_TOO_MANY);
	}
	size_t n = count > 0 ? (size_t)count : 0;
	char **names;
	int rc = check_names(za, n, &names, fail, e);
	long long sub = rc == 0 ? find_member(names, n, SUBMISSION_MEMBER) : -1;
	long long dec = rc == 0 ? find_member(names, n, DECISION_MEMBER) : -1;
	if (rc == 0 && sub < 0) {
		err_set(e, "no submission.json in the package");
		rc = fail_with(fail, PACKAGE_NO_SUBMISSION);
	}
	if (rc == 0)
		rc = read_member(za, (zip_uint64_t)sub, SUBMISSION_MEMBER, SUBMISSION_FILE_MAX,
				 "67108864 bytes (a submission file's limit)", &p->submission, &p->submission_len, fail, e);
	if (rc == 0 && submission_verify(p->submission, p->submission_len, &p->doc, p->sha256, e) < 0) {
		err_prefix(e, SUBMISSION_MEMBER ": not verified");
		rc = fail_with(fail, PACKAGE_NOT_VERIFIED);
	}
	if (rc == 0 && dec >= 0)
		rc = read_member(za, (zip_uint64_t)dec, DECISION_MEMBER, REVIEW_DECISION_FILE_MAX,
				 "4194304 bytes (a decision file's limit)", &p->decision, &p->decision_len, fail, e);
	if (rc == 0)
		rc = read_files(za, names, n, p, fail, e);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int package_read(const char *buf, size_t len, struct package **out, enum package_fail *fail, struct err *e)
{
	*out = NULL;
	*fail = PACKAGE_OK;
	if ((long long)len > PACKAGE_MAX) {
		err_set(e, "larger than %lld bytes: not a package", (long long)PACKAGE_MAX);
		return fail_with(fail, PACKAGE_TOO_LARGE);
	}
	enum zip_bytes_fail zf;
	char why[128];
	zip_t *za = zip_bytes_open(buf, len, &zf, why);
	if (!za) {
		if (zf == ZIP_BYTES_DAMAGED)
			err_set(e, "a damaged zip: %s", why);
		else
			err_set(e, zf == ZIP_BYTES_TRUNCATED ? "a zip cut short: not a package" : "not a zip: not a package");
		return fail_with(fail, PACKAGE_NOT_ZIP);
	}
	struct package *p = xcalloc(1, sizeof *p);
	int rc = read_zip(za, p, fail, e);
	zip_discard(za);
	if (rc < 0) {
		package_free(p);
		return -1;
	}
	*out = p;
	return 0;
}

void package_free(struct package *p)
{
	if (!p)
		return;
	for (size_t i = 0; p->names && p->doc && i < p->doc->n_attachments; i++) {
		free(p->names[i]);
		free(p->data[i]);
	}
	free(p->names);
	free(p->data);
	free(p->submission);
	free(p->decision);
	submission_free(p->doc);
	free(p);
}
