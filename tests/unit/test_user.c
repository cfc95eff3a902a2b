/* Roles and what each may do, and the email and token-name rules. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/user.h"
#include "lib/strbuf.h"

static void test_role_table(void **state)
{
	(void)state;
	/* The whole table, as the header documents it. */
	struct strbuf sb = STRBUF_INIT;
	for (int a = ACTION_READ; a <= ACTION_APPROVE; a++) {
		strbuf_addf(&sb, "%-13s", user_action_name((enum user_action)a));
		for (int r = ROLE_ADMIN; r <= ROLE_APPROVER; r++)
			strbuf_addstr(&sb, user_role_can((enum user_role)r, (enum user_action)a) ? " x" : " -");
		strbuf_addch(&sb, '\n');
	}
	assert_string_equal(sb.buf, "READ          x x x x x\n"
				    "ANSWERS_EDIT  x x - - -\n"
				    "SUBMIT        x x - - -\n"
				    "SHARE         x x - - -\n"
				    "REVIEW        x - x - x\n"
				    "ADMIN_USERS   x - - - -\n"
				    "AUDIT_READ    x - - - -\n"
				    "CRITERIA_EDIT x - x - -\n"
				    "APPROVE       - - - - x\n");
	strbuf_release(&sb);
	/* Unknown roles and actions may do nothing. */
	assert_false(user_role_can(0, ACTION_READ));
	assert_false(user_role_can(ROLE_APPROVER + 1, ACTION_READ));
	assert_false(user_role_can(ROLE_ADMIN, 0));
	assert_false(user_role_can(ROLE_ADMIN, ACTION_APPROVE + 1));
	assert_null(user_action_name(0));
}

static void test_role_names(void **state)
{
	(void)state;
	const char *names[] = { "admin", "editor", "reviewer", "viewer", "approver" };
	for (int r = ROLE_ADMIN; r <= ROLE_APPROVER; r++) {
		assert_string_equal(user_role_name((enum user_role)r), names[r - 1]);
		assert_int_equal(user_role_parse(names[r - 1]), r);
	}
	assert_int_equal(user_role_parse("Admin"), 0);
	assert_int_equal(user_role_parse(""), 0);
	assert_int_equal(user_role_parse(NULL), 0);
	assert_null(user_role_name(0));
}

static void bad_email(const char *email, const char *want)
{
	struct err e = { 0 };
	assert_null(user_email_normalise(email, &e));
	assert_string_equal(e.msg, want);
}

static void test_email(void **state)
{
	(void)state;
	struct err e = { 0 };
	char *s = user_email_normalise("Alice.Suzuki+Shinsa@Example.CO.JP", &e);
	assert_string_equal(s, "alice.suzuki+shinsa@example.co.jp");
	free(s);
	s = user_email_normalise("鈴木@例え.jp", &e); /* not ASCII: kept as it is */
	assert_string_equal(s, "鈴木@例え.jp");
	free(s);
	bad_email("", "email is empty");
	bad_email("alice example.jp", "email contains a space or a control character");
	bad_email("alice@example.jp ", "email contains a space or a control character");
	bad_email("alice\t@example.jp", "email contains a space or a control character");
	bad_email("alice\u3000@example.jp", "email contains a space or a control character");
	bad_email("alice\xff@example.jp", "email is not valid UTF-8");
	bad_email("alice.example.jp", "email \"alice.example.jp\" must contain exactly one @");
	bad_email("alice@bob@example.jp", "email \"alice@bob@example.jp\" must contain exactly one @");
	bad_email("@example.jp", "email \"@example.jp\" has nothing before the @");
	bad_email("alice@", "email \"alice@\" needs a domain after the @, like example.jp");
	bad_email("alice@localhost", "email \"alice@localhost\" needs a domain after the @, like example.jp");
	bad_email("alice@.example.jp", "email \"alice@.example.jp\" needs a domain after the @, like example.jp");
	bad_email("alice@example..jp", "email \"alice@example..jp\" needs a domain after the @, like example.jp");
	char local[80], email[300];
	memset(local, 'a', 65);
	local[65] = '\0';
	snprintf(email, sizeof email, "%s@example.jp", local);
	char want[400];
	snprintf(want, sizeof want, "email \"%s\" has more than 64 bytes before the @", email);
	bad_email(email, want);
	local[64] = '\0';
	snprintf(email, sizeof email, "%s@example.jp", local);
	s = user_email_normalise(email, &e);
	assert_non_null(s);
	free(s);
	/* 254 bytes is the most: 64 + 1 + 189. */
	char domain[200];
	memset(domain, 'd', 186);
	strcpy(domain + 186, ".jp");
	snprintf(email, sizeof email, "%s@%s", local, domain);
	assert_int_equal(strlen(email), 254);
	s = user_email_normalise(email, &e);
	assert_non_null(s);
	free(s);
	strcat(email, "p");
	bad_email(email, "email is longer than 254 bytes");
}

static void test_token_name(void **state)
{
	(void)state;
	struct err e = { 0 };
	assert_int_equal(user_token_name_check("", &e), 0);
	assert_int_equal(user_token_name_check("デプロイ用", &e), 0);
	assert_int_equal(user_token_name_check("a\nb", &e), -1);
	assert_string_equal(e.msg, "token name contains a control character or invalid UTF-8");
	assert_int_equal(user_token_name_check("a\xc3", &e), -1);
	assert_string_equal(e.msg, "token name contains a control character or invalid UTF-8");
	char name[400] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "名");
	assert_int_equal(user_token_name_check(name, &e), 0);
	strcat(name, "x");
	assert_int_equal(user_token_name_check(name, &e), -1);
	assert_string_equal(e.msg, "token name is longer than 100 characters");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_table),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_token_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
