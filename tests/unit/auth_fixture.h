/*
 * auth_fixture: a scratch database with one connector (A社) and its admin
 * alice, password PW, and a settable clock — for the unit tests of the
 * sign-in and account services (test_auth, test_account). Header only:
 * each test program includes it once.
 */
#ifndef SHINSA_TESTS_AUTH_FIXTURE_H
#define SHINSA_TESTS_AUTH_FIXTURE_H

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/account.h"
#include "service/auth.h"
#include "store/store.h"
#include "store/store_org.h"
#include "store/store_sql.h"

#define PW "correct horse battery"

struct fixture {
	char dir[64];
	struct store *st;
	struct auth_config cfg;
	long long org_id;
	long long alice; /* admin of A社, password PW */
};

static time_t base; /* 2026-04-01T09:00:00Z */

/* Sets the clock to base + seconds. */
static inline void at(long long seconds)
{
	char stamp[CLOCK_TEXT_SIZE];
	clock_format(base + (time_t)seconds, stamp);
	setenv("SHINSA_NOW", stamp, 1);
}

static inline int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/shinsa-auth-XXXXXX");
	if (sodium_init() < 0 || !mkdtemp(f->dir) || clock_parse("2026-04-01T09:00:00Z", &base) < 0)
		return -1;
	at(0);
	char *db = xasprintf("%s/t.db", f->dir);
	struct err e = { 0 };
	unsigned char secret[KEYS_SECRET_BYTES];
	randombytes_buf(secret, sizeof secret);
	auth_config_init(&f->cfg, secret);
	struct org *org = org_new();
	org->kind = ORG_CONNECTOR;
	org->name = xstrdup("A社");
	org->public_key = xstrdup("00");
	struct user *u = NULL;
	int rc = store_open(db, STORE_CREATE, &f->st, &e) < 0 || store_migrate(f->st, NULL, NULL, &e) < 0 ||
		 store_org_add(f->st, org, "v1:sealed", &e) < 0 ||
		 account_user_add(f->st, org->id, "Alice@Example.jp", ROLE_ADMIN, PW, NULL, "cli:test", &u, &e) < 0;
	free(db);
	f->org_id = org->id;
	org_free(org);
	if (rc) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	f->alice = u->id;
	user_free(u);
	*state = f;
	return 0;
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	char *cmd = xasprintf("rm -rf %s", f->dir);
	int rc = system(cmd);
	free(cmd);
	free(f);
	return rc == 0 ? 0 : -1;
}

/* The one number sql (one ? for arg, unless NULL) selects. */
static inline long long count(struct fixture *f, const char *sql, const char *arg)
{
	struct err e = { 0 };
	struct sql_stmt *q = sql_prepare(store_sql(f->st), sql, &e);
	assert_non_null(q);
	if (arg)
		sql_bind_text(q, 1, arg);
	assert_int_equal(sql_step(q, &e), 1);
	long long n = sql_int(q, 0);
	sql_finalize(q);
	return n;
}

#endif
