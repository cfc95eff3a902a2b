#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "formats/catalog_json.h"
#include "service/lookup.h"

static int list_exec(struct cli_ctx *ctx, int argc, char **argv);
static int show_exec(struct cli_ctx *ctx, int argc, char **argv);
static int map_exec(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_list = {
	.name = "list",
	.args = "[--json]",
	.summary = "the catalogs in the database",
	.help = "--json prints [{id, kind, title, publisher, date, item_count}].\n",
	.exec = list_exec,
};

static const struct cli_command sub_show = {
	.name = "show",
	.args = "ID [--json]",
	.summary = "one catalog with all its items",
	.help = "--json prints {id, kind, title, publisher, date, source, sha256, items[]}.\n"
		"Checklist items: {no, key, category, objective, party, refs[{doc, clauses[]}], notes}.\n"
		"Criteria items: {no, key, section, category, text, damaged, notes}; a damaged\n"
		"item's text is null: the source lost it and Shinsa does not invent it.\n",
	.exec = show_exec,
};

static const struct cli_command sub_map = {
	.name = "map",
	.args = "CRITERIA-ID CHECKLIST-ID [--json]",
	.summary = "the cross-walk between a bank's criteria and the checklist, both ways",
	.help = "--json prints {mapping, criteria, checklist, criteria_to_items[{criterion, text,\n"
		"relation, items[], note}], items_to_criteria[{no, objective, criteria[{criterion,\n"
		"relation}]}]}. Relations: equal, subset, superset, intersects, none.\n",
	.exec = map_exec,
};

static const struct cli_command *const subs[] = { &sub_list, &sub_show, &sub_map, NULL };

static char *sub_prog(const struct cli_command *sub, char buf[32])
{
	int n = snprintf(buf, 32, "catalog %s", sub->name);
	if (n < 0 || n >= 32)
		abort(); /* our own short names */
	return buf;
}

static int catalog_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_dispatch(ctx, &cmd_catalog, subs, argc, argv);
}

const struct cli_command cmd_catalog = {
	.name = "catalog",
	.args = "list|show|map ...",
	.summary = "list, show and cross-walk the catalogs",
	.help = "  shinsa catalog list [--json]\n"
		"  shinsa catalog show ID [--json]\n"
		"  shinsa catalog map CRITERIA-ID CHECKLIST-ID [--json]\n"
		"shinsa catalog SUBCOMMAND --help tells more.\n",
	.exec = catalog_exec,
};

/* Parses a subcommand's arguments: --json and exactly want positionals. */
static int parse_sub(struct cli_ctx *ctx, const struct cli_command *sub, int argc, char **argv, int want, bool *json)
{
	char prog[32];
	const struct cli_opt opts[] = { { "json", 0, NULL, json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, sub_prog(sub, prog), sub, argc, argv, opts, &npos);
	if (rc)
		return rc;
	if (npos < want)
		return cli_usage(prog, sub, "missing argument");
	if (npos > want)
		return cli_usage(prog, sub, "unexpected argument \"%s\"", argv[want]);
	return 0;
}

static int list_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int rc = parse_sub(ctx, &sub_list, argc, argv, 0, &json);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st;
	struct catalog **cats;
	size_t n;
	if (cli_open_store(ctx, &st, &e) < 0)
		return cli_fail("%s", e.msg);
	if (lookup_catalogs(st, &cats, &n, &e) < 0) {
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	store_close(st);
	json_t *arr = json_array();
	if (!json)
		printf("%-24s %-10s %5s  %s\n", "ID", "KIND", "ITEMS", "TITLE");
	for (size_t i = 0; i < n; i++) {
		const struct catalog *c = cats[i];
		if (json)
			json_array_append_new(arr, catalog_json_encode_summary(c));
		else
			printf("%-24s %-10s %5zu  %s\n", c->id, catalog_kind_name(c->kind), c->n_items, c->title);
		catalog_free(cats[i]);
	}
	free(cats);
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

static void print_checklist_item(const struct catalog_item *it)
{
	printf("%3d  [%s] %s\n     %s\n", it->no, party_label(it->party), it->category, it->text);
	for (size_t r = 0; r < it->n_refs; r++) {
		char *clauses = catalog_ref_clauses_text(&it->refs[r]);
		printf("     %s: ", it->refs[r].doc);
		for (const char *p = clauses; *p; p++)
			if (*p == '\n')
				fputs("; ", stdout);
			else
				putchar(*p);
		putchar('\n');
		free(clauses);
	}
	if (it->notes[0])
		printf("     備考: %s\n", it->notes);
}

static void print_catalog(const struct catalog *cat)
{
	printf("%s  %s\n", cat->id, cat->title);
	printf("publisher: %s\ndate: %s\n%zu items\n", cat->publisher ? cat->publisher : "(not stated)",
	       cat->date ? cat->date : "(not stated)", cat->n_items);
	const char *section = NULL;
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		if (cat->kind == CATALOG_CHECKLIST) {
			print_checklist_item(it);
			continue;
		}
		if (!section || strcmp(section, it->section) != 0)
			printf("\n%s\n", section = it->section);
		printf("%-7s %s\n        %s\n", it->key, it->category,
		       it->damaged ? "(damaged: the source lost this row's text)" : it->text);
	}
}

static int show_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int rc = parse_sub(ctx, &sub_show, argc, argv, 1, &json);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st;
	struct catalog *cat;
	if (cli_open_store(ctx, &st, &e) < 0)
		return cli_fail("%s", e.msg);
	rc = cli_load_catalog(st, argv[0], &cat, &e);
	store_close(st);
	if (rc < 0)
		return cli_fail("%s", e.msg);
	if (json)
		cli_print_json(catalog_json_encode(cat));
	else
		print_catalog(cat);
	catalog_free(cat);
	return CLI_OK;
}

