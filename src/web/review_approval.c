#include "web/review_approval.h"

#include <string.h>

#include "web/review_screen.h"

/* True when member key of o is the string s. */
static bool is(const json_t *o, const char *key, const char *s)
{
	const char *v = json_string_value(json_object_get(o, key));
	return v && strcmp(v, s) == 0;
}

json_t *review_approval_build(const json_t *drafts, bool required, const char *me, bool may_approve)
{
	json_t *rows = json_array(), *pending = json_array(), *rejected = json_array();
	bool mine = false;
	size_t i;
	const json_t *d;
	json_array_foreach(drafts, i, d) {
		json_t *row = json_deep_copy(d);
		json_object_set_new(row, "d", review_screen_flag(json_object_get(d, "decision")));
		json_object_set_new(row, "st", review_screen_flag(json_object_get(d, "state")));
		json_array_append_new(rows, row);
	}
	/* Only the last draft can be pending (one at a time) or the rejection
	 * the drafter still has to answer. */
	const json_t *last = json_array_get(rows, json_array_size(rows) - 1);
	if (last && is(last, "state", "pending_approval")) {
		json_array_append(pending, (json_t *)last);
		mine = me && is(last, "drafted_by", me);
	} else if (last && is(last, "state", "rejected")) {
		json_array_append(rejected, (json_t *)last);
	}
	bool any = json_array_size(rows) > 0;
	return json_pack("{s:b, s:o, s:b, s:b, s:o, s:o, s:b}", "required", required, "pending", pending, "mine", mine,
			 "may_resolve", json_array_size(pending) && may_approve && !mine, "rejected", rejected,
			 "drafts", rows, "any", any);
}
