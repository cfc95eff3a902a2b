/*
 * store_question: a connector's answers to one bank's supplementary
 * questions (service/questions.h) in the database. Included by store.h;
 * callers include store.h.
 *
 * One row per (bank, connector, criterion key). Rows are kept by key, not
 * tied to the bank's criteria rows, so a re-import of the criteria leaves
 * them be; which keys are questions is the service's business. Writes go
 * inside the caller's transaction.
 */
#ifndef SHINSA_STORE_QUESTION_H
#define SHINSA_STORE_QUESTION_H

#include <stddef.h>

#include "lib/err.h"

struct store;

/* One stored answer; owns its strings. */
struct question_answer {
	char *key;
	char *wording; /* SHA-256 (hex) of the question's text as it was answered */
	char *answer;
	char *answered_at;
	char *answered_by; /* the audit actor: an email, or "cli:NAME" */
};

/* Frees the n answers of list and the array; accepts NULL. */
void question_answers_free(struct question_answer *list, size_t n);

/* Every answer connector_id gave bank_id, by key; *out (yours) NULL when
 * there are none. 0 or -1. */
int store_question_list(struct store *st, long long bank_id, long long connector_id, struct question_answer **out,
			size_t *n, struct err *e);

/* Sets (inserts or replaces) a's answer of connector_id to bank_id's
 * question a->key; a->answer NULL deletes it. 0 or -1. */
int store_question_put(struct store *st, long long bank_id, long long connector_id, const struct question_answer *a,
		       struct err *e);

#endif
