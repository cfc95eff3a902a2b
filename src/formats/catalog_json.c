#include "formats/catalog_json.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/fsutil.h"
#include "lib/hash.h"
#include "lib/strbuf.h"
#include "lib/xalloc.h"

/* Checks that obj has only the allowed keys; names the first stranger. */
static int only_fields(json_t *obj, const char *const *allowed, const char *where, struct err *e)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		size_t i;
		for (i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], key) == 0)
				break;
		if (!allowed[i]) {
			err_set(e, "%sunknown field \"%s\"", where, key);
			return -1;
		}
	}
	return 0;
}

/*
 * Copies a string field into *out. A missing or null field leaves *out NULL
 * unless required.
 */
static int get_string(json_t *obj, const char *field, bool required, char **out, const char *where, struct err *e)
{
	json_t *v = json_object_get(obj, field);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		err_set(e, "%smissing field \"%s\"", where, field);
		return -1;
	}
	if (!json_is_string(v)) {
		err_set(e, "%sfield \"%s\" must be a string", where, field);
		return -1;
	}
	/* jansson refuses \u0000 unless asked, so the string has no NUL inside. */
	*out = xstrdup(json_string_value(v));
	return 0;
}

static json_t *load_json(const char *name, const char *buf, size_t len, const char *format, struct err *e)
{
	if (len > CATALOG_JSON_MAX_BYTES) {
		err_set(e, "%s: larger than %u bytes", name, CATALOG_JSON_MAX_BYTES);
		return NULL;
	}
	json_error_t je;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		err_set(e, "%s:%d:%d: invalid JSON: %s", name, je.line, je.column, je.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		err_set(e, "%s: not a JSON object", name);
		json_decref(root);
		return NULL;
	}
	json_t *fmt = json_object_get(root, "format");
	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), format) != 0) {
		err_set(e, "%s: \"format\" must be \"%s\"", name, format);
		json_decref(root);
		return NULL;
	}
	return root;
}

static void set_sha256(json_t *root, char **out)
{
	char *canon = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS);
	if (!canon)
		abort(); /* only fails on allocation */
	char hex[HASH_HEX_LEN + 1];
	hash_sha256_hex(canon, strlen(canon), hex);
	free(canon);
	*out = xstrdup(hex);
}

static int parse_refs(json_t *arr, struct catalog_item *item, const char *where, struct err *e)
{
	static const char *const fields[] = { "doc", "clauses", NULL };
	if (!json_is_array(arr)) {
		err_set(e, "%sfield \"refs\" must be an array", where);
		return -1;
	}
	size_t i;
	json_t *r;
	json_array_foreach(arr, i, r) {
		char w[128];
		int n = snprintf(w, sizeof w, "%sref %zu: ", where, i + 1);
		if (n < 0 || (size_t)n >= sizeof w)
			return err_set(e, "%sref %zu: bad ref", where, i + 1), -1;
		if (!json_is_object(r)) {
			err_set(e, "%snot an object", w);
			return -1;
		}
		if (only_fields(r, fields, w, e) < 0)
			return -1;
		char *doc;
		if (get_string(r, "doc", true, &doc, w, e) < 0)
			return -1;
		struct catalog_ref *ref = catalog_item_add_ref(item, doc);
		free(doc);
		json_t *cl = json_object_get(r, "clauses");
		if (!json_is_array(cl)) {
			err_set(e, "%sfield \"clauses\" must be an array", w);
			return -1;
		}
		size_t j;
		json_t *c;
		json_array_foreach(cl, j, c) {
			if (!json_is_string(c)) {
				err_set(e, "%sclause %zu must be a string", w, j + 1);
				return -1;
			}
			catalog_ref_add_clause(ref, json_string_value(c));
		}
	}
	return 0;
}

