/*
 * page_time: how the pages show times. The API gives every time as UTC,
 * "YYYY-MM-DDTHH:MM:SSZ"; the people reading the pages are in Japan, so a
 * page shows it in Japan Standard Time, "YYYY-MM-DD HH:MM". JST is UTC+9
 * all year (no daylight saving), so a fixed offset is exact and the
 * server's own TZ plays no part. The page says the zone once where it
 * matters (a column head "日時（JST）", or " JST" after a lone time).
 * Dates that are dates (a due date, plan_due, "YYYY-MM-DD") stay as they
 * are: they are days people typed, not instants.
 *
 * A share's expiry (core/share.h, service/shares.c): the person types a
 * day, "2026-12-31", meaning the bank may still read on that day;
 * share_expiry_parse stores the instant the share ends, the next midnight
 * UTC, "2027-01-01T00:00:00Z" (so the share is in force through the end
 * of that day in UTC, i.e. until 09:00 JST the day after). The page shows
 * the day the person typed, the last day in force: "2026-12-31". An
 * expiry given as an exact time (API/CLI only) that is not a UTC midnight
 * is shown as the JST time it ends, "2027-04-01 00:00".
 *
 * For page data only: the API's own answers keep their form.
 */
#ifndef SHINSA_WEB_PAGE_TIME_H
#define SHINSA_WEB_PAGE_TIME_H

#include <jansson.h>
#include <stdbool.h>

/* The size of what these functions write: "YYYY-MM-DD HH:MM" and its NUL. */
#define PAGE_TIME_MAX 17

/* True if s is a UTC time as the API gives it, "YYYY-MM-DDTHH:MM:SSZ". */
bool page_time_is_utc(const char *s);

/* utc ("YYYY-MM-DDTHH:MM:SSZ") as "YYYY-MM-DD HH:MM" in JST into out:
 * "2026-12-03T21:58:02Z" is "2026-12-04 06:58". False (out "") if utc is
 * not such a time. */
bool page_time_jst(const char *utc, char out[PAGE_TIME_MAX]);

/* The JST day of utc, "YYYY-MM-DD" ("2026-12-03T21:58:02Z" is
 * "2026-12-04"); false (out "") if utc is not a UTC time. */
bool page_time_day(const char *utc, char out[PAGE_TIME_MAX]);

/* A share's expires_at as the page shows it (see above): a UTC midnight
 * is the day before it, "2027-01-01T00:00:00Z" is "2026-12-31"; any other
 * time its JST time. False (out "") if expires is not a UTC time. */
bool page_time_expiry(const char *expires, char out[PAGE_TIME_MAX]);

/*
 * Rewrites, in place, every string of v (at any depth) that is a UTC time
 * and the value of a member named "at" or "…_at" (or in an array under
 * one) with page_time_jst, except a member named "expires_at", which gets
 * page_time_expiry (in the pages' data only a share has one: the
 * session's own expiry is never shown). Other strings stay: dates, text
 * with a time inside, and a person's text that happens to be a time (an
 * answer shown in a form must come back as it was typed).
 * page_render does this to every page's data.
 */
void page_times(json_t *v);

#endif
