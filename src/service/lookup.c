#include "service/lookup.h"
#include "store/store_catalog.h"
#include "store/store_org.h"
#include "store/store_user.h"

#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/xalloc.h"

int lookup_catalog(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	int rc = store_catalog_get(st, id, out, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no catalog \"%s\" (shinsa catalog list shows them)", id);
	return rc == STORE_OK ? 0 : -1;
}

int lookup_checklist(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	if (id) {
		if (lookup_catalog(st, id, out, e) < 0)
			return -1;
		if ((*out)->kind == CATALOG_CHECKLIST)
			return 0;
		err_set(e, "%s is a criteria catalog, not a checklist", id);
		catalog_free(*out);
		*out = NULL;
		return -1;
	}
	size_t found;
	if (lookup_sole_checklist(st, out, &found, e) < 0)
		return -1;
	if (found == 1)
		return 0;
	err_set(e, found ? "there is more than one checklist: say which with --catalog ID"
			 : "there is no checklist in the database (run shinsa init)");
	return -1;
}

int lookup_sole_checklist(struct store *st, struct catalog **out, size_t *found, struct err *e)
{
	struct catalog **all;
	size_t n;
	*out = NULL;
	*found = 0;
	if (store_catalog_list(st, &all, &n, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (all[i]->kind == CATALOG_CHECKLIST && (*found)++ == 0) {
			*out = all[i];
			continue;
		}
		catalog_free(all[i]);
	}
	free(all);
	if (*found != 1) {
		catalog_free(*out);
		*out = NULL;
	}
	return 0;
}

int lookup_org(struct store *st, const char *name, struct org **out, struct err *e)
{
	int rc = store_org_get(st, name, out, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no organisation \"%s\" (shinsa org list shows them)", name);
	return rc == STORE_OK ? 0 : -1;
}

/* The one bank whose name reads as name (lib/jpinput.h's key: 株式会社デモ
 *銀行 and ﾃﾞﾓ銀行 for デモ銀行) into *out: 0, 1 for none (or two alike,
 * which only the exact name tells apart), -1 on a store error. */
static int bank_by_key(struct store *st, const char *name, struct org **out, struct err *e)
{
	struct org **all = NULL;
	size_t n = 0, found = 0;
	if (store_org_list(st, &all, &n, e) < 0)
		return -1;
	char *key = jpinput_name_key(name);
	for (size_t i = 0; i < n; i++) {
		char *k = jpinput_name_key(all[i]->name);
		if (all[i]->kind == ORG_BANK && strcmp(k, key) == 0) {
			found++;
			org_free(*out);
			*out = all[i];
			all[i] = NULL;
		}
		free(k);
	}
	free(key);
	for (size_t i = 0; i < n; i++)
		org_free(all[i]);
	free(all);
	if (found == 1)
		return 0;
	org_free(*out);
	*out = NULL;
	return 1;
}

enum outcome lookup_bank(struct store *st, const char *name, struct org **out, struct err *e)
{
	*out = NULL;
	int rc = store_org_get(st, name, out, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_OK && (*out)->kind == ORG_BANK)
		return 0;
	org_free(*out);
	*out = NULL;
	if ((rc = bank_by_key(st, name, out, e)) != 1)
		return rc;
	err_coded(e, NULL, "no_bank", "no bank \"{1}\"", name, NULL);
	return OUTCOME_NOT_FOUND;
}

/* Whether a query's key is the company mark alone (株式会社 typed first,
 * the name still to come; jpinput_name_key keeps a mark that is the whole
 * text): then it narrows nothing yet. */
static bool only_mark(const char *key)
{
	static const char *const marks[] = { "株式会社", "(株)", "（株）", "㈱" };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strcmp(key, marks[i]) == 0)
			return true;
	return false;
}

/* A bank that matched, and how well: 0 its name starts with the text as
 * typed (width folded), 1 its key starts with the typed key, 2 the key
 * holds it elsewhere; at is its place in the store's order (by name). */
struct bank_match {
	int rank;
	size_t at;
	const char *name;
};

