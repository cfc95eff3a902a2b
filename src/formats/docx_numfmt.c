#include "formats/docx_numfmt.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char *const aiueo[] = { "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ", "サ", "シ",
				     "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト", "ナ", "ニ", "ヌ", "ネ",
				     "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ", "マ", "ミ", "ム", "メ", "モ", "ヤ",
				     "ユ", "ヨ", "ラ", "リ", "ル", "レ", "ロ", "ワ", "ヲ", "ン" };
static const char *const iroha[] = { "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト", "チ", "リ", "ヌ", "ル", "ヲ",
				     "ワ", "カ", "ヨ", "タ", "レ", "ソ", "ツ", "ネ", "ナ", "ラ", "ム", "ウ",
				     "ヰ", "ノ", "オ", "ク", "ヤ", "マ", "ケ", "フ", "コ", "エ", "テ", "ア",
				     "サ", "キ", "ユ", "メ", "ミ", "シ", "ヱ", "ヒ", "モ", "セ", "ス" };

static void add_cp(struct strbuf *sb, uint32_t cp)
{
	char u[4];
	size_t n = cp < 0x800 ? 2 : 3; /* only ever the BMP characters below */
	if (n == 2) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
	} else {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
	}
	strbuf_add(sb, u, n);
}

static void roman(struct strbuf *sb, long n, bool upper)
{
	static const struct { int v; const char *s; } r[] = { { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
							      { 100, "c" },  { 90, "xc" },  { 50, "l" },  { 40, "xl" },
							      { 10, "x" },   { 9, "ix" },   { 5, "v" },   { 4, "iv" },
							      { 1, "i" } };
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (const char *p = r[i].s; *p; p++)
				strbuf_addch(sb, upper ? (char)toupper((unsigned char)*p) : *p);
}

void docx_numfmt(struct strbuf *sb, const char *fmt, long n)
{
	fmt = fmt ? fmt : "decimal";
	if (!strcmp(fmt, "decimalFullWidth") || !strcmp(fmt, "decimalFullWidth2")) {
		char d[24];
		snprintf(d, sizeof d, "%ld", n); /* a long: fits */
		for (char *p = d; *p; p++)
			add_cp(sb, 0xFF10 + (uint32_t)(*p - '0'));
	} else if (!strcmp(fmt, "decimalEnclosedParen")) {
		strbuf_addf(sb, "(%ld)", n);
	} else if (!strncmp(fmt, "decimalEnclosedCircle", 21) && n >= 1 && n <= 50) {
		add_cp(sb, n <= 20 ? 0x2460 + (uint32_t)n - 1 : n <= 35 ? 0x3251 + (uint32_t)n - 21 : 0x32B1 + (uint32_t)n - 36);
	} else if (!strncmp(fmt, "aiueo", 5) && n >= 1 && n <= 46) {
		strbuf_addstr(sb, aiueo[n - 1]);
	} else if (!strncmp(fmt, "iroha", 5) && n >= 1 && n <= 47) {
		strbuf_addstr(sb, iroha[n - 1]);
	} else if ((!strcmp(fmt, "upperLetter") || !strcmp(fmt, "lowerLetter")) && n >= 1 && n <= 780) {
		/* A… Z, then AA… ZZ, AAA…, as Word counts */
		for (long i = 0; i <= (n - 1) / 26; i++)
			strbuf_addch(sb, (char)((fmt[0] == 'u' ? 'A' : 'a') + (n - 1) % 26));
	} else if ((!strcmp(fmt, "upperRoman") || !strcmp(fmt, "lowerRoman")) && n >= 1 && n <= 3999) {
		roman(sb, n, fmt[0] == 'u');
	} else if (!strcmp(fmt, "decimalZero")) {
		strbuf_addf(sb, "%02ld", n);
	} else if (strcmp(fmt, "none") != 0) {
		strbuf_addf(sb, "%ld", n);
	}
}
