#include "service/attachments.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/catalog.h"
#include "lib/clock.h"
#include "lib/hash.h"
#include "lib/jpinput.h"
#include "lib/text.h"
#include "lib/xalloc.h"
#include "service/answers.h"
#include "service/audit_log.h"

/* Bytes in MiB for a message: "20" when whole, else two decimals cut
 * down, never up ("0.99" left is less than 1 MiB, as it reads). */
static void mib(long long bytes, char out[32])
{
	int n = bytes % (1024 * 1024) == 0 ? snprintf(out, 32, "%lld", bytes / (1024 * 1024))
					   : snprintf(out, 32, "%lld.%02lld", bytes / (1024 * 1024),
						      bytes % (1024 * 1024) * 100 / (1024 * 1024));
	if (n < 0 || n >= 32)
		snprintf(out, 32, "%s", "?"); /* cannot be: a long long in MiB is short */
}

static enum outcome connector_only(const struct org *org, struct err *e)
{
	if (org->kind == ORG_CONNECTOR)
		return OUTCOME_OK;
	err_set(e, "%s is a bank: files are attached to a connector's answers", org->name);
	return OUTCOME_REFUSED;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The items, sorted and without repeats, each checked against the
 * checklist: *out yours. */
static enum outcome items_check(struct store *st, const int *items, size_t n, int **out, size_t *n_out,
				struct err *e)
{
	*out = NULL;
	*n_out = 0;
	if (!n) {
		err_coded(e, NULL, "attachment_no_items", "say which items the file supports (at least one)", NULL);
		return OUTCOME_INVALID;
	}
	struct catalog *cat = NULL;
	enum outcome rc = answers_checklist(st, NULL, &cat, e);
	if (rc != OUTCOME_OK)
		return rc == OUTCOME_CHOOSE ? OUTCOME_INVALID : rc;
	int *v = xmalloc(n * sizeof *v);
	memcpy(v, items, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_int);
	size_t k = 0;
	for (size_t i = 0; i < n && rc == OUTCOME_OK; i++) {
		if (k && v[k - 1] == v[i])
			continue;
		char no[16];
		snprintf(no, sizeof no, "%d", v[i]); /* cannot be cut: an int */
		const struct catalog_item *it = catalog_find_no(cat, v[i]);
		if (!it) {
			err_coded(e, NULL, "attachment_item_unknown", "item {1} is not in the checklist", no, NULL);
			rc = OUTCOME_INVALID;
		} else if (it->party == PARTY_BANK) {
			err_coded(e, NULL, "attachment_item_bank",
				  "item {1} is the bank's: files go on the connector's items and common ones", no, NULL);
			rc = OUTCOME_INVALID;
		}
		v[k++] = v[i];
	}
	catalog_free(cat);
	if (rc != OUTCOME_OK) {
		free(v);
		return rc;
	}
	*out = v;
	*n_out = k;
	return OUTCOME_OK;
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static enum outcome title_check(const char *title, struct err *e)
{
	if (!title)
		return OUTCOME_OK;
	if (!text_utf8_valid(title, strlen(title))) {
		err_set(e, "the title is not valid UTF-8");
		return OUTCOME_INVALID;
	}
	if (chars(title) > ATTACHMENTS_TITLE_MAX) {
		err_too_long(e, "the title", ATTACHMENTS_TITLE_MAX);
		return OUTCOME_INVALID;
	}
	return OUTCOME_OK;
}

/* valid_until as typed into day (YYYY-MM-DD), or "" when none. */
static enum outcome day_check(const char *text, char day[11], struct err *e)
{
	day[0] = '\0';
	if (!text || text_is_blank(text) || !strcmp(text, "none"))
		return OUTCOME_OK;
	return jpinput_date(text, day, e) < 0 ? OUTCOME_INVALID : OUTCOME_OK;
}

static json_t *items_json(const int *items, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_integer(items[i]));
	return a;
}

/* Whether the file fits org's quota beside what its current attachments
 * take (a file it has already takes no more room). */
static enum outcome quota_check(struct store *st, const struct org *org, const char *name, const char *sha256,
				long long len, struct err *e)
{
	long long quota, used;
	bool has;
	if (store_attachment_has(st, org->id, sha256, &has, e) < 0)
		return OUTCOME_FAILED;
	if (has)
		return OUTCOME_OK;
	if (store_attachment_quota(st, org->id, &quota, e) < 0 || store_attachment_usage(st, org->id, &used, e) < 0)
		return OUTCOME_FAILED;
	if (quota < 0)
		quota = ATTACHMENTS_QUOTA_DEFAULT;
	if (used + len <= quota)
		return OUTCOME_OK;
	char size[32], left[32], all[32];
	mib(len, size);
	mib(quota > used ? quota - used : 0, left);
	mib(quota, all);
	err_coded(e, NULL, "attachment_quota",
		  "file \"{1}\" ({2} MiB) does not fit: {3} MiB of the organisation's {4} MiB for files is left", name,
		  size, left, all, NULL);
	return OUTCOME_CONFLICT;
}

enum outcome attachments_fits(struct store *st, const struct org *org, const char *name, const char *sha256,
			      long long len, struct err *e)
{
	return quota_check(st, org, name, sha256, len, e);
}

int attachments_store_blob(struct store *st, const void *data, size_t len, enum sniff_kind kind, char sha256[65],
			   struct err *e)
{
	char now[CLOCK_TEXT_SIZE];
	hash_sha256_hex(data, len, sha256);
	if (clock_stamp(now, e) < 0)
		return -1;
	return store_attachment_blob_put(st, sha256, data, len, sniff_kind_token(kind), now, e);
}

/* Writes the attachment and its event inside the caller's transaction. */
static enum outcome add_in_tx(struct store *st, const char *actor, const struct org *org, struct attachment *a,
			      const struct attachment_new *in, enum sniff_kind kind, struct err *e)
{
	enum outcome rc = quota_check(st, org, a->name, a->sha256, (long long)in->len, e);
	if (rc != OUTCOME_OK)
		return rc;
	char sha[65];
	if (attachments_store_blob(st, in->data, in->len, kind, sha, e) < 0 ||
	    store_attachment_insert(st, a, &a->id, e) < 0)
		return OUTCOME_FAILED;
	json_t *details = json_pack("{s:s, s:s, s:I, s:s, s:o}", "name", a->name, "sha256", a->sha256, "size",
				    (json_int_t)in->len, "type", sniff_kind_token(kind), "items",
				    items_json(a->items, a->n_items));
	int lr = audit_log(st, actor, org->id, AUDIT_ATTACHMENT_ADD, details, e, "attachment:%lld", a->id);
	json_decref(details);
	return lr < 0 ? OUTCOME_FAILED : OUTCOME_OK;
}

void attachments_too_large(const char *name, long long len, struct err *e)
{
	char size[32], max[32];
	mib(len, size);
	mib(ATTACHMENTS_FILE_MAX, max);
	err_coded(e, NULL, "attachment_too_large", "file \"{1}\" is {2} MiB: at most {3} MiB may be attached", name, size,
		  max, NULL);
}

static enum outcome add_checked(struct store *st, const char *actor, const struct org *org,
				const struct attachment_new *in, char *name, struct attachment *out, struct err *e);

enum outcome attachments_add(struct store *st, const char *actor, const struct org *org,
			     const struct attachment_new *in, struct attachment *out, struct err *e)
{
	if (out)
		memset(out, 0, sizeof *out);
	enum outcome rc = connector_only(org, e);
	if (rc != OUTCOME_OK)
		return rc;
	/* The name as NFC has it, for the kana macOS writes decomposed. */
	char *name = sniff_name_compose(in->name ? in->name : "");
	rc = add_checked(st, actor, org, in, name, out, e);
	free(name);
	return rc;
}

/* attachments_add() once org is known to be a connector, with the name
 * composed. */
static enum outcome add_checked(struct store *st, const char *actor, const struct org *org,
				const struct attachment_new *in, char *name, struct attachment *out, struct err *e)
{
	enum outcome rc;
	if ((long long)in->len > ATTACHMENTS_FILE_MAX) {
		attachments_too_large(name, (long long)in->len, e);
		return OUTCOME_TOO_LARGE;
	}
	enum sniff_kind kind = sniff_file(name, in->data, in->len, e);
	if (kind == SNIFF_UNKNOWN)
		return OUTCOME_INVALID;
	char day[11], now[CLOCK_TEXT_SIZE], sha[65];
	if ((rc = title_check(in->title, e)) != OUTCOME_OK || (rc = day_check(in->valid_until, day, e)) != OUTCOME_OK)
		return rc;
	hash_sha256_hex(in->data, in->len, sha);
	if (clock_stamp(now, e) < 0)
		return OUTCOME_FAILED;
	struct attachment a = { .org_id = org->id, .sha256 = sha, .name = name,
				.title = (char *)(in->title ? in->title : ""), .valid_until = day[0] ? day : NULL,
				.created_by = (char *)actor, .created_at = now };
	if (store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	rc = items_check(st, in->items, in->n_items, &a.items, &a.n_items, e);
	if (rc == OUTCOME_OK)
		rc = add_in_tx(st, actor, org, &a, in, kind, e);
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK)
		store_rollback(st);
	free(a.items);
	if (rc == OUTCOME_OK && out && attachments_get(st, org, a.id, out, e) != OUTCOME_OK)
		rc = OUTCOME_FAILED;
	return rc;
}

enum outcome attachments_current(struct store *st, const struct org *org, struct attachment **out, size_t *n,
				 struct err *e)
{
	*out = NULL;
	*n = 0;
	enum outcome rc = connector_only(org, e);
	if (rc != OUTCOME_OK)
		return rc;
	return store_attachment_list(st, org->id, out, n, e) < 0 ? OUTCOME_FAILED : OUTCOME_OK;
}

static enum outcome not_found(long long id, struct err *e)
{
	char no[24];
	snprintf(no, sizeof no, "%lld", id); /* cannot be cut: a long long */
	err_coded(e, NULL, "attachment_not_found", "no attachment {1}", no, NULL);
	return OUTCOME_NOT_FOUND;
}

enum outcome attachments_get(struct store *st, const struct org *org, long long id, struct attachment *out,
			     struct err *e)
{
	memset(out, 0, sizeof *out);
	enum outcome rc = connector_only(org, e);
	if (rc != OUTCOME_OK)
		return rc;
	int sr = store_attachment_get(st, org->id, id, out, e);
	return sr < 0 ? OUTCOME_FAILED : sr == STORE_NOT_FOUND ? not_found(id, e) : OUTCOME_OK;
}

static bool same_items(const struct attachment *a, const int *items, size_t n)
{
	return a->n_items == n && (!n || !memcmp(a->items, items, n * sizeof *items));
}

static enum outcome set_in_tx(struct store *st, const char *actor, const struct org *org, long long id,
			      const struct attachment_change *c, const char *day, struct err *e)
{
	struct attachment a;
	int sr = store_attachment_get(st, org->id, id, &a, e);
	if (sr != STORE_OK)
		return sr < 0 ? OUTCOME_FAILED : not_found(id, e);
	int *items = NULL;
	size_t n = 0;
	enum outcome rc = c->items ? items_check(st, c->items, c->n_items, &items, &n, e) : OUTCOME_OK;
	bool changed = false;
	if (rc == OUTCOME_OK && c->title && strcmp(c->title, a.title)) {
		free(a.title);
		a.title = xstrdup(c->title);
		changed = true;
	}
	if (rc == OUTCOME_OK && c->valid_until && strcmp(day, a.valid_until ? a.valid_until : "")) {
		free(a.valid_until);
		a.valid_until = day[0] ? xstrdup(day) : NULL;
		changed = true;
	}
	if (rc == OUTCOME_OK && c->items && !same_items(&a, items, n)) {
		free(a.items);
		a.items = items;
		a.n_items = n;
		items = NULL;
		changed = true;
	}
	free(items);
	if (rc == OUTCOME_OK && changed) {
		json_t *details = json_pack("{s:s, s:o, s:o}", "title", a.title, "items", items_json(a.items, a.n_items),
					    "valid_until", a.valid_until ? json_string(a.valid_until) : json_null());
		if (store_attachment_update(st, &a, e) < 0 ||
		    audit_log(st, actor, org->id, AUDIT_ATTACHMENT_SET, details, e, "attachment:%lld", id) < 0)
			rc = OUTCOME_FAILED;
		json_decref(details);
	}
	attachment_clear(&a);
	return rc;
}

enum outcome attachments_set(struct store *st, const char *actor, const struct org *org, long long id,
			     const struct attachment_change *c, struct attachment *out, struct err *e)
{
	if (out)
		memset(out, 0, sizeof *out);
	enum outcome rc = connector_only(org, e);
	char day[11];
	if (rc != OUTCOME_OK || (rc = title_check(c->title, e)) != OUTCOME_OK ||
	    (rc = day_check(c->valid_until, day, e)) != OUTCOME_OK)
		return rc;
	if (store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	rc = set_in_tx(st, actor, org, id, c, day, e);
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK)
		store_rollback(st);
	if (rc == OUTCOME_OK && out && attachments_get(st, org, id, out, e) != OUTCOME_OK)
		rc = OUTCOME_FAILED;
	return rc;
}

enum outcome attachments_remove(struct store *st, const char *actor, const struct org *org, long long id,
				struct err *e)
{
	enum outcome rc = connector_only(org, e);
	char now[CLOCK_TEXT_SIZE];
	if (rc != OUTCOME_OK)
		return rc;
	if (clock_stamp(now, e) < 0 || store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	struct attachment a;
	int sr = store_attachment_get(st, org->id, id, &a, e);
	if (sr != STORE_OK) {
		rc = sr < 0 ? OUTCOME_FAILED : not_found(id, e);
	} else {
		json_t *details = json_pack("{s:s, s:s}", "name", a.name, "sha256", a.sha256);
		if (store_attachment_remove(st, id, now, e) < 0 ||
		    audit_log(st, actor, org->id, AUDIT_ATTACHMENT_REMOVE, details, e, "attachment:%lld", id) < 0)
			rc = OUTCOME_FAILED;
		json_decref(details);
		attachment_clear(&a);
	}
	if (rc == OUTCOME_OK && store_commit(st, e) < 0)
		rc = OUTCOME_FAILED;
	if (rc != OUTCOME_OK)
		store_rollback(st);
	return rc;
}

enum outcome attachments_bytes(struct store *st, const struct org *org, const char *sha256, void **data, size_t *len,
			       enum sniff_kind *kind, struct err *e)
{
	*data = NULL;
	*len = 0;
	*kind = SNIFF_UNKNOWN;
	enum outcome rc = connector_only(org, e);
	if (rc != OUTCOME_OK)
		return rc;
	char *type = NULL;
	int sr = store_attachment_bytes(st, org->id, sha256, data, len, &type, e);
	if (sr == STORE_OK)
		*kind = sniff_kind_of_token(type);
	free(type);
	if (sr == STORE_NOT_FOUND) {
		err_coded(e, NULL, "attachment_no_file", "no file {1}", sha256, NULL);
		return OUTCOME_NOT_FOUND;
	}
	return sr < 0 ? OUTCOME_FAILED : OUTCOME_OK;
}

int attachments_parse_size(const char *text, long long *bytes, struct err *e)
{
	static const struct {
		const char *unit;
		long long mult;
	} units[] = { { "", 1 },	       { "b", 1 },		   { "kib", 1024 },	  { "kb", 1024 },
		      { "mib", 1024 * 1024 }, { "mb", 1024 * 1024 }, { "gib", 1024LL * 1024 * 1024 },
		      { "gb", 1024LL * 1024 * 1024 }, { "tib", 1024LL * 1024 * 1024 * 1024 } };
	const char *p = text ? text : "";
	while (*p == ' ')
		p++;
	char *end;
	long long v = isdigit((unsigned char)*p) ? strtoll(p, &end, 10) : -1;
	if (v >= 0) {
		while (*end == ' ')
			end++;
		for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
			if (strcasecmp(end, units[i].unit))
				continue;
			if (v > (1LL << 50) / units[i].mult)
				break;
			*bytes = v * units[i].mult;
			return 0;
		}
	}
	err_coded(e, NULL, "not_a_size", "\"{1}\" is not a size: give bytes, or a number with MiB or GiB (500MiB, 2GiB)",
		  text ? text : "", NULL);
	return -1;
}

enum outcome attachments_set_quota(struct store *st, const char *actor, const struct org *org, long long quota,
				   struct err *e)
{
	enum outcome rc = connector_only(org, e);
	if (rc != OUTCOME_OK)
		return rc;
	if (store_begin(st, e) < 0)
		return OUTCOME_FAILED;
	json_t *details = json_pack("{s:o}", "attachment_quota", quota < 0 ? json_null() : json_integer(quota));
	if (store_attachment_set_quota(st, org->id, quota, e) < 0 ||
	    audit_log(st, actor, org->id, AUDIT_ORG_SETTING, details, e, "org:%lld", org->id) < 0 ||
	    store_commit(st, e) < 0) {
		store_rollback(st);
		rc = OUTCOME_FAILED;
	}
	json_decref(details);
	return rc;
}

enum outcome attachments_usage(struct store *st, const struct org *org, long long *quota, long long *used,
			       struct err *e)
{
	if (store_attachment_quota(st, org->id, quota, e) < 0 || store_attachment_usage(st, org->id, used, e) < 0)
		return OUTCOME_FAILED;
	if (*quota < 0)
		*quota = ATTACHMENTS_QUOTA_DEFAULT;
	return OUTCOME_OK;
}

json_t *attachments_item_json(const struct attachment *a)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:o, s:o, s:s, s:s}", "id", (json_int_t)a->id, "name",
			 a->name, "title", a->title, "sha256", a->sha256, "type", a->type, "size", (json_int_t)a->size,
			 "valid_until", a->valid_until ? json_string(a->valid_until) : json_null(), "items",
			 items_json(a->items, a->n_items), "created_by", a->created_by, "created_at", a->created_at);
}

json_t *attachments_json(const struct attachment *list, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, attachments_item_json(&list[i]));
	return arr;
}
