/*
 * catalog_json: the catalog and mapping files under catalog/ (see
 * catalog/README.md for the format), and the JSON that `shinsa catalog show`
 * prints.
 *
 * Parsing is strict: unknown fields, wrong types, duplicate keys and files
 * over CATALOG_JSON_MAX_BYTES are errors, reported as one line that names
 * the file and item ("catalog/x.json: item 12: unknown party \"foo\"").
 */
#ifndef SHINSA_FORMATS_CATALOG_JSON_H
#define SHINSA_FORMATS_CATALOG_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/mapping.h"
#include "lib/err.h"

#define CATALOG_JSON_MAX_BYTES (4u << 20)
#define CATALOG_FORMAT "shinsa-catalog/1"
#define MAPPING_FORMAT "shinsa-mapping/1"

/*
 * Parses one file's bytes. On success *out is a new catalog (or mapping)
 * that you own, validated on its own and with sha256 set to the hash of the
 * canonical content (keys sorted, compact), so reformatting a file does not
 * change it. name is used only in messages.
 */
int catalog_json_parse(const char *name, const char *buf, size_t len, struct catalog **out, struct err *e);
int mapping_json_parse(const char *name, const char *buf, size_t len, struct mapping **out, struct err *e);

/* The catalog as `catalog show --json` prints it; you own the reference. */
json_t *catalog_json_encode(const struct catalog *cat);
/* One entry of `catalog list --json` (and GET /api/v1/catalogs):
 * {id, kind, title, publisher, date, item_count}; you own the reference. */
json_t *catalog_json_encode_summary(const struct catalog *cat);

/* Everything one catalog directory holds, each file validated. */
struct catalog_files {
	struct catalog **catalogs;
	size_t n_catalogs;
	struct mapping **mappings;
	size_t n_mappings;
};

/*
 * Loads every *.json file in dir (in name order): catalogs, then mappings
 * checked against the catalogs they name. Catalog ids must be unique. On
 * failure nothing is kept and e names the file. Release with
 * catalog_files_release() either way.
 */
int catalog_files_load(const char *dir, struct catalog_files *out, struct err *e);
void catalog_files_release(struct catalog_files *files);

const struct catalog *catalog_files_find(const struct catalog_files *files, const char *id);

#endif
