/*
 * catalog: a published list of items — the standard checklist (seed 004) or
 * a bank's criteria (seed 000) — as plain data.
 *
 * A catalog owns everything it points to; catalog_free() releases it all.
 * Strings are UTF-8 as they stand in the source document, with the seed
 * line-wrap spaces removed (see text_unwrap()).
 */
#ifndef SHINSA_CORE_CATALOG_H
#define SHINSA_CORE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/err.h"

enum catalog_kind {
	CATALOG_CHECKLIST = 1, /* items have no, objective (text), party, refs */
	CATALOG_CRITERIA,      /* items have section, category, text */
};

/* 対象者: who answers an item of the checklist. */
enum party {
	PARTY_NONE = 0, /* criteria items have no party */
	PARTY_CONNECTOR, /* API接続先 */
	PARTY_BANK,      /* 銀行 */
	PARTY_COMMON,    /* 共通 */
};

/* One cited document (関連規定) with the clauses cited from it (関連規定箇所). */
struct catalog_ref {
	char *doc;
	char **clauses;
	size_t n_clauses;
};

struct catalog_item {
	char *key;        /* stable identifier within the catalog */
	int no;           /* 通番 as printed; 0 when the source has none */
	char *section;    /* criteria: the part heading; NULL for a checklist */
	char *category;   /* 区分 */
	char *text;       /* checklist: セキュリティ対応目標; criteria: 項目. NULL only if damaged */
	enum party party; /* checklist only */
	struct catalog_ref *refs;
	size_t n_refs;
	char *notes;      /* 備考; never NULL */
	bool damaged;     /* the source row survives but its text is lost */
};

struct catalog {
	char *id;
	enum catalog_kind kind;
	char *title;
	char *publisher; /* NULL when the source does not say (criteria only) */
	char *date;      /* YYYY-MM-DD; NULL when the source does not say (criteria only) */
	char *source;    /* where the data came from, for people */
	char *sha256;    /* hex digest of the canonical content; set by whoever loads it */
	struct catalog_item *items;
	size_t n_items;
};

struct catalog *catalog_new(enum catalog_kind kind);
void catalog_free(struct catalog *cat);

/* Appends a zeroed item (notes "") and returns it; valid until the next add. */
struct catalog_item *catalog_add_item(struct catalog *cat);
/* Appends a ref citing doc (copied) and returns it. */
struct catalog_ref *catalog_item_add_ref(struct catalog_item *item, const char *doc);
void catalog_ref_add_clause(struct catalog_ref *ref, const char *clause);

/*
 * Checks what the type cannot: a usable id, title and date, unique keys and
 * numbers, a party and an objective on every checklist item, text on every
 * criterion unless it is damaged (and none if it is). The first problem is
 * put in e as "item 12: empty objective" (criteria name the key).
 */
int catalog_validate(const struct catalog *cat, struct err *e);

const struct catalog_item *catalog_find_key(const struct catalog *cat, const char *key);
const struct catalog_item *catalog_find_no(const struct catalog *cat, int no);

/* "checklist" / "criteria"; and back (returns 0 if unknown). */
const char *catalog_kind_name(enum catalog_kind kind);
enum catalog_kind catalog_kind_parse(const char *s);

/* "connector", "bank", "common" (NULL for PARTY_NONE); and back (PARTY_NONE if unknown). */
const char *party_name(enum party p);
enum party party_parse(const char *s);
/* The form's wording: "API接続先", "銀行", "共通" ("" for PARTY_NONE). */
const char *party_label(enum party p);

/*
 * The clauses of a ref as one cell's text. Statute numbers such as 統13 or
 * 実1 are joined with "、" as the form prints them; anything longer (a
 * report section with its title) goes on a line of its own. You own the
 * result.
 */
char *catalog_ref_clauses_text(const struct catalog_ref *ref);

/* A printable name for an item in messages: "item 12" or "item (1)-12". */
const char *catalog_item_label(const struct catalog *cat, const struct catalog_item *item, char *buf, size_t size);

#endif
