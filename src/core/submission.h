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

#include <stdbool.h>
#include <stddef.h>

#include "core/answers.h"
#include "core/catalog.h"
#include "core/org.h"

/* New documents are /2 (they list their files); /1 documents, signed before
 * files existed, are read as they are and never rewritten. */
#define SUBMISSION_FORMAT "shinsa-submission/2"
#define SUBMISSION_FORMAT_1 "shinsa-submission/1"

/*
 * A file sealed into a submission: what the document says of it, not its
 * bytes (those travel beside the document: formats/package.h). items are
 * the numbers (通番) of the items it supports; submission_sort() puts them
 * ascending without repeats.
 */
struct submission_attachment {
	char *sha256;      /* 64 lowercase hex digits of the bytes */
	char *name;        /* the file's name, no / \ or control characters */
	char *title;       /* "" when none */
	char *type;        /* one of submission_attachment_types */
	long long size;    /* bytes, >= 0 */
	char *valid_until; /* YYYY-MM-DD (有効期限), or NULL */
	int *items;
	size_t n_items;
};

/* The MIME types a sealed file may have, NULL-terminated: exactly these
 * strings (the attachment store sniffs content into one of them). */
extern const char *const submission_attachment_types[];
bool submission_attachment_type_known(const char *type);

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
	int format;            /* 2, or 1 for a document read in that format */
	struct submission_attachment *attachments; /* by name, then sha256 */
	size_t n_attachments;
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

/* Appends a copy of the attachment's strings (no items; valid_until may be
 * NULL) and returns it; valid until the next append. */
struct submission_attachment *submission_add_attachment(struct submission *s, const char *sha256, const char *name,
							const char *title, const char *type, long long size,
							const char *valid_until);
void submission_attachment_add_item(struct submission_attachment *a, int no);
/* Puts the attachments in the document's order (by name, then sha256) and
 * each one's items ascending without repeats. */
void submission_sort(struct submission *s);
/* The attachment with that sha256, or NULL. */
const struct submission_attachment *submission_find_attachment(const struct submission *s, const char *sha256);

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
