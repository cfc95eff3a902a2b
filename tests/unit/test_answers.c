/* The answer rules a submission must meet, field parsing, and key sealing. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "core/answers.h"
#include "formats/catalog_json.h"
#include "lib/keys.h"

static struct catalog_files files;
static const struct catalog *cat;

static int setup(void **state)
{
	(void)state;
	struct err e = { 0 };
	if (sodium_init() < 0 || catalog_files_load("catalog", &files, &e) < 0)
		return -1;
	cat = catalog_files_find(&files, "api-checklist-2018-08");
	return cat ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_files_release(&files);
	return 0;
}

static void set(struct answer_set *s, int no, enum answer_field f, const char *v)
{
	struct err e = { 0 };
	assert_int_equal(answer_set_field(answer_set_find(s, no), f, v, &e), 0);
}

static void test_new_set_is_empty(void **state)
{
	(void)state;
	struct answer_set *s = answer_set_new("A社", cat);
	assert_int_equal(s->n_items, 45);
	assert_int_equal(s->items[44].no, 45);
	assert_string_equal(s->items[2].item_key, "ism-03");
	assert_int_equal(s->items[0].status, STATUS_UNSET);
	assert_null(s->items[0].plan_due);
	assert_string_equal(s->items[0].current, "");
	answer_set_free(s);
}

static void add_problem(const struct answer_problem *p, void *cls)
{
	strbuf_addf(cls, "%d %s %s %s|", p->no, p->code, p->field, p->status ? p->status : "-");
}

/* A new set with every connector and common item implemented. */
static struct answer_set *all_implemented(void)
{
	struct answer_set *s = answer_set_new("A社", cat);
	for (size_t i = 0; i < s->n_items; i++)
		if (answer_is_connectors(&cat->items[i]))
			s->items[i].status = STATUS_IMPLEMENTED;
	return s;
}

static void add_contradiction(const struct answer_contradiction *c, void *cls)
{
	strbuf_addf(cls, "%d %s %s %s|", c->no, c->code, c->field, c->status);
}

/* Each rule of answers_contradictions on its own item, and none where the
 * answer holds together (today is 2026-04-01). */
static void test_contradictions(void **state)
{
	(void)state;
	static const struct {
		int no;
		enum answer_field f;
		const char *value;
	} given[] = {
		/* implemented with 課題認識 text; blank text is no text */
		{ 1, FIELD_ISSUES, "ログの保存期間が短い" },
		{ 2, FIELD_ISSUES, " \n\u3000" },
		/* implemented with a due date after today; today and before are not */
		{ 3, FIELD_PLAN_DUE, "2026-04-02" },
		{ 4, FIELD_PLAN_DUE, "2026-04-01" },
		{ 5, FIELD_PLAN_DUE, "2025-12-31" },
		/* partial without a plan; not_implemented without a due date */
		{ 6, FIELD_STATUS, "partial" },
		{ 6, FIELD_ISSUES, "一部の端末が未対応" },
		{ 6, FIELD_PLAN_DUE, "2026-09-30" },
		{ 7, FIELD_STATUS, "not_implemented" },
		{ 7, FIELD_PLAN, "2026年度中に導入" },
		/* partial with everything: no flag */
		{ 8, FIELD_STATUS, "partial" },
		{ 8, FIELD_PLAN, "改訂する" },
		{ 8, FIELD_PLAN_DUE, "2026-09-30" },
		/* both rules of one kind on one item, in the rules' order */
		{ 9, FIELD_ISSUES, "残課題あり" },
		{ 9, FIELD_PLAN_DUE, "2027-03-31" },
		/* not_applicable and unset are not judged here */
		{ 10, FIELD_STATUS, "not_applicable" },
		{ 10, FIELD_ISSUES, "対象外の理由" },
		{ 11, FIELD_STATUS, "" },
		/* a bank item (39) is the bank's own answer: never flagged */
		{ 39, FIELD_STATUS, "implemented" },
		{ 39, FIELD_ISSUES, "自行の課題" },
	};
	struct answer_set *s = all_implemented();
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++)
		set(s, given[i].no, given[i].f, given[i].value);
	struct strbuf out = STRBUF_INIT;
	assert_int_equal(answers_contradictions(cat, s, "2026-04-01", add_contradiction, &out), 6);
	assert_string_equal(out.buf, "1 implemented_issues issues implemented|"
				     "3 implemented_future_due plan_due implemented|"
				     "6 open_no_plan plan partial|"
				     "7 open_no_plan_due plan_due not_implemented|"
				     "9 implemented_issues issues implemented|"
				     "9 implemented_future_due plan_due implemented|");
	strbuf_release(&out);
	answer_set_free(s);
}

