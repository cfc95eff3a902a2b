#include "formats/audit_json.h"

json_t *audit_json_event(const struct audit_event *ev)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:s?, s:s, s:s, s:s, s:s, s:s}", "seq", (json_int_t)ev->seq, "at",
			 ev->at, "actor", ev->actor, "org_id", ev->org_id ? json_integer(ev->org_id) : json_null(),
			 "org", ev->org_name, "action", ev->action, "object", ev->object, "details", ev->details,
			 "prev_hash", ev->prev_hash, "hash", ev->hash);
}
