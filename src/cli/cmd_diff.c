#include <stdio.h>
#include <string.h>

#include "cli/cli_submission.h"
#include "core/answers_diff.h"
#include "formats/canon_json.h"
#include "service/submission_view.h"

static void print_side(const struct submission_side *s)
{
	if (s->rec)
		printf("submission %lld (version %d, %s)", s->rec->id, s->rec->version, s->rec->submitted_at);
	else
		printf("the working answers");
}

/* A value as the document writes it: a JSON string, or null. */
static void print_value(const char *v)
{
	struct strbuf sb = STRBUF_INIT;
	if (v)
		canon_json_string(&sb, v, strlen(v));
	fputs(v ? sb.buf : "null", stdout);
	strbuf_release(&sb);
}

/* The changed files' lines (submission_view_files_text()); how many. */
static size_t print_files(const struct submission_side *from, const struct submission_side *to)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = submission_view_files_text(from->doc, to->doc, &sb);
	fputs(sb.len ? sb.buf : "", stdout);
	strbuf_release(&sb);
	return n;
}

static void print_diff(const struct submission_side *from, const struct submission_side *to, const struct answers_diff *d)
{
	printf("%s, %s: ", from->rec->org_name, from->rec->catalog_id);
	print_side(from);
	printf(" → ");
	print_side(to);
	printf("\n");
	for (size_t i = 0; i < d->n_items; i++) {
		const struct item_change *it = &d->items[i];
		printf("item %d\n", it->no);
		for (size_t k = 0; k < it->n_fields; k++) {
			printf("  %s: ", answer_field_name(it->fields[k].field));
			print_value(it->fields[k].before);
			printf(" → ");
			print_value(it->fields[k].after);
			printf("\n");
		}
	}
	size_t files = print_files(from, to);
	if (d->n_items)
		printf("%zu item%s changed\n", d->n_items, d->n_items == 1 ? "" : "s");
	if (files)
		printf("%zu file%s changed\n", files, files == 1 ? "" : "s");
	if (!d->n_items && !files)
		printf("no changes\n");
}

static int diff_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	const struct cli_opt opts[] = { { "json", 0, NULL, &json }, { 0 } };
	int npos;
	long long a;
	int rc = cli_parse(ctx, "diff", &cmd_diff, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 2)
		return npos < 2 ? cli_usage("diff", &cmd_diff, "want two submissions, A and B")
				: cli_usage("diff", &cmd_diff, "unexpected argument \"%s\"", argv[2]);
	long long b;
	if (cli_submission_id(argv[0], &a) < 0)
		return cli_usage("diff", &cmd_diff, "A is a submission number, not \"%s\"", argv[0]);
	if (strcmp(argv[1], "working") != 0 && cli_submission_id(argv[1], &b) < 0)
		return cli_usage("diff", &cmd_diff, "B is a submission number or \"working\", not \"%s\"", argv[1]);

	struct err e = { 0 };
	struct store *st = NULL;
	struct submission_side from = { 0 }, to = { 0 };
	if (cli_open_store(ctx, &st, &e) < 0 ||
	    cli_submission_hint(submission_sides_load(st, 0, a, argv[1], &from, &to, &e), &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	struct answers_diff *d = answers_diff_new(from.doc->answers, to.doc->answers);
	if (json)
		cli_print_json(submission_view_diff(&from, &to, d));
	else
		print_diff(&from, &to, d);
	answers_diff_free(d);
	rc = CLI_OK;
done:
	submission_side_release(&from);
	submission_side_release(&to);
	store_close(st);
	return rc;
}

const struct cli_command cmd_diff = {
	.name = "diff",
	.args = "A B [--json]",
	.summary = "compare two submissions, or one with the working answers",
	.help = "A and B are submission ids (shinsa submission list); B may be the word working:\n"
		"the organisation's current answers. Both must be of one organisation and one\n"
		"checklist. Lists each changed item by its number (通番) and under it each\n"
		"changed field as  field: before → after , values written as in the document\n"
		"(JSON strings, null when unset).\n"
		"--json prints {org, catalog, from, to, items[{no, key, fields[{field, before,\n"
		"after}]}]}, from and to being {kind: \"submission\", id, version, submitted_at}\n"
		"or {kind: \"working\"}; only changed items and fields, in checklist order.\n"
		"The files each side lists follow (working: the current attachments, as the\n"
		"next version would seal them), one line each:\n"
		"  file \"NAME\" (items N, M): added|removed|replaced SHA12 [→ SHA12]\n"
		"(replaced: a file gone and a new one of the same name on the same items), and\n"
		"--json adds files[{change, name, before, after}], before and after each the\n"
		"file as the document lists it or null.\n",
	.exec = diff_exec,
};
