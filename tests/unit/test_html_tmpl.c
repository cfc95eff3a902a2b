/* HTML templates: every construct and every error as a golden string. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "formats/html_tmpl.h"

static const char *const messages_json =
	"{\"title\":\"審査 <{1}>\",\"two\":\"{2} then {1}\",\"plain\":\"A&B\",\"three\":\"{3}\",\"num\":5,"
	"\"problem.too_long\":\"{1}は{2}文字まで\",\"problem.x\":\"<b>\",\"problem.Bad-Key\":\"no\","
	"\"problem.n\":7,\"problems.other\":\"no\",\"problem.a.b\":\"no\"}";

/* Renders the template "page" made of text (with "row" = row as a partial
 * when row is not NULL) against data: 0 or -1, output or message in got. */
static int run(const char *text, const char *row, const char *data, struct strbuf *got)
{
	struct tmpl_set *set = tmpl_set_new();
	struct err e = { 0 };
	json_t *d = json_loads(data, JSON_DECODE_ANY, NULL);
	json_t *m = json_loads(messages_json, 0, NULL);
	assert_non_null(d);
	int rc = tmpl_set_add(set, "page", text, strlen(text), &e);
	if (rc == 0 && row)
		rc = tmpl_set_add(set, "row", row, strlen(row), &e);
	if (rc == 0)
		rc = tmpl_render(set, "page", d, m, got, &e);
	if (rc < 0) {
		assert_int_equal(got->len, 0);
		assert_true(e.msg[0] != '\0');
		strbuf_addstr(got, e.msg);
	}
	json_decref(d);
	json_decref(m);
	tmpl_set_free(set);
	return rc;
}

static void renders(const char *text, const char *data, const char *want)
{
	struct strbuf got = STRBUF_INIT;
	int rc = run(text, NULL, data, &got);
	if (rc < 0)
		fail_msg("%s: %s", text, got.buf);
	assert_string_equal(got.buf, want);
	strbuf_release(&got);
}

static void fails(const char *text, const char *data, const char *want)
{
	struct strbuf got = STRBUF_INIT;
	assert_int_equal(run(text, NULL, data, &got), -1);
	assert_string_equal(got.buf, want);
	strbuf_release(&got);
}

static void test_values(void **state)
{
	(void)state;
	const char *d = "{\"s\":\"x\",\"i\":-42,\"r\":0.5,\"tr\":true,\"f\":false,\"n\":null,\"o\":{\"a\":{\"b\":\"deep\"}}}";
	renders("[{{s}}|{{ i }}|{{r}}|{{tr}}|{{f}}|{{n}}|{{o.a.b}}]", d, "[x|-42|0.5|true|false||deep]");
	renders("{{! a comment with {{ inside }}ok", d, "ok");
	renders("plain text only, 日本語", d, "plain text only, 日本語");
	renders("", d, "");
	renders("{{.}}", "\"top\"", "top");
}

static void test_escaping(void **state)
{
	(void)state;
	renders("<p>{{v}}</p>", "{\"v\":\"<script>alert(\\\"x\\\")</script>\"}",
		"<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>");
	renders("<a title=\"{{v}}\">", "{\"v\":\"\\\" onmouseover='x' `y` a=b & c\"}",
		"<a title=\"&quot; onmouseover&#61;&#39;x&#39; &#96;y&#96; a&#61;b &amp; c\">");
	/* Japanese passes through untouched, in the template and the data. */
	renders("<h1>審査：{{v}}</h1>", "{\"v\":\"株式会社テスト銀行「本店」\"}", "<h1>審査：株式会社テスト銀行「本店」</h1>");
}

static void test_if_unless(void **state)
{
	(void)state;
	const char *d = "{\"yes\":1,\"s\":\"a\",\"a\":[0],\"o\":{\"k\":1},\"zero\":0,\"rz\":0.0,\"e\":\"\",\"n\":null,"
			"\"f\":false,\"ea\":[],\"eo\":{}}";
	renders("{{#if yes}}Y{{/if}}{{#if s}}Y{{/if}}{{#if a}}Y{{/if}}{{#if o}}Y{{/if}}", d, "YYYY");
	renders("{{#if zero}}Y{{else}}N{{/if}}{{#if rz}}Y{{else}}N{{/if}}{{#if e}}Y{{else}}N{{/if}}"
		"{{#if n}}Y{{else}}N{{/if}}{{#if f}}Y{{else}}N{{/if}}{{#if ea}}Y{{else}}N{{/if}}"
		"{{#if eo}}Y{{else}}N{{/if}}{{#if absent}}Y{{else}}N{{/if}}",
		d, "NNNNNNNN");
	renders("{{#unless absent}}U{{/unless}}{{#unless f}}U{{/unless}}{{#unless yes}}U{{else}}E{{/unless}}", d, "UUE");
	renders("{{#if o}}{{#if o.k}}{{o.k}}{{/if}}{{/if}}", d, "1");
}

