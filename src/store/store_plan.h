/*
 * store_plan: remediation plans (with milestones, history and the banks'
 * required dates), re-assessment cycles and the reminders' outbox.
 * Included by store.h; callers include store.h.
 *
 * The rules (when a plan opens, closes, who sees it, when a cycle is due)
 * are core/plan.h's and service/plans.h's; this keeps the rows. Plans are
 * never deleted and their history is append-only (triggers); an outbox
 * notice changes once, when sent. Records returned are yours
 * (plan_free(), cycle_free(), notice_free() and their _list_free()).
 */
#ifndef SHINSA_STORE_PLAN_H
#define SHINSA_STORE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan.h"
#include "lib/err.h"

struct store;

/* Adds p (connector_id, catalog_id, no, status, due, created_at,
 * updated_at set) and sets p->id. Milestones and history are not written. */
int store_plan_add(struct store *st, struct plan *p, struct err *e);

/* Writes p's status, due, updated_at and closed_at. */
int store_plan_update(struct store *st, const struct plan *p, struct err *e);

/* Replaces plan p->id's milestones with p's. */
int store_plan_set_milestones(struct store *st, const struct plan *p, struct err *e);

/* Appends ev to plan_id's history. */
int store_plan_event_add(struct store *st, long long plan_id, const struct plan_event *ev, struct err *e);

/* Sets bank_id's required date for plan_id (due NULL removes it). */
int store_plan_required_set(struct store *st, long long plan_id, long long bank_id, const char *due,
			    struct err *e);

/* Plan id, whole (connector's name, milestones, history, required dates),
 * or STORE_NOT_FOUND. */
int store_plan_get(struct store *st, long long id, struct plan **out, struct err *e);

/* The plan of connector_id for item no of catalog_id, whole, or
 * STORE_NOT_FOUND. */
int store_plan_find(struct store *st, long long connector_id, const char *catalog_id, int no, struct plan **out,
		    struct err *e);

/* The plans of connector_id (0: every connector's), by connector, catalog
 * and item, each with milestones and required dates but no history. */
int store_plan_list(struct store *st, long long connector_id, struct plan ***out, size_t *n, struct err *e);

/*
 * The cycles of every bank and connector pair that ever had a share (a
 * share of any of the connector's submissions with the bank, in force or
 * not), with what is stored for it (months CYCLE_MONTHS_DEFAULT and no
 * dates when nothing is). bank_id / connector_id non-zero narrow it.
 * By bank, then connector.
 */
int store_cycle_list(struct store *st, long long bank_id, long long connector_id, struct cycle ***out, size_t *n,
		     struct err *e);

/* What is stored for the pair (ids, months and dates; no names), share or
 * not, or STORE_NOT_FOUND. */
int store_cycle_get(struct store *st, long long bank_id, long long connector_id, struct cycle **out, struct err *e);

/* Writes c's months, next_due and last_assessed for its pair. */
int store_cycle_put(struct store *st, const struct cycle *c, struct err *e);

/* Adds n unless a notice with its dedup_key exists: *added says which;
 * n->id is set when added. */
int store_outbox_add(struct store *st, struct notice *n, bool *added, struct err *e);

/* The notices, oldest first (unsent_only: those not sent). */
int store_outbox_list(struct store *st, bool unsent_only, struct notice ***out, size_t *n, struct err *e);

/* Marks notice id sent at at; STORE_NOT_FOUND if none or sent already. */
int store_outbox_mark_sent(struct store *st, long long id, const char *at, struct err *e);

#endif
