/* shinsa answers export and import: the answer set as the Excel form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli_audit.h"
#include "cli/cmd_answers.h"
#include "formats/xlsx_answers.h"
#include "formats/xlsx_form.h"
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

/*
 * Writes the form with the export's audit event: the event is appended
 * first and committed only once the file is written, and a file whose event
 * did not commit is removed, so no export goes unrecorded.
 */
static int export_audited(struct answers_ctx *a, const char *out, struct err *e)
{
	json_t *details = json_pack("{s:s, s:s}", "file", out, "catalog", a->cat->id);
	int rc = store_begin(a->st, e) < 0 ||
		 cli_audit(a->st, a->org->id, AUDIT_ANSWERS_EXPORT, details, e, "answer_set:%s", a->cat->id) < 0 ||
		 xlsx_form_export(a->cat, a->set, out, e) < 0;
	json_decref(details);
	if (!rc && store_commit(a->st, e) < 0) {
		unlink(out);
		rc = 1;
	}
	if (rc)
		store_rollback(a->st);
	return rc ? -1 : 0;
}

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
	struct answers_ctx a;
	if (actx_load(ctx, org, catalog, &a, &e) < 0 || export_audited(&a, out, &e) < 0) {
		actx_release(&a);
		return cli_fail("%s", e.msg);
	}
	size_t answered = 0;
	for (size_t i = 0; i < a.set->n_items; i++)
		answered += a.set->items[i].status != STATUS_UNSET;
	printf("wrote %s: %s's answers to %s, %zu items (%zu with a status)\n", out, a.org->name, a.cat->id,
	       a.cat->n_items, answered);
	actx_release(&a);
	return CLI_OK;
}

/* status and plan_due are null when unset, as answers show prints them. */
static json_t *field_json(const struct answer *a, enum answer_field f)
{
	const char *v = answer_get(a, f);
	if ((f == FIELD_STATUS || f == FIELD_PLAN_DUE) && !*v)
		return json_null();
	return json_string(v);
}

/*
 * The changes from the stored set to the proposal: one entry per item with
 * a row whose fields differ, {no, fields[{field, before, after}]}.
 */
static json_t *changes_of(const struct answer_set *stored, const struct xlsx_answers *r)
{
	json_t *changes = json_array();
	for (size_t i = 0; i < stored->n_items; i++) {
		if (!r->rows[i])
			continue;
		const struct answer *old = &stored->items[i], *new = &r->set->items[i];
		json_t *fields = json_array();
		for (int f = 0; f < ANSWER_NFIELDS; f++) {
			if (strcmp(answer_get(old, (enum answer_field)f), answer_get(new, (enum answer_field)f)) == 0)
				continue;
			json_array_append_new(fields, json_pack("{s:s, s:o, s:o}", "field",
								answer_field_name((enum answer_field)f), "before",
								field_json(old, (enum answer_field)f), "after",
								field_json(new, (enum answer_field)f)));
		}
		if (json_array_size(fields))
			json_array_append_new(changes, json_pack("{s:i, s:o}", "no", old->no, "fields", fields));
		else
			json_decref(fields);
	}
	return changes;
}

/* The audit event's details: which fields of which items changed (not
 * their values: the trail says what happened, the answers what they are). */
static json_t *audit_details(const char *file, const struct answers_ctx *a, const struct xlsx_answers *r,
			     json_t *changes)
{
	json_t *items = json_array();
	size_t k, j;
	json_t *c, *f;
	json_array_foreach(changes, k, c) {
		json_t *fields = json_array();
		json_array_foreach(json_object_get(c, "fields"), j, f)
			json_array_append(fields, json_object_get(f, "field"));
		json_array_append_new(items, json_pack("{s:O, s:o}", "no", json_object_get(c, "no"), "fields", fields));
	}
	return json_pack("{s:s, s:s, s:i, s:o}", "file", file, "catalog", a->cat->id, "read", (int)r->n_read,
			 "changed", items);
}

