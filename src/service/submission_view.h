/*
 * submission_view: what is shown of submissions — the JSON shapes of
 * `shinsa submission list/show --json` and `shinsa diff --json`, which the
 * API answers with too — and loading the two sides of a comparison.
 * Layer: service (service/auth.h). The JSON values returned are yours.
 */
#ifndef SHINSA_SERVICE_SUBMISSION_VIEW_H
#define SHINSA_SERVICE_SUBMISSION_VIEW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/answers_diff.h"
#include "core/user.h"
#include "lib/strbuf.h"
#include "service/submissions.h"

/* {id, catalog, version, submitted_at, sha256} */
json_t *submission_view_summary(const struct submission_record *rec);

/* {id, org, catalog, version, submitted_at, sha256, signature_valid,
 * answers[{no, status, current, issues, plan, plan_due, notes}]} */
json_t *submission_view_show(const struct submission_record *rec, const struct submission *doc, bool valid);

/* One side of a comparison: a stored submission, or the working answers. */
struct submission_side {
	struct submission_record *rec; /* NULL for the working answers */
	struct submission *doc;
};

void submission_side_release(struct submission_side *s);

/*
 * Loads submission a into from and b (a submission id as text, or
 * "working": the organisation's current answers) into to; both must
 * verify (submissions_load_valid()) and be of one organisation and one
 * checklist. With owner non-zero, a submission of another organisation is
 * OUTCOME_NOT_FOUND like a missing one ("no submission N"), so that
 * nothing of it shows. OUTCOME_INVALID when b is no id, or the two
 * are of different organisations or checklists. Release both sides
 * whatever this returns.
 */
enum outcome submission_sides_load(struct store *st, long long owner, long long a, const char *b,
				   struct submission_side *from, struct submission_side *to, struct err *e);

/*
 * A bank's comparison: a and b (ids as text) must both be shared with
 * reader's bank bank_id and in force now (shares_bank_access()); either
 * not is OUTCOME_NOT_FOUND "no submission N" (a's first), exactly as a
 * read of one; b "working" or no id is OUTCOME_INVALID; two of different
 * organisations or checklists as submission_sides_load(). Once both
 * load, each read is recorded on its share (submission_read,
 * shares_record_read()) in one transaction before this returns 0; a
 * refusal records nothing. Release both sides whatever this returns.
 */
enum outcome submission_sides_bank(struct store *st, const struct user *reader, long long bank_id, long long a,
				   const char *b, struct submission_side *from, struct submission_side *to,
				   struct err *e);

/* {org, catalog, from, to, items[{no, key, fields[{field, before, after}]}]},
 * from and to {kind: "submission", id, version, submitted_at} or
 * {kind: "working"}. */
json_t *submission_view_diff(const struct submission_side *from, const struct submission_side *to,
			     const struct answers_diff *d);

/* The files_diff of from and to (core/answers_diff.h) as the diff's
 * "files": [{change: "added"|"removed"|"replaced", name, before, after}],
 * before and after each an attachment as the document lists it, or null;
 * the working side's files those the next version would seal
 * (submissions_seal_files()). You own the reference. */
json_t *submission_view_files_diff(const struct submission *from, const struct submission *to);

/* The same as `shinsa diff` prints it, one line a file, appended to out:
 *   file "ISMS認証.pdf" (items 1, 2): replaced aaaaaaaaaaaa → bbbbbbbbbbbb
 * (added/removed give one hash: the first 12 hex digits, as the package
 * and the Excel form name a file). Returns how many files changed. */
size_t submission_view_files_text(const struct submission *from, const struct submission *to, struct strbuf *out);

#endif