static const struct mapping_row *row_for(const struct mapping *m, const char *criterion)
{
	for (size_t i = 0; i < m->n_rows; i++)
		if (strcmp(m->rows[i].criterion, criterion) == 0)
			return &m->rows[i];
	return NULL;
}

static json_t *map_json(const struct mapping *m, const struct catalog *cr, const struct catalog *ch)
{
	json_t *fwd = json_array(), *back = json_array();
	for (size_t i = 0; i < cr->n_items; i++) {
		const struct catalog_item *it = &cr->items[i];
		const struct mapping_row *row = row_for(m, it->key);
		json_t *items = json_array();
		for (size_t k = 0; row && k < row->n_items; k++)
			json_array_append_new(items, json_integer(row->items[k]));
		json_array_append_new(fwd, json_pack("{s:s, s:s?, s:s?, s:o, s:s, s:s}", "criterion", it->key, "text",
						     it->text, "relation", row ? relation_name(row->relation) : NULL,
						     "items", items, "note", row ? row->note : "", "note_en",
						     row ? row->note_en : ""));
	}
	for (size_t i = 0; i < ch->n_items; i++) {
		const struct catalog_item *it = &ch->items[i];
		json_t *crit = json_array();
		for (size_t r = 0; r < m->n_rows; r++)
			for (size_t k = 0; k < m->rows[r].n_items; k++)
				if (m->rows[r].items[k] == it->no)
					json_array_append_new(crit, json_pack("{s:s, s:s}", "criterion", m->rows[r].criterion,
									      "relation", relation_name(m->rows[r].relation)));
		json_array_append_new(back, json_pack("{s:i, s:s, s:o}", "no", it->no, "objective", it->text, "criteria", crit));
	}
	return json_pack("{s:s, s:s, s:s, s:o, s:o}", "mapping", m->id, "criteria", cr->id, "checklist", ch->id,
			 "criteria_to_items", fwd, "items_to_criteria", back);
}

static void print_map(const json_t *doc)
{
	size_t i;
	json_t *v;
	printf("%s -> %s\n", json_string_value(json_object_get(doc, "criteria")),
	       json_string_value(json_object_get(doc, "checklist")));
	json_array_foreach(json_object_get(doc, "criteria_to_items"), i, v) {
		const char *rel = json_string_value(json_object_get(v, "relation"));
		printf("  %-7s %-10s", json_string_value(json_object_get(v, "criterion")), rel ? rel : "(unmapped)");
		size_t k;
		json_t *no;
		json_array_foreach(json_object_get(v, "items"), k, no)
			printf("%s%lld", k ? "," : " ", (long long)json_integer_value(no));
		const char *note = json_string_value(json_object_get(v, "note"));
		printf("%s%s\n", note[0] ? "  # " : "", note);
	}
	printf("\n%s -> %s\n", json_string_value(json_object_get(doc, "checklist")),
	       json_string_value(json_object_get(doc, "criteria")));
	json_array_foreach(json_object_get(doc, "items_to_criteria"), i, v) {
		printf("  %3lld ", (long long)json_integer_value(json_object_get(v, "no")));
		size_t k;
		json_t *c;
		json_t *crit = json_object_get(v, "criteria");
		if (!json_array_size(crit))
			printf(" (no criterion)");
		json_array_foreach(crit, k, c)
			printf("%s%s %s", k ? ", " : " ", json_string_value(json_object_get(c, "criterion")),
			       json_string_value(json_object_get(c, "relation")));
		printf("\n");
	}
}

static int map_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	int rc = parse_sub(ctx, &sub_map, argc, argv, 2, &json);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st;
	struct catalog *cr = NULL, *ch = NULL;
	struct mapping *m = NULL;
	if (cli_open_store(ctx, &st, &e) < 0)
		return cli_fail("%s", e.msg);
	if (cli_load_catalog(st, argv[0], &cr, &e) < 0 || cli_load_catalog(st, argv[1], &ch, &e) < 0)
		goto fail;
	if (lookup_mapping(st, argv[0], argv[1], &m, &e) != OUTCOME_OK)
		goto fail;
	store_close(st);
	json_t *doc = map_json(m, cr, ch);
	if (json) {
		cli_print_json(doc);
	} else {
		print_map(doc);
		json_decref(doc);
	}
	mapping_free(m);
	catalog_free(cr);
	catalog_free(ch);
	return CLI_OK;
fail:
	store_close(st);
	mapping_free(m);
	catalog_free(cr);
	catalog_free(ch);
	return cli_fail("%s", e.msg);
}