static void test_each(void **state)
{
	(void)state;
	const char *d = "{\"bank\":\"B&1\",\"items\":[{\"no\":1,\"tt\":\"a\"},{\"no\":2,\"tt\":\"b\",\"bank\":\"own\"}],"
			"\"none\":[],\"words\":[\"x\",\"y\",\"z\"],\"grid\":[[1,2],[3]]}";
	renders("<ul>{{#each items}}<li>{{no}} {{tt}} {{bank}}</li>{{/each}}</ul>", d,
		"<ul><li>1 a B&amp;1</li><li>2 b own</li></ul>");
	renders("{{#each words}}{{@index}}={{.}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}};{{/each}}", d,
		"0=x first;1=y;2=z last;");
	renders("{{#each none}}x{{else}}empty{{/each}}", d, "empty");
	renders("{{#each grid}}[{{#each .}}{{.}}/{{@index}}{{/each}}]{{/each}}", d, "[1/02/1][3/0]");
	fails("{{#each bank}}x{{/each}}", d, "page:1:1: \"bank\" is not an array");
	fails("{{#each nope}}x{{/each}}", d, "page:1:1: no value \"nope\"");
	fails("{{@index}}", d, "page:1:1: no value \"@index\"");
}

static void test_messages(void **state)
{
	(void)state;
	const char *d = "{\"name\":\"<b>\",\"n\":3}";
	renders("{{t plain}}", d, "A&amp;B");
	renders("{{t title name}}", d, "審査 &lt;&lt;b&gt;&gt;");
	renders("{{t two name n}}", d, "3 then &lt;b&gt;");
	/* A value is not read again for {N}. */
	renders("{{t two b n}}", "{\"b\":\"{2}\",\"n\":1}", "1 then {2}");
	fails("{{t nokey}}", d, "page:1:1: no message \"nokey\"");
	fails("{{t num}}", d, "page:1:1: no message \"num\"");
	fails("x{{t three name}}", d, "page:1:2: message \"three\" has no value for {3}");
	fails("{{t title missing}}", d, "page:1:1: no value \"missing\"");
}

/* {{pattern}}: a page script's words, its placeholders left for the script. */
static void test_pattern(void **state)
{
	(void)state;
	renders("<p data-x=\"{{pattern two}}\">", "{}", "<p data-x=\"{2} then {1}\">");
	renders("{{pattern title}}", "{}", "審査 &lt;{1}&gt;");
	renders("{{ pattern plain }}", "{}", "A&amp;B");
	fails("{{pattern nokey}}", "{}", "page:1:1: no message \"nokey\"");
	fails("{{pattern}}", "{}", "page:1:1: {{pattern}} takes one message key");
	fails("{{pattern three n}}", "{}", "page:1:1: {{pattern}} takes one message key");
}

/* {{patterns}}: every problem code's words as body attributes, from the
 * catalog; keys that cannot be attribute names, numbers and other
 * prefixes are left out. */
static void test_patterns(void **state)
{
	(void)state;
	renders("<body{{patterns problem}}>", "{}",
		"<body data-problem-too-long=\"{1}は{2}文字まで\" data-problem-x=\"&lt;b&gt;\">");
	renders("<body{{patterns nothing}}>", "{}", "<body>");
	fails("{{patterns}}", "{}", "page:1:1: {{patterns}} takes one prefix of lowercase letters");
	fails("{{patterns Problem}}", "{}", "page:1:1: {{patterns}} takes one prefix of lowercase letters");
	fails("{{patterns a b}}", "{}", "page:1:1: {{patterns}} takes one prefix of lowercase letters");
}

