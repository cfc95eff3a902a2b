/*
 * libFuzzer target: what a connector sends to update a plan, once the
 * request body is one JSON object (fuzz_json_body covers the parser up to
 * there) — plans_update_parse() with every limit of core/plan.h — and the
 * date arithmetic of the cycle rule. The input is split at its first NUL:
 * a JSON text, then a date. An update it accepts must keep to the limits
 * (a known status, valid dates, at most 50 milestones with titles of 1 to
 * 200 characters); a refusal must say why. A date the month arithmetic
 * accepts must give a valid date, never before the one given.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/plan.h"
#include "lib/clock.h"
#include "lib/xalloc.h"
#include "service/plans.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_update(const struct plan_update *u)
{
	enum plan_status s;
	struct err e = { 0 };
	if (u->status && plan_status_parse(u->status, &s, &e) < 0)
		__builtin_trap();
	if (u->due && !clock_date_valid(u->due))
		__builtin_trap();
	if (u->note && (!*u->note || plan_note_check(u->note, &e) < 0))
		__builtin_trap();
	if (!u->milestones_set)
		return;
	if (u->milestones->n_milestones > PLAN_MILESTONES_MAX)
		__builtin_trap();
	for (size_t i = 0; i < u->milestones->n_milestones; i++) {
		const struct plan_milestone *m = &u->milestones->milestones[i];
		if (plan_milestone_check(i + 1, m->title, m->due, m->done_at, &e) < 0)
			__builtin_trap();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	size_t first = strlen(text);
	char *date = first < size ? xstrndup((const char *)data + first + 1, size - first - 1) : xstrdup("");
	json_error_t jerr;
	json_t *body = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
	if (json_is_object(body)) {
		struct plan_update u;
		struct err e = { 0 };
		int rc = plans_update_parse(body, &u, &e);
		if (rc == 0)
			check_update(&u);
		else if (rc != OUTCOME_INVALID || !e.msg[0])
			__builtin_trap();
		plans_update_release(&u);
	}
	json_decref(body);
	char out[PLAN_DATE_LEN + 1];
	for (int m = 1; m <= 60; m += 59) {
		if (plan_date_add_months(date, m, out) == 0 && (!clock_date_valid(out) || strcmp(out, date) <= 0))
			__builtin_trap();
	}
	if (plan_date_add_days(date, 30, out) == 0 && (!clock_date_valid(out) || strcmp(out, date) <= 0))
		__builtin_trap();
	free(text);
	free(date);
	return 0;
}
