/* strbuf's refusal to grow past SIZE_MAX: it aborts with a message, as
 * xmalloc() does, rather than wrap round and write past its buffer. Each
 * case runs in a child process, since it ends in abort(). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#include "lib/strbuf.h"

/* Runs fn in a child holding "abc" in a strbuf; its stderr goes into
 * err (NUL-terminated), its wait status into *status. */
static void run_child(void (*fn)(struct strbuf *), char err[256], int *status)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 2);
		alarm(10); /* a wrapped size could loop for ever: end it */
		struct strbuf sb = STRBUF_INIT;
		strbuf_addstr(&sb, "abc");
		fn(&sb);
		_exit(0);
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t r;
	while (n < 255 && (r = read(fd[0], err + n, 255 - n)) > 0)
		n += (size_t)r;
	err[n] = '\0';
	close(fd[0]);
	assert_int_equal(waitpid(pid, status, 0), pid);
}

static void assert_aborted(void (*fn)(struct strbuf *), size_t extra)
{
	char err[256], want[256];
	int status;
	run_child(fn, err, &status);
	int w = snprintf(want, sizeof want, "shinsa: size overflow growing a string of 3 bytes by %zu\n", extra);
	assert_true(w > 0 && (size_t)w < sizeof want);
	assert_string_equal(err, want);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

/* The smallest extra that overflows: len + extra is SIZE_MAX, and the
 * NUL's byte wraps the need round to 0, which any buffer has. */
static void grow_to_wrap(struct strbuf *sb)
{
	strbuf_grow(sb, SIZE_MAX - 3);
}

static void test_grow_past_size_max_aborts(void **state)
{
	(void)state;
	assert_aborted(grow_to_wrap, SIZE_MAX - 3);
}

/* An add of SIZE_MAX bytes wraps the need round to 3, which the buffer
 * has: the copy would then run off its end. */
static void add_wrapping(struct strbuf *sb)
{
	strbuf_add(sb, "x", SIZE_MAX);
}

static void test_add_past_size_max_aborts(void **state)
{
	(void)state;
	assert_aborted(add_wrapping, SIZE_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_past_size_max_aborts),
		cmocka_unit_test(test_add_past_size_max_aborts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
