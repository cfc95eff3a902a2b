/*
 * xlsx_xml: the XML parts of an .xlsx package, each parsed whole with
 * expat. Only xlsx_read uses this; xlsx_read.h says what is read and how
 * text is decoded.
 *
 * Elements are matched by SpreadsheetML local name in the transitional or
 * strict namespace (or none), whatever prefix the file gives them, and
 * only where they belong: a <t> counts inside <si>, <is> or their <r>
 * runs, so furigana (<rPh><t>) and everything unknown are skipped with
 * their content.
 */
#ifndef SHINSA_FORMATS_XLSX_XML_H
#define SHINSA_FORMATS_XLSX_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/xlsx_grid.h"
#include "lib/err.h"

/* Every string a book owns: sheet names, cell texts, and what was read on
 * the way (relationships); freed with the book. */
struct xlsx_pool {
	char **v;
	size_t n, alloc;
};

/* Appends s (which the pool now owns) and returns it. The book
 * (xlsx_read.c) frees the pool. */
char *xlsx_pool_add(struct xlsx_pool *pool, char *s);

/* One relationship of a .rels part; External ones are left out. */
struct xlsx_rel {
	const char *id;
	const char *type;   /* the last segment of the Type URI: "worksheet", "sharedStrings" */
	const char *target; /* as written, not yet resolved */
};

/* One <sheet> of the workbook. */
struct xlsx_wb_sheet {
	const char *name;
	const char *rid;  /* its r:id */
	bool hidden;
};

/* A growing array of either; free(v) releases it (the strings are the pool's). */
struct xlsx_list {
	void *v;
	size_t n, alloc;
};

enum xlsx_part_kind { XLSX_PART_RELS, XLSX_PART_WORKBOOK, XLSX_PART_SST, XLSX_PART_SHEET };

/* What one part is parsed into; fields not for its kind stay 0. */
struct xlsx_xml_target {
	enum xlsx_part_kind kind;
	struct xlsx_pool *pool;      /* where every string goes */
	struct xlsx_list *list;      /* RELS: struct xlsx_rel; WORKBOOK: struct xlsx_wb_sheet */
	size_t sst, n_sst;           /* SHEET: the shared strings are pool->v[sst..sst + n_sst) */
	struct xlsx_sheet *sheet;    /* SHEET: name set; cells and merges appended, unsorted */
	size_t *n_cells;             /* SHEET: cells in the whole book so far */
};

/* The CPU budget of one read of a workbook: the calling thread's CPU time
 * (clock_thread_cpu_ns) at which it runs out, and the limit in ms. */
struct xlsx_budget {
	uint64_t end_ns;
	unsigned ms;
};

/* A budget of lim->max_cpu_ms from now. */
struct xlsx_budget xlsx_budget_start(const struct xlsx_limits *lim);

/*
 * 0 while the thread's CPU time is within b; else -1 with e set, coded
 * too_slow: "xlsx file takes more than MS ms of CPU to read (stopped in
 * part PART)", part being printable (xlsx_xml_printable).
 */
int xlsx_budget_check(const struct xlsx_budget *b, const char *part, struct err *e);

struct xlsx_xml;

/* A parser for the part called name (kept, used in messages) into t,
 * within budget; everything in t, and budget, stay the caller's. Free
 * with xlsx_xml_free(). */
struct xlsx_xml *xlsx_xml_new(const char *name, const struct xlsx_limits *lim, const struct xlsx_budget *budget,
			      const struct xlsx_xml_target *t);
void xlsx_xml_free(struct xlsx_xml *x);

/* Room for the whole part, len bytes (at most INT_MAX), in the parser's
 * own buffer: put the part there, then call xlsx_xml_parse() once. The
 * buffer is the parser's, gone with it. */
char *xlsx_xml_buffer(struct xlsx_xml *x, size_t len);

/*
 * Parses the part: the first len bytes of the buffer (len at most what
 * xlsx_xml_buffer() was asked for). Returns 0, or -1 with e set (the
 * target then holds what was parsed so far, still to be freed). Call it
 * once.
 */
int xlsx_xml_parse(struct xlsx_xml *x, size_t len, struct err *e);

/* s fit for a one-line message: control characters as '?', cut after
 * about 100 bytes (at a character boundary) with "...". */
#define XLSX_PRINTABLE_SIZE 112
void xlsx_xml_printable(const char *s, char buf[XLSX_PRINTABLE_SIZE]);

#endif
