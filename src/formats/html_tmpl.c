/* html_tmpl: parse templates into node trees, render trees. See html_tmpl.h. */
#include "formats/html_tmpl.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/html_tmpl_tree.h"
#include "lib/text.h"
#include "lib/xalloc.h"

static const char *const block_word[] = { [N_IF] = "if", [N_UNLESS] = "unless", [N_EACH] = "each" };

static void path_release(struct path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->name[i]);
	free(p->name);
	free(p->text);
}

static void nodes_free(struct node *n)
{
	while (n) {
		struct node *next = n->next;
		for (size_t i = 0; i < n->npath; i++)
			path_release(&n->path[i]);
		free(n->path);
		free(n->text);
		nodes_free(n->body);
		nodes_free(n->alt);
		free(n);
		n = next;
	}
}

struct tmpl_set *tmpl_set_new(void)
{
	return xcalloc(1, sizeof(struct tmpl_set));
}

void tmpl_set_free(struct tmpl_set *set)
{
	if (!set)
		return;
	for (struct tmpl *t = set->first, *next; t; t = next) {
		next = t->next;
		nodes_free(t->root);
		free(t->name);
		free(t);
	}
	free(set);
}


/* ---- parsing ---- */

struct open { /* a block being parsed */
	struct node *node;
	struct node **tail; /* where its next child goes */
};

struct parser {
	const char *name, *s;
	size_t len, pos;
	unsigned line, col; /* of s[pos] */
	struct open open[TMPL_MAX_NESTING + 1];
	int depth; /* open[0] is the template itself */
	struct err *e;
};

/* Moves to s[to], counting lines and characters (not UTF-8 continuation
 * bytes, so Japanese text has the columns an editor shows). */
