#include "formats/xlsx_read.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "formats/xlsx_xml.h"
#include "formats/zip_bytes.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

struct xlsx_limits xlsx_default_limits = {
	.max_file = 20u << 20,
	.max_part = 50u << 20,
	.max_total = 200u << 20,
	.max_parts = 10000,
	.max_cells = 1000000,
	.max_text = 32767,
	/* a workbook near the other limits (990,000 cells, 90 MiB of XML)
	 * takes a little over a second; thousands of empty elements a
	 * second more per ten MiB */
	.max_cpu_ms = 5000,
};

/* How much of a part is decompressed at a time, between looks at the CPU
 * budget. */
#define CHUNK 65536

/* The book and the strings its cells point into. */
struct book {
	struct xlsx_book pub; /* first, so xlsx_book_free() can cast back */
	struct xlsx_pool pool;
	size_t sst, n_sst;    /* the shared strings are pool.v[sst..sst + n_sst) */
};

struct reader {
	zip_t *za;
	const struct xlsx_limits *lim;
	struct xlsx_budget budget;
	size_t total;  /* bytes decompressed so far, all parts together */
	bool *used;    /* per zip entry: read as a sheet already */
	struct err *e;
};

/* libzip's reason, after "damaged xlsx file: part P: " or "damaged xlsx file: ". */
static void set_zip_error(struct err *e, const char *part, zip_error_t *ze)
{
	char why[128], quoted[XLSX_PRINTABLE_SIZE];
	zip_bytes_reason(ze, why);
	if (part) {
		xlsx_xml_printable(part, quoted);
		err_set(e, "damaged xlsx file: part %s: %s", quoted, why);
	} else {
		err_set(e, "damaged xlsx file: %s", why);
	}
}

/* The zip entry of a part. OPC part names ignore case; try the exact name
 * first, since libzip looks that up by hash and the other by a scan. */
static zip_int64_t locate(struct reader *rd, const char *name)
{
	zip_int64_t i = zip_name_locate(rd->za, name, 0);
	return i >= 0 ? i : zip_name_locate(rd->za, name, ZIP_FL_NOCASE);
}

/* Decompresses the part at zip index i whole into a parser (see
 * xlsx_xml_parse() for why whole), then parses it into t. */
static int read_part(struct reader *rd, zip_int64_t i, const char *name, const struct xlsx_xml_target *t)
{
	char quoted[XLSX_PRINTABLE_SIZE];
	xlsx_xml_printable(name, quoted);
	if (xlsx_budget_check(&rd->budget, quoted, rd->e) < 0)
		return -1;
	zip_stat_t st;
	zip_file_t *f = zip_stat_index(rd->za, (zip_uint64_t)i, 0, &st) < 0 ? NULL : zip_fopen_index(rd->za, (zip_uint64_t)i, 0);
	if (!f) {
		set_zip_error(rd->e, name, zip_get_error(rd->za));
		return -1;
	}
	/* The size the zip states only says how much room to make, and may be
	 * refused at once: what comes out is counted all the same. */
	size_t max = rd->lim->max_part < INT_MAX ? rd->lim->max_part : INT_MAX;
	zip_uint64_t room = st.valid & ZIP_STAT_SIZE ? st.size : 0;
	struct xlsx_xml *x = NULL;
	int rc = -1;
	if (room > max) {
		err_set(rd->e, "xlsx part %s is larger than %zu bytes uncompressed", quoted, max);
		goto out;
	}
	if (room > rd->lim->max_total - rd->total) {
		err_set(rd->e, "xlsx file is larger than %zu bytes uncompressed", rd->lim->max_total);
		goto out;
	}
	x = xlsx_xml_new(name, rd->lim, &rd->budget, t);
	char *buf = xlsx_xml_buffer(x, (size_t)room), spill;
	size_t size = 0;
	for (;;) {
		/* past the room, one byte more is enough to know the zip lied */
		size_t want = size < room ? (size_t)room - size : 1;
		zip_int64_t n = zip_fread(f, size < room ? buf + size : &spill, want < CHUNK ? want : CHUNK);
		if (n < 0) {
			set_zip_error(rd->e, name, zip_file_get_error(f));
			goto out;
		}
		if (n == 0)
			break;
		if (size == room) {
			zip_error_t ze;
			zip_error_init_with_code(&ze, ZIP_ER_INCONS);
			set_zip_error(rd->e, name, &ze);
			zip_error_fini(&ze);
			goto out;
		}
		size += (size_t)n;
		rd->total += (size_t)n;
		if (xlsx_budget_check(&rd->budget, quoted, rd->e) < 0)
			goto out;
	}
	rc = xlsx_xml_parse(x, size, rd->e) < 0 ? -1 : xlsx_budget_check(&rd->budget, quoted, rd->e);
out:
	xlsx_xml_free(x);
	zip_fclose(f);
	return rc;
}

