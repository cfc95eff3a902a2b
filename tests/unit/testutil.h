/*
 * testutil: what every cmocka unit test includes.
 *
 * Tests run from the repository root (scripts/test.sh makes sure), so paths
 * like "catalog/" and "tests/data/" work as they stand.
 */
#ifndef SHINSA_TESTUTIL_H
#define SHINSA_TESTUTIL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/org.h"
#include "core/submission.h"
#include "formats/catalog_json.h"
#include "lib/strbuf.h"
#include "store/store.h"

/*
 * A scratch directory holding the blank form of api-checklist-2018-08 as
 * written by xlsx_form_write(), with the shipped catalogs loaded. Use
 * form_fixture_setup/teardown as a cmocka group's setup and teardown;
 * *state is then a struct form_fixture *. Teardown removes the directory.
 */
struct form_fixture {
	char dir[64];
	char path[128]; /* dir/form.xlsx */
	struct catalog_files files;
	const struct catalog *cat; /* api-checklist-2018-08, in files */
};

int form_fixture_setup(void **state);
int form_fixture_teardown(void **state);

/* One file of a zip archive made by zip_parts(). */
struct part {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
	bool store; /* uncompressed */
};

/* The file at path (at most 16 MiB), as bytes you own (*len of them, a
 * NUL after them); fails the test if it cannot be read. */
char *fixture_bytes(const char *path, size_t *len);

/* A zip of the parts, as bytes you own (*len of them); fails the test if
 * libzip does. */
char *zip_parts(const struct part *parts, size_t n, size_t *len);

/*
 * A scratch database: a new directory /tmp/PREFIX-XXXXXX (into dir) holding
 * t.db with the schema and those of the shipped catalogs named in ids
 * (NULL-terminated), SHINSA_NOW set to 2026-04-01T09:00:00Z. Returns 0 with
 * *out open, or -1 having printed why (for a cmocka setup to return).
 * scratch_db_close() closes the store and removes the directory.
 */
int scratch_db_open(char dir[64], const char *prefix, const char *const *ids, struct store **out);
int scratch_db_close(const char *dir, struct store *st);

/* A one-answer submission of 株式会社フィンテック, version 1, signed by
 * public_key (hex), with no files: add them, then submission_sort(). */
struct submission *fixture_submission(const char *public_key);

/* Appends the exported file (formats/sealed_file.h) of s, signed with sk
 * (whose public key s names), to out; fails the test if it cannot. */
void fixture_seal(const struct submission *s, const unsigned char *sk, struct strbuf *out);

/* Adds an organisation with a placeholder key; you own the record. */
struct org *scratch_org_add(struct store *st, enum org_kind kind, const char *name);

/* The audit trail, newest first, one "actor action object details" line
 * an event, leaving out those whose action is skip (NULL: none); yours. */
char *scratch_events(struct store *st, const char *skip);

#endif
