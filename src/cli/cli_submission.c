#include "cli/cli_submission.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_audit.h"
#include "formats/package.h"
#include "formats/review_decision.h"
#include "lib/fsutil.h"

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

int cli_receive(struct cli_ctx *ctx, const char *path, const char *bank, struct receive_result *r)
{
	struct err e = { 0 };
	struct store *st = NULL;
	char *buf = NULL, *actor = cli_audit_actor();
	size_t len = 0, max = bank ? (size_t)PACKAGE_MAX : REVIEW_DECISION_FILE_MAX;
	int rc;
	if (fs_read_file(path, max, &buf, &len, &e) < 0 || cli_open_store(ctx, &st, &e) < 0)
		rc = cli_fail("%s", e.msg);
	else if ((rc = bank ? receive_package(st, actor, bank, path, buf, len, r, &e)
			    : receive_decision(st, actor, path, buf, len, r, &e)) != OUTCOME_OK)
		rc = cli_refused(rc, &e, NULL);
	else
		rc = CLI_OK;
	free(buf);
	free(actor);
	store_close(st);
	return rc;
}

void cli_print_pinned(const struct receive_result *r, const char *who)
{
	if (r->org_created)
		printf("pinned key %s: compare it with the fingerprint the %s published\n", r->fingerprint, who);
	else
		printf("signed by the pinned key %s: the key pinned on first receipt\n", r->fingerprint);
}