/* Where a relationship of a part in dir ("xl/", or "" for the package)
 * leads: target relative to dir, or absolute from the package root; NULL
 * if it climbs out of the package. */
static char *resolve(const char *dir, const char *target)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	if (target[0] != '/')
		strbuf_addstr(&in, dir);
	strbuf_addstr(&in, target);
	bool ok = true;
	for (char *seg = in.buf, *end; ok && seg < in.buf + in.len; seg = end + 1) {
		if (!(end = strchr(seg, '/')))
			end = in.buf + in.len;
		size_t n = (size_t)(end - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			char *slash = strrchr(out.buf, '/');
			if ((ok = out.len > 0))
				out.buf[out.len = slash ? (size_t)(slash - out.buf) : 0] = '\0';
			continue;
		}
		if (out.len)
			strbuf_addch(&out, '/');
		strbuf_add(&out, seg, n);
	}
	strbuf_release(&in);
	if (!ok || !out.len) {
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}

/* Resolves and finds a relationship's part; what names it for messages. */
static zip_int64_t rel_part(struct reader *rd, const char *dir, const char *target, const char *what, char **path)
{
	char quoted[XLSX_PRINTABLE_SIZE];
	zip_int64_t i = (*path = resolve(dir, target)) ? locate(rd, *path) : -1;
	if (i < 0) {
		xlsx_xml_printable(*path ? *path : target, quoted);
		err_set(rd->e, "damaged xlsx file: %s (%s) is missing", quoted, what);
	}
	return i;
}

/* The relationships of the part name in dir, into rels (none if it has no
 * .rels part). */
static int read_rels(struct reader *rd, struct book *b, const char *dir, const char *name, struct xlsx_list *rels)
{
	char *path = xasprintf("%s_rels/%s.rels", dir, name + strlen(dir));
	zip_int64_t i = locate(rd, path);
	struct xlsx_xml_target t = { .kind = XLSX_PART_RELS, .pool = &b->pool, .list = rels };
	int rc = i < 0 ? 0 : read_part(rd, i, path, &t);
	free(path);
	return rc;
}

static const struct xlsx_rel *rel_find(const struct xlsx_list *rels, const char *type, const char *id)
{
	const struct xlsx_rel *v = rels->v;
	for (size_t i = 0; i < rels->n; i++)
		if (type ? !strcmp(v[i].type, type) : !strcmp(v[i].id, id))
			return &v[i];
	return NULL;
}

