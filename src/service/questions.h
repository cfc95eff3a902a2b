/*
 * questions: a bank's supplementary questions and a connector's answers to
 * them. Criteria with no counterpart in the checklist (relation "none" in
 * the bank's current criteria list, core/criteria.h) are questions the
 * connector answers for that bank only, outside its master answer set.
 * Layer: service (service/auth.h). For the command line and the server.
 *
 * Who sees what:
 *   - a bank's questions (key, category, text), in the list's order, are
 *     what the bank publishes: any connector lists them; a damaged
 *     criterion (its text lost, as seed 000's (1)-12) is never one: the
 *     bank's list marks it for the bank to fix or drop;
 *   - a connector's answers are its own; a bank sees them only through a
 *     submission of that connector shared with it in force now
 *     (shares_bank_access(), the rule every access of a bank goes
 *     through), and each such read is recorded on that share, the
 *     connector through its own submission's review by the
 *     bank (reviews_get()); anything else is OUTCOME_NOT_FOUND with the
 *     message of those rules ("no submission N", "no review of submission
 *     N by BANK"), whether it exists or not;
 *   - answers are kept by key with the wording they answered (the SHA-256
 *     of the question's text): a re-import of the criteria leaves them; an
 *     answer whose key is no longer a question, or whose question was
 *     reworded since, is not shown (the connector answers the new wording).
 *   - answers are live, not part of any signed submission: the bank sees
 *     them as they are now.
 *
 * An answer is UTF-8 text of 1 to QUESTIONS_ANSWER_MAX characters; an empty
 * (or blank) answer clears it, after which the question shows as
 * unanswered (clearing an unanswered question changes and records
 * nothing).
 *
 * Audit event (in the connector's trail: the answers are its record; by the
 * actor given), in the transaction of the change:
 *   question_answer  question:BANK_ID-KEY  {"bank", "key", "cleared"}
 * — never the text, like answer_edit: the trail says that it changed.
 *
 * Return values: 0; OUTCOME_NOT_FOUND (404): "no bank \"NAME\"" (no
 * organisation of that name, or not a bank), "BANK has no question
 * \"KEY\"", and the access messages above; OUTCOME_INVALID (400): "the
 * answer is longer than 4000 characters", "the answer is not valid UTF-8"; OUTCOME_REFUSED: "NAME is a
 * bank: answers belong to connectors" (the command line; the server's
 * route is for connectors only); -1 for a failure of the system. e always
 * says why.
 */
#ifndef SHINSA_SERVICE_QUESTIONS_H
#define SHINSA_SERVICE_QUESTIONS_H

#include <jansson.h>
#include <stddef.h>

#include "core/org.h"
#include "core/review.h"
#include "core/user.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"

/* The longest answer, in characters: a review's texts' limit, which
 * review_text_check() applies. */
#define QUESTIONS_ANSWER_MAX REVIEW_TEXT_MAX

/* A question with the connector's answer (answer, answered_at and
 * answered_by NULL when unanswered). Owns its strings. */
struct question {
	char *key;
	char *category;
	char *text; /* never NULL: a damaged criterion is no question */
	char *answer;
	char *answered_at;
	char *answered_by;
};

/* A bank's questions with one connector's answers (connector NULL: none). */
struct question_list {
	char *bank;
	char *connector;
	struct question *items;
	size_t n;
};

/* Each accepts NULL. */
void question_free(struct question *q);
void question_list_free(struct question_list *l);

/* The questions of the bank named bank with connector's answers (connector
 * NULL: the questions alone). A bank with no criteria imported has none. */
enum outcome questions_list(struct store *st, const char *bank, const struct org *connector, struct question_list **out,
			    struct err *e);

/*
 * connector answers bank's question key with text (NULL, "" or blank
 * clears it).
 * *out (may be NULL) gets the question as it now stands, yours
 * (question_free()).
 */
enum outcome questions_answer(struct store *st, const char *actor, const struct org *connector, const char *bank,
			      const char *key, const char *text, struct question **out, struct err *e);

/*
 * The questions of a review: viewer a bank, its own questions with the
 * answers of the connector that owns submission_id, under a share in force
 * (bank unused), read by reader, a user of the bank: the read is recorded
 * on that share and audited (questions_read, shares_record_read()) before
 * the answers are handed over; viewer a connector, the questions of the
 * bank named bank with its own answers, when that bank has a review of its
 * submission (reader unused: a connector's read of its own answers is not
 * recorded).
 */
enum outcome questions_review(struct store *st, const struct org *viewer, const struct user *reader,
			      long long submission_id, const char *bank, struct question_list **out, struct err *e);

/* {key, category, text, answer, answered_at, answered_by} of q. */
json_t *questions_item_json(const struct question *q);
/* [questions_item_json()...]. */
json_t *questions_json(const struct question_list *l);
/* {bank, connector, questions:[...]}: a review's questions. */
json_t *questions_review_json(const struct question_list *l);

#endif
