/* html_tmpl_tree: rendering a parsed template. See html_tmpl_tree.h. */
#include "formats/html_tmpl_tree.h"

#include <stdio.h>
#include <string.h>

#include "lib/text.h"

/* Only {{#each}} pushes a scope, at most TMPL_MAX_NESTING per template
 * in each of the partials nested inside each other, plus the data. */
#define MAX_FRAMES (1 + TMPL_MAX_NESTING * (TMPL_MAX_PARTIALS + 1))

struct frame {
	const json_t *v;
	json_t *index; /* an {{#each}}'s @index, NULL for the data */
	size_t i, count;
};

struct render {
	const struct tmpl_set *set;
	const json_t *messages;
	const char *name; /* the template being rendered, for messages */
	const char *top;  /* the one tmpl_render was asked for */
	struct strbuf *out;
	size_t start;
	long steps;
	int partials;
	struct frame frame[MAX_FRAMES];
	int nframes;
	struct err *e;
};

const struct tmpl *tmpl_tree_find(const struct tmpl_set *set, const char *name, size_t len)
{
	for (const struct tmpl *t = set->first; t; t = t->next)
		if (strlen(t->name) == len && memcmp(t->name, name, len) == 0)
			return t;
	return NULL;
}

static int out_add(struct render *r, const char *s, size_t n)
{
	if (r->out->len - r->start + n > TMPL_MAX_OUTPUT) {
		err_set(r->e, "%s: output larger than 8 MiB", r->top);
		return -1;
	}
	strbuf_add(r->out, s, n);
	return 0;
}

/* The n bytes at s, HTML-escaped, to the output. */
static int out_escaped(struct render *r, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *ent;
		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		case '`': ent = "&#96;"; break;
		case '=': ent = "&#61;"; break;
		default: continue;
		}
		if (out_add(r, s + run, i - run) < 0 || out_add(r, ent, strlen(ent)) < 0)
			return -1;
		run = i + 1;
	}
	return out_add(r, s + run, n - run);
}

/* The value at p, or NULL when it is absent. */
static const json_t *lookup(struct render *r, const struct path *p)
{
	const struct frame *each = NULL;
	for (int i = r->nframes - 1; i > 0 && !each; i--)
		each = &r->frame[i];
	switch (p->kind) {
	case P_DOT: return r->frame[r->nframes - 1].v;
	case P_INDEX: return each ? each->index : NULL;
	case P_FIRST: return each ? json_boolean(each->i == 0) : NULL;
	case P_LAST: return each ? json_boolean(each->i + 1 == each->count) : NULL;
	case P_NAMES: break;
	}
	const json_t *v = NULL;
	for (int i = r->nframes - 1; i >= 0 && !v; i--)
		v = json_object_get(r->frame[i].v, p->name[0]); /* NULL for a non-object */
	for (size_t k = 1; k < p->n && v; k++)
		v = json_object_get(v, p->name[k]);
	return v;
}

static int no_value(struct render *r, const struct node *n, const char *path)
{
	err_set(r->e, "%s:%u:%u: no value \"%.64s\"", r->name, n->line, n->col, path);
	return -1;
}

/* The value at p as text into buf (cleared first): 0, or -1 with a message. */
static int value_text(struct render *r, const struct node *n, const struct path *p, struct strbuf *buf)
{
	const json_t *v = lookup(r, p);
	strbuf_reset(buf);
	if (!v)
		return no_value(r, n, p->text);
	switch (json_typeof(v)) {
	case JSON_STRING: strbuf_add(buf, json_string_value(v), json_string_length(v)); return 0;
	case JSON_INTEGER: strbuf_addf(buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v)); return 0;
	case JSON_REAL: strbuf_addf(buf, "%.15g", json_real_value(v)); return 0;
	case JSON_TRUE: strbuf_addstr(buf, "true"); return 0;
	case JSON_FALSE: strbuf_addstr(buf, "false"); return 0;
	case JSON_NULL: return 0;
	case JSON_OBJECT:
		err_set(r->e, "%s:%u:%u: \"%.64s\" is an object, not text", r->name, n->line, n->col, p->text);
		return -1;
	case JSON_ARRAY:
		err_set(r->e, "%s:%u:%u: \"%.64s\" is an array, not text", r->name, n->line, n->col, p->text);
		return -1;
	}
	return -1;
}