static int parse_item(struct catalog *cat, json_t *obj, size_t index, struct err *e)
{
	static const char *const checklist_fields[] = { "no", "key", "category", "objective", "party", "refs", "notes", NULL };
	static const char *const criteria_fields[] = { "key", "no", "section", "category", "text", "damaged", "notes", NULL };
	char where[64];
	int n = snprintf(where, sizeof where, "item #%zu: ", index + 1);
	if (n < 0 || (size_t)n >= sizeof where)
		abort(); /* 64 bytes always hold this */
	if (!json_is_object(obj)) {
		err_set(e, "%snot an object", where);
		return -1;
	}
	struct catalog_item *item = catalog_add_item(cat);
	json_t *no = json_object_get(obj, "no");
	if (no && !json_is_null(no)) {
		if (!json_is_integer(no) || json_integer_value(no) < 1 || json_integer_value(no) > 100000) {
			err_set(e, "%sfield \"no\" must be a whole number from 1 to 100000", where);
			return -1;
		}
		item->no = (int)json_integer_value(no);
	}
	/* From here on name the item by its number or key, as people do. */
	if (cat->kind == CATALOG_CHECKLIST && item->no)
		n = snprintf(where, sizeof where, "item %d: ", item->no);
	else if (json_is_string(json_object_get(obj, "key")))
		n = snprintf(where, sizeof where, "item %.40s: ", json_string_value(json_object_get(obj, "key")));
	if (n < 0 || (size_t)n >= sizeof where)
		abort();

	bool checklist = cat->kind == CATALOG_CHECKLIST;
	if (only_fields(obj, checklist ? checklist_fields : criteria_fields, where, e) < 0)
		return -1;
	if (get_string(obj, "key", true, &item->key, where, e) < 0 ||
	    get_string(obj, "category", true, &item->category, where, e) < 0 ||
	    get_string(obj, checklist ? "objective" : "text", checklist, &item->text, where, e) < 0)
		return -1;
	char *notes;
	if (get_string(obj, "notes", false, &notes, where, e) < 0)
		return -1;
	if (notes) {
		free(item->notes);
		item->notes = notes;
	}
	if (checklist) {
		char *party;
		if (get_string(obj, "party", true, &party, where, e) < 0)
			return -1;
		item->party = party_parse(party);
		if (item->party == PARTY_NONE) {
			err_set(e, "%sunknown party \"%s\" (want connector, bank or common)", where, party);
			free(party);
			return -1;
		}
		free(party);
		json_t *refs = json_object_get(obj, "refs");
		if (refs && parse_refs(refs, item, where, e) < 0)
			return -1;
	} else {
		if (get_string(obj, "section", true, &item->section, where, e) < 0)
			return -1;
		json_t *d = json_object_get(obj, "damaged");
		if (d && !json_is_boolean(d)) {
			err_set(e, "%sfield \"damaged\" must be true or false", where);
			return -1;
		}
		item->damaged = d && json_is_true(d);
	}
	return 0;
}

int catalog_json_parse(const char *name, const char *buf, size_t len, struct catalog **out, struct err *e)
{
	static const char *const fields[] = { "format", "id", "kind", "title", "publisher", "date", "source", "items", NULL };
	*out = NULL;
	json_t *root = load_json(name, buf, len, CATALOG_FORMAT, e);
	if (!root)
		return -1;
	struct catalog *cat = catalog_new(0);
	char *kind = NULL;
	if (only_fields(root, fields, "", e) < 0 ||
	    get_string(root, "kind", true, &kind, "", e) < 0)
		goto fail;
	cat->kind = catalog_kind_parse(kind);
	if (!cat->kind) {
		err_set(e, "unknown kind \"%s\" (want checklist or criteria)", kind);
		goto fail;
	}
	if (get_string(root, "id", true, &cat->id, "", e) < 0 ||
	    get_string(root, "title", true, &cat->title, "", e) < 0 ||
	    get_string(root, "publisher", false, &cat->publisher, "", e) < 0 ||
	    get_string(root, "date", false, &cat->date, "", e) < 0 ||
	    get_string(root, "source", false, &cat->source, "", e) < 0)
		goto fail;
	json_t *items = json_object_get(root, "items");
	if (!json_is_array(items)) {
		err_set(e, "field \"items\" must be an array");
		goto fail;
	}
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		if (parse_item(cat, it, i, e) < 0)
			goto fail;
	}
	if (catalog_validate(cat, e) < 0)
		goto fail;
	set_sha256(root, &cat->sha256);
	free(kind);
	json_decref(root);
	*out = cat;
	return 0;
fail:
	err_prefix(e, "%s", name);
	free(kind);
	catalog_free(cat);
	json_decref(root);
	return -1;
}

