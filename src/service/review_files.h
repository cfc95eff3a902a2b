/*
 * review_files: files in review threads (issue 18): the connector answers
 * a query with a screenshot, the bank sends a template. Layer: service.
 * For the server (the message that carries them: service/reviews.h).
 *
 * A file is uploaded first to a submission's threads
 * (review_files_upload()), then a message names it by sha256
 * (reviews_message_files()). The same rules as attachments
 * (service/attachments.h): the content decides the kind and the name's
 * extension must agree, at most ATTACHMENTS_FILE_MAX bytes
 * (OUTCOME_TOO_LARGE, attachment_too_large), the uploader's quota counts
 * them beside its attachments (OUTCOME_CONFLICT, attachment_quota), the
 * bytes stored once by sha256 and never changed.
 *
 * Who reaches a submission's threads (to upload or download):
 *   - a bank only through a share of it in force now
 *     (shares_bank_access()); a download is recorded as a read of the
 *     share (review_file_read), as the other reads are;
 *   - the connector whose submission it is;
 *   - anyone else, or a bank after revoke or expiry: OUTCOME_NOT_FOUND
 *     "no submission N", as if it did not exist.
 * A file is downloadable by a bank when a message of its own review
 * carries it or it uploaded it; by the connector when a message of any
 * review of its submission carries it or it uploaded it; otherwise
 * OUTCOME_NOT_FOUND "no file SHA256" (review_file_not_found).
 *
 * Audit events: review_file_add on "submission:ID" {name, sha256, size,
 * type} in the uploader's trail; review_file_read (shares_record_read()).
 */
#ifndef SHINSA_SERVICE_REVIEW_FILES_H
#define SHINSA_SERVICE_REVIEW_FILES_H

#include <stddef.h>

#include "core/org.h"
#include "core/review.h"
#include "core/user.h"
#include "formats/sniff.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/* The most files one message carries. */
#define REVIEW_FILES_PER_MESSAGE 10

/* Stores data[0..len) named name (NFC-composed) for submission_id's
 * threads, uploaded by actor of org, with its event, in one transaction.
 * *out (yours, review_files_clear()) the file as stored. */
enum outcome review_files_upload(struct store *st, const char *actor, const struct org *org, long long submission_id,
				 const char *name, const void *data, size_t len, struct review_message_file *out,
				 struct err *e);

/* Frees f's strings (not f); accepts NULL. */
void review_files_clear(struct review_message_file *f);

/*
 * Inside the caller's transaction: the names of the n files sha256s[]
 * that org_id uploaded to submission_id's threads, into *names (an array
 * of n strings, yours: review_files_names_free()). Refused
 * (OUTCOME_INVALID): more than REVIEW_FILES_PER_MESSAGE (code
 * review_files_too_many), one not uploaded (review_file_unknown
 * "no file SHA256 was uploaded to the threads of submission N").
 */
enum outcome review_files_names(struct store *st, long long submission_id, long long org_id,
				const char *const *sha256s, size_t n, char ***names, struct err *e);
void review_files_names_free(char **names, size_t n);

/*
 * The file sha256 of submission_id's threads as reader (of org) may
 * download it (the rules above): *name, *data yours (free()), *kind its
 * kind. A bank's read is recorded before the bytes are handed over.
 */
enum outcome review_files_download(struct store *st, const struct user *reader, const struct org *org,
				   long long submission_id, const char *sha256, char **name, void **data, size_t *len,
				   enum sniff_kind *kind, struct err *e);

#endif
