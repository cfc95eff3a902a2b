#include "cli/cli_submission.h"

#include <stdio.h>
#include <string.h>

int cli_submission_id(const char *text, long long *id)
{
	return submissions_parse_id(text, id);
}

int cli_submission_load(struct store *st, long long id, bool valid, struct submission_record **rec,
			struct submission **doc, struct err *e)
{
	return cli_submission_hint(valid ? submissions_load_valid(st, id, rec, doc, e)
					 : submissions_load(st, id, rec, doc, e),
				   e);
}

int cli_submission_hint(int rc, struct err *e)
{
	if (rc == OUTCOME_NOT_FOUND) {
		char what[sizeof e->msg];
		memcpy(what, e->msg, sizeof what);
		err_set(e, "%s (shinsa submission list --org NAME shows them)", what);
	}
	return rc == 0 ? 0 : -1;
}

void cli_print_answers(const struct answer_set *set)
{
	static const char *const labels[ANSWER_NFIELDS] = {
		[FIELD_CURRENT] = "現在の対応状況", [FIELD_ISSUES] = "課題認識", [FIELD_PLAN] = "課題への対応計画",
		[FIELD_PLAN_DUE] = "対応予定日",    [FIELD_NOTES] = "備考",
	};
	for (size_t i = 0; i < set->n_items; i++) {
		const struct answer *a = &set->items[i];
		printf("%3d  %s\n", a->no, a->status ? answer_status_label(a->status) : "(未回答)");
		for (int f = FIELD_CURRENT; f < ANSWER_NFIELDS; f++) {
			const char *v = answer_get(a, (enum answer_field)f);
			if (*v)
				printf("     %s: %s\n", labels[f], v);
		}
	}
}
