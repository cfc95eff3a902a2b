#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "lib/jpinput.h"
#include "lib/fsutil.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "service/criteria.h"

static int crit_import(struct cli_ctx *ctx, int argc, char **argv);
static int crit_show(struct cli_ctx *ctx, int argc, char **argv);
static int crit_map(struct cli_ctx *ctx, int argc, char **argv);
static int crit_suggest(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_import = {
	.name = "criteria import", .args = "FILE --org BANK [--format tsv|csv|xlsx|text|docx] [--checklist ID]",
	.summary = "read a bank's own criteria from its file", .help = "", .exec = crit_import,
};
static const struct cli_command sub_show = {
	.name = "criteria show", .args = "--org BANK [--json]", .summary = "a bank's criteria and its cross-walk",
	.help = "", .exec = crit_show,
};
static const struct cli_command sub_map = {
	.name = "criteria map", .args = "--org BANK KEY --relation R [--items 1,2] [--note TEXT]",
	.summary = "map one criterion to checklist items", .help = "", .exec = crit_map,
};
static const struct cli_command sub_suggest = {
	.name = "criteria suggest", .args = "--org BANK [--json] [--top N]",
	.summary = "checklist items like each criterion, best first", .help = "", .exec = crit_suggest,
};

/* The service's refusal as the command line words it. */
static int refused(enum outcome rc, struct err *e, const char *bank)
{
	if (rc == OUTCOME_NOT_FOUND && strcmp(e->msg, "no criteria imported yet") == 0)
		return cli_fail("%s has no criteria yet (shinsa criteria import FILE --org %s)", bank, bank);
	return cli_refused(rc, e, "checklist");
}

/* Opens the store and loads the bank: 0, or the exit status having said why. */
static int open_bank(struct cli_ctx *ctx, const char *name, struct store **st, struct org **org)
{
	struct err e = { 0 };
	*st = NULL;
	*org = NULL;
	if (cli_open_store(ctx, st, &e) == 0 && cli_load_org(*st, name, org, &e) == 0)
		return 0;
	store_close(*st);
	*st = NULL;
	return cli_fail("%s", e.msg);
}

static int crit_import(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *format = NULL, *checklist = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL },
					{ "format", 0, &format, NULL },
					{ "checklist", 0, &checklist, NULL },
					{ 0 } };
	int npos;
	int rc = cli_parse(ctx, "criteria import", &sub_import, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return npos ? cli_usage("criteria import", &sub_import, "unexpected argument \"%s\"", argv[1])
			    : cli_usage("criteria import", &sub_import, "which file?");
	if (!org_name)
		return cli_usage("criteria import", &sub_import, "--org is required");
	const char *path = argv[0];
	enum criteria_format f = format ? criteria_format_parse(format) : criteria_format_guess(path);
	if (format && !f)
		return cli_usage("criteria import", &sub_import, "--format wants tsv, csv, xlsx, text or docx, not \"%s\"", format);
	if (!f)
		return cli_usage("criteria import", &sub_import,
				 "say the format with --format (%s does not end .tsv, .csv, .xlsx, .txt or .docx)", path);
	struct store *st;
	struct org *org;
	if ((rc = open_bank(ctx, org_name, &st, &org)))
		return rc;
	struct err e = { 0 };
	char *data = NULL, *actor = cli_audit_actor();
	size_t len = 0;
	struct criteria_import_result res = { 0 };
	if (fs_read_file(path, CRITERIA_MAX_BYTES, &data, &len, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		rc = criteria_import(st, actor, org, path, f, data, len, checklist, NULL, &res, &e);
	}
	if (rc == 0) {
		for (size_t i = 0; i < res.warnings.n; i++)
			fprintf(stderr, "shinsa: warning: %s\n", res.warnings.lines[i]);
		const struct criteria_carried *c = &res.carried;
		printf("imported %zu criteria for %s (", c->kept + c->shipped + c->unset, org->name);
		if (c->kept)
			printf("%zu kept, ", c->kept);
		if (c->shipped)
			printf("%zu mapped from the shipped cross-walk, ", c->shipped);
		printf("%zu to map)\n", c->unset);
	} else if (data) {
		rc = refused(rc, &e, org->name);
	}
	criteria_import_release(&res);
	free(data);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

/* "intersects 18, 11", "none", "not mapped yet". */
static void print_mapping(const struct mapping_row *row)
{
	if (!row->relation) {
		printf("not mapped yet");
		return;
	}
	printf("%s", relation_name(row->relation));
	for (size_t k = 0; k < row->n_items; k++)
		printf("%s%d", k ? ", " : " ", row->items[k]);
}

static int crit_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "criteria show", &sub_show, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("criteria show", &sub_show, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("criteria show", &sub_show, "--org is required");
	struct store *st;
	struct org *org;
	if ((rc = open_bank(ctx, org_name, &st, &org)))
		return rc;
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	rc = criteria_show(st, org, &l, &e);
	if (rc) {
		rc = refused(rc, &e, org->name);
	} else if (json) {
		cli_print_json(criteria_json(l, org->name));
	} else {
		printf("%s: %zu criteria of %s from %s (%s, sha256 %s), imported %s by %s, mapped to %s\n", l->title,
		       l->cat->n_items, org->name, l->source, l->format, l->sha256, l->imported_at, l->imported_by,
		       l->checklist_id);
		for (size_t i = 0; i < l->cat->n_items; i++) {
			const struct catalog_item *it = &l->cat->items[i];
			printf("%s  %s  %s  → ", it->key, it->category, it->damaged ? "(damaged: its text is lost)" : it->text);
			print_mapping(&l->map->rows[i]);
			printf("\n");
		}
	}
	criteria_list_free(l);
	org_free(org);
	store_close(st);
	return rc;
}

static int crit_map(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *relation = NULL, *items_text = "", *note = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL },
					{ "relation", 0, &relation, NULL },
					{ "items", 0, &items_text, NULL },
					{ "note", 0, &note, NULL },
					{ 0 } };
	int npos;
	int rc = cli_parse(ctx, "criteria map", &sub_map, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return npos ? cli_usage("criteria map", &sub_map, "unexpected argument \"%s\"", argv[1])
			    : cli_usage("criteria map", &sub_map, "which criterion? give its key, e.g. (1)-12");
	if (!org_name || !relation)
		return cli_usage("criteria map", &sub_map, "%s is required", org_name ? "--relation" : "--org");
	int *items;
	size_t n;
	struct err ie = { 0 };
	if (jpinput_numbers(items_text, &items, &n, &ie) < 0)
		return cli_usage("criteria map", &sub_map, "--items: %s", ie.msg);
	struct store *st;
	struct org *org;
	if ((rc = open_bank(ctx, org_name, &st, &org))) {
		free(items);
		return rc;
	}
	struct err e = { 0 };
	struct criteria_list *l = NULL;
	size_t i = 0;
	char *actor = cli_audit_actor();
	rc = criteria_map(st, actor, org, argv[0], relation, items, n, note, &l, &i, &e);
	if (rc) {
		rc = refused(rc, &e, org->name);
	} else {
		printf("mapped %s of %s: ", argv[0], org->name);
		print_mapping(&l->map->rows[i]);
		printf("\n");
	}
	criteria_list_free(l);
	free(actor);
	free(items);
	org_free(org);
	store_close(st);
	return rc;
}

static int crit_suggest(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *top_text = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL },
					{ "json", 0, NULL, &json },
					{ "top", 0, &top_text, NULL },
					{ 0 } };
	int npos;
	int rc = cli_parse(ctx, "criteria suggest", &sub_suggest, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("criteria suggest", &sub_suggest, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("criteria suggest", &sub_suggest, "--org is required");
	long top = 3;
	if (top_text) {
		char *end;
		top = top_text[0] >= '0' && top_text[0] <= '9' ? strtol(top_text, &end, 10) : 0;
		if (top < 1 || top > CRITERIA_TOP_MAX || *end)
			return cli_usage("criteria suggest", &sub_suggest, "--top wants a number from 1 to %d, not \"%s\"",
					 CRITERIA_TOP_MAX, top_text);
	}
	struct store *st;
	struct org *org;
	if ((rc = open_bank(ctx, org_name, &st, &org)))
		return rc;
	struct err e = { 0 };
	json_t *arr = NULL;
	rc = criteria_suggest(st, org, (size_t)top, &arr, &e);
	if (rc) {
		rc = refused(rc, &e, org->name);
	} else if (json) {
		cli_print_json(arr);
		arr = NULL;
	} else {
		size_t i;
		json_t *row;
		json_array_foreach(arr, i, row) {
			json_t *items = json_object_get(row, "items");
			printf("%s:", json_string_value(json_object_get(row, "criterion")));
			if (json_array_size(items) == 0)
				printf(" no suggestion");
			size_t k;
			json_t *s;
			json_array_foreach(items, k, s)
				printf("%s %d (%.3f)", k ? "," : "", (int)json_integer_value(json_object_get(s, "no")),
				       json_real_value(json_object_get(s, "score")));
			printf("\n");
		}
	}
	json_decref(arr);
	org_free(org);
	store_close(st);
	return rc;
}

static int criteria_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_import, &sub_show, &sub_map, &sub_suggest, NULL };
	return cli_dispatch(ctx, &cmd_criteria, subs, argc, argv);
}

