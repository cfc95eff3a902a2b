/*
 * answers_diff: what changed between two answer sets of one checklist — two
 * submissions, or a submission and the working answers.
 *
 * Items are matched by key. An item only one side has is compared with an
 * empty answer (no status, no date, "" texts). The result lists only the
 * items that changed, in the order of `from` (then any items only `to`
 * has, in its order), and within each only the fields that changed, in
 * enum answer_field order. The diff owns copies of everything it shows;
 * answers_diff_free() releases them.
 */
#ifndef SHINSA_CORE_ANSWERS_DIFF_H
#define SHINSA_CORE_ANSWERS_DIFF_H

#include <stddef.h>

#include "core/answers.h"
#include "core/submission.h"

struct field_change {
	enum answer_field field;
	char *before; /* NULL: unset (status and plan_due only) */
	char *after;
};

struct item_change {
	int no;
	char *item_key;
	struct field_change *fields;
	size_t n_fields;
};

struct answers_diff {
	struct item_change *items;
	size_t n_items;
};

struct answers_diff *answers_diff_new(const struct answer_set *from, const struct answer_set *to);
void answers_diff_free(struct answers_diff *d);

/*
 * What changed in two submissions' files, matched by sha256 (a file is its
 * bytes): added (only `to` lists it), removed (only `from`), replaced (a
 * removed file and an added one of the same name on the same items: a new
 * version of one piece of evidence). A file listed by both is unchanged
 * even if its title or items moved. In the order of the documents (by
 * name, then sha256 of the file before, or after when added). The changes
 * point into from and to, which must outlive the diff; files_diff_free()
 * frees only the list.
 */
enum file_change_kind { FILE_ADDED, FILE_REMOVED, FILE_REPLACED };

struct file_change {
	enum file_change_kind kind;
	const struct submission_attachment *before; /* NULL when added */
	const struct submission_attachment *after;  /* NULL when removed */
};

struct files_diff {
	struct file_change *changes;
	size_t n_changes;
};

struct files_diff *files_diff_new(const struct submission *from, const struct submission *to);
void files_diff_free(struct files_diff *d);
/* "added", "removed", "replaced". */
const char *file_change_name(enum file_change_kind kind);

#endif