static int bank_match_cmp(const void *a, const void *b)
{
	const struct bank_match *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* name's rank (see struct bank_match) for the folded text typed and its
 * key, or -1 when name does not match. */
static int bank_rank(const char *name, const char *typed, const char *key)
{
	char *k = jpinput_name_key(name);
	const char *in = strstr(k, key);
	int rank = -1;
	if (in) {
		char *f = jpinput_name_folded(name);
		rank = strncmp(f, typed, strlen(typed)) == 0 ? 0 : in == k ? 1 : 2;
		free(f);
	}
	free(k);
	return rank;
}

int lookup_banks(struct store *st, const char *q, size_t max, char ***names, size_t *n, bool *more, struct err *e)
{
	struct org **all = NULL;
	size_t count = 0, found = 0;
	*names = NULL;
	*n = 0;
	*more = false;
	if (store_org_list(st, &all, &count, e) < 0)
		return -1;
	char *key = jpinput_name_key(q);
	char *typed = jpinput_name_folded(q);
	if (only_mark(key))
		*key = '\0';
	struct bank_match *m = xcalloc(count ? count : 1, sizeof *m);
	for (size_t i = 0; i < count; i++) {
		/* A bank received from another server (received_at set) has no
		 * reviewers here: a share to it would reach no one. */
		bool local = all[i]->kind == ORG_BANK && !all[i]->received_at;
		int rank = local ? bank_rank(all[i]->name, typed, key) : -1;
		if (rank >= 0)
			m[found++] = (struct bank_match){ rank, i, all[i]->name };
	}
	/* The name someone is typing first: 株式会社み offers 株式会社みらい
	 * 銀行 above みなと信用金庫, whose key merely starts with み. */
	qsort(m, found, sizeof *m, bank_match_cmp);
	*names = xcalloc(max ? max : 1, sizeof **names);
	for (size_t i = 0; i < found && i < max; i++)
		(*names)[(*n)++] = xstrdup(m[i].name);
	*more = found > max;
	free(m);
	free(typed);
	free(key);
	for (size_t i = 0; i < count; i++)
		org_free(all[i]);
	free(all);
	return 0;
}

/* What a store lookup's answer is as an outcome (e says what was not found
 * once the caller words it). */
static enum outcome of_store(int rc)
{
	return rc == STORE_OK ? OUTCOME_OK : rc == STORE_NOT_FOUND ? OUTCOME_NOT_FOUND : OUTCOME_FAILED;
}

enum outcome lookup_org_id(struct store *st, long long id, struct org **out, struct err *e)
{
	*out = NULL;
	enum outcome rc = of_store(store_org_get_id(st, id, out, e));
	if (rc == OUTCOME_NOT_FOUND)
		err_set(e, "no organisation %lld", id);
	return rc;
}

enum outcome lookup_user_email(struct store *st, const char *email, struct user **out, struct err *e)
{
	*out = NULL;
	char *norm = user_email_normalise(email, e);
	if (!norm)
		return OUTCOME_INVALID;
	enum outcome rc = of_store(store_user_get_by_email(st, norm, out, e));
	if (rc == OUTCOME_NOT_FOUND)
		err_set(e, "no user with email %s (shinsa user list --org NAME shows them)", norm);
	free(norm);
	return rc;
}

int lookup_catalogs(struct store *st, struct catalog ***out, size_t *n, struct err *e)
{
	return store_catalog_list(st, out, n, e);
}

enum outcome lookup_catalog_id(struct store *st, const char *id, struct catalog **out, struct err *e)
{
	*out = NULL;
	enum outcome rc = of_store(store_catalog_get(st, id, out, e));
	if (rc == OUTCOME_NOT_FOUND)
		err_set(e, "no catalog \"%s\"", id);
	return rc;
}

enum outcome lookup_mapping(struct store *st, const char *criteria_id, const char *checklist_id, struct mapping **out,
			    struct err *e)
{
	*out = NULL;
	enum outcome rc = of_store(store_mapping_get(st, criteria_id, checklist_id, out, e));
	if (rc == OUTCOME_NOT_FOUND)
		err_set(e, "no mapping from %s to %s", criteria_id, checklist_id);
	return rc;
}