const struct cli_command cmd_criteria = {
	.name = "criteria",
	.args = "import FILE --org BANK [--format F] [--checklist ID] | show --org BANK [--json] | map --org BANK KEY "
		"--relation R [--items 1,2] [--note TEXT] | suggest --org BANK [--json] [--top N]",
	.summary = "a bank's own criteria, its cross-walk to the checklist, and suggestions",
	.help = "  shinsa criteria import FILE --org BANK [--format tsv|csv|xlsx|text|docx] [--checklist ID]\n"
		"      read the bank's criteria from its file (the format from the extension\n"
		"      .tsv, .csv, .xlsx, .txt, .docx unless given; a Word document is read as\n"
		"      one whatever its name) and make them its list, replacing\n"
		"      the one before: a criterion unchanged keeps its mapping, one equal to a\n"
		"      shipped criterion starts from the shipped cross-walk, the rest are to map.\n"
		"      What the reader noticed is printed on stderr as warnings\n"
		"  shinsa criteria show --org BANK [--json]\n"
		"      the list and the cross-walk; --json prints {org, title, source, format,\n"
		"      sha256, imported_at, imported_by, checklist, criteria[{key, no, section,\n"
		"      category, text, damaged, relation, items, note, changed_by, changed_at}]}\n"
		"  shinsa criteria map --org BANK KEY --relation R [--items 1,2] [--note TEXT]\n"
		"      R is equal, subset, superset, intersects or none (none has no items, the\n"
		"      others need some); without --note the note stays as it is\n"
		"  shinsa criteria suggest --org BANK [--json] [--top N]\n"
		"      for each criterion the N (default 3) checklist items most like it, best\n"
		"      first; --json prints [{criterion, items[{no, score}]}]\n",
	.exec = criteria_exec,
};
