/*
 * libFuzzer target: what a client sends to the review endpoints once the
 * JSON is parsed (fuzz_json_body covers that) — a verdict or decision
 * name (review_verdict_parse, review_decision_parse), a comment, message
 * or reason (review_verdict_check, review_text_check,
 * review_reason_check, review_decidable) and the item number in the path (api_item_no).
 * The input is split at its first NUL: the name, then the text (which is
 * also tried as the item number). A name accepted must print back as one
 * of the names or labels; every refusal must say why; an accepted text is
 * at most 4000 characters; an item number accepted is 1 to 100000 and
 * prints back as given.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/review.h"
#include "lib/xalloc.h"
#include "web/api_reply.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct review *one_item_review(enum party party)
{
	struct catalog *cat = catalog_new(CATALOG_CHECKLIST);
	struct catalog_item *it = catalog_add_item(cat);
	it->no = 3;
	it->key = xstrdup("k3");
	it->party = party;
	struct review *r = review_new();
	r->submission_id = 1;
	review_init_items(r, cat);
	catalog_free(cat);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *name = xstrndup((const char *)data, size); /* up to the first NUL */
	size_t first = strlen(name);
	char *text = first < size ? xstrndup((const char *)data + first + 1, size - first - 1) : xstrdup("");
	struct err e = { 0 };
	enum review_verdict v;
	enum review_decision d;
	if (review_verdict_parse(name, &v) == 0 && strcmp(review_verdict_name(v), name) != 0 &&
	    strcmp(review_verdict_label(v), name) != 0)
		__builtin_trap();
	if (review_decision_parse(name, &d) == 0 && strcmp(review_decision_name(d), name) != 0 &&
	    strcmp(review_decision_label(d), name) != 0)
		__builtin_trap();
	for (int p = PARTY_CONNECTOR; p <= PARTY_COMMON; p++) {
		struct review *r = one_item_review((enum party)p);
		err_clear(&e);
		if (review_verdict_check(&r->items[0], v, text, &e) < 0 && !e.msg[0])
			__builtin_trap();
		err_clear(&e);
		if (review_reason_check(d, text, &e) < 0 && !e.msg[0])
			__builtin_trap();
		err_clear(&e);
		if (review_decidable(r, d, &e) < 0 && !e.msg[0])
			__builtin_trap();
		review_free(r);
	}
	err_clear(&e);
	if (review_text_check("the message", text, &e) < 0 ? !e.msg[0] : strlen(text) > 4 * REVIEW_TEXT_MAX)
		__builtin_trap();
	int no = api_item_no(text);
	if (no >= 0) {
		char back[16];
		snprintf(back, sizeof back, "%d", no);
		if (no < 1 || no > 100000 || strcmp(back, text) != 0)
			__builtin_trap();
	}
	free(name);
	free(text);
	return 0;
}
