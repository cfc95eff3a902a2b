#include "cli/cli_submission.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/submission_json.h"
#include "lib/hash.h"
#include "lib/keys.h"

int cli_connector_load(struct store *st, const char *name, const char *catalog, struct cli_connector *c,
		       struct err *e)
{
	memset(c, 0, sizeof *c);
	if (cli_load_org(st, name, &c->org, e) < 0)
		return -1;
	if (c->org->kind != ORG_CONNECTOR) {
		err_set(e, "%s is a bank: answer sets belong to connectors", c->org->name);
		return -1;
	}
	if (cli_load_checklist(st, catalog, &c->cat, e) < 0 || store_answers_get(st, c->org, c->cat, &c->set, e) < 0)
		return -1;
	return 0;
}

void cli_connector_release(struct cli_connector *c)
{
	answer_set_free(c->set);
	catalog_free(c->cat);
	org_free(c->org);
	memset(c, 0, sizeof *c);
}

int cli_submission_id(const char *text, long long *id)
{
	char *end;
	if (text[0] < '1' || text[0] > '9')
		return -1;
	*id = strtoll(text, &end, 10);
	return *end || *id < 1 || *id > 1000000000 ? -1 : 0;
}

int cli_submission_load(struct store *st, long long id, struct submission_record **rec, struct submission **doc,
			struct err *e)
{
	*doc = NULL;
	int rc = store_submission_get(st, id, rec, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "no submission %lld (shinsa submission list --org NAME shows them)", id);
	if (rc != STORE_OK)
		return -1;
	if (submission_json_parse((*rec)->document, (*rec)->document_len, doc, e) < 0) {
		err_prefix(e, "submission %lld", id);
		return -1;
	}
	(*doc)->id = id;
	return 0;
}

bool cli_submission_check(struct store *st, const struct submission_record *rec, const struct submission *doc,
			  struct err *e)
{
	char sha[HASH_HEX_LEN + 1];
	hash_sha256_hex(rec->document, rec->document_len, sha);
	if (strcmp(sha, rec->sha256) != 0) {
		err_set(e, "the stored document was changed: its SHA-256 is %s but %s was signed", sha, rec->sha256);
		return false;
	}
	/*
	 * The record's own columns are not signed: whoever can write the
	 * database could put one submission's signed document under another's
	 * version or date. They must say what the document says.
	 */
	if (doc->version != rec->version || strcmp(doc->submitted_at, rec->submitted_at) != 0 ||
	    strcmp(doc->catalog_id, rec->catalog_id) != 0) {
		err_set(e, "the stored record (version %d, %s, %s) does not match its signed document (version %d, %s, %s)",
			rec->version, rec->submitted_at, rec->catalog_id, doc->version, doc->submitted_at,
			doc->catalog_id);
		return false;
	}
	struct org *org;
	unsigned char pk[KEYS_PUBLIC_BYTES], sig[KEYS_SIGNATURE_BYTES];
	if (cli_load_org(st, rec->org_name, &org, e) < 0)
		return false;
	bool ok = strcmp(doc->org_public_key, org->public_key) == 0 &&
		  keys_unhex(org->public_key, pk, sizeof pk) == 0 &&
		  keys_unhex(rec->signature, sig, sizeof sig) == 0 &&
		  keys_verify(pk, rec->document, rec->document_len, sig);
	if (!ok)
		err_set(e, "the signature does not verify with the key of %s (%s)", org->name, org->public_key);
	org_free(org);
	return ok;
}

int cli_submission_load_valid(struct store *st, long long id, struct submission_record **rec,
			      struct submission **doc, struct err *e)
{
	if (cli_submission_load(st, id, rec, doc, e) < 0)
		return -1;
	if (!cli_submission_check(st, *rec, *doc, e)) {
		err_prefix(e, "submission %lld does not verify", id);
		return -1;
	}
	return 0;
}

void cli_print_answers(const struct answer_set *set)
{
	static const char *const labels[ANSWER_NFIELDS] = {
		[FIELD_CURRENT] = "現在の対応状況", [FIELD_ISSUES] = "課題認識", [FIELD_PLAN] = "課題への対応計画",
		[FIELD_PLAN_DUE] = "対応予定日",    [FIELD_NOTES] = "備考",
	};
	for (size_t i = 0; i < set->n_items; i++) {
		const struct answer *a = &set->items[i];
		printf("%3d  %s\n", a->no, a->status ? answer_status_label(a->status) : "(未回答)");
		for (int f = FIELD_CURRENT; f < ANSWER_NFIELDS; f++) {
			const char *v = answer_get(a, (enum answer_field)f);
			if (*v)
				printf("     %s: %s\n", labels[f], v);
		}
	}
}
