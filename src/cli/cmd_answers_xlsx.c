/* shinsa answers export and import: the answer set as the Excel form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_answers.h"
#include "formats/xlsx_answers.h"
#include "formats/xlsx_read.h"

static int answers_export(struct cli_ctx *ctx, int argc, char **argv);
static int answers_import(struct cli_ctx *ctx, int argc, char **argv);

const struct cli_command sub_answers_export = {
	.name = "answers export",
	.args = "--org NAME [--catalog ID] -o FILE.xlsx",
	.summary = "the A3 form with the answers in place",
	.help = "The blank form's layout, with 現在の対応状況 starting with a line 【対応済】,\n"
		"【一部対応】, 【未対応】 or 【対象外】 and 課題への対応計画 with 【対応予定日】YYYY-MM-DD.\n"
		"A hidden sheet \"shinsa\" names the catalog and each row's item. Written whole or\n"
		"not at all.\n",
	.exec = answers_export,
};
const struct cli_command sub_answers_import = {
	.name = "answers import",
	.args = "FILE.xlsx --org NAME [--catalog ID] [--dry-run] [--json]",
	.summary = "read the answers of a filled-in form",
	.help = "Rows are matched by 通番 and their セキュリティ対応目標 checked against the catalog.\n"
		"Every changed answer is written in one transaction; on any error (all are\n"
		"listed, by sheet and cell) nothing is. --dry-run shows the changes only.\n",
	.exec = answers_import,
};

static int answers_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL, *out = NULL;
	const struct cli_opt opts[] = {
		{ "org", 0, &org, NULL }, { "catalog", 0, &catalog, NULL }, { "output", 'o', &out, NULL }, { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "answers export", &sub_answers_export, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("answers export", &sub_answers_export, "unexpected argument \"%s\"", argv[0]);
	if (!org || !out)
		return cli_usage("answers export", &sub_answers_export, "--org and -o are required");
	size_t len = strlen(out);
	if (len < 5 || strcmp(out + len - 5, ".xlsx") != 0)
		return cli_usage("answers export", &sub_answers_export, "output file must end in .xlsx");
	struct err e = { 0 };
	struct cli_answers c;
	if (actx_load(ctx, org, catalog, &c, &e) < 0 || answers_export_file(&c.a, c.actor, out, &e) != 0) {
		actx_release(&c);
		return cli_fail("%s", e.msg);
	}
	size_t answered = 0;
	for (size_t i = 0; i < c.a.set->n_items; i++)
		answered += c.a.set->items[i].status != STATUS_UNSET;
	printf("wrote %s: %s's answers to %s, %zu items (%zu with a status)\n", out, c.org->name, c.a.cat->id,
	       c.a.cat->n_items, answered);
	actx_release(&c);
	return CLI_OK;
}

static void print_changes(json_t *changes)
{
	size_t k, j;
	json_t *c, *f;
	json_array_foreach(changes, k, c) {
		printf("item %d:", (int)json_integer_value(json_object_get(c, "no")));
		json_array_foreach(json_object_get(c, "fields"), j, f)
			printf("%s %s", j ? "," : "", json_string_value(json_object_get(f, "field")));
		putchar('\n');
	}
}

static void report_errors(const char *file, const struct xlsx_answers *r, const struct err *e)
{
	fprintf(stderr, "shinsa: %s: %s\n", file, e->msg);
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++)
		fprintf(stderr, "%s\n", r->errors[i]);
	if (r->n_errors > XLSX_ANSWERS_MAX_ERRORS)
		fprintf(stderr, "… and %zu more\n", r->n_errors - XLSX_ANSWERS_MAX_ERRORS);
}

static int answers_import(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org = NULL, *catalog = NULL;
	bool dry_run = false, json = false;
	const struct cli_opt opts[] = {
		{ "org", 0, &org, NULL }, { "catalog", 0, &catalog, NULL }, { "dry-run", 0, NULL, &dry_run },
		{ "json", 0, NULL, &json }, { 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "answers import", &sub_answers_import, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1 || !org)
		return cli_usage("answers import", &sub_answers_import,
				 npos > 1 ? "one file at a time" : !npos ? "missing FILE.xlsx" : "--org is required");
	const char *file = argv[0];
	struct err e = { 0 };
	struct cli_answers c;
	struct xlsx_book *book = NULL;
	struct answers_import imp = { 0 };
	if (actx_load(ctx, org, catalog, &c, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	if (xlsx_read_file(file, NULL, &book, &e) < 0) {
		rc = cli_fail("%s: %s", file, e.msg);
		goto done;
	}
	rc = answers_import_book(&c.a, c.actor, book, file, dry_run, &imp, &e);
	if (rc == OUTCOME_SHEET) {
		report_errors(file, imp.r, &e);
		rc = CLI_FAIL;
		goto done;
	}
	if (rc != OUTCOME_OK) {
		rc = cli_fail("%s: %s", file, e.msg);
		goto done;
	}
	size_t n = json_array_size(imp.changes);
	if (json) {
		cli_print_json(answers_import_json(&c.a, &imp, file));
	} else {
		print_changes(imp.changes);
		if (dry_run)
			printf("dry run: %zu items read from %s, %zu would change; nothing written\n", imp.r->n_read,
			       file, n);
		else
			printf("imported %zu items (%zu changed) from %s\n", imp.r->n_read, n, file);
	}
	rc = CLI_OK;
done:
	answers_import_release(&imp);
	xlsx_book_free(book);
	actx_release(&c);
	return rc;
}
