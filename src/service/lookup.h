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

#include "core/catalog.h"
#include "core/org.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

int lookup_org(struct store *st, const char *name, struct org **out, struct err *e);

/* The bank named name into *out (yours): 0; OUTCOME_NOT_FOUND "no bank
 * \"NAME\"" whether there is no such organisation or it is a connector, so
 * that a connector learns nothing of the other connectors' names; -1 when
 * the store fails. */
enum outcome lookup_bank(struct store *st, const char *name, struct org **out, struct err *e);

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

#endif
