/*
 * web/conn_guard's deadlines: when a request head or body has had its time
 * (the reaper and the sockets are tested end to end by tests/http/guard.sh).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "web/conn_guard.h"

static const struct conn_guard_config cfg = {
	.head_timeout = 20,
	.body_timeout = 20,
	.body_min_rate = 500,
	.per_address = 32,
};

static void test_head(void **state)
{
	(void)state;
	assert_false(conn_guard_overdue(&cfg, CONN_HEAD, 0, 0));
	assert_false(conn_guard_overdue(&cfg, CONN_HEAD, 20.0, 0));
	assert_true(conn_guard_overdue(&cfg, CONN_HEAD, 20.01, 0));
	/* Bytes received do not buy a head more time. */
	assert_true(conn_guard_overdue(&cfg, CONN_HEAD, 21, 1 << 20));
}

/* A body gets 20 s, and one more for every 500 bytes that came. */
static void test_body(void **state)
{
	(void)state;
	assert_false(conn_guard_overdue(&cfg, CONN_BODY, 20.0, 0));
	assert_true(conn_guard_overdue(&cfg, CONN_BODY, 20.01, 0));
	assert_false(conn_guard_overdue(&cfg, CONN_BODY, 30.0, 5000));
	assert_true(conn_guard_overdue(&cfg, CONN_BODY, 30.01, 5000));
	assert_false(conn_guard_overdue(&cfg, CONN_BODY, 3600, (size_t)500 * 3600));
	struct conn_guard_config none = cfg;
	none.body_min_rate = 0; /* no rate: the body's time is fixed */
	assert_true(conn_guard_overdue(&none, CONN_BODY, 20.01, (size_t)1 << 30));
}

/* A request being answered is under the idle timeout only. */
static void test_busy(void **state)
{
	(void)state;
	assert_false(conn_guard_overdue(&cfg, CONN_BUSY, 1e6, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_head),
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_busy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