static bool truthy(const json_t *v)
{
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING: return json_string_length(v) > 0;
	case JSON_INTEGER: return json_integer_value(v) != 0;
	case JSON_REAL: return json_real_value(v) != 0.0;
	case JSON_TRUE: return true;
	case JSON_ARRAY: return json_array_size(v) > 0;
	case JSON_OBJECT: return json_object_size(v) > 0;
	default: return false;
	}
}

static int render_nodes(struct render *r, const struct node *n, struct strbuf *buf);

static int render_url(struct render *r, const struct node *n, struct strbuf *buf)
{
	if (value_text(r, n, &n->path[0], buf) < 0)
		return -1;
	struct strbuf enc = STRBUF_INIT;
	text_percent_encode(&enc, buf->buf, buf->len);
	int rc = out_add(r, enc.buf, enc.len);
	strbuf_release(&enc);
	return rc;
}

/* The message n->text names, or NULL with the render error. */
static const json_t *message_of(struct render *r, const struct node *n)
{
	const json_t *m = json_object_get(r->messages, n->text);
	if (!json_is_string(m)) {
		err_set(r->e, "%s:%u:%u: no message \"%.64s\"", r->name, n->line, n->col, n->text);
		return NULL;
	}
	return m;
}

/* {{pattern key}}: the message escaped, its {N} kept for a script to fill. */
static int render_pattern(struct render *r, const struct node *n)
{
	const json_t *m = message_of(r, n);
	return m ? out_escaped(r, json_string_value(m), json_string_length(m)) : -1;
}

/*
 * {{patterns PREFIX}}: every message "PREFIX.CODE" (CODE of a-z, 0-9 and
 * '_') as an attribute ` data-PREFIX-CODE="pattern"` with '_' as '-', in
 * the catalog's order: the words of every problem code a page's script can
 * meet, from the catalog itself, so no code is forgotten in a list kept by
 * hand. Other keys under the prefix are not attribute names and are left.
 */
