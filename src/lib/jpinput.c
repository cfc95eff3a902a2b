#include "lib/jpinput.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/err.h"
#include "lib/text.h"
#include "lib/xalloc.h"

/* Half-width katakana U+FF61..U+FF9F as their full-width forms. */
static const uint16_t half_kana[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
	0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
	0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
	0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
	0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x309B, 0x309C,
};

static char *put(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | cp >> 12);
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		/* Beyond the BMP (絵文字, 𠮷): four bytes, as it was typed. */
		*o++ = (char)(0xF0 | cp >> 18);
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* s with full-width ASCII as ASCII, U+3000 as a space, half-width katakana
 * (with its voicing marks) as full-width, and the dashes people type
 * between numbers as '-': the forms an input method or a pasted cell
 * gives for what the readers below take. */
static char *fold(const char *s)
{
	char *out = xmalloc(3 * strlen(s) + 1), *o = out;
	const char *p = s;
	uint32_t cp;
	while ((cp = text_utf8_next(&p)) != 0) {
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
			cp = '-';
		else if (cp >= 0xFF61 && cp <= 0xFF9F) {
			cp = half_kana[cp - 0xFF61];
			const char *q = p;
			uint32_t mark = text_utf8_next(&q);
			bool voiced = (cp >= 0x30AB && cp <= 0x30C8 && cp != 0x30C3) || (cp >= 0x30CF && cp <= 0x30DB);
			if (mark == 0xFF9E && (voiced || cp == 0x30A6)) {
				cp = cp == 0x30A6 ? 0x30F4 : cp + 1;
				p = q;
			} else if (mark == 0xFF9F && cp >= 0x30CF && cp <= 0x30DB) {
				cp += 2;
				p = q;
			}
		}
		o = put(o, cp);
	}
	*o = '\0';
	return out;
}

static bool starts(const char **p, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(*p, word, n) != 0)
		return false;
	*p += n;
	return true;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/* Up to max digits at *p; -1 when there is none. */
static long digits(const char **p, int max)
{
	long v = 0;
	int k = 0;
	while (**p >= '0' && **p <= '9' && k < max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k ? v : -1;
}

int jpinput_numbers(const char *text, int **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	char *f = fold(text ? text : "");
	const char *p = f;
	int *list = xcalloc(JPINPUT_LIST_MAX, sizeof *list);
	size_t k = 0;
	int rc = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == ',' || starts(&p, "、") || starts(&p, "・") ||
		       starts(&p, "､") || *p == ';')
			if (*p == ' ' || *p == '\t' || *p == ',' || *p == ';')
				p++;
		if (!*p)
			break;
		long a = digits(&p, 6), b;
		const char *after = p;
		skip_spaces(&p);
		bool range = a >= 0 && ((*p == '-' || *p == '~') ? (p++, true) : starts(&p, "〜") || starts(&p, "ー"));
		if (range) {
			skip_spaces(&p);
			b = digits(&p, 6);
		} else {
			b = a;
			p = after; /* "2 3": the space separates */
		}
		if (a < 1 || b < 1 || a > JPINPUT_NUMBER_MAX || b > JPINPUT_NUMBER_MAX ||
		    (*p && *p != ' ' && *p != ',' && *p != ';' && strncmp(p, "、", 3) && strncmp(p, "・", 3) &&
		     strncmp(p, "､", 3))) {
			err_coded(e, NULL, "not_a_list", "\"{1}\" is not a list of numbers (want 2、3 or 2〜5)", text, NULL);
			rc = -1;
			break;
		}
		if (b < a) {
			char lo[8], hi[8];
			snprintf(lo, sizeof lo, "%ld", a); /* at most 5 digits: fits */
			snprintf(hi, sizeof hi, "%ld", b);
			err_coded(e, NULL, "range_backwards", "the range {1}〜{2} runs backwards", lo, hi, NULL);
			rc = -1;
			break;
		}
		if (b - a + 1 > (long)(JPINPUT_LIST_MAX - k)) {
			err_coded(e, NULL, "list_too_long", "\"{1}\" names more than 1000 numbers", text, NULL);
			rc = -1;
			break;
		}
		for (long v = a; v <= b; v++)
			list[k++] = (int)v;
	}
	free(f);
	if (rc < 0) {
		free(list);
		return -1;
	}
	*out = list;
	*n = k;
	return 0;
}

/* The Japanese eras this reads: the first day of each, the last year
 * number it reached, and its names. */
static const struct era {
	const char *name, *letter;
	int y, m, d;
} eras[] = {
	{ "昭和", "S", 1926, 12, 25 },
	{ "平成", "H", 1989, 1, 8 },
	{ "令和", "R", 2019, 5, 1 },
};
#define N_ERAS (sizeof eras / sizeof eras[0])

