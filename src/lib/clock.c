#include "lib/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar; timegm()
 * is not in POSIX, and mktime() would drag the local time zone in. */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

/* Every character of s is what pattern says: '9' a digit, else itself.
 * sscanf alone would take "2026-+9-30" and "2026-01- 1". */
static bool shaped(const char *s, const char *pattern)
{
	for (; *pattern; s++, pattern++)
		if (*pattern == '9' ? !(*s >= '0' && *s <= '9') : *s != *pattern)
			return false;
	return *s == 0;
}

int clock_parse(const char *s, time_t *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	size_t len = strlen(s);
	if (!shaped(s, "9999-99-99") && !shaped(s, "9999-99-99T99:99:99Z"))
		return -1;
	if (len == 10) {
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
			return -1;
	} else if (len == 20) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 || n != 20)
			return -1;
	} else {
		return -1;
	}
	if (s[4] != '-' || s[7] != '-' || y < 1970 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 59 || h < 0 || mi < 0 || sec < 0)
		return -1;
	*out = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec);
	return 0;
}

int clock_now(time_t *out, struct err *e)
{
	const char *fake = getenv("SHINSA_NOW");
	if (fake && *fake) {
		if (clock_parse(fake, out) < 0) {
			err_set(e, "SHINSA_NOW=%s: want YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD", fake);
			return -1;
		}
		return 0;
	}
	*out = time(NULL);
	return 0;
}

void clock_format(time_t t, char out[CLOCK_TEXT_SIZE])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	if (strftime(out, CLOCK_TEXT_SIZE, "%Y-%m-%dT%H:%M:%SZ", &tm) != CLOCK_TEXT_SIZE - 1)
		strcpy(out, "1970-01-01T00:00:00Z"); /* years past 9999: not ours to stamp */
}

int clock_stamp(char out[CLOCK_TEXT_SIZE], struct err *e)
{
	time_t now;
	if (clock_now(&now, e) < 0)
		return -1;
	clock_format(now, out);
	return 0;
}

bool clock_date_valid(const char *s)
{
	time_t t;
	return s && strlen(s) == 10 && clock_parse(s, &t) == 0;
}

uint64_t clock_thread_cpu_ns(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) < 0) /* cannot fail on Linux: the clock is always there */
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
