/*
 * answers: a connector's answers to a checklist — the master answer set.
 *
 * One answer per checklist item. The text fields are never NULL ("" when
 * empty); plan_due is NULL or YYYY-MM-DD. An answer set owns its answers
 * and strings; answer_set_free() releases them.
 */
#ifndef SHINSA_CORE_ANSWERS_H
#define SHINSA_CORE_ANSWERS_H

#include <stddef.h>

#include "core/catalog.h"
#include "lib/err.h"
#include "lib/strbuf.h"

enum answer_status {
	STATUS_UNSET = 0,
	STATUS_IMPLEMENTED,     /* 対応済 */
	STATUS_PARTIAL,         /* 一部対応 */
	STATUS_NOT_IMPLEMENTED, /* 未対応 */
	STATUS_NOT_APPLICABLE,  /* 対象外 */
};

/* The answer fields, in the order every output lists them. */
enum answer_field {
	FIELD_STATUS,
	FIELD_CURRENT,  /* 現在の対応状況 */
	FIELD_ISSUES,   /* 課題認識 */
	FIELD_PLAN,     /* 課題への対応計画 */
	FIELD_PLAN_DUE, /* 対応予定日 */
	FIELD_NOTES,    /* 備考 */
	ANSWER_NFIELDS,
};

struct answer {
	int no;          /* the item's 通番 */
	char *item_key;  /* the item's stable key */
	enum answer_status status;
	char *current;
	char *issues;
	char *plan;
	char *plan_due;
	char *notes;
};

struct answer_set {
	char *org;        /* organisation name */
	char *catalog_id;
	struct answer *items; /* in catalog order, one per item */
	size_t n_items;
};

/* An empty answer for every item of checklist cat. */
struct answer_set *answer_set_new(const char *org, const struct catalog *cat);
void answer_set_free(struct answer_set *set);
struct answer *answer_set_find(struct answer_set *set, int no);
/* The answer to item key, or NULL. */
const struct answer *answer_set_find_key(const struct answer_set *set, const char *key);
/* Makes a an empty answer to item no / key (texts "", nothing set); a's
 * old contents are not freed. */
void answer_init(struct answer *a, int no, const char *key);

/* "implemented", ...; NULL for unset. And back: STATUS_UNSET and -1 if unknown. */
const char *answer_status_name(enum answer_status s);
int answer_status_parse(const char *s, enum answer_status *out);
/* The form's wording: 対応済, 一部対応, 未対応, 対象外 ("" for unset). */
const char *answer_status_label(enum answer_status s);
/* Accepts either the name or the Japanese label. */
int answer_status_parse_any(const char *s, enum answer_status *out);

const char *answer_field_name(enum answer_field f);

/* The text of a field ("" when empty or unset). */
const char *answer_get(const struct answer *a, enum answer_field f);
/*
 * The most a text field (current, issues, plan, notes) holds, as
 * answer_text_length() counts, for every input (the API, the command line,
 * the form's import). Every output must carry a field whole:
 *   - the form: an Excel cell holds 32,767 UTF-16 code units, and the cell
 *     of current or plan holds its marker line too (【一部対応】 and a line
 *     break, 7; 【対応予定日】YYYY-MM-DD and a line break, 18: xlsx_cells.h);
 *   - the signed submission: only its 64 MiB file bounds it (the checklist's
 *     45 items with every field this long, escaped, stay far below);
 *   - the PDF to come: a field printed under its label or carried over to
 *     the next page may need a line of its own in the same text.
 * 32,000 leaves 767 units for such lines, and is a number a person can be
 * told. Text stored or signed under the earlier limit (32,767 characters)
 * is still read: see answer_load_field().
 */
#define ANSWER_TEXT_MAX 32000

/*
 * The length of text as the form's cell needs it: UTF-16 code units, as
 * Excel counts (a character beyond U+FFFF, most emoji, is two), plus 6 for
 * each "_xHHHH_", which the form writes as "_x005F_xHHHH_" so that it reads
 * back literally (libxlsxwriter refuses a cell by the text it is given, in
 * code points, so both counts stay within the cell). text is UTF-8.
 */
size_t answer_text_length(const char *text);

