#include "web/page_time.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"

/* Japan Standard Time: UTC+9, the same all year. */
#define JST_OFFSET (9 * 3600)

bool page_time_is_utc(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (!s || strlen(s) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return false;
	return true;
}

/* t shifted by offset seconds into out: "YYYY-MM-DD", and " HH:MM" when
 * clock is true. */
static bool format(time_t t, long offset, bool clock, char out[PAGE_TIME_MAX])
{
	struct tm tm;
	t += offset;
	/* gmtime_r of a shifted instant: the server's TZ never enters. */
	int n = gmtime_r(&t, &tm) ? snprintf(out, PAGE_TIME_MAX, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
					     tm.tm_mday)
				  : -1;
	if (n > 0 && clock)
		n = snprintf(out + n, PAGE_TIME_MAX - (size_t)n, " %02d:%02d", tm.tm_hour, tm.tm_min) == 6 ? n + 6 : -1;
	if (n < 0 || n >= PAGE_TIME_MAX) {
		out[0] = 0;
		return false;
	}
	return true;
}

/* utc parsed into *t; false (out "") if it is not a UTC time. */
static bool parse(const char *utc, time_t *t, char out[PAGE_TIME_MAX])
{
	out[0] = 0;
	return page_time_is_utc(utc) && clock_parse(utc, t) == 0;
}

bool page_time_jst(const char *utc, char out[PAGE_TIME_MAX])
{
	time_t t;
	return parse(utc, &t, out) && format(t, JST_OFFSET, true, out);
}

bool page_time_day(const char *utc, char out[PAGE_TIME_MAX])
{
	time_t t;
	return parse(utc, &t, out) && format(t, JST_OFFSET, false, out);
}

bool page_time_expiry(const char *expires, char out[PAGE_TIME_MAX])
{
	time_t t;
	if (!parse(expires, &t, out))
		return false;
	/* A UTC midnight is how a typed day is stored (share_expiry_parse):
	 * the last second in force belongs to the day the person typed. */
	if (strcmp(expires + 10, "T00:00:00Z") == 0)
		return format(t, -1, false, out);
	return page_time_jst(expires, out);
}

/* Whether a member named key holds a time: "at" or "…_at". */
static bool time_key(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	return n && (strcmp(key, "at") == 0 || (n > 3 && strcmp(key + n - 3, "_at") == 0));
}

static void times(json_t *v, const char *key)
{
	size_t i;
	json_t *x;
	const char *k;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			times(x, key);
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x) {
			times(x, k);
		}
	} else if (json_is_string(v) && time_key(key)) {
		char out[PAGE_TIME_MAX];
		bool expiry = key && strcmp(key, "expires_at") == 0;
		if (expiry ? page_time_expiry(json_string_value(v), out) : page_time_jst(json_string_value(v), out))
			json_string_set(v, out);
	}
}

void page_times(json_t *v)
{
	times(v, NULL);
}
