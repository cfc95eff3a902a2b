/*
 * criteria_list: a bank's criteria in the list form banks publish (a web
 * page or a Word document pasted into text): a title, a preamble
 * (「当行は、…以下のとおりです。」), then numbered headings with the
 * criteria under them, nested two or three deep.
 *
 * Each line (blank lines skipped, whitespace trimmed, tabs as spaces) is
 * one of:
 *   - a marked line: "1." / "1．" / "1、", "(1)" / "（1）", "①"…"㊿",
 *     "ア." / "ア、", "(ア)" / "（ア）" (katakana, as Word's aiueo and iroha
 *     number), or a bullet "・" "•" "●" "○" "■" "◆", then its text (digits
 *     full-width too);
 *   - "以上", which ends the list;
 *   - any other line: before the first marked line the title (the first)
 *     and the preamble, left out; after it, under a heading's words (short,
 *     no 、 or 。, not a sentence: 「1. 基本方針」) the paragraph that is
 *     that item's text, its words its 区分, never glued to them (but
 *     when nothing is under it and a heading beside it has criteria, it is
 *     a preamble section, 「1. 基本方針」: both lines left out); else the
 *     rest of the line above, joined with no break when that was cut
 *     mid-sentence (a wrapped line), on a new line when it had ended
 *     (「…こと」「…ます。」).
 * Bullets under a sentence (「①…整備されていること」 then 「・…」 lines)
 * are parts of that one criterion, as a bank's reviewer reads them: they
 * join its text as 「・…」 lines, each on its own line, not criteria.
 * Depth: a kind of marker first seen is one level deeper than the line
 * above; a kind seen before is back at its level. A marked line with lines
 * deeper under it is a heading, and it is the 区分 of what is under it
 * (the nearest with words: a bare "1." has none); the top heading is the
 * section (none when it has no words). The others are criteria:
 * the key is the path of numbers as written, joined with "-" ("3-(2)",
 * "1-(1)-①", "1-(ア)"); bullets are numbered in order under their heading ("2-1").
 * A criterion with no heading above and no words of its own (a flat
 * list: 「1. …こと」) has the title as its 区分: there is nothing else. no is the
 * criterion's place in the list.
 *
 * Errors (err_coded: place, code, values), besides criteria_read's:
 *   NAME: no criteria in the list form (want numbered lines: 1. (1) ① ・)
 *                                                        list_empty []
 *   NAME:LINE: 通番 3-(2) again (first at NAME:LINE)     number_again [key, LINE]
 *   NAME:LINE: a criterion with no heading above it and no title
 *                                                        list_no_category []
 *   NAME:LINE: more than 2000 criteria                   too_many [2000]
 */
#ifndef SHINSA_FORMATS_CRITERIA_LIST_H
#define SHINSA_FORMATS_CRITERIA_LIST_H

#include <stddef.h>

#include "core/catalog.h"
#include "formats/criteria_table.h"
#include "lib/err.h"

/* Reads the rows of t (a text file read as CTABLE_PLAIN) in the list form
 * into cat (empty, kind criteria): its items (at most max_items) and its
 * title. 0, or -1 with
 * e set (cat then holds what was read so far: free it). */
int criteria_list_read(const struct ctable *t, struct catalog *cat, size_t max_items, struct err *e);

/* The lines a list leaves out (its title, its preamble, what follows
 * 以上), and the rows a table skips (criteria_read.h), for a person to
 * see before they replace the bank's list. */
struct criteria_left {
	char **at;   /* "NAME:LINE" */
	char **text; /* the line as read, trimmed */
	size_t n;
};

void criteria_left_release(struct criteria_left *l);
/* Adds a line left out at place at (copies of both). */
void criteria_left_add(struct criteria_left *l, const char *at, const char *text);

/* criteria_list_read(), and the lines it left out added to *left (NULL:
 * not kept), whatever it returns. */
int criteria_list_read_left(const struct ctable *t, struct catalog *cat, size_t max_items, struct criteria_left *left,
			    struct err *e);

#endif