/* Writes every changed answer and the audit event, inside the caller's
 * transaction. */
static int write_changes(struct answers_ctx *a, const struct xlsx_answers *r, json_t *changes, const char *file,
			 struct err *e)
{
	size_t k;
	json_t *c;
	json_array_foreach(changes, k, c) {
		int no = (int)json_integer_value(json_object_get(c, "no"));
		const struct catalog_item *it = catalog_find_no(a->cat, no);
		if (store_answer_put(a->st, a->org, a->cat, &r->set->items[it - a->cat->items], e) < 0)
			return -1;
	}
	json_t *details = audit_details(file, a, r, changes);
	int rc = cli_audit(a->st, a->org->id, AUDIT_ANSWERS_IMPORT, details, e, "answer_set:%s", a->cat->id);
	json_decref(details);
	return rc;
}

/*
 * The changes against the stored answers as they are inside the write
 * transaction, so an edit made while the file was being read is compared
 * with, not overwritten unseen. Commits, or rolls back on error.
 */
static int import_changes(struct answers_ctx *a, const struct xlsx_answers *r, json_t **changes, const char *file,
			  struct err *e)
{
	if (store_begin(a->st, e) < 0)
		return -1;
	answer_set_free(a->set);
	a->set = NULL;
	if (store_answers_get(a->st, a->org, a->cat, &a->set, e) < 0)
		goto fail;
	json_decref(*changes);
	*changes = changes_of(a->set, r);
	if ((json_array_size(*changes) > 0 && write_changes(a, r, *changes, file, e) < 0) || store_commit(a->st, e) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(a->st);
	return -1;
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

static int report_errors(const char *file, const struct xlsx_answers *r)
{
	fprintf(stderr, "shinsa: %s: %zu error%s, nothing imported\n", file, r->n_errors, r->n_errors == 1 ? "" : "s");
	for (size_t i = 0; i < r->n_errors && i < XLSX_ANSWERS_MAX_ERRORS; i++)
		fprintf(stderr, "%s\n", r->errors[i]);
	if (r->n_errors > XLSX_ANSWERS_MAX_ERRORS)
		fprintf(stderr, "… and %zu more\n", r->n_errors - XLSX_ANSWERS_MAX_ERRORS);
	return CLI_FAIL;
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
	struct answers_ctx a;
	if (actx_load(ctx, org, catalog, &a, &e) < 0) {
		actx_release(&a);
		return cli_fail("%s", e.msg);
	}
	struct xlsx_book *book = NULL;
	if (xlsx_read_file(file, NULL, &book, &e) < 0) {
		actx_release(&a);
		return cli_fail("%s: %s", file, e.msg);
	}
	struct xlsx_answers *r = xlsx_answers_read(book, a.cat);
	json_t *changes = NULL;
	if (r->n_errors) {
		rc = report_errors(file, r);
		goto done;
	}
	changes = changes_of(a.set, r);
	if (!dry_run && json_array_size(changes) > 0 && import_changes(&a, r, &changes, file, &e) < 0) {
		rc = cli_fail("%s: %s", file, e.msg);
		goto done;
	}
	size_t n = json_array_size(changes);
	bool written = !dry_run && n > 0;
	if (json) {
		cli_print_json(json_pack("{s:s, s:s, s:s, s:i, s:O, s:b}", "file", file, "catalog", a.cat->id, "sheet",
					 r->sheet, "items", (int)r->n_read, "changes", changes, "written", written));
	} else {
		print_changes(changes);
		if (dry_run)
			printf("dry run: %zu items read from %s, %zu would change; nothing written\n", r->n_read, file, n);
		else
			printf("imported %zu items (%zu changed) from %s\n", r->n_read, n, file);
	}
	rc = CLI_OK;
done:
	json_decref(changes);
	xlsx_answers_free(r);
	xlsx_book_free(book);
	actx_release(&a);
	return rc;
}
