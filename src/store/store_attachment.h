/*
 * store_attachment: attached files (service/attachments.h) in the
 * database: attachment_blob (the bytes, once per SHA-256, never changed
 * nor deleted), attachment (an organisation's file with its name, title
 * and validity; removal sets removed_at) and attachment_item (the items
 * it supports), and the organisation's quota (org.attachment_quota).
 * Writes go inside the caller's transaction; rules are the service's.
 */
#ifndef SHINSA_STORE_ATTACHMENT_H
#define SHINSA_STORE_ATTACHMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"

struct store;

/* One attachment as stored, with its blob's size and type; owns its
 * strings and items. */
struct attachment {
	long long id;
	long long org_id;
	char *sha256; /* hex, 64 */
	char *name;   /* the file name as uploaded, no path */
	char *title;  /* "" when none */
	char *type;   /* the sniffed kind's token (formats/sniff.h) */
	long long size;
	char *valid_until; /* YYYY-MM-DD or NULL */
	char *created_by;
	char *created_at;
	char *removed_at; /* NULL while current */
	int *items;       /* item numbers, ascending */
	size_t n_items;
};

/* Frees a's contents (not a); accepts NULL. */
void attachment_clear(struct attachment *a);
/* Frees the n attachments of list and the array; accepts NULL. */
void attachments_free(struct attachment *list, size_t n);

/* Stores len bytes at data under sha256 unless that hash is stored
 * already (then they are the same bytes: nothing is written). 0 or -1. */
int store_attachment_blob_put(struct store *st, const char *sha256, const void *data, size_t len, const char *type,
			      const char *now, struct err *e);

/* Inserts a (its org_id, sha256, name, title, valid_until, created_by,
 * created_at) and its items; *id gets the new id. 0 or -1. */
int store_attachment_insert(struct store *st, const struct attachment *a, long long *id, struct err *e);

/* The organisation's current attachments, each with its items, by name,
 * then sha256, then id; *out NULL when none. 0 or -1. */
int store_attachment_list(struct store *st, long long org_id, struct attachment **out, size_t *n, struct err *e);

/* The organisation's current attachment id into *out: STORE_OK,
 * STORE_NOT_FOUND (none, another's, removed), or -1. */
int store_attachment_get(struct store *st, long long org_id, long long id, struct attachment *out, struct err *e);

/* Sets title, valid_until (NULL: none) and the items of attachment id.
 * 0 or -1. */
int store_attachment_update(struct store *st, const struct attachment *a, struct err *e);

/* Marks attachment id removed at now. 0 or -1. */
int store_attachment_remove(struct store *st, long long id, const char *now, struct err *e);

/* The bytes (yours, free()) and type token of sha256 when org_id has a
 * current attachment with it (org_id 0: the blob whoever holds it, for a
 * caller that checked its own rule, as a review thread's file):
 * STORE_OK, STORE_NOT_FOUND, or -1. */
int store_attachment_bytes(struct store *st, long long org_id, const char *sha256, void **data, size_t *len,
			   char **type, struct err *e);

/* Whether org_id has a current attachment with sha256, or uploaded it to
 * a review thread (store_review_file.h): its room is taken (bytes unread).
 * 0 or -1. */
int store_attachment_has(struct store *st, long long org_id, const char *sha256, bool *has, struct err *e);

/* The bytes org_id's current attachments and its files in review threads
 * take: each distinct file once. 0 or -1. */
int store_attachment_usage(struct store *st, long long org_id, long long *bytes, struct err *e);

/* The organisation's quota in bytes, -1 when it has none of its own
 * (the default applies). 0 or -1. */
int store_attachment_quota(struct store *st, long long org_id, long long *quota, struct err *e);
/* Sets it (-1: back to the default). 0 or -1. */
int store_attachment_set_quota(struct store *st, long long org_id, long long quota, struct err *e);

#endif