/*
 * Sets a field from text: status by name or label ("" unsets it), plan_due
 * as YYYY-MM-DD ("" unsets it), the rest as given: valid UTF-8 of at most
 * ANSWER_TEXT_MAX. e says what is wrong, naming the field: "current is
 * longer than 32000 characters".
 */
int answer_set_field(struct answer *a, enum answer_field f, const char *value, struct err *e);
/*
 * The same without the length limit, for text already accepted once: the
 * stored answers and a signed submission's, which an earlier version may
 * have accepted up to 32,767 characters. Nothing written is lost on reading.
 */
int answer_load_field(struct answer *a, enum answer_field f, const char *value, struct err *e);

/*
 * Whether every text field of set is within ANSWER_TEXT_MAX, as every
 * output needs: text saved before the limit (up to 32,767 characters) may
 * not be. -1 with e naming the first that is not: "item 3: current is
 * longer than 32000 characters (saved before this limit): shorten it".
 */
int answer_set_check_lengths(const struct answer_set *set, struct err *e);

/* The hex digits of an answer's revision (answer_revision). */
#define ANSWER_REVISION_LEN 16

/*
 * The revision of an answer: the first 16 hex digits of the SHA-256 of its
 * field values in answer_field order, each written as name, NUL, value, NUL
 * (status by name, "" when unset). Any change to any field changes it, so a
 * client that sends back the revision it read learns whether someone else
 * changed the item meanwhile. out gets the digits and a NUL.
 */
void answer_revision(const struct answer *a, char out[ANSWER_REVISION_LEN + 1]);

/*
 * Whether item is for the connector to answer: connector and common items
 * are; bank items are the bank's.
 */
bool answer_is_connectors(const struct catalog_item *item);

/*
 * The rules an answer set must meet before it is submitted: every connector
 * and common item has a status; partial and not_implemented need issues, a
 * plan and a due date; not_applicable needs a reason in current or notes.
 * Appends one line per problem to problems ("item 12: no status") and
 * returns how many there were.
 */
size_t answer_set_check(const struct catalog *cat, const struct answer_set *set, struct strbuf *problems);

/*
 * One problem answer_set_check finds, for a reader that words it itself
 * (the web page, in the person's language):
 *   code "no_status"  field "status"   status NULL
 *   code "required"   field "issues", "plan" or "plan_due"; status the
 *                     answer's ("partial" or "not_implemented")
 *   code "no_reason"  field "current"  status "not_applicable"
 * All strings are static.
 */
struct answer_problem {
	int no;
	const char *code, *field, *status;
};

/* Calls fn for every problem answer_set_check would list, in the same
 * order, and returns how many there were. */
size_t answer_set_problems(const struct catalog *cat, const struct answer_set *set,
			   void (*fn)(const struct answer_problem *p, void *cls), void *cls);

/*
 * A contradiction in an answer: not a reason to refuse a submission, but
 * something a reader should look at before submitting or while reviewing.
 * The rules, for connector and common items (one answer may break two):
 *   code "implemented_issues"      field "issues"    implemented, yet 課題認識
 *                                                    has text
 *   code "implemented_future_due"  field "plan_due"  implemented, yet 対応予定日
 *                                                    lies after today
 *   code "open_no_plan"            field "plan"      partial or not_implemented
 *                                                    without 課題への対応計画
 *   code "open_no_plan_due"        field "plan_due"  partial or not_implemented
 *                                                    without 対応予定日
 * status is the answer's status name. The last two are also problems that
 * refuse a submission (answer_set_problems): a signed set normally has none,
 * but the bank reads every set it is shown by the same rules. All strings
 * are static.
 */
struct answer_contradiction {
	int no;
	const char *code, *field, *status;
};

/*
 * Calls fn for every contradiction in set (a whole answer set, or a
 * submission's, which holds the connector's items only; items not in cat
 * are skipped), by item in set order and by
 * the order above within an item, and returns how many there were. today is
 * YYYY-MM-DD (the server's date: service/plans.h plans_today).
 */
size_t answers_contradictions(const struct catalog *cat, const struct answer_set *set, const char *today,
			      void (*fn)(const struct answer_contradiction *c, void *cls), void *cls);

#endif
