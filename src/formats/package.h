/*
 * package: a submission that travels — one zip holding the signed
 * submission file and the bytes of every file it lists, checked from the
 * zip alone (no database, no secret).
 *
 * Members, in this order (the writer's; the reader takes any order):
 *   submission.json   exactly the bytes `shinsa submission export` writes
 *                     (formats/submission_json.h, sealed_file.h);
 *   decision.json     optional: a bank's signed decision, kept as bytes
 *                     for its own reader (formats/review_decision.h);
 *   files/<first 12 hex of sha256>-<name>
 *                     each listed attachment's bytes. The name is for the
 *                     bank's staff who open the zip; the hash prefix is
 *                     there because one document may list two files of one
 *                     name (two versions of ISMS認証.pdf) and because it is
 *                     what the Excel form's 備考 line prints, so a printed
 *                     form and an unpacked folder can be matched by eye.
 * Names are UTF-8 (the zip's language-encoding flag set). The writer is
 * deterministic: fixed times (1980-01-01 00:00), modes (0644) and order,
 * deflate at zlib's default level, so one submission gives one zip.
 *
 * Limits, each refused with its own code and a message naming the member:
 *   the package: at most PACKAGE_MAX bytes — the submission file's limit,
 *     the files' limit (SUBMISSION_FILES_MAX, the default quota of a whole
 *     organisation), a decision's, and room for zip headers;
 *   members: at most PACKAGE_MAX_MEMBERS (the files' limit and two);
 *   each member is inflated at most to its own limit — submission.json to
 *     SUBMISSION_FILE_MAX, decision.json to REVIEW_DECISION_FILE_MAX, a file
 *     to the size the verified submission lists — counting the bytes as
 *     they come out, never trusting the zip's headers; and past 1 MiB a
 *     member that comes out more than PACKAGE_MAX_RATIO times its stored
 *     size is a bomb's.
 * Time: every member is inflated once, within those limits, so the work is
 * bounded by PACKAGE_MAX_INFLATED bytes of inflating and hashing however
 * the zip is made (a member named twice is refused before it is read).
 */
#ifndef SHINSA_FORMATS_PACKAGE_H
#define SHINSA_FORMATS_PACKAGE_H

#include <stddef.h>

#include "core/submission.h"
#include "formats/review_decision.h"
#include "formats/submission_json.h"
#include "formats/submission_verify.h"
#include "lib/err.h"
#include "lib/hash.h"
#include "lib/strbuf.h"

#define PACKAGE_ZIP_SLACK (16LL << 20)
#define PACKAGE_MAX \
	((long long)SUBMISSION_FILE_MAX + SUBMISSION_FILES_MAX + (long long)REVIEW_DECISION_FILE_MAX + PACKAGE_ZIP_SLACK)
#define PACKAGE_MAX_INFLATED ((long long)SUBMISSION_FILE_MAX + SUBMISSION_FILES_MAX + (long long)REVIEW_DECISION_FILE_MAX)
#define PACKAGE_MAX_MEMBERS (SUBMISSION_MAX_ATTACHMENTS + 2)
#define PACKAGE_MAX_RATIO 1000

enum package_fail {
	PACKAGE_OK = 0,
	PACKAGE_TOO_LARGE,      /* the zip is over PACKAGE_MAX */
	PACKAGE_NOT_ZIP,        /* not a zip, cut short, or damaged */
	PACKAGE_TOO_MANY,       /* more than PACKAGE_MAX_MEMBERS members */
	PACKAGE_BAD_PATH,       /* .., absolute, backslash, drive letter */
	PACKAGE_UNKNOWN_MEMBER, /* not submission.json, decision.json or files/… */
	PACKAGE_TWICE,          /* one member name twice */
	PACKAGE_MEMBER_TOO_LARGE,
	PACKAGE_BOMB,
	PACKAGE_NO_SUBMISSION,
	PACKAGE_NOT_VERIFIED,   /* submission.json fails its own checks */
	PACKAGE_FILE_MISSING,   /* listed, not in the zip */
	PACKAGE_FILE_UNLISTED,  /* in the zip, not listed */
	PACKAGE_FILE_CHANGED,   /* its sha256 is not the listed one */
};

/* One file's bytes, as the caller holds them (the writer) or as read. */
struct package_file {
	const char *sha256;
	const char *data;
	size_t len;
};

/* A package read and verified; everything is owned by it. */
struct package {
	char *submission; /* submission.json's bytes */
	size_t submission_len;
	struct submission *doc; /* its document, verified */
	char sha256[HASH_HEX_LEN + 1];
	char *decision; /* decision.json's bytes, not checked here; NULL if none */
	size_t decision_len;
	char **names;   /* the member name of each of doc's attachments, in its order */
	char **data;    /* and its bytes */
};

/* The member name of a (files/<12 hex>-<name>); yours to free. */
char *package_member_name(const struct submission_attachment *a);

/*
 * Appends the zip of the sealed submission file (len bytes) and the bytes
 * of each file it lists (files[], n of them, any order; found by sha256)
 * to out, and decision.json when decision is not NULL. The submission is
 * verified first and every file checked against it, so no package is
 * written that would not read back. 0, or -1 with e set.
 */
int package_write(const char *submission, size_t len, const struct package_file *files, size_t n,
		  const char *decision, size_t decision_len, struct strbuf *out, struct err *e);

/*
 * Reads and verifies the len bytes of a zip: its members, the submission
 * (formats/submission_verify.h) and every file's size and sha256. 0 with
 * *out yours (package_free()), or -1 with *out NULL, *fail the kind and e
 * the message: "files/3f2a9c01d4e7-ISMS.pdf: its sha256 is … but the
 * submission lists …".
 */
int package_read(const char *buf, size_t len, struct package **out, enum package_fail *fail, struct err *e);
void package_free(struct package *p);

/* Whether buf starts as a zip does ("PK\3\4", or "PK\5\6" when empty). */
bool package_looks_like_zip(const char *buf, size_t len);

#endif
