#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "formats/xlsx_form.h"

static int form_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *out = NULL;
	const struct cli_opt opts[] = { { "output", 'o', &out, NULL }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "form", &cmd_form, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos < 1)
		return cli_usage("form", &cmd_form, "missing CHECKLIST-ID");
	if (npos > 1)
		return cli_usage("form", &cmd_form, "unexpected argument \"%s\"", argv[1]);
	if (!out)
		return cli_usage("form", &cmd_form, "missing -o FILE.xlsx");
	size_t len = strlen(out);
	if (len < 5 || strcmp(out + len - 5, ".xlsx") != 0)
		return cli_usage("form", &cmd_form, "output file must end in .xlsx");

	struct err e = { 0 };
	struct store *st;
	struct catalog *cat;
	if (cli_open_store(ctx, &st, &e) < 0)
		return cli_fail("%s", e.msg);
	rc = cli_load_catalog(st, argv[0], &cat, &e);
	store_close(st);
	if (rc < 0)
		return cli_fail("%s", e.msg);
	rc = xlsx_form_write(cat, out, &e);
	if (rc == 0)
		printf("wrote %s: %s, %zu items\n", out, cat->id, cat->n_items);
	catalog_free(cat);
	return rc == 0 ? CLI_OK : cli_fail("%s", e.msg);
}

const struct cli_command cmd_form = {
	.name = "form",
	.args = "CHECKLIST-ID -o FILE.xlsx",
	.summary = "write the blank checklist form as an A3-landscape Excel file",
	.help = "The form has the checklist's 10 columns in the published order, a title and\n"
		"source line, and one row per item. It prints on A3 landscape, one page wide,\n"
		"with the title and header rows on every page. The answer columns (現在の対応状況,\n"
		"課題認識, 課題への対応計画, 備考) are unlocked; the rest of the sheet is protected\n"
		"without a password. The file is written whole or not at all.\n",
	.exec = form_exec,
};
