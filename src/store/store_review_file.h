/*
 * store_review_file: files in review threads (service/review_files.h) in
 * the database: review_upload (an organisation's file for a submission's
 * threads, by sha256, with its name) and review_message_file (the files a
 * message carries). The bytes are attachment blobs (store_attachment.h).
 * Writes go inside the caller's transaction; rules are the service's.
 * Strings handed out are yours (free()).
 */
#ifndef SHINSA_STORE_REVIEW_FILE_H
#define SHINSA_STORE_REVIEW_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/review.h"
#include "lib/err.h"

struct store;

/* Records org_id's upload of sha256 (its blob stored) named name for
 * submission_id's threads. */
int store_review_upload_add(struct store *st, long long submission_id, long long org_id, const char *sha256,
			    const char *name, const char *by, const char *at, struct err *e);

/* The name of org_id's latest upload of sha256 for submission_id's
 * threads into *name (yours): STORE_OK, STORE_NOT_FOUND or -1. */
int store_review_upload_name(struct store *st, long long submission_id, long long org_id, const char *sha256,
			     char **name, struct err *e);

/* Puts the files sha256s[0..n) (names[i] each) on the latest message of
 * review_id (the one just added in the caller's transaction). */
int store_review_message_files(struct store *st, long long review_id, const char *const *sha256s,
			       const char *const *names, size_t n, struct err *e);

/* Fills the ids and files of r's messages. */
int store_review_files_load(struct store *st, struct review *r, struct err *e);

/*
 * The name of sha256 as a message of a review of submission_id carries it
 * (bank_id 0: any bank's review; else only that bank's), or as org_id
 * uploaded it for submission_id: STORE_OK with *name (yours),
 * STORE_NOT_FOUND or -1.
 */
int store_review_file_find(struct store *st, long long submission_id, long long bank_id, long long org_id,
			   const char *sha256, char **name, struct err *e);

#endif