static void test_url(void **state)
{
	(void)state;
	renders("/reviews/{{url b}}?q={{url q}}", "{\"b\":\"銀 行/1\",\"q\":\"a-b_c.d~e&f=g\\\"\"}",
		"/reviews/%E9%8A%80%20%E8%A1%8C%2F1?q=a-b_c.d~e%26f%3Dg%22");
	renders("{{url n}}|{{url z}}|{{url t}}", "{\"n\":12,\"z\":null,\"t\":true}", "12||true");
	fails("{{url o}}", "{\"o\":{}}", "page:1:1: \"o\" is an object, not text");
}

static void test_partials(void **state)
{
	(void)state;
	struct strbuf got = STRBUF_INIT;
	assert_int_equal(run("<ul>{{#each items}}{{> row}}{{/each}}</ul>", "<li>{{tt}} {{top}}</li>",
			     "{\"top\":\"T\",\"items\":[{\"tt\":\"a\"},{\"tt\":\"b\"}]}", &got),
			 0);
	assert_string_equal(got.buf, "<ul><li>a T</li><li>b T</li></ul>");
	strbuf_reset(&got);
	assert_int_equal(run("{{> row}}", "x{{> row}}", "{}", &got), -1);
	assert_string_equal(got.buf, "row:1:2: partials nested more than 16 deep");
	strbuf_reset(&got);
	assert_int_equal(run("a\n {{> nope}}", NULL, "{}", &got), -1);
	assert_string_equal(got.buf, "page:2:2: unknown partial \"nope\"");
	strbuf_release(&got);

	struct tmpl_set *set = tmpl_set_new();
	struct err e = { 0 };
	assert_int_equal(tmpl_set_add(set, "a", "{{> b}}", 7, &e), 0);
	assert_int_equal(tmpl_set_check(set, &e), -1);
	assert_string_equal(e.msg, "a:1:1: unknown partial \"b\"");
	assert_int_equal(tmpl_set_add(set, "b", "", 0, &e), 0);
	assert_int_equal(tmpl_set_check(set, &e), 0);
	assert_int_equal(tmpl_set_add(set, "b", "", 0, &e), -1);
	assert_string_equal(e.msg, "b: template already in the set");
	assert_int_equal(tmpl_set_add(set, "nul", "a\0b", 3, &e), -1);
	assert_string_equal(e.msg, "nul: template is not UTF-8 text");
	assert_int_equal(tmpl_set_add(set, "", "", 0, &e), -1);
	assert_string_equal(e.msg, "a template needs a name");
	assert_int_equal(tmpl_render(set, "zz", NULL, NULL, &got, &e), -1);
	assert_string_equal(e.msg, "unknown template \"zz\"");
	tmpl_set_free(set);
	tmpl_set_free(NULL);
}

static void test_parse_errors(void **state)
{
	(void)state;
	const char *d = "{}";
	fails("ab\ncd {{x", d, "page:2:4: unclosed {{");
	fails("日本{{x", d, "page:1:3: unclosed {{");
	fails("{{#if a}}\n{{#each items}}x", d, "page:2:17: unclosed {{#each items}} opened at page:2:1");
	fails("{{#if x}}a{{/each}}", d, "page:1:11: {{/each}} closes {{#if x}} opened at page:1:1");
	fails("{{/if}}", d, "page:1:1: {{/if}} closes no block");
	fails("{{#with x}}{{/with}}", d, "page:1:1: unknown helper \"#with\"");
	fails("{{/with}}", d, "page:1:1: unknown helper \"/with\"");
	fails("{{upper x}}", d, "page:1:1: unknown helper \"upper\"");
	fails("{{}}", d, "page:1:1: empty path");
	fails("{{ }}", d, "page:1:1: empty path");
	fails("{{#if}}{{/if}}", d, "page:1:1: empty path");
	fails("{{url}}", d, "page:1:1: empty path");
	fails("{{a..b}}", d, "page:1:1: bad path \"a..b\"");
	fails("{{a.}}", d, "page:1:1: bad path \"a.\"");
	fails("{{&a}}", d, "page:1:1: bad path \"&a\"");
	fails("{{else}}", d, "page:1:1: stray {{else}}");
	fails("{{#if a}}{{else}}{{else}}{{/if}}", d, "page:1:18: stray {{else}}");
	fails("{{#if a b}}{{/if}}", d, "page:1:1: {{#if}} takes one path");
	fails("{{url a b}}", d, "page:1:1: {{url}} takes one path");
	fails("{{t}}", d, "page:1:1: {{t}} needs a message key"); /* t, url, else are words of the syntax */
	fails("{{t k a b c d e f g h i j}}", d, "page:1:1: {{t}} takes at most 9 values");
	fails("{{>}}", d, "page:1:1: empty partial name");
	fails("{{> a b}}", d, "page:1:1: bad partial name");
	fails("{{{x}}}", d, "page:1:1: no unescaped output: {{{ is not supported");
	fails("caf\xe9", d, "page: template is not UTF-8 text");
	fails("\xe5\xaf", d, "page: template is not UTF-8 text");
}

