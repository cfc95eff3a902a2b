#include <stdio.h>
#include <string.h>

#include "cli/cli_submission.h"
#include "core/answers_diff.h"
#include "formats/canon_json.h"

/* One side of the comparison: a stored submission, or the working answers. */
struct side {
	struct submission_record *rec; /* NULL for the working answers */
	struct submission *doc;
};

static void side_release(struct side *s)
{
	submission_record_free(s->rec);
	submission_free(s->doc);
}

static int load_working(struct store *st, const struct submission_record *of, struct side *s, struct err *e)
{
	struct cli_connector c;
	int rc = cli_connector_load(st, of->org_name, of->catalog_id, &c, e);
	if (rc == 0)
		s->doc = submission_new(c.org, c.cat, c.set, 0, "");
	cli_connector_release(&c);
	return rc;
}

static int load_sides(struct store *st, long long a, const char *b, struct side *from, struct side *to,
		      struct err *e)
{
	long long b_id = 0;
	if (cli_submission_load_valid(st, a, &from->rec, &from->doc, e) < 0)
		return -1;
	if (strcmp(b, "working") == 0)
		return load_working(st, from->rec, to, e);
	if (cli_submission_id(b, &b_id) < 0 || cli_submission_load_valid(st, b_id, &to->rec, &to->doc, e) < 0)
		return -1;
	if (from->rec->org_id != to->rec->org_id) {
		err_set(e, "submission %lld is of %s and submission %lld of %s: only one organisation's compare", a,
			from->rec->org_name, b_id, to->rec->org_name);
		return -1;
	}
	if (strcmp(from->rec->catalog_id, to->rec->catalog_id) != 0) {
		err_set(e, "submission %lld answers %s and submission %lld %s: only one checklist's compare", a,
			from->rec->catalog_id, b_id, to->rec->catalog_id);
		return -1;
	}
	return 0;
}

static void print_side(const struct side *s)
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

static void print_diff(const struct side *from, const struct side *to, const struct answers_diff *d)
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
	if (d->n_items)
		printf("%zu item%s changed\n", d->n_items, d->n_items == 1 ? "" : "s");
	else
		printf("no changes\n");
}

static json_t *side_json(const struct side *s)
{
	if (!s->rec)
		return json_pack("{s:s}", "kind", "working");
	return json_pack("{s:s, s:I, s:i, s:s}", "kind", "submission", "id", (json_int_t)s->rec->id, "version",
			 s->rec->version, "submitted_at", s->rec->submitted_at);
}

static json_t *nullable(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *diff_json(const struct side *from, const struct side *to, const struct answers_diff *d)
{
	json_t *items = json_array();
	for (size_t i = 0; i < d->n_items; i++) {
		const struct item_change *it = &d->items[i];
		json_t *fields = json_array();
		for (size_t k = 0; k < it->n_fields; k++)
			json_array_append_new(fields, json_pack("{s:s, s:o, s:o}", "field",
								answer_field_name(it->fields[k].field), "before",
								nullable(it->fields[k].before), "after",
								nullable(it->fields[k].after)));
		json_array_append_new(items, json_pack("{s:i, s:s, s:o}", "no", it->no, "key", it->item_key, "fields",
						       fields));
	}
	return json_pack("{s:s, s:s, s:o, s:o, s:o}", "org", from->rec->org_name, "catalog", from->rec->catalog_id,
			 "from", side_json(from), "to", side_json(to), "items", items);
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
	struct side from = { 0 }, to = { 0 };
	if (cli_open_store(ctx, &st, &e) < 0 || load_sides(st, a, argv[1], &from, &to, &e) < 0) {
		rc = cli_fail("%s", e.msg);
		goto done;
	}
	struct answers_diff *d = answers_diff_new(from.doc->answers, to.doc->answers);
	if (json)
		cli_print_json(diff_json(&from, &to, d));
	else
		print_diff(&from, &to, d);
	answers_diff_free(d);
	rc = CLI_OK;
done:
	side_release(&from);
	side_release(&to);
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
		"or {kind: \"working\"}; only changed items and fields, in checklist order.\n",
	.exec = diff_exec,
};
