/*
 * html_tmpl_tree: the compiled form of a template (made by html_tmpl.c's
 * parser) and its rendering. Private to html_tmpl: callers use
 * html_tmpl.h, which documents the syntax, the messages and the limits.
 */
#ifndef SHINSA_FORMATS_HTML_TMPL_TREE_H
#define SHINSA_FORMATS_HTML_TMPL_TREE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "formats/html_tmpl_limits.h"
#include "lib/err.h"
#include "lib/strbuf.h"

enum kind { N_TEXT, N_VAR, N_URL, N_T, N_PATTERN, N_PATTERNS, N_IF, N_UNLESS, N_EACH, N_PARTIAL };
enum pkind { P_DOT, P_INDEX, P_FIRST, P_LAST, P_NAMES };

struct path {
	enum pkind kind;
	char *text;  /* as written, for messages */
	char **name; /* P_NAMES: the names between dots, at least one */
	size_t n;
};

struct node {
	enum kind kind;
	unsigned line, col;      /* of its {{, for messages */
	char *text;              /* N_TEXT bytes, N_T and N_PATTERN key, N_PATTERNS prefix, N_PARTIAL name */
	size_t len;              /* N_TEXT */
	struct path *path;       /* N_VAR, N_URL, blocks: one; N_T: its values */
	size_t npath;
	struct node *body, *alt; /* blocks: before and after {{else}} */
	bool has_else;
	struct node *next;
};

struct tmpl {
	char *name;
	struct node *root;
	struct tmpl *next;
};

struct tmpl_set {
	struct tmpl *first; /* owns the list */
};

/* The template of set named by the len bytes at name, or NULL. */
const struct tmpl *tmpl_tree_find(const struct tmpl_set *set, const char *name, size_t len);

/* Renders t as tmpl_render() documents (out restored on failure). */
int tmpl_tree_render(const struct tmpl_set *set, const struct tmpl *t, const json_t *data, const json_t *messages,
		     struct strbuf *out, struct err *e);

#endif
