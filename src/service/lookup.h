/*
 * lookup: finding an organisation or a catalog by what people type, with
 * the messages both front ends give when there is none. Layer: service
 * (service/auth.h).
 *
 * Each loads into *out (yours) and returns 0, or -1 with e set:
 *   "no organisation \"NAME\" (shinsa org list shows them)"
 *   "no catalog \"ID\" (shinsa catalog list shows them)"
 */
#ifndef SHINSA_SERVICE_LOOKUP_H
#define SHINSA_SERVICE_LOOKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/mapping.h"
#include "core/org.h"
#include "core/user.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

int lookup_org(struct store *st, const char *name, struct org **out, struct err *e);

/* The bank named name into *out (yours): 0; OUTCOME_NOT_FOUND "no bank
 * \"NAME\"" whether there is no such organisation or it is a connector, so
 * that a connector learns nothing of the other connectors' names; -1 when
 * the store fails. */
enum outcome lookup_bank(struct store *st, const char *name, struct org **out, struct err *e);

/*
 * The names of the banks on this server (connectors left out) whose name
 * key (lib/jpinput.h) holds q's key: the share form's list, so that
 * 株式会社デモ and ﾃﾞﾓ both offer デモ銀行. First the names that start
 * with q as typed (width folded, 株式会社 kept), then those whose key
 * starts with q's key, then the rest; each group by name. q
 * NULL, "" or the company mark alone (株式会社, (株), ㈱) is every bank. At most max names into *names (the array and each
 * name yours, *n of them); *more says whether more banks matched. 0, or -1
 * with e set when the store fails.
 */
int lookup_banks(struct store *st, const char *q, size_t max, char ***names, size_t *n, bool *more, struct err *e);

int lookup_catalog(struct store *st, const char *id, struct catalog **out, struct err *e);

/*
 * The checklist an answer set is for: catalog id if given (a criteria
 * catalog is "ID is a criteria catalog, not a checklist"), else the one
 * checklist in the database ("there is more than one checklist: say which
 * with --catalog ID", "there is no checklist in the database (run shinsa
 * init)").
 */
int lookup_checklist(struct store *st, const char *id, struct catalog **out, struct err *e);

/*
 * The one checklist in the database into *out (yours), or *out NULL when
 * there is not exactly one; *found counts them. -1 only when the store
 * fails, so that each front end words "none" and "which one?" its own way.
 */
int lookup_sole_checklist(struct store *st, struct catalog **out, size_t *found, struct err *e);

/* Organisation id into *out (yours): 0; OUTCOME_NOT_FOUND "no
 * organisation N"; -1 when the store fails. */
enum outcome lookup_org_id(struct store *st, long long id, struct org **out, struct err *e);
/* The user whose email (normalised here) is email into *out (yours): 0;
 * OUTCOME_INVALID with user_email_normalise()'s message; OUTCOME_NOT_FOUND
 * "no user with email E (shinsa user list --org NAME shows them)"; -1. */
enum outcome lookup_user_email(struct store *st, const char *email, struct user **out, struct err *e);
/* Every catalog, ordered by id, items included: the array and each catalog
 * are yours. 0, or -1 with e set. */
int lookup_catalogs(struct store *st, struct catalog ***out, size_t *n, struct err *e);
/* Catalog id as stored into *out (yours): 0; OUTCOME_NOT_FOUND "no catalog
 * \"ID\"" (no hint: the API says it too); -1. */
enum outcome lookup_catalog_id(struct store *st, const char *id, struct catalog **out, struct err *e);
/* The cross-walk from criteria catalog criteria_id to checklist_id into
 * *out (yours): 0; OUTCOME_NOT_FOUND "no mapping from A to B"; -1. */
enum outcome lookup_mapping(struct store *st, const char *criteria_id, const char *checklist_id, struct mapping **out,
			    struct err *e);

#endif