static void test_render_errors(void **state)
{
	(void)state;
	const char *d = "{\"o\":{\"a\":1},\"l\":[1],\"s\":\"x\"}";
	fails("{{o.b}}", d, "page:1:1: no value \"o.b\"");
	fails("{{s.b}}", d, "page:1:1: no value \"s.b\"");
	fails("x\n  {{typo}}", d, "page:2:3: no value \"typo\"");
	fails("{{o}}", d, "page:1:1: \"o\" is an object, not text");
	fails("{{l}}", d, "page:1:1: \"l\" is an array, not text");
	/* A failed render leaves what was in out before it. */
	struct tmpl_set *set = tmpl_set_new();
	struct err e = { 0 };
	struct strbuf out = STRBUF_INIT;
	strbuf_addstr(&out, "kept");
	assert_int_equal(tmpl_set_add(set, "p", "lost{{x}}", 9, &e), 0);
	assert_int_equal(tmpl_render(set, "p", NULL, NULL, &out, &e), -1);
	assert_string_equal(out.buf, "kept");
	assert_string_equal(e.msg, "p:1:5: no value \"x\"");
	strbuf_release(&out);
	tmpl_set_free(set);
}

static void test_limits(void **state)
{
	(void)state;
	struct tmpl_set *set = tmpl_set_new();
	struct err e = { 0 };
	struct strbuf s = STRBUF_INIT;
	/* Size: 256 KiB is accepted, one byte more is not. */
	for (size_t i = 0; i < TMPL_MAX_SIZE; i++)
		strbuf_addch(&s, 'x');
	assert_int_equal(tmpl_set_add(set, "big", s.buf, s.len, &e), 0);
	strbuf_addch(&s, 'x');
	assert_int_equal(tmpl_set_add(set, "bigger", s.buf, s.len, &e), -1);
	assert_string_equal(e.msg, "bigger: template larger than 256 KiB");
	/* Nesting: 32 blocks deep is fine, 33 is not. */
	strbuf_reset(&s);
	for (int i = 0; i < 33; i++)
		strbuf_addstr(&s, "{{#if a}}");
	assert_int_equal(tmpl_set_add(set, "deep", s.buf, 32 * 9, &e), -1);
	assert_string_equal(e.msg, "deep:1:289: unclosed {{#if a}} opened at deep:1:280");
	assert_int_equal(tmpl_set_add(set, "deeper", s.buf, s.len, &e), -1);
	assert_string_equal(e.msg, "deeper:1:289: blocks nested more than 32 deep");
	/* Output: 33 copies of 256 KiB pass 8 MiB. */
	strbuf_reset(&s);
	for (int i = 0; i < 33; i++)
		strbuf_addstr(&s, "{{> big}}");
	assert_int_equal(tmpl_set_add(set, "huge", s.buf, s.len, &e), 0);
	strbuf_reset(&s);
	assert_int_equal(tmpl_render(set, "huge", NULL, NULL, &s, &e), -1);
	assert_string_equal(e.msg, "huge: output larger than 8 MiB");
	assert_int_equal(s.len, 0);
	/* Steps: loops inside loops that print nothing still end. */
	strbuf_reset(&s);
	for (int i = 0; i < 12; i++)
		strbuf_addstr(&s, "{{#each l}}");
	for (int i = 0; i < 12; i++)
		strbuf_addstr(&s, "{{/each}}");
	assert_int_equal(tmpl_set_add(set, "slow", s.buf, s.len, &e), 0);
	json_t *d = json_pack("{s:[i,i,i,i]}", "l", 1, 2, 3, 4);
	assert_int_equal(tmpl_render(set, "slow", d, NULL, &s, &e), -1);
	assert_string_equal(e.msg, "slow: rendering takes more than 4194304 steps");
	json_decref(d);
	strbuf_release(&s);
	tmpl_set_free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),	       cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_if_unless),      cmocka_unit_test(test_each),
		cmocka_unit_test(test_messages),       cmocka_unit_test(test_pattern), cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_partials),       cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_render_errors),  cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
