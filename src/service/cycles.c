#include "service/cycles.h"

#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_org.h"
#include "store/store_plan.h"

int cycles_list(struct store *st, const struct org *viewer, struct cycle ***out, size_t *n, struct err *e)
{
	long long bank = viewer && viewer->kind == ORG_BANK ? viewer->id : 0;
	long long connector = viewer && viewer->kind == ORG_CONNECTOR ? viewer->id : 0;
	return store_cycle_list(st, bank, connector, out, n, e);
}

json_t *cycles_json(const struct cycle *c, const char *today)
{
	char next[PLAN_DATE_LEN + 1];
	/* A stored date is always valid; an unreadable one shows as none. */
	bool has = cycle_next_due(c->next_due, c->last_assessed, c->months, next) == 1;
	return json_pack("{s:s, s:s, s:i, s:o, s:o, s:s}", "bank", c->bank, "connector", c->connector, "months",
			 c->months, "last_assessed", c->last_assessed ? json_string(c->last_assessed) : json_null(),
			 "next_due", has ? json_string(next) : json_null(), "state",
			 cycle_state_name(cycle_state_of(has ? next : NULL, today)));
}

/* The stored cycle of a pair, or a default one if the pair has no row. */
static int pair(struct store *st, long long bank_id, long long connector_id, struct cycle **out, struct err *e)
{
	struct cycle **list;
	size_t n;
	*out = NULL;
	if (store_cycle_list(st, bank_id, connector_id, &list, &n, e) < 0)
		return -1;
	if (n) {
		*out = list[0];
		list[0] = NULL;
	}
	cycle_list_free(list, n);
	return n ? STORE_OK : STORE_NOT_FOUND;
}

static void set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = v ? xstrdup(v) : NULL;
}

enum outcome cycles_set(struct store *st, const char *actor, const struct org *bank, const char *connector,
			const struct cycle_update *u, struct cycle **out, struct err *e)
{
	if (out)
		*out = NULL;
	if (bank->kind != ORG_BANK) {
		err_set(e, "%s is a connector: cycles are set by banks", bank->name);
		return OUTCOME_REFUSED;
	}
	if (!u->months_set && !u->next_due_set) {
		err_coded(e, NULL, "nothing_to_set", "nothing to set (give months or next_due)", NULL);
		return OUTCOME_INVALID;
	}
	if (u->months_set && cycle_months_check(u->months, e) < 0)
		return OUTCOME_INVALID;
	/* A day as people in Japan type it (lib/jpinput.h), stored as ISO. */
	char next_due[11];
	if (u->next_due && jpinput_date(u->next_due, next_due, e) < 0) {
		err_prefix(e, "next_due");
		return OUTCOME_INVALID;
	}
	struct org *c = NULL;
	struct cycle *cy = NULL;
	if (store_begin(st, e) < 0)
		return -1;
	int rc = store_org_get(st, connector, &c, e);
	if (rc == STORE_OK)
		rc = c->kind == ORG_CONNECTOR ? pair(st, bank->id, c->id, &cy, e) : STORE_NOT_FOUND;
	if (rc == STORE_NOT_FOUND) {
		err_set(e, "no connector \"%s\"", connector);
		rc = OUTCOME_NOT_FOUND;
	} else if (rc == STORE_OK) {
		if (u->months_set)
			cy->months = (int)u->months;
		if (u->next_due_set)
			set_str(&cy->next_due, u->next_due ? next_due : NULL);
		json_t *details = json_pack("{s:s, s:i, s:o}", "connector", cy->connector, "months", cy->months,
					    "next_due", cy->next_due ? json_string(cy->next_due) : json_null());
		rc = store_cycle_put(st, cy, e) < 0 ||
				     audit_log(st, actor, bank->id, AUDIT_CYCLE_SET, details, e, "cycle:%lld-%lld", bank->id,
					       cy->connector_id) < 0 ||
				     store_commit(st, e) < 0
			     ? -1
			     : 0;
		json_decref(details);
	}
	if (rc != 0)
		store_rollback(st);
	if (rc == 0 && out) {
		*out = cy;
		cy = NULL;
	}
	cycle_free(cy);
	org_free(c);
	return rc;
}

enum outcome cycles_assessed(struct store *st, long long bank_id, long long connector_id, const char *date,
			     struct err *e)
{
	if (plan_date_check("date", date, e) < 0)
		return OUTCOME_INVALID;
	struct cycle *cy = NULL;
	int rc = store_cycle_get(st, bank_id, connector_id, &cy, e);
	if (rc < 0)
		return -1;
	if (rc == STORE_NOT_FOUND) {
		cy = cycle_new();
		cy->bank_id = bank_id;
		cy->connector_id = connector_id;
	}
	set_str(&cy->last_assessed, date);
	if (cy->next_due && strcmp(cy->next_due, date) <= 0)
		set_str(&cy->next_due, NULL);
	rc = store_cycle_put(st, cy, e);
	cycle_free(cy);
	return rc;
}
