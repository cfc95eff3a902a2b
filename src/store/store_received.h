/*
 * store_received: decisions received back from a bank's own server
 * (service/receive.h keeps the rules). Rows are never changed or deleted
 * (triggers); each holds the decision file exactly as received.
 */
#ifndef SHINSA_STORE_RECEIVED_H
#define SHINSA_STORE_RECEIVED_H

#include <stddef.h>

#include "lib/err.h"

struct store;

/* A received decision; every string is owned.
 * received_decision_free() accepts NULL. */
struct received_decision {
	long long id;
	long long submission_id;
	long long bank_id;
	char *bank_name;
	char *bank_public_key; /* the key pinned for the bank now */
	char *file;            /* the decision file's bytes, as received */
	char *sha256;          /* the decision document's SHA-256 */
	char *decision;        /* meets, conditional, does_not_meet */
	char *decided_at;
	char *received_at;
	char *received_by;
};

void received_decision_free(struct received_decision *d);

/* Adds d (all but id, bank_name and bank_public_key set) and sets d->id.
 * Call inside a transaction. */
int store_received_add(struct store *st, struct received_decision *d, struct err *e);

/* The decision received with that document SHA-256, or the one for that
 * submission and bank: STORE_OK with *out yours, or STORE_NOT_FOUND. */
int store_received_by_sha256(struct store *st, const char *sha256, struct received_decision **out, struct err *e);
int store_received_by_pair(struct store *st, long long submission_id, long long bank_id,
			   struct received_decision **out, struct err *e);

/* The decisions received on submission_id, oldest first; the array and
 * each one are yours. */
int store_received_list(struct store *st, long long submission_id, struct received_decision ***out, size_t *n,
			struct err *e);

#endif
