/*
 * jpinput: numbers, dates and names as people in Japan type them.
 *
 * One reader each, used by every page, API, CLI command and file reader
 * that takes an item list, a date or a bank's name: full-width digits and
 * letters, 、・， between numbers, 2〜5 ranges, and dates in the Western
 * and the Japanese era forms. Errors are coded (err_coded) so pages say
 * them in their own language. Returned strings are the caller's.
 */
#ifndef SHINSA_JPINPUT_H
#define SHINSA_JPINPUT_H

#include <stddef.h>

struct err;

/* Largest number jpinput_numbers reads, and most numbers in one list. */
#define JPINPUT_NUMBER_MAX 99999
#define JPINPUT_LIST_MAX 1000

/*
 * Reads a list of numbers: "2,3", "２、３", "2・3", "2，3", "2 3",
 * ranges "2〜5", "2～5", "2-5", "2~5" (both ends included). Blank text is
 * an empty list. *out (the caller's, free()) gets the numbers in the order
 * written, *n how many. -1 with e (codes not_a_list, range_backwards,
 * list_too_long) for anything else; *out is then NULL.
 */
int jpinput_numbers(const char *text, int **out, size_t *n, struct err *e);

/*
 * Reads a day into out as YYYY-MM-DD: 2027-07-31, 2027/7/31, 2027.7.31,
 * 2027年7月31日, 令和9年7月31日, 令和元年5月1日, R9.7.31, H31.4.30 (昭和/S,
 * 平成/H, 令和/R), full-width digits and letters too, spaces around
 * ignored. -1 with e for text that is no date (code not_a_date), a day
 * that does not exist ("2027-02-30 is not a day", code not_a_day) or an
 * era year outside its era ("平成31年5月1日 is not in 平成", code
 * not_in_era: 平成 ended on 2019-04-30). Years 1970 to 9999 only.
 */
int jpinput_date(const char *text, char out[11], struct err *e);

/*
 * The key a bank's name is found by: full-width ASCII and the ideographic
 * space folded to ASCII, half-width katakana to full-width, spaces
 * dropped, ASCII letters lower-cased, and 株式会社 / (株) / （株） / ㈱
 * dropped before or after the name. "株式会社デモ銀行", "デモ銀行株式会社",
 * "(株)デモ銀行" and "ﾃﾞﾓ銀行" all give "デモ銀行".
 */
char *jpinput_name_key(const char *name);
/* The same folding with 株式会社 and its marks kept: the name as typed,
 * for "starts with what was typed" ("株式会社み" is a start of
 * "株式会社みらい銀行", not of "みなと信用金庫"). Yours to free. */
char *jpinput_name_folded(const char *name);

#endif
