/*
 * org: an organisation — a connector (API接続先, a fintech) or a bank.
 *
 * An org owns its strings; org_free() releases them.
 */
#ifndef SHINSA_CORE_ORG_H
#define SHINSA_CORE_ORG_H

#include <stdbool.h>

#include "lib/err.h"

enum org_kind {
	ORG_CONNECTOR = 1,
	ORG_BANK,
};

struct org {
	long long id;
	enum org_kind kind;
	char *name;       /* unique, as people write it (may be Japanese) */
	char *reg_no;     /* 登録番号, e.g. 関東財務局長（電代）第1号; NULL if not given */
	char *public_key; /* Ed25519, 64 hex digits */
	char *created_at;
	/* Set (a clock stamp) for an organisation received from another
	 * server: no users, no key of ours, public_key pinned
	 * (service/receive.h). NULL for this server's own. */
	char *received_at;
	/* A bank's setting: a decision drafted by one user is signed only once
	 * an approver (core/user.h) other than the drafter approves it. */
	bool require_approval;
};

struct org *org_new(void);
void org_free(struct org *org);

/* "connector", "bank"; and back (0 if unknown). */
const char *org_kind_name(enum org_kind kind);
enum org_kind org_kind_parse(const char *s);

/* A name people can tell apart: 1-100 characters, no control characters,
 * not blank. e says why not. */
int org_name_check(const char *name, struct err *e);
/* The same rules for a registration number (登録番号). */
int org_reg_no_check(const char *reg_no, struct err *e);

#endif