static int parse_row(struct mapping *m, json_t *obj, size_t index, struct err *e)
{
	static const char *const fields[] = { "criterion", "items", "relation", "note", "note_en", NULL };
	char where[64];
	int n = snprintf(where, sizeof where, "row %zu: ", index + 1);
	if (n < 0 || (size_t)n >= sizeof where)
		abort();
	if (!json_is_object(obj)) {
		err_set(e, "%snot an object", where);
		return -1;
	}
	if (only_fields(obj, fields, where, e) < 0)
		return -1;
	char *criterion, *relation, *note;
	if (get_string(obj, "criterion", true, &criterion, where, e) < 0)
		return -1;
	if (get_string(obj, "relation", true, &relation, where, e) < 0) {
		free(criterion);
		return -1;
	}
	enum relation rel = relation_parse(relation);
	if (!rel) {
		err_set(e, "%sunknown relation \"%s\" (want equal, subset, superset, intersects or none)", where, relation);
		free(criterion);
		free(relation);
		return -1;
	}
	struct mapping_row *row = mapping_add_row(m, criterion, rel);
	free(criterion);
	free(relation);
	if (get_string(obj, "note", false, &note, where, e) < 0)
		return -1;
	if (note) {
		free(row->note);
		row->note = note;
	}
	if (get_string(obj, "note_en", false, &note, where, e) < 0)
		return -1;
	if (note) {
		free(row->note_en);
		row->note_en = note;
	}
	json_t *items = json_object_get(obj, "items");
	if (!json_is_array(items)) {
		err_set(e, "%sfield \"items\" must be an array", where);
		return -1;
	}
	size_t i;
	json_t *v;
	json_array_foreach(items, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 100000) {
			err_set(e, "%sitems must be whole numbers from 1 to 100000", where);
			return -1;
		}
		mapping_row_add_item(row, (int)json_integer_value(v));
	}
	return 0;
}

int mapping_json_parse(const char *name, const char *buf, size_t len, struct mapping **out, struct err *e)
{
	static const char *const fields[] = { "format", "id", "criteria", "checklist", "source", "rows", NULL };
	*out = NULL;
	json_t *root = load_json(name, buf, len, MAPPING_FORMAT, e);
	if (!root)
		return -1;
	struct mapping *m = mapping_new();
	if (only_fields(root, fields, "", e) < 0 ||
	    get_string(root, "id", true, &m->id, "", e) < 0 ||
	    get_string(root, "criteria", true, &m->criteria_id, "", e) < 0 ||
	    get_string(root, "checklist", true, &m->checklist_id, "", e) < 0 ||
	    get_string(root, "source", false, &m->source, "", e) < 0)
		goto fail;
	json_t *rows = json_object_get(root, "rows");
	if (!json_is_array(rows)) {
		err_set(e, "field \"rows\" must be an array");
		goto fail;
	}
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		if (parse_row(m, r, i, e) < 0)
			goto fail;
	}
	set_sha256(root, &m->sha256);
	json_decref(root);
	*out = m;
	return 0;
fail:
	err_prefix(e, "%s", name);
	mapping_free(m);
	json_decref(root);
	return -1;
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *catalog_json_encode_summary(const struct catalog *cat)
{
	return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:I}", "id", cat->id, "kind", catalog_kind_name(cat->kind), "title",
			 cat->title, "publisher", cat->publisher, "date", cat->date, "item_count", (json_int_t)cat->n_items);
}