static int cmp_cells(const void *pa, const void *pb)
{
	const struct xlsx_cell *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* Cells may come in any order; the same cell twice is a damaged sheet. */
static int sort_cells(struct xlsx_sheet *sh, struct err *e)
{
	if (sh->n_cells) /* qsort wants a non-null array even for none */
		qsort(sh->cells, sh->n_cells, sizeof *sh->cells, cmp_cells);
	for (size_t i = 1; i < sh->n_cells; i++) {
		if (!cmp_cells(&sh->cells[i - 1], &sh->cells[i])) {
			char name[XLSX_PRINTABLE_SIZE], ref[XLSX_CELL_NAME_SIZE];
			xlsx_xml_printable(sh->name, name);
			xlsx_cell_name(sh->cells[i].row, sh->cells[i].col, ref);
			err_set(e, "xlsx cell %s!%s: given twice", name, ref);
			return -1;
		}
	}
	return 0;
}

/* One sheet of the workbook: its part found through the workbook's rels. */
static int read_sheet(struct reader *rd, struct book *b, const char *dir, const struct xlsx_list *rels,
		      const struct xlsx_wb_sheet *ws, size_t *n_cells)
{
	struct xlsx_sheet *sh = &b->pub.sheets[b->pub.n_sheets++];
	sh->name = ws->name;
	sh->hidden = ws->hidden;
	char quoted[XLSX_PRINTABLE_SIZE], rid[XLSX_PRINTABLE_SIZE];
	xlsx_xml_printable(sh->name, quoted);
	const struct xlsx_rel *rel = rel_find(rels, NULL, ws->rid);
	if (!rel) {
		xlsx_xml_printable(ws->rid, rid);
		err_set(rd->e, "damaged xlsx file: sheet \"%s\" has no relationship %s", quoted, rid);
		return -1;
	}
	char *what = xasprintf("sheet \"%s\"", quoted), *path;
	zip_int64_t i = rel_part(rd, dir, rel->target, what, &path);
	free(what);
	int rc = -1;
	if (i >= 0 && rd->used[i]) {
		xlsx_xml_printable(path, quoted);
		err_set(rd->e, "damaged xlsx file: %s is the part of two sheets", quoted);
	} else if (i >= 0) {
		rd->used[i] = true;
		struct xlsx_xml_target t = { .kind = XLSX_PART_SHEET, .pool = &b->pool, .sst = b->sst, .n_sst = b->n_sst,
					     .sheet = sh, .n_cells = n_cells };
		rc = read_part(rd, i, path, &t) < 0 ? -1 : sort_cells(sh, rd->e);
	}
	free(path);
	return rc;
}

static int read_book(struct reader *rd, struct book *b)
{
	struct xlsx_list pkg = { 0 }, rels = { 0 }, sheets = { 0 };
	char *wb = NULL, *dir = NULL, *sst = NULL, quoted[XLSX_PRINTABLE_SIZE];
	int rc = -1;
	/* The package's relationships say where the workbook is; without
	 * them, it is where Excel puts it. */
	if (read_rels(rd, b, "", "", &pkg) < 0)
		goto out;
	const struct xlsx_rel *rel = rel_find(&pkg, "officeDocument", NULL);
	if (!rel || !(wb = resolve("", rel->target)))
		wb = xstrdup("xl/workbook.xml");
	zip_int64_t i = locate(rd, wb);
	struct xlsx_xml_target t = { .kind = XLSX_PART_WORKBOOK, .pool = &b->pool, .list = &sheets };
	if (i < 0) {
		xlsx_xml_printable(wb, quoted);
		err_set(rd->e, "no workbook in xlsx file (%s missing)", quoted);
		goto out;
	}
	if (read_part(rd, i, wb, &t) < 0)
		goto out;
	if (!sheets.n) {
		err_set(rd->e, "no sheets in xlsx file");
		goto out;
	}
	char *slash = strrchr(wb, '/');
	dir = xstrndup(wb, slash ? (size_t)(slash - wb) + 1 : 0);
	if (read_rels(rd, b, dir, wb, &rels) < 0)
		goto out;
	/* The shared strings, before any sheet that uses them; without a
	 * relationship, perhaps where Excel puts them. */
	if ((rel = rel_find(&rels, "sharedStrings", NULL)) && (i = rel_part(rd, dir, rel->target, "shared strings", &sst)) < 0)
		goto out;
	if (!rel)
		i = locate(rd, sst = xasprintf("%ssharedStrings.xml", dir));
	b->sst = b->pool.n;
	t = (struct xlsx_xml_target){ .kind = XLSX_PART_SST, .pool = &b->pool, .sst = b->sst };
	if (i >= 0 && read_part(rd, i, sst, &t) < 0)
		goto out;
	b->n_sst = b->pool.n - b->sst;
	b->pub.sheets = xcalloc(sheets.n, sizeof *b->pub.sheets);
	size_t n_cells = 0;
	for (size_t k = 0; k < sheets.n; k++)
		if (read_sheet(rd, b, dir, &rels, &((struct xlsx_wb_sheet *)sheets.v)[k], &n_cells) < 0)
			goto out;
	rc = 0;
out:
	free(wb);
	free(dir);
	free(sst);
	free(pkg.v);
	free(rels.v);
	free(sheets.v);
	return rc;
}

/* Frees every string and the array; leaves the pool empty. */
static void xlsx_pool_release(struct xlsx_pool *pool)
{
	for (size_t i = 0; i < pool->n; i++)
		free(pool->v[i]);
	free(pool->v);
	*pool = (struct xlsx_pool){ 0 };
}

/* Opens the zip, or says why these bytes are not one. */
static zip_t *open_zip(const void *data, size_t len, struct err *e)
{
	enum zip_bytes_fail fail;
	char why[128];
	zip_t *za = zip_bytes_open(data, len, &fail, why);
	if (!za && fail == ZIP_BYTES_DAMAGED)
		err_set(e, "damaged xlsx file: %s", why);
	else if (!za && fail == ZIP_BYTES_TRUNCATED)
		err_set(e, "damaged xlsx file: zip archive is truncated (no central directory)");
	else if (!za)
		err_coded(e, NULL, "not_zip", "not an xlsx file (not a zip archive)", NULL);
	return za;
}

static int read_buffer(const void *data, size_t len, const struct xlsx_limits *lim, struct xlsx_book **out,
		       struct err *e)
{
	static const unsigned char ole[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	if (!lim)
		lim = &xlsx_default_limits;
	if (len == 0) {
		err_coded(e, NULL, "empty", "not an xlsx file (empty file)", NULL);
		return -1;
	}
	if (len > lim->max_file) {
		err_set(e, "xlsx file is larger than %zu bytes", lim->max_file);
		return -1;
	}
	/* Excel saves a workbook with a password, and the old .xls, as OLE. */
	if (len >= sizeof ole && !memcmp(data, ole, sizeof ole)) {
		err_coded(e, NULL, "xls", "not an xlsx file (an .xls workbook, or one protected by a password)", NULL);
		return -1;
	}
	struct reader rd = { .lim = lim, .budget = xlsx_budget_start(lim), .e = e };
	if (!(rd.za = open_zip(data, len, e)))
		return -1;
	zip_int64_t n = zip_get_num_entries(rd.za, 0);
	struct book *b = xcalloc(1, sizeof *b);
	int rc = -1;
	if (n < 0 || (zip_uint64_t)n > lim->max_parts) {
		err_set(e, "xlsx file has more than %zu parts", lim->max_parts);
	} else {
		rd.used = xcalloc((size_t)n, sizeof *rd.used);
		rc = read_book(&rd, b);
	}
	zip_discard(rd.za);
	free(rd.used);
	if (rc < 0) {
		xlsx_book_free(&b->pub);
		return -1;
	}
	*out = &b->pub;
	return 0;
}

int xlsx_read_buffer(const void *data, size_t len, const struct xlsx_limits *lim, struct xlsx_book **out,
		     struct err *e)
{
	int rc = read_buffer(data, len, lim, out, e);
	if (rc < 0 && e && !e->code[0]) {
		/* the many ways a zip or its XML can be wrong are one kind for a
		 * person: the file is not a workbook this reads; the line says why */
		char why[sizeof e->msg];
		memcpy(why, e->msg, sizeof why);
		err_coded(e, NULL, "workbook", "{1}", why, NULL);
	}
	return rc;
}

int xlsx_read_file(const char *path, const struct xlsx_limits *lim, struct xlsx_book **out, struct err *e)
{
	if (!lim)
		lim = &xlsx_default_limits;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		err_set(e, "cannot read xlsx file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > lim->max_file) {
		if (S_ISREG(st.st_mode))
			err_set(e, "xlsx file is larger than %zu bytes", lim->max_file);
		else
			err_set(e, "cannot read xlsx file: %s", S_ISDIR(st.st_mode) ? "Is a directory" : "not a regular file");
		close(fd);
		return -1;
	}
	size_t size = (size_t)st.st_size, n = 0;
	char *buf = xmalloc(size);
	while (n < size) {
		ssize_t r = read(fd, buf + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err_set(e, "cannot read xlsx file: %s", strerror(errno));
			close(fd);
			free(buf);
			return -1;
		}
		if (r == 0) /* it shrank while we read: parse what there is */
			break;
		n += (size_t)r;
	}
	close(fd);
	int rc = xlsx_read_buffer(buf, n, lim, out, e);
	free(buf);
	return rc;
}

void xlsx_book_free(struct xlsx_book *book)
{
	if (!book)
		return;
	struct book *b = (struct book *)book;
	for (size_t i = 0; i < book->n_sheets; i++) {
		free(book->sheets[i].cells);
		free(book->sheets[i].merges);
	}
	free(book->sheets);
	xlsx_pool_release(&b->pool);
	free(b);
}

const struct xlsx_sheet *xlsx_book_find(const struct xlsx_book *book, const char *name)
{
	for (size_t i = 0; i < book->n_sheets; i++)
		if (!strcmp(book->sheets[i].name, name))
			return &book->sheets[i];
	return NULL;
}

const char *xlsx_sheet_get(const struct xlsx_sheet *sh, uint32_t row, uint32_t col)
{
	struct xlsx_cell key = { row, col, NULL };
	const struct xlsx_cell *c = !sh->n_cells ? NULL : bsearch(&key, sh->cells, sh->n_cells, sizeof key, cmp_cells);
	return c ? c->text : NULL;
}
