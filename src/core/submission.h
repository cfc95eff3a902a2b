/*
 * submission: a connector's answer set frozen at one moment, as plain data,
 * and the record the store keeps of it.
 *
 * A struct submission is what the signed document says (see
 * formats/submission_json.h for its JSON): who submitted, against which
 * checklist, which version, when, and a copy of the answers to the
 * connector's items (bank items are not the connector's and are left out).
 * A struct submission_record is how the store keeps one: the canonical
 * document bytes with their SHA-256 and signature, which are the truth;
 * everything else in the record is an index into them.
 *
 * Both own all their strings; the _free functions accept NULL.
 */
#ifndef SHINSA_CORE_SUBMISSION_H
#define SHINSA_CORE_SUBMISSION_H

#include <stddef.h>

#include "core/answers.h"
#include "core/catalog.h"
#include "core/org.h"

#define SUBMISSION_FORMAT "shinsa-submission/1"

struct submission {
	long long id;          /* the store's id; 0 when not known */
	char *org_name;
	char *org_reg_no;      /* NULL when the organisation has none */
	char *org_public_key;  /* 64 hex digits: the key the document is signed with */
	char *catalog_id;
	char *catalog_sha256;  /* the checklist's content hash (catalog->sha256) */
	int version;           /* 1, 2, ... for one organisation and checklist */
	char *submitted_at;    /* YYYY-MM-DDTHH:MM:SSZ */
	struct answer_set *answers; /* the connector's items only, in catalog order */
};

/*
 * The submission of set (org's answers to cat) as version, stamped at:
 * copies of the connector's and common items' answers, matched by item key.
 * cat->sha256 must be set.
 */
struct submission *submission_new(const struct org *org, const struct catalog *cat, const struct answer_set *set,
				  int version, const char *submitted_at);
/* An empty submission (every pointer NULL but answers, an empty set) for a
 * decoder to fill. */
struct submission *submission_new_empty(void);
void submission_free(struct submission *s);

/* Appends an empty answer (no status, "" texts) for item no/key to s and
 * returns it; valid until the next append. */
struct answer *submission_add_answer(struct submission *s, int no, const char *key);

struct submission_record {
	long long id;
	long long org_id;
	char *org_name;     /* the organisation's current name, for people */
	char *catalog_id;
	int version;
	char *submitted_at;
	char *document;     /* the canonical JSON bytes, NUL-terminated */
	size_t document_len;
	char *sha256;       /* hex SHA-256 of document */
	char *signature;    /* hex Ed25519 signature of document */
};

struct submission_record *submission_record_new(void);
void submission_record_free(struct submission_record *r);

#endif