static int render_patterns(struct render *r, const struct node *n, struct strbuf *buf)
{
	size_t plen = strlen(n->text);
	const char *key;
	const json_t *m;
	json_object_foreach((json_t *)r->messages, key, m) {
		if (strncmp(key, n->text, plen) != 0 || key[plen] != '.' || !json_is_string(m))
			continue;
		const char *code = key + plen + 1;
		size_t i = 0;
		while ((code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9') || code[i] == '_')
			i++;
		if (i == 0 || code[i] != '\0')
			continue;
		strbuf_reset(buf);
		strbuf_addf(buf, " data-%s-", n->text);
		for (size_t j = 0; j < i; j++)
			strbuf_addch(buf, code[j] == '_' ? '-' : code[j]);
		strbuf_add(buf, "=\"", 2);
		if (out_add(r, buf->buf, buf->len) < 0 || out_escaped(r, json_string_value(m), json_string_length(m)) < 0 ||
		    out_add(r, "\"", 1) < 0)
			return -1;
	}
	return 0;
}

/* {{t key a b}}: the message escaped, {N} replaced by value N escaped. */
static int render_message(struct render *r, const struct node *n, struct strbuf *buf)
{
	const json_t *m = message_of(r, n);
	if (!m)
		return -1;
	const char *s = json_string_value(m);
	size_t len = json_string_length(m), run = 0;
	for (size_t i = 0; i + 2 < len; i++) {
		if (s[i] != '{' || s[i + 1] < '1' || s[i + 1] > '9' || s[i + 2] != '}')
			continue;
		size_t k = (size_t)(s[i + 1] - '1');
		if (k >= n->npath) {
			err_set(r->e, "%s:%u:%u: message \"%.64s\" has no value for {%c}", r->name, n->line, n->col,
				n->text, s[i + 1]);
			return -1;
		}
		if (out_escaped(r, s + run, i - run) < 0 || value_text(r, n, &n->path[k], buf) < 0 ||
		    out_escaped(r, buf->buf, buf->len) < 0)
			return -1;
		run = i + 3;
		i += 2;
	}
	return out_escaped(r, s + run, len - run);
}

static int render_each(struct render *r, const struct node *n, struct strbuf *buf)
{
	const json_t *a = lookup(r, &n->path[0]);
	if (!a)
		return no_value(r, n, n->path[0].text);
	if (!json_is_array(a)) {
		err_set(r->e, "%s:%u:%u: \"%.64s\" is not an array", r->name, n->line, n->col, n->path[0].text);
		return -1;
	}
	if (json_array_size(a) == 0)
		return render_nodes(r, n->alt, buf);
	struct frame *f = &r->frame[r->nframes++];
	*f = (struct frame){ .index = json_integer(0), .count = json_array_size(a) };
	int rc = 0;
	for (f->i = 0; f->i < f->count && rc == 0; f->i++) {
		f->v = json_array_get(a, f->i);
		json_integer_set(f->index, (json_int_t)f->i);
		rc = render_nodes(r, n->body, buf);
	}
	json_decref(f->index);
	r->nframes--;
	return rc;
}

static int render_partial(struct render *r, const struct node *n, struct strbuf *buf)
{
	const struct tmpl *t = tmpl_tree_find(r->set, n->text, strlen(n->text));
	if (!t) {
		err_set(r->e, "%s:%u:%u: unknown partial \"%.64s\"", r->name, n->line, n->col, n->text);
		return -1;
	}
	if (r->partials == TMPL_MAX_PARTIALS) {
		err_set(r->e, "%s:%u:%u: partials nested more than %d deep", r->name, n->line, n->col, TMPL_MAX_PARTIALS);
		return -1;
	}
	const char *name = r->name;
	r->name = t->name;
	r->partials++;
	int rc = render_nodes(r, t->root, buf);
	r->partials--;
	r->name = name;
	return rc;
}

/* buf: scratch space for values, shared to spare allocations. */
static int render_nodes(struct render *r, const struct node *n, struct strbuf *buf)
{
	for (; n; n = n->next) {
		/* Nested loops over small arrays can take long with no output. */
		if (++r->steps > TMPL_MAX_STEPS) {
			err_set(r->e, "%s: rendering takes more than %ld steps", r->top, TMPL_MAX_STEPS);
			return -1;
		}
		int rc = 0;
		switch (n->kind) {
		case N_TEXT: rc = out_add(r, n->text, n->len); break;
		case N_VAR:
			rc = value_text(r, n, &n->path[0], buf) < 0 ? -1 : out_escaped(r, buf->buf, buf->len);
			break;
		case N_URL: rc = render_url(r, n, buf); break;
		case N_T: rc = render_message(r, n, buf); break;
		case N_PATTERN: rc = render_pattern(r, n); break;
		case N_PATTERNS: rc = render_patterns(r, n, buf); break;
		case N_IF:
		case N_UNLESS:
			rc = render_nodes(r, truthy(lookup(r, &n->path[0])) == (n->kind == N_IF) ? n->body : n->alt, buf);
			break;
		case N_EACH: rc = render_each(r, n, buf); break;
		case N_PARTIAL: rc = render_partial(r, n, buf); break;
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

int tmpl_tree_render(const struct tmpl_set *set, const struct tmpl *t, const json_t *data, const json_t *messages,
		     struct strbuf *out, struct err *e)
{
	struct render r = { .set = set, .messages = messages, .name = t->name, .top = t->name, .out = out,
			    .start = out->len, .nframes = 1, .e = e };
	json_t *empty = data ? NULL : json_object();
	r.frame[0].v = data ? data : empty;
	struct strbuf buf = STRBUF_INIT;
	int rc = render_nodes(&r, t->root, &buf);
	strbuf_release(&buf);
	json_decref(empty);
	if (rc < 0) {
		out->len = r.start; /* nothing half-rendered */
		out->buf[out->len] = '\0';
	}
	return rc;
}