json_t *catalog_json_encode(const struct catalog *cat)
{
	json_t *items = json_array();
	for (size_t i = 0; i < cat->n_items; i++) {
		const struct catalog_item *it = &cat->items[i];
		json_t *o = json_object();
		json_object_set_new(o, "no", it->no ? json_integer(it->no) : json_null());
		json_object_set_new(o, "key", json_string(it->key));
		if (cat->kind == CATALOG_CHECKLIST) {
			json_object_set_new(o, "category", json_string(it->category));
			json_object_set_new(o, "objective", json_string(it->text));
			json_object_set_new(o, "party", json_string(party_name(it->party)));
			json_t *refs = json_array();
			for (size_t r = 0; r < it->n_refs; r++) {
				json_t *clauses = json_array();
				for (size_t c = 0; c < it->refs[r].n_clauses; c++)
					json_array_append_new(clauses, json_string(it->refs[r].clauses[c]));
				json_array_append_new(refs, json_pack("{s:s, s:o}", "doc", it->refs[r].doc, "clauses", clauses));
			}
			json_object_set_new(o, "refs", refs);
		} else {
			json_object_set_new(o, "section", json_string(it->section));
			json_object_set_new(o, "category", json_string(it->category));
			json_object_set_new(o, "text", string_or_null(it->text));
			json_object_set_new(o, "damaged", json_boolean(it->damaged));
		}
		json_object_set_new(o, "notes", json_string(it->notes));
		json_array_append_new(items, o);
	}
	json_t *root = json_object();
	json_object_set_new(root, "id", json_string(cat->id));
	json_object_set_new(root, "kind", json_string(catalog_kind_name(cat->kind)));
	json_object_set_new(root, "title", json_string(cat->title));
	json_object_set_new(root, "publisher", string_or_null(cat->publisher));
	json_object_set_new(root, "date", string_or_null(cat->date));
	json_object_set_new(root, "source", string_or_null(cat->source));
	json_object_set_new(root, "sha256", string_or_null(cat->sha256));
	json_object_set_new(root, "items", items);
	return root;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.json names in dir, sorted; NULL-terminated, you own it. */
static char **list_json(const char *dir, struct err *e)
{
	DIR *d = opendir(dir);
	if (!d) {
		err_set(e, "cannot open catalog directory %s: %s", dir, strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l > 5 && de->d_name[0] != '.' && strcmp(de->d_name + l - 5, ".json") == 0) {
			names = xrealloc(names, (n + 2) * sizeof *names);
			names[n++] = xstrdup(de->d_name);
			names[n] = NULL;
		}
	}
	closedir(d);
	if (!n) {
		err_set(e, "no catalog files (*.json) in %s", dir);
		return NULL;
	}
	qsort(names, n, sizeof *names, name_cmp);
	return names;
}

static void free_names(char **names)
{
	for (size_t i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

static bool is_mapping_name(const char *name)
{
	size_t l = strlen(name);
	return l > 13 && strcmp(name + l - 13, ".mapping.json") == 0;
}

const struct catalog *catalog_files_find(const struct catalog_files *files, const char *id)
{
	for (size_t i = 0; i < files->n_catalogs; i++)
		if (strcmp(files->catalogs[i]->id, id) == 0)
			return files->catalogs[i];
	return NULL;
}

static int load_one(const char *dir, const char *name, struct catalog_files *out, struct err *e)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *buf;
	size_t len;
	int rc = -1;
	if (fs_read_file(path, CATALOG_JSON_MAX_BYTES, &buf, &len, e) < 0) {
		free(path);
		return -1;
	}
	if (is_mapping_name(name)) {
		struct mapping *m;
		if (mapping_json_parse(path, buf, len, &m, e) < 0)
			goto done;
		out->mappings = xrealloc(out->mappings, (out->n_mappings + 1) * sizeof *out->mappings);
		out->mappings[out->n_mappings++] = m;
		const struct catalog *cr = catalog_files_find(out, m->criteria_id);
		const struct catalog *ch = catalog_files_find(out, m->checklist_id);
		if (!cr || !ch) {
			err_set(e, "%s: names catalog %s, which is not in %s", path, cr ? m->checklist_id : m->criteria_id, dir);
			goto done;
		}
		if (mapping_validate(m, cr, ch, e) < 0) {
			err_prefix(e, "%s", path);
			goto done;
		}
	} else {
		struct catalog *cat;
		if (catalog_json_parse(path, buf, len, &cat, e) < 0)
			goto done;
		if (catalog_files_find(out, cat->id)) {
			err_set(e, "%s: catalog id %s is used by another file", path, cat->id);
			catalog_free(cat);
			goto done;
		}
		out->catalogs = xrealloc(out->catalogs, (out->n_catalogs + 1) * sizeof *out->catalogs);
		out->catalogs[out->n_catalogs++] = cat;
	}
	rc = 0;
done:
	free(buf);
	free(path);
	return rc;
}

int catalog_files_load(const char *dir, struct catalog_files *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	char **names = list_json(dir, e);
	if (!names)
		return -1;
	/* Catalogs first, so that every mapping can be checked against them. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; names[i]; i++) {
			if (is_mapping_name(names[i]) != (pass == 1))
				continue;
			if (load_one(dir, names[i], out, e) < 0) {
				free_names(names);
				catalog_files_release(out);
				return -1;
			}
		}
	}
	free_names(names);
	return 0;
}

void catalog_files_release(struct catalog_files *files)
{
	for (size_t i = 0; i < files->n_catalogs; i++)
		catalog_free(files->catalogs[i]);
	for (size_t i = 0; i < files->n_mappings; i++)
		mapping_free(files->mappings[i]);
	free(files->catalogs);
	free(files->mappings);
	memset(files, 0, sizeof *files);
}