static bool leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static long days_in(long y, long m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : len[m - 1];
}

static long ymd(long y, long m, long d)
{
	return y * 10000 + m * 100 + d;
}

/* "2027-02-30 is not a day", naming the day as it was typed too when that
 * was another form ("令和9年2月30日 (2027-02-30)"): a user looks for what
 * they typed, and the Western day says which one it was read as. */
static void day_error(struct err *e, const char *text, const char *shown)
{
	size_t len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	while (len && (*text == ' ' || *text == '\t'))
		text++, len--;
	if (len == strlen(shown) && strncmp(text, shown, len) == 0) {
		err_coded(e, NULL, "not_a_day", "{1} is not a day", shown, NULL);
		return;
	}
	char *both = xasprintf("%.*s (%s)", (int)len, text, shown);
	err_coded(e, NULL, "not_a_day", "{1} is not a day", both, NULL);
	free(both);
}

int jpinput_date(const char *text, char out[11], struct err *e)
{
	out[0] = '\0';
	char *f = fold(text ? text : "");
	const char *p = f;
	skip_spaces(&p);
	const struct era *era = NULL;
	for (size_t i = 0; i < N_ERAS && !era; i++) {
		const char *q = p;
		if (starts(&q, eras[i].name) || starts(&q, eras[i].letter) ||
		    (*q == eras[i].letter[0] + 32 && (q++, true))) {
			era = &eras[i];
			p = q;
		}
	}
	long y = era && starts(&p, "元") ? 1 : digits(&p, era ? 2 : 4), m = -1, d = -1;
	bool ok = y >= 0 && (era || p - f >= 4);
	if (ok && starts(&p, "年")) {
		m = digits(&p, 2);
		ok = m >= 0 && starts(&p, "月") && (d = digits(&p, 2)) >= 0 && starts(&p, "日");
	} else if (ok && (*p == '-' || *p == '/' || *p == '.')) {
		char mark = *p++;
		m = digits(&p, 2);
		ok = m >= 0 && *p++ == mark && (d = digits(&p, 2)) >= 0;
	} else {
		ok = false;
	}
	skip_spaces(&p);
	ok = ok && !*p && (!era || y >= 1);
	int rc = -1;
	if (!ok) {
		err_coded(e, NULL, "not_a_date",
			  "\"{1}\" is not a date (want 2027-07-31, 2027/7/31, 2027年7月31日 or 令和9年7月31日)", text, NULL);
		goto done;
	}
	long year = era ? era->y + y - 1 : y;
	if (era) {
		/* The era's first year is 元年 or 1; its last day is the day before the next era's first. */
		long first = ymd(era->y, era->m, era->d), last = 99999999;
		if (era + 1 < eras + N_ERAS) {
			const struct era *nx = era + 1;
			last = nx->d > 1 ? ymd(nx->y, nx->m, nx->d - 1)
			       : nx->m > 1 ? ymd(nx->y, nx->m - 1, days_in(nx->y, nx->m - 1))
					   : ymd(nx->y - 1, 12, 31);
		}
		long day = ymd(year, m, d);
		if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in(year, m) || day < first || day > last) {
			bool real = y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(year, m);
			if (real) {
				err_coded(e, NULL, "not_in_era", "\"{1}\" is not in {2}", text, era->name, NULL);
				goto done;
			}
		}
	}
	if (year < 1970 || year > 9999 || m < 1 || m > 12 || d < 1 || d > days_in(year, m)) {
		char shown[32];
		int w = snprintf(shown, sizeof shown, "%04ld-%02ld-%02ld", year, m, d);
		if (w < 0 || (size_t)w >= sizeof shown)
			shown[0] = '\0'; /* cannot happen: the fields are at most 4+2+2 digits */
		if (year < 1970 || year > 9999)
			err_coded(e, NULL, "not_a_date", "\"{1}\" is not a date (want a year from 1970 to 9999)", text, NULL);
		else
			day_error(e, text ? text : "", shown);
		goto done;
	}
	snprintf(out, 11, "%04ld-%02ld-%02ld", year, m, d); /* 10 characters: the ranges are checked */
	rc = 0;
done:
	free(f);
	return rc;
}

char *jpinput_name_folded(const char *name)
{
	char *f = fold(name ? name : "");
	char *o = f;
	for (const char *p = f; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		*o++ = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
	}
	*o = '\0';
	return f;
}

char *jpinput_name_key(const char *name)
{
	char *f = jpinput_name_folded(name);
	static const char *const marks[] = { "株式会社", "(株)", "（株）", "㈱" };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]), len = strlen(f);
		if (len > n && strncmp(f, marks[i], n) == 0)
			memmove(f, f + n, len - n + 1);
		else if (len > n && strcmp(f + len - n, marks[i]) == 0)
			f[len - n] = '\0';
	}
	return f;
}
