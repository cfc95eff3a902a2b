/*
 * text_diff: which words of one text changed in another, for showing a
 * previous answer beside the new one. Layer: core.
 *
 * Japanese has no spaces between words, so a text is cut into tokens by
 * script: a run of hiragana, a run of katakana (with ー), a run of letters
 * and digits (ASCII or full-width), and any other character alone — each
 * kanji (a morpheme of its own: 多要素認証 → 生体認証 keeps 認証), each
 * punctuation mark, space or line break. The tokens
 * of the two texts are matched by their longest common subsequence, after
 * the common start and end are set aside; when the middle is too long to
 * match (TEXT_DIFF_MAX_CELLS), it is shown as deleted and inserted whole.
 *
 * The result is a list of segments that, read in order, give the old text
 * from its SAME and DEL segments and the new text from its SAME and INS
 * segments. Within a change the deleted text comes before the inserted;
 * neighbouring segments of one kind are joined, and a single character
 * kept between two changes is taken into them (a coincidence, such as one
 * の shared by two rewritten sentences, not a word kept). Two equal texts give one
 * SAME segment (none when both are empty).
 */
#ifndef SHINSA_CORE_TEXT_DIFF_H
#define SHINSA_CORE_TEXT_DIFF_H

#include <stddef.h>

/* Bound on tokens(old middle) x tokens(new middle): the table is 4 bytes a
 * cell, so at most 16 MB however long the texts are. */
#define TEXT_DIFF_MAX_CELLS 4000000u

enum text_diff_op { TEXT_DIFF_SAME, TEXT_DIFF_DEL, TEXT_DIFF_INS };

struct text_diff_seg {
	enum text_diff_op op;
	char *text; /* non-empty */
};

struct text_diff {
	struct text_diff_seg *segs;
	size_t n;
};

/* The segments from before to after (NULL reads as ""), yours: free with
 * text_diff_free(). Never NULL. */
struct text_diff *text_diff_new(const char *before, const char *after);
void text_diff_free(struct text_diff *d);

/* "same", "del" or "ins". */
const char *text_diff_op_name(enum text_diff_op op);

#endif