static void advance(struct parser *p, size_t to)
{
	for (; p->pos < to; p->pos++) {
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->col++;
		}
	}
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Fills p from the len bytes at w: 0, or -1 with an error at line:col. */
static int path_parse(struct parser *ps, unsigned line, unsigned col, const char *w, size_t len, struct path *p)
{
	memset(p, 0, sizeof(*p));
	if (len == 0) {
		err_set(ps->e, "%s:%u:%u: empty path", ps->name, line, col);
		return -1;
	}
	p->text = xstrndup(w, len);
	static const char *const meta[] = { [P_DOT] = ".", [P_INDEX] = "@index", [P_FIRST] = "@first", [P_LAST] = "@last" };
	for (int k = P_DOT; k <= P_LAST; k++)
		if (strlen(meta[k]) == len && memcmp(meta[k], w, len) == 0) {
			p->kind = (enum pkind)k;
			return 0;
		}
	p->kind = P_NAMES;
	for (size_t i = 0, start = 0; i <= len; i++) {
		if (i < len && name_char(w[i]))
			continue;
		if ((i < len && w[i] != '.') || i == start) {
			err_set(ps->e, "%s:%u:%u: bad path \"%.64s\"", ps->name, line, col, p->text);
			path_release(p);
			return -1;
		}
		p->name = xrealloc(p->name, (p->n + 1) * sizeof(char *));
		p->name[p->n++] = xstrndup(w + start, i - start);
		start = i + 1;
	}
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next space-separated word of [*at, end): its start and length. */
static size_t word(const char **at, const char *end, const char **w)
{
	while (*at < end && is_space(**at))
		(*at)++;
	*w = *at;
	while (*at < end && !is_space(**at))
		(*at)++;
	return (size_t)(*at - *w);
}

static bool is_word(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static struct node *node_add(struct parser *p, enum kind kind, unsigned line, unsigned col)
{
	struct node *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->line = line;
	n->col = col;
	struct open *o = &p->open[p->depth];
	*o->tail = n;
	o->tail = &n->next;
	return n;
}

/* Paths of the words in [at, end) into n: at most 9 for {{t}}, else one
 * (what names the tag in messages). 0 or -1. */
static int node_paths(struct parser *p, struct node *n, const char *at, const char *end, const char *what)
{
	size_t max = n->kind == N_T ? 9 : 1;
	const char *w;
	size_t wl;
	while ((wl = word(&at, end, &w)) > 0) {
		if (n->npath == max) {
			if (max == 1)
				err_set(p->e, "%s:%u:%u: {{%s}} takes one path", p->name, n->line, n->col, what);
			else
				err_set(p->e, "%s:%u:%u: {{t}} takes at most 9 values", p->name, n->line, n->col);
			return -1;
		}
		n->path = xrealloc(n->path, (n->npath + 1) * sizeof(struct path));
		if (path_parse(p, n->line, n->col, w, wl, &n->path[n->npath]) < 0)
			return -1;
		n->npath++;
	}
	if (n->npath == 0 && max == 1)
		return path_parse(p, n->line, n->col, "", 0, &(struct path){ 0 });
	return 0;
}

static int tag_block(struct parser *p, unsigned line, unsigned col, const char *at, const char *end)
{
	const char *w;
	size_t wl = word(&at, end, &w);
	enum kind k = is_word(w, wl, "if") ? N_IF : is_word(w, wl, "unless") ? N_UNLESS : is_word(w, wl, "each") ? N_EACH : N_TEXT;
	if (k == N_TEXT) {
		err_set(p->e, "%s:%u:%u: unknown helper \"#%.*s\"", p->name, line, col, (int)(wl > 64 ? 64 : wl), w);
		return -1;
	}
	if (p->depth == TMPL_MAX_NESTING) {
		err_set(p->e, "%s:%u:%u: blocks nested more than %d deep", p->name, line, col, TMPL_MAX_NESTING);
		return -1;
	}
	struct node *n = node_add(p, k, line, col);
	if (node_paths(p, n, at, end, k == N_IF ? "#if" : k == N_EACH ? "#each" : "#unless") < 0)
		return -1;
	p->depth++;
	p->open[p->depth] = (struct open){ n, &n->body };
	return 0;
}

static int tag_close(struct parser *p, unsigned line, unsigned col, const char *at, const char *end)
{
	const char *w;
	size_t wl = word(&at, end, &w);
	int wl64 = (int)(wl > 64 ? 64 : wl);
	if (!is_word(w, wl, "if") && !is_word(w, wl, "unless") && !is_word(w, wl, "each")) {
		err_set(p->e, "%s:%u:%u: unknown helper \"/%.*s\"", p->name, line, col, wl64, w);
		return -1;
	}
	if (p->depth == 0) {
		err_set(p->e, "%s:%u:%u: {{/%.*s}} closes no block", p->name, line, col, wl64, w);
		return -1;
	}
	struct node *n = p->open[p->depth].node;
	if (!is_word(w, wl, block_word[n->kind])) {
		err_set(p->e, "%s:%u:%u: {{/%.*s}} closes {{#%s %.64s}} opened at %s:%u:%u", p->name, line, col, wl64, w,
			block_word[n->kind], n->path[0].text, p->name, n->line, n->col);
		return -1;
	}
	p->depth--;
	return 0;
}

/* A {{patterns}} prefix: it becomes part of attribute names, so only a-z. */
static bool is_prefix_word(const char *w, size_t wl)
{
	for (size_t i = 0; i < wl; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return wl > 0;
}

/* One tag: the bytes between {{ and }}, spaces around them dropped. */
static int tag(struct parser *p, unsigned line, unsigned col, const char *at, const char *end)
{
	const char *w;
	while (at < end && is_space(*at))
		at++;
	while (end > at && is_space(end[-1]))
		end--;
	if (at < end && *at == '!')
		return 0;
	if (at < end && *at == '{') {
		err_set(p->e, "%s:%u:%u: no unescaped output: {{{ is not supported", p->name, line, col);
		return -1;
	}
	if (at < end && *at == '#')
		return tag_block(p, line, col, at + 1, end);
	if (at < end && *at == '/')
		return tag_close(p, line, col, at + 1, end);
	if (at < end && *at == '>') {
		at++;
		size_t wl = word(&at, end, &w);
		if (wl == 0 || at != end) {
			err_set(p->e, "%s:%u:%u: %s", p->name, line, col, wl ? "bad partial name" : "empty partial name");
			return -1;
		}
		node_add(p, N_PARTIAL, line, col)->text = xstrndup(w, wl);
		return 0;
	}
	size_t wl = word(&at, end, &w);
	if (is_word(w, wl, "else")) {
		struct node *n = p->open[p->depth].node;
		if (p->depth == 0 || n->has_else || at != end) {
			err_set(p->e, "%s:%u:%u: stray {{else}}", p->name, line, col);
			return -1;
		}
		n->has_else = true;
		p->open[p->depth].tail = &n->alt;
		return 0;
	}
	if (is_word(w, wl, "t")) {
		struct node *n = node_add(p, N_T, line, col);
		if ((wl = word(&at, end, &w)) == 0) {
			err_set(p->e, "%s:%u:%u: {{t}} needs a message key", p->name, line, col);
			return -1;
		}
		n->text = xstrndup(w, wl);
		return node_paths(p, n, at, end, "t");
	}
	if (is_word(w, wl, "pattern")) {
		struct node *n = node_add(p, N_PATTERN, line, col);
		if ((wl = word(&at, end, &w)) == 0 || at != end) {
			err_set(p->e, "%s:%u:%u: {{pattern}} takes one message key", p->name, line, col);
			return -1;
		}
		n->text = xstrndup(w, wl);
		return 0;
	}
	if (is_word(w, wl, "patterns")) {
		struct node *n = node_add(p, N_PATTERNS, line, col);
		if ((wl = word(&at, end, &w)) == 0 || at != end || !is_prefix_word(w, wl)) {
			err_set(p->e, "%s:%u:%u: {{patterns}} takes one prefix of lowercase letters", p->name, line, col);
			return -1;
		}
		n->text = xstrndup(w, wl);
		return 0;
	}
	if (is_word(w, wl, "url"))
		return node_paths(p, node_add(p, N_URL, line, col), at, end, "url");
	if (at != end) {
		err_set(p->e, "%s:%u:%u: unknown helper \"%.*s\"", p->name, line, col, (int)(wl > 64 ? 64 : wl), w);
		return -1;
	}
	return node_paths(p, node_add(p, N_VAR, line, col), w, end, "");
}

/* The first of two c in a row in [s, end), or NULL (memmem is not POSIX). */
static const char *find2(const char *s, const char *end, char c)
{
	while (s + 1 < end) {
		const char *hit = memchr(s, c, (size_t)(end - s - 1));
		if (!hit)
			return NULL;
		if (hit[1] == c)
			return hit;
		s = hit + 1;
	}
	return NULL;
}

static int parse(struct parser *p)
{
	while (p->pos < p->len) {
		const char *open = find2(p->s + p->pos, p->s + p->len, '{');
		size_t to = open ? (size_t)(open - p->s) : p->len;
		if (to > p->pos) {
			struct node *n = node_add(p, N_TEXT, p->line, p->col);
			n->text = xmalloc(to - p->pos);
			memcpy(n->text, p->s + p->pos, to - p->pos);
			n->len = to - p->pos;
			advance(p, to);
		}
		if (!open)
			break;
		unsigned line = p->line, col = p->col;
		const char *body = open + 2;
		const char *close = find2(body, p->s + p->len, '}');
		if (!close) {
			err_set(p->e, "%s:%u:%u: unclosed {{", p->name, line, col);
			return -1;
		}
		if (tag(p, line, col, body, close) < 0)
			return -1;
		advance(p, (size_t)(close - p->s) + 2);
	}
	if (p->depth > 0) {
		struct node *n = p->open[p->depth].node;
		err_set(p->e, "%s:%u:%u: unclosed {{#%s %.64s}} opened at %s:%u:%u", p->name, p->line, p->col,
			block_word[n->kind], n->path[0].text, p->name, n->line, n->col);
		return -1;
	}
	return 0;
}

int tmpl_set_add(struct tmpl_set *set, const char *name, const char *text, size_t len, struct err *e)
{
	if (!name || !name[0]) {
		err_set(e, "a template needs a name");
		return -1;
	}
	if (tmpl_tree_find(set, name, strlen(name))) {
		err_set(e, "%s: template already in the set", name);
		return -1;
	}
	if (len > TMPL_MAX_SIZE) {
		err_set(e, "%s: template larger than 256 KiB", name);
		return -1;
	}
	/* Pages are served as UTF-8: a broken template must not reach them. */
	char *copy = memchr(text, '\0', len) ? NULL : xstrndup(text, len);
	bool utf8 = copy && text_utf8_valid(copy, len);
	free(copy);
	if (!utf8) {
		err_set(e, "%s: template is not UTF-8 text", name);
		return -1;
	}
	struct tmpl *t = xcalloc(1, sizeof(*t));
	struct parser p = { .name = name, .s = text, .len = len, .line = 1, .col = 1, .e = e };
	p.open[0].tail = &t->root;
	if (parse(&p) < 0) {
		nodes_free(t->root);
		free(t);
		return -1;
	}
	t->name = xstrdup(name);
	t->next = set->first;
	set->first = t;
	return 0;
}

static int check_nodes(const struct tmpl_set *set, const char *name, const struct node *n, struct err *e)
{
	for (; n; n = n->next) {
		if (n->kind == N_PARTIAL && !tmpl_tree_find(set, n->text, strlen(n->text))) {
			err_set(e, "%s:%u:%u: unknown partial \"%.64s\"", name, n->line, n->col, n->text);
			return -1;
		}
		if (check_nodes(set, name, n->body, e) < 0 || check_nodes(set, name, n->alt, e) < 0)
			return -1;
	}
	return 0;
}

int tmpl_set_check(const struct tmpl_set *set, struct err *e)
{
	for (const struct tmpl *t = set->first; t; t = t->next)
		if (check_nodes(set, t->name, t->root, e) < 0)
			return -1;
	return 0;
}

int tmpl_render(const struct tmpl_set *set, const char *name, const json_t *data, const json_t *messages,
		struct strbuf *out, struct err *e)
{
	const struct tmpl *t = tmpl_tree_find(set, name, strlen(name));
	if (!t) {
		err_set(e, "unknown template \"%.64s\"", name);
		return -1;
	}
	return tmpl_tree_render(set, t, data, messages, out, e);
}