static void test_check_lists_every_problem(void **state)
{
	(void)state;
	/* Everything the connector answers is implemented, but for three. */
	struct answer_set *s = all_implemented();
	set(s, 2, FIELD_STATUS, "partial");
	set(s, 2, FIELD_PLAN, "2026年度中に規程を改訂");
	set(s, 5, FIELD_STATUS, "未対応");
	set(s, 8, FIELD_STATUS, "not_applicable");
	set(s, 12, FIELD_STATUS, "");
	struct strbuf p = STRBUF_INIT;
	assert_int_equal(answer_set_check(cat, s, &p), 7);
	assert_string_equal(p.buf, "item 2: partial needs issues (課題認識)\n"
				   "item 2: partial needs a due date (plan_due)\n"
				   "item 5: not_implemented needs issues (課題認識)\n"
				   "item 5: not_implemented needs a plan (課題への対応計画)\n"
				   "item 5: not_implemented needs a due date (plan_due)\n"
				   "item 8: not_applicable needs a reason in current or notes\n"
				   "item 12: no status\n");
	/* The same problems, in order, for a reader that words them itself. */
	struct strbuf d = STRBUF_INIT;
	assert_int_equal(answer_set_problems(cat, s, add_problem, &d), 7);
	assert_string_equal(d.buf, "2 required issues partial|2 required plan_due partial|"
				   "5 required issues not_implemented|5 required plan not_implemented|"
				   "5 required plan_due not_implemented|8 no_reason current not_applicable|"
				   "12 no_status status -|");
	strbuf_release(&d);
	/* Fixed, the set is ready; bank items (39-43, 45) never count. */
	set(s, 2, FIELD_ISSUES, "規程が古い");
	set(s, 2, FIELD_PLAN_DUE, "2027-03-31");
	set(s, 5, FIELD_STATUS, "implemented");
	set(s, 8, FIELD_NOTES, "連鎖接続は行わない");
	set(s, 12, FIELD_STATUS, "implemented");
	strbuf_reset(&p);
	assert_int_equal(answer_set_check(cat, s, &p), 0);
	assert_string_equal(p.buf, "");
	assert_int_equal(answer_set_find(s, 39)->status, STATUS_UNSET);
	strbuf_release(&p);
	answer_set_free(s);
}

static void test_field_errors(void **state)
{
	(void)state;
	struct answer_set *s = answer_set_new("A社", cat);
	struct answer *a = answer_set_find(s, 1);
	struct err e = { 0 };
	assert_int_equal(answer_set_field(a, FIELD_STATUS, "done", &e), -1);
	assert_string_equal(e.msg, "bad status \"done\" (want implemented, partial, not_implemented or not_applicable)");
	assert_int_equal(answer_set_field(a, FIELD_PLAN_DUE, "令和9年3月31日", &e), 0);
	assert_string_equal(a->plan_due, "2027-03-31");
	assert_int_equal(answer_set_field(a, FIELD_PLAN_DUE, "2027-02-29", &e), -1);
	assert_string_equal(e.msg, "2027-02-29 is not a day");
	assert_int_equal(answer_set_field(a, FIELD_PLAN_DUE, "2028-02-29", &e), 0);
	assert_int_equal(answer_set_field(a, FIELD_CURRENT, "\xff\xfe", &e), -1);
	assert_string_equal(e.msg, "current is not valid UTF-8");
	/* What the API accepted before (32,767) made the form unwritable once
	 * the cell's marker line was added: refused now, and read if stored. */
	char *big = malloc(32768);
	memset(big, 'x', 32767);
	big[32767] = '\0';
	assert_int_equal(answer_set_field(a, FIELD_NOTES, big, &e), -1);
	assert_string_equal(e.msg, "notes is longer than 32000 characters");
	assert_int_equal(answer_load_field(a, FIELD_NOTES, big, &e), 0);
	assert_int_equal(strlen(answer_get(a, FIELD_NOTES)), 32767);
	big[ANSWER_TEXT_MAX] = '\0';
	assert_int_equal(answer_set_field(a, FIELD_NOTES, big, &e), 0);
	assert_int_equal(strlen(answer_get(a, FIELD_NOTES)), 32000);
	free(big);
	/* Formula-looking text is just text. */
	assert_int_equal(answer_set_field(a, FIELD_CURRENT, "=HYPERLINK(\"x\")", &e), 0);
	assert_string_equal(answer_get(a, FIELD_CURRENT), "=HYPERLINK(\"x\")");
	assert_string_equal(answer_status_label(STATUS_PARTIAL), "一部対応");
	answer_set_free(s);
}

