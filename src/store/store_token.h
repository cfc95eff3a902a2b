/*
 * store_token: users' API tokens. Included by store.h; callers include
 * store.h.
 *
 * A token is found by the SHA-256 of its text (lib/token); the text itself
 * is never stored.
 */
#ifndef SHINSA_STORE_TOKEN_H
#define SHINSA_STORE_TOKEN_H

#include <stddef.h>
#include <time.h>

#include "core/user.h"
#include "lib/err.h"

struct store;

/* Adds t (user_id, name set) for the token with this hash; sets t->id and
 * t->created_at. */
int store_token_add(struct store *st, struct user_token *t, const char *token_hash, struct err *e);

/* 0 and a new token record you own, or STORE_NOT_FOUND. */
int store_token_find(struct store *st, const char *token_hash, struct user_token **out, struct err *e);
int store_token_get(struct store *st, long long id, struct user_token **out, struct err *e);

/* user_id's tokens, oldest first; you own the array and each record. */
int store_token_list(struct store *st, long long user_id, struct user_token ***out, size_t *n, struct err *e);

/* Revokes token id: 0, or STORE_NOT_FOUND if there is none or it was
 * revoked already. */
int store_token_revoke(struct store *st, long long id, struct err *e);

/* Records a use of token id at time t. */
int store_token_touch(struct store *st, long long id, time_t t, struct err *e);

#endif
