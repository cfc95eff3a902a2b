/*
 * audit_json: an audit event (core/audit.h) as JSON, for `shinsa audit
 * list --json` and GET /api/v1/audit:
 *   {seq, at, actor, org_id, org, action, object, details, prev_hash, hash}
 * org_id and org null for an event of no organisation; details as the
 * stored JSON text (a string), so every hash can be re-checked from the
 * output alone.
 */
#ifndef SHINSA_FORMATS_AUDIT_JSON_H
#define SHINSA_FORMATS_AUDIT_JSON_H

#include <jansson.h>

#include "core/audit.h"

/* You own the reference. */
json_t *audit_json_event(const struct audit_event *ev);

#endif
