/* The users service: an administrator reaches only their organisation's
 * users, cannot lock themselves out, a repeated change records nothing,
 * and disabling ends the user's sessions — each change with its event. */
#include "auth_fixture.h"

#include "service/users.h"
#include "store/store_org.h"

/* A second organisation with one user: its id. */
static long long other_org_user(struct fixture *f)
{
	struct err e = { 0 };
	struct org *org = org_new();
	org->kind = ORG_BANK;
	org->name = xstrdup("B銀行");
	org->public_key = xstrdup("00");
	assert_int_equal(store_org_add(f->st, org, "v1:sealed", &e), 0);
	struct user *u = NULL;
	assert_int_equal(account_user_add(f->st, org->id, "bob@example.jp", ROLE_VIEWER, PW, NULL, "cli:test", &u, &e), 0);
	long long id = u->id;
	user_free(u);
	org_free(org);
	return id;
}

static void test_add_and_update(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	char otp[PASSWORD_GENERATED_LEN + 1];
	struct user *u = NULL;
	assert_int_equal(users_add(f->st, f->org_id, "Carol@Example.jp", "editor", NULL, "alice@example.jp", otp, &u, &e), 0);
	assert_string_equal(u->email, "carol@example.jp");
	assert_true(u->must_change_password);
	long long carol = u->id;
	user_free(u);
	assert_int_equal(users_add(f->st, f->org_id, "carol@example.jp", "viewer", NULL, "alice@example.jp", otp, &u, &e),
			 OUTCOME_CONFLICT);
	assert_string_equal(e.msg, "a user with email carol@example.jp already exists");
	assert_int_equal(users_add(f->st, f->org_id, "d@example.jp", "boss", NULL, "alice@example.jp", otp, &u, &e),
			 OUTCOME_INVALID);

	struct users_change c = { .role = "reviewer", .disabled = 1 };
	assert_int_equal(users_update(f->st, f->org_id, f->alice, carol, &c, "alice@example.jp", &u, &e), 0);
	assert_int_equal(u->role, ROLE_REVIEWER);
	assert_true(u->disabled);
	user_free(u);
	/* The same again: done, and nothing more in the trail. */
	long long before = count(f, "SELECT count(*) FROM audit_event", NULL);
	assert_int_equal(users_update(f->st, f->org_id, f->alice, carol, &c, "alice@example.jp", NULL, &e), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event", NULL), before);
	assert_int_equal(count(f, "SELECT count(*) FROM audit_event WHERE action = 'user_update' AND details = ?",
			       "{\"disabled\":true,\"role\":\"reviewer\"}"),
			 1);

	struct users_change none = { .disabled = -1 };
	assert_int_equal(users_update(f->st, f->org_id, f->alice, carol, &none, "alice@example.jp", NULL, &e),
			 OUTCOME_INVALID);
	assert_string_equal(e.msg, "nothing to change: give role, disabled, totp_reset, name or department");
}

static void test_own_org_and_self(void **state)
{
	struct fixture *f = *state;
	struct err e = { 0 };
	long long bob = other_org_user(f);
	struct users_change off = { .disabled = 1 };
	assert_int_equal(users_update(f->st, f->org_id, f->alice, bob, &off, "alice@example.jp", NULL, &e),
			 OUTCOME_NOT_FOUND);
	char *want = xasprintf("no user %lld", bob);
	assert_string_equal(e.msg, want);
	free(want);
	assert_int_equal(users_update(f->st, f->org_id, f->alice, f->alice, &off, "alice@example.jp", NULL, &e),
			 OUTCOME_CONFLICT);
	struct users_change demote = { .role = "viewer", .disabled = -1 };
	assert_int_equal(users_update(f->st, f->org_id, f->alice, f->alice, &demote, "alice@example.jp", NULL, &e),
			 OUTCOME_CONFLICT);
	assert_string_equal(e.msg,
			    "you cannot remove your own administrator role or disable yourself: ask another administrator");
	/* Keeping one's own admin role is no change, and no refusal. */
	struct users_change keep = { .role = "admin", .disabled = 0 };
	assert_int_equal(users_update(f->st, f->org_id, f->alice, f->alice, &keep, "alice@example.jp", NULL, &e), 0);
	struct user **list;
	size_t n;
	assert_int_equal(users_list(f->st, f->org_id, &list, &n, &e), 0);
	assert_int_equal(n, 1);
	user_free(list[0]);
	free(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_update, setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_org_and_self, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
