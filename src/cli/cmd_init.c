#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "formats/catalog_json.h"
#include "lib/fsutil.h"
#include "lib/keys.h"
#include "lib/xalloc.h"
#include "store/store_catalog.h"

/* The default database lives in var/, which a fresh checkout lacks; any
 * other path is the user's to have made. */
static int ensure_parent(const char *db_path, struct err *e)
{
	char *copy = xstrdup(db_path);
	char *dir = dirname(copy);
	struct stat sb;
	int rc = 0;
	if (stat(dir, &sb) < 0) {
		if (errno == ENOENT && strcmp(db_path, CLI_DEFAULT_DB) == 0)
			rc = fs_mkdir(dir, e);
		else {
			err_set(e, "cannot create database %s: %s: %s", db_path, dir, strerror(errno));
			rc = -1;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		err_set(e, "cannot create database %s: %s is not a directory", db_path, dir);
		rc = -1;
	}
	free(copy);
	return rc;
}

static const char *put_word(enum store_put r)
{
	return r == STORE_PUT_ADDED ? "added" : "unchanged";
}

static int store_files(struct store *st, const struct catalog_files *files, struct err *e)
{
	enum store_put r;
	if (store_begin(st, e) < 0)
		return -1;
	for (size_t i = 0; i < files->n_catalogs; i++) {
		const struct catalog *cat = files->catalogs[i];
		if (store_catalog_put(st, cat, &r, e) < 0)
			goto fail;
		printf("catalog %s: %zu items, %s\n", cat->id, cat->n_items, put_word(r));
	}
	for (size_t i = 0; i < files->n_mappings; i++) {
		const struct mapping *m = files->mappings[i];
		if (store_mapping_put(st, m, &r, e) < 0)
			goto fail;
		printf("mapping %s: %zu rows, %s\n", m->id, m->n_rows, put_word(r));
	}
	return store_commit(st, e);
fail:
	store_rollback(st);
	return -1;
}

static int init_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *dir = NULL;
	const struct cli_opt opts[] = {
		{ "catalog-dir", 0, &dir, NULL },
		{ 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "init", &cmd_init, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("init", &cmd_init, "unexpected argument \"%s\"", argv[0]);
	if (!dir)
		dir = getenv("SHINSA_CATALOG_DIR");
	if (!dir || !*dir)
		dir = SHINSA_CATALOG_DIR;

	struct err e = { 0 };
	struct catalog_files files;
	struct store *st = NULL;
	int from, to;
	/* Every file is read and checked before the database is touched, so a
	 * bad catalog leaves the database as it was. */
	if (catalog_files_load(dir, &files, &e) < 0 ||
	    ensure_parent(ctx->db_path, &e) < 0 ||
	    store_open(ctx->db_path, STORE_CREATE, &st, &e) < 0 ||
	    store_migrate(st, &from, &to, &e) < 0)
		goto fail;
	if (from == to)
		printf("database %s: schema version %d, up to date\n", ctx->db_path, to);
	else
		printf("database %s: schema version %d (was %d)\n", ctx->db_path, to, from);
	if (store_files(st, &files, &e) < 0)
		goto fail;
	/* The secret seals the organisations' signing keys; made once, here,
	 * so that no later command has to guess whether to create one. */
	char *secret = cli_secret_path(ctx);
	bool created;
	rc = keys_secret_create(secret, &created, &e);
	if (rc == 0 && created)
		printf("server secret: created %s (keep it: without it the signing keys cannot be used)\n", secret);
	free(secret);
	if (rc < 0)
		goto fail;
	store_close(st);
	catalog_files_release(&files);
	return CLI_OK;
fail:
	store_close(st);
	catalog_files_release(&files);
	return cli_fail("%s", e.msg);
}

const struct cli_command cmd_init = {
	.name = "init",
	.args = "[--catalog-dir DIR]",
	.summary = "create or upgrade the database and load the shipped catalogs",
	.help = "Applies the schema migrations the database lacks, then loads every catalog and\n"
		"mapping file in DIR (default: $SHINSA_CATALOG_DIR, else " SHINSA_CATALOG_DIR ").\n"
		"Every file is checked before anything is written. Running it again is safe: a\n"
		"catalog already loaded is left as it is; one whose content changed under the\n"
		"same id is refused.\n",
	.exec = init_exec,
};
