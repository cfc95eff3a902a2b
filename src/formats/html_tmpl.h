/*
 * html_tmpl: the HTML templates of the web interface, escaped by default.
 *
 * A struct tmpl_set holds named templates. Each is parsed once by
 * tmpl_set_add() into a node tree; tmpl_render() walks that tree against a
 * jansson value without parsing again. There is no way to write unescaped
 * data: every value is HTML-escaped (or percent-encoded with {{url}}), and
 * HTML fragments are made by templates and partials, never by data.
 *
 * Syntax (a tag is {{ ... }}, spaces inside the braces are ignored):
 *
 *   {{path}}            the value at path, escaped: & < > " ' ` = become
 *                       &amp; &lt; &gt; &quot; &#39; &#96; &#61;. Strings as
 *                       they are (UTF-8 passes through), integers in
 *                       decimal, reals as printf "%.15g", true/false as
 *                       "true"/"false", null as "". A path is "." (the
 *                       current value), @index, @first, @last (inside
 *                       {{#each}}), or names joined by dots ("org.name";
 *                       names are letters, digits, '_' and '-'). The first
 *                       name is looked up in the current value, then in the
 *                       values around it (each enclosing {{#each}} element,
 *                       then the data itself); the rest from there.
 *   {{#if path}}A{{else}}B{{/if}}   A if the value is truthy, else B:
 *                       truthy is present and not null, false, "", 0, [],
 *                       {}. An absent value is falsy here (and only here).
 *   {{#unless path}}A{{else}}B{{/unless}}   the opposite.
 *   {{#each path}}A{{else}}B{{/each}}   A once per element of an array,
 *                       with "." the element; B if the array is empty.
 *   {{t key a b}}       the message key of the messages object given to
 *                       tmpl_render (a catalog: {"key": "text {1} {2}"}),
 *                       escaped, with {1}..{9} replaced by the escaped
 *                       values of the paths a, b, ...; a key is any word.
 *   {{pattern key}}     the message key escaped, its {1}..{9} kept as
 *                       written: words a page's script fills (a data-*
 *                       attribute), in the catalog's one placeholder syntax.
 *   {{patterns prefix}} every message "prefix.CODE" (CODE of a-z, 0-9,
 *                       '_') as an attribute data-prefix-CODE="pattern",
 *                       '_' as '-', each after a space, in the catalog's
 *                       order; prefix is lowercase letters. Keys come from
 *                       the catalog, never from data.
 *   {{url path}}        the value percent-encoded for a URL path segment or
 *                       query value: only A-Z a-z 0-9 - . _ ~ are kept.
 *   {{> name}}          the template name of the same set, with the current
 *                       values in scope; resolved when rendered (and by
 *                       tmpl_set_check).
 *   {{! comment }}      nothing (it ends at the first "}}").
 *
 * Escaping keeps data from making markup, not from making a dangerous
 * URL: href="{{link}}" with "javascript:..." stays a script link. Put the
 * scheme and path in the template and only {{url x}} parts in it.
 *
 * "t", "pattern", "patterns", "url" and "else" are words of the syntax: {{t}} is never a member
 * named t (reach one as {{row.t}}). A tag may span lines.
 *
 * Example:
 *   <h1>{{t review.title bank.name}}</h1>
 *   <ul>{{#each items}}<li><a href="/items/{{url no}}">{{title}}</a>
 *   {{#if @last}}(last){{/if}}</li>{{else}}<li>{{t none}}</li>{{/each}}</ul>
 *
 * Errors are one message in struct err, starting "NAME:LINE:COL: " (the
 * template's name, line and column in characters, both from 1) when a
 * place is known. Parse errors (tmpl_set_add):
 *   "NAME:L:C: unclosed {{"
 *   "NAME:L:C: unclosed {{#each items}} opened at NAME:2:1"
 *   "NAME:L:C: {{/each}} closes {{#if x}} opened at NAME:2:1"
 *   "NAME:L:C: {{/if}} closes no block"
 *   "NAME:L:C: stray {{else}}"          (outside a block, or a second one)
 *   "NAME:L:C: unknown helper \"with\"" (also "#with", "/with")
 *   "NAME:L:C: empty path"              ({{}}, {{#if}}, {{url}})
 *   "NAME:L:C: bad path \"a..b\""
 *   "NAME:L:C: {{#if}} takes one path"  (also #unless, #each, url)
 *   "NAME:L:C: {{t}} needs a message key"
 *   "NAME:L:C: {{t}} takes at most 9 values"
 *   "NAME:L:C: {{pattern}} takes one message key"
 *   "NAME:L:C: {{patterns}} takes one prefix of lowercase letters"
 *   "NAME:L:C: empty partial name", "NAME:L:C: bad partial name"
 *   "NAME:L:C: no unescaped output: {{{ is not supported"
 *   "NAME:L:C: blocks nested more than 32 deep"
 *   "NAME: template larger than 256 KiB"
 *   "NAME: template is not UTF-8 text"  (invalid UTF-8, or a NUL byte)
 *   "NAME: template already in the set", "a template needs a name"
 * Render errors (tmpl_render; tmpl_set_check for the first):
 *   "NAME:L:C: unknown partial \"x\""
 *   "NAME:L:C: no value \"a.b\""
 *   "NAME:L:C: \"a\" is an object, not text"  (or "an array")
 *   "NAME:L:C: \"a\" is not an array"          ({{#each}})
 *   "NAME:L:C: no message \"key\""             (absent or not a string)
 *   "NAME:L:C: message \"key\" has no value for {3}"
 *   "NAME:L:C: partials nested more than 16 deep"
 *   "NAME: output larger than 8 MiB"
 *   "NAME: rendering takes more than 4194304 steps"
 *   "unknown template \"x\""
 */
#ifndef SHINSA_FORMATS_HTML_TMPL_H
#define SHINSA_FORMATS_HTML_TMPL_H

#include <jansson.h>
#include <stddef.h>

#include "formats/html_tmpl_limits.h"
#include "lib/err.h"
#include "lib/strbuf.h"

struct tmpl_set;

/* An empty set; never NULL. */
struct tmpl_set *tmpl_set_new(void);
/* Frees the set and every template in it; NULL is fine. */
void tmpl_set_free(struct tmpl_set *set);

/* Parses len bytes of text as the template name (copied; text is not kept)
 * and adds it to set. 0, or -1 with a parse error (the set unchanged). */
int tmpl_set_add(struct tmpl_set *set, const char *name, const char *text, size_t len, struct err *e);

/* Every {{> name}} in the set names a template of the set: 0, or -1 with
 * "NAME:L:C: unknown partial \"x\"". Call once all templates are added. */
int tmpl_set_check(const struct tmpl_set *set, struct err *e);

/* Renders template name against data (borrowed; NULL is an empty object)
 * with messages (borrowed; NULL means none), appending to out. 0, or -1
 * with a render error and out as it was before the call. */
int tmpl_render(const struct tmpl_set *set, const char *name, const json_t *data, const json_t *messages,
		struct strbuf *out, struct err *e);

#endif
