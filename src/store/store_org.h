/*
 * store_org: organisations and their sealed signing keys. Included by
 * store.h; callers include store.h.
 */
#ifndef SHINSA_STORE_ORG_H
#define SHINSA_STORE_ORG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/org.h"
#include "lib/err.h"

struct store;

/*
 * Adds org (kind, name, reg_no and public_key set) with its sealed private
 * key; sets org->id and org->created_at. A name already taken is an error
 * that says so, also to the loser of two adds of one name at once:
 * "an organisation named "N" already exists".
 */
int store_org_add(struct store *st, struct org *org, const char *sealed_key, struct err *e);
/* 0 and a new org you own, or STORE_NOT_FOUND. */
int store_org_get(struct store *st, const char *name, struct org **out, struct err *e);
/* The same by id. */
int store_org_get_id(struct store *st, long long id, struct org **out, struct err *e);
/* The sealed private key of org id; you own the text. */
int store_org_sealed_key(struct store *st, long long id, char **out, struct err *e);
/* Every org, ordered by name; you own the array and each org. */
int store_org_list(struct store *st, struct org ***out, size_t *n, struct err *e);

/* Sets org id's require_approval. */
int store_org_set_require_approval(struct store *st, long long id, bool on, struct err *e);

/* Adds an organisation received from another server (kind, name, reg_no,
 * public_key set: the key pinned), with no sealed key; sets id,
 * created_at and received_at. A name taken: -1, "an organisation named
 * "NAME" already exists". */
int store_org_add_received(struct store *st, struct org *org, struct err *e);

/* Pins public_key (64 hex digits) for received organisation id; a
 * no-op for this server's own organisations. */
int store_org_pin(struct store *st, long long id, const char *public_key, struct err *e);

/* The ids of this server's organisations that received from received
 * organisation id, ascending: the banks a package of it is shared with
 * (a received connector), the connectors that received a decision of it
 * (a received bank). *ids is yours to free(); NULL and 0 when none. */
int store_org_receivers(struct store *st, long long id, long long **ids, size_t *n, struct err *e);

#endif
