#include "formats/review_decision.h"

#include "formats/canon_json.h"

int review_decision_canonical(const struct review *r, const char *bank_public_key, const char *submission_sha256,
			      struct strbuf *out, struct err *e)
{
	json_t *items = json_array();
	for (size_t i = 0; i < r->n_items; i++) {
		const struct review_item *it = &r->items[i];
		if (it->party == PARTY_BANK)
			continue;
		const char *v = review_verdict_name(it->verdict);
		json_array_append_new(items, json_pack("{s:i, s:o, s:b}", "no", it->no, "verdict",
						       v ? json_string(v) : json_null(), "carried", it->carried));
	}
	json_t *doc = json_pack("{s:s, s:{s:s?, s:s?}, s:s?, s:{s:I, s:i, s:s?}, s:s?, s:s?, s:s?, s:s?, s:s?, s:o}",
				"format", REVIEW_DECISION_FORMAT, "bank", "name", r->bank_name, "public_key",
				bank_public_key, "connector", r->connector_name, "submission", "id",
				(json_int_t)r->submission_id, "version", r->version, "sha256", submission_sha256,
				"checklist", r->catalog_id, "decision", review_decision_name(r->decision), "reason",
				r->reason ? r->reason : "", "decided_at", r->decided_at, "decided_by", r->decided_by,
				"items", items);
	if (!doc) {
		/* json_pack refuses a string that is not UTF-8 (and took items). */
		err_set(e, "the decision holds text that is not UTF-8");
		return -1;
	}
	int rc = canon_json_dump(doc, out, e);
	json_decref(doc);
	return rc;
}
