/*
 * submission_files: the files sealed into a submission, read by the
 * connector that owns it and by a bank under consent (issue 18). Layer:
 * service. For the server (web/api_submission_files.h).
 *
 * Who reads (org the caller's organisation, reader its user):
 *   - the owner connector: its own submissions; nothing is recorded (its
 *     own file downloads are not, service/attachments.h);
 *   - a bank: only through a share of the submission in force now
 *     (service/shares.h), else OUTCOME_NOT_FOUND "no submission N", as for
 *     the submission itself; each read is recorded on the share (the
 *     connector sees it among the share's accesses) and audited in the
 *     connector's trail, after the answer is made and before it is handed
 *     over (a refused read records nothing):
 *       the list       submission_read  {bank, share}
 *       a file         attachment_read  {bank, share, sha256, name}
 *       the package    package_read     {bank, share}
 *   - anyone else: OUTCOME_NOT_FOUND "no submission N".
 *
 * The files are the document's (what was signed), their bytes the
 * attachment store's blobs by SHA-256, which are never changed or deleted:
 * a file removed from the connector's list since still downloads from the
 * submissions that sealed it. A hash the document does not list is
 * OUTCOME_NOT_FOUND "no file SHA256" (code attachment_no_file).
 */
#ifndef SHINSA_SERVICE_SUBMISSION_FILES_H
#define SHINSA_SERVICE_SUBMISSION_FILES_H

#include <jansson.h>
#include <stddef.h>

#include "core/org.h"
#include "core/user.h"
#include "formats/sniff.h"
#include "lib/err.h"
#include "lib/strbuf.h"
#include "service/outcome.h"
#include "store/store.h"

/* One sealed file's bytes as read: all yours (submission_file_clear()). */
struct submission_file {
	void *data;
	size_t len;
	enum sniff_kind kind; /* from the document's type */
	char *name;           /* as sealed */
};
void submission_file_clear(struct submission_file *f);

/* Submission id's files as its document lists them: *out yours, [{sha256,
 * name, title, items, size, type, valid_until}] by name, then sha256. */
enum outcome submission_files_list(struct store *st, const struct user *reader, const struct org *org, long long id,
				   json_t **out, struct err *e);

/* The bytes of the file sha256 of submission id into *out. */
enum outcome submission_files_get(struct store *st, const struct user *reader, const struct org *org, long long id,
				  const char *sha256, struct submission_file *out, struct err *e);

/* The package of submission id (service/submissions.h
 * submissions_package()) appended to zip; a submission that no longer
 * verifies is an error (-1), as for `shinsa submission export`. */
enum outcome submission_files_package(struct store *st, const struct user *reader, const struct org *org,
				      long long id, struct strbuf *zip, struct err *e);

#endif