/* n times unit, then tail: accepted as f; one letter more refused with want. */
static void at_limit(enum answer_field f, const char *unit, int n, const char *tail, const char *want)
{
	struct answer_set *s = answer_set_new("A社", cat);
	struct answer *a = answer_set_find(s, 1);
	struct err e = { 0 };
	struct strbuf t = STRBUF_INIT;
	for (int i = 0; i < n; i++)
		strbuf_addstr(&t, unit);
	strbuf_addstr(&t, tail);
	assert_int_equal(answer_set_field(a, f, t.buf, &e), 0);
	strbuf_addch(&t, 'x');
	assert_int_equal(answer_set_field(a, f, t.buf, &e), -1);
	assert_string_equal(e.msg, want);
	strbuf_release(&t);
	answer_set_free(s);
}

/* Excel's count: UTF-16 code units; and a literal "_xHHHH_" as the form
 * must write it ("_x005F_xHHHH_"). */
static void test_text_length(void **state)
{
	(void)state;
	assert_int_equal(answer_text_length(""), 0);
	assert_int_equal(answer_text_length("abc"), 3);
	assert_int_equal(answer_text_length("規程を整備"), 5);
	assert_int_equal(answer_text_length("\xF0\x9F\x98\x80" "a"), 3); /* U+1F600: a surrogate pair */
	assert_int_equal(answer_text_length("_x0041_"), 13);
	assert_int_equal(answer_text_length("_x0041_x0042_"), 25); /* the second starts at the first's "_" */
	assert_int_equal(answer_text_length("_x004G_ _x41_"), 13);

	/* 16,000 emoji are 32,000 units; 2461 escapes and 7 letters too. */
	at_limit(FIELD_CURRENT, "\xF0\x9F\x98\x80", 16000, "", "current is longer than 32000 characters");
	at_limit(FIELD_PLAN, "_x0041_", 2461, "1234567", "plan is longer than 32000 characters");
}

static void test_keys_seal_and_open(void **state)
{
	(void)state;
	unsigned char secret[KEYS_SECRET_BYTES], other[KEYS_SECRET_BYTES];
	unsigned char pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES], back[KEYS_PRIVATE_BYTES];
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other, sizeof other);
	keys_generate(pk, sk);
	char *sealed = keys_seal(secret, sk);
	assert_int_equal(strncmp(sealed, "v1:", 3), 0);
	assert_null(strstr(sealed, "\n"));
	struct err e = { 0 };
	assert_int_equal(keys_open(secret, sealed, back, &e), 0);
	assert_memory_equal(sk, back, sizeof sk);
	assert_int_equal(keys_open(other, sealed, back, &e), -1);
	assert_string_equal(e.msg, "cannot unseal the signing key: wrong server secret, or the key was altered");
	sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
	assert_int_equal(keys_open(secret, sealed, back, &e), -1);
	assert_string_equal(e.msg, "cannot unseal the signing key: wrong server secret, or the key was altered");
	assert_int_equal(keys_open(secret, "v2:abc", back, &e), -1);
	assert_string_equal(e.msg, "sealed signing key is damaged");
	free(sealed);
}

static void test_secret_sources(void **state)
{
	(void)state;
	unsigned char secret[KEYS_SECRET_BYTES];
	struct err e = { 0 };
	bool created;
	char dir[] = "/tmp/shinsa-keys-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	assert_true(snprintf(path, sizeof path, "%s/secret.key", dir) < (int)sizeof path);
	unsetenv("SHINSA_SECRET");
	assert_int_equal(keys_secret_load(path, secret, &e), -1);
	char want[256];
	assert_true(snprintf(want, sizeof want, "no server secret (set SHINSA_SECRET, or run shinsa init to create the key file): cannot read %s: No such file or directory", path) < (int)sizeof want);
	assert_string_equal(e.msg, want);
	assert_int_equal(keys_secret_create(path, &created, &e), 0);
	assert_true(created);
	assert_int_equal(keys_secret_create(path, &created, &e), 0);
	assert_false(created); /* never overwritten */
	assert_int_equal(keys_secret_load(path, secret, &e), 0);
	setenv("SHINSA_SECRET", "00112233", 1);
	assert_int_equal(keys_secret_load(path, secret, &e), -1);
	assert_string_equal(e.msg, "SHINSA_SECRET must be 64 hex digits (make one with: head -c 32 /dev/urandom | xxd -p -c 64)");
	setenv("SHINSA_SECRET", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 1);
	assert_int_equal(keys_secret_load(path, secret, &e), 0);
	assert_int_equal(secret[31], 0x1f);
	unsetenv("SHINSA_SECRET");
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_set_is_empty),
		cmocka_unit_test(test_check_lists_every_problem),
		cmocka_unit_test(test_field_errors),
		cmocka_unit_test(test_text_length),
		cmocka_unit_test(test_contradictions),
		cmocka_unit_test(test_keys_seal_and_open),
		cmocka_unit_test(test_secret_sources),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
