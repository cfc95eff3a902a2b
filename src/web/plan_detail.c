#include "web/plan_detail.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

static const char ARROW[] = " → ";

/* {name: true} for the first len bytes of name. */
static json_t *flag_n(const char *name, size_t len)
{
	char *n = xstrndup(name, len);
	json_t *o = json_pack("{s:b}", n, true);
	free(n);
	return o;
}

/* Sets key to the first len bytes of s unless they are "none". */
static void set_date(json_t *o, const char *key, const char *s, size_t len)
{
	if (!(len == 4 && memcmp(s, "none", 4) == 0))
		json_object_set_new(o, key, json_stringn(s, len));
}

/* "answer STATUS, due DATE" */
static json_t *created(const char *d)
{
	const char *sep = strstr(d, ", due ");
	if (strncmp(d, "answer ", 7) != 0 || !sep || strchr(d + 7, ' ') != sep + 1)
		return NULL;
	json_t *o = json_pack("{s:b, s:o}", "created", true, "st", flag_n(d + 7, (size_t)(sep - d - 7)));
	set_date(o, "due", sep + 6, strlen(sep + 6));
	return o;
}

/* "answer now STATUS" */
static json_t *answer_now(const char *d)
{
	if (strncmp(d, "answer now ", 11) != 0 || !d[11] || strchr(d + 11, ' '))
		return NULL;
	return json_pack("{s:b, s:o}", "answer_now", true, "st", flag_n(d + 11, strlen(d + 11)));
}

/* "A → B": *a and *b point into d. */
static bool arrow(const char *d, const char **b, size_t *alen)
{
	const char *m = strstr(d, ARROW);
	if (!m || m == d || !m[sizeof ARROW - 1] || strstr(m + 1, ARROW))
		return false;
	*alen = (size_t)(m - d);
	*b = m + sizeof ARROW - 1;
	return true;
}

/* "A → B": a due date's change (dates, "none") or a status's. */
static json_t *change(const char *d, bool dates)
{
	const char *b;
	size_t alen;
	if (!arrow(d, &b, &alen))
		return NULL;
	if (!dates)
		return json_pack("{s:b, s:o, s:o}", "ps_change", true, "ps_from", flag_n(d, alen), "ps_to",
				 flag_n(b, strlen(b)));
	json_t *o = json_pack("{s:b}", "due_change", true);
	set_date(o, "from", d, alen);
	set_date(o, "to", b, strlen(b));
	return o;
}

/* "N milestone(s), M done" */
static json_t *milestones(const char *d)
{
	size_t n = strspn(d, "0123456789");
	const char *rest = d + n;
	const char *tail = strncmp(rest, " milestones, ", 13) == 0 ? rest + 13
			   : strncmp(rest, " milestone, ", 12) == 0 ? rest + 12
								    : NULL;
	size_t m = tail ? strspn(tail, "0123456789") : 0;
	if (!n || !tail || !m || strcmp(tail + m, " done") != 0)
		return NULL;
	json_t *o = json_pack("{s:b}", "ms", true);
	json_object_set_new(o, "ms_n", json_stringn(d, n));
	json_object_set_new(o, "ms_done", json_stringn(tail, m));
	return o;
}

/* "BANK: DATE" or "BANK: removed (was DATE)"; a bank's name may hold ": ". */
static json_t *required(const char *d)
{
	const char *m = NULL;
	for (const char *p = strstr(d, ": "); p; p = strstr(p + 1, ": "))
		m = p;
	if (!m || m == d)
		return NULL;
	const char *v = m + 2;
	json_t *o = json_pack("{s:s%}", "bank", d, (size_t)(m - d));
	size_t len = strlen(v);
	if (strncmp(v, "removed (was ", 13) == 0 && len > 14 && v[len - 1] == ')') {
		json_object_set_new(o, "req_removed", json_true());
		json_object_set_new(o, "req_was", json_stringn(v + 13, len - 14));
	} else {
		json_object_set_new(o, "req", json_true());
		json_object_set_new(o, "req_due", json_string(v));
	}
	return o;
}

json_t *plan_detail_words(const char *what, const char *detail)
{
	const char *d = detail ? detail : "";
	const char *w = what ? what : "";
	json_t *o = NULL;
	if (strcmp(w, "created") == 0)
		o = created(d);
	else if (strcmp(w, "reopened") == 0 || strcmp(w, "closed") == 0)
		o = answer_now(d);
	else if (strcmp(w, "due") == 0)
		o = change(d, true);
	else if (strcmp(w, "status") == 0)
		o = change(d, false);
	else if (strcmp(w, "milestones") == 0)
		o = milestones(d);
	else if (strcmp(w, "required") == 0)
		o = required(d);
	return o ? o : json_pack("{s:s}", "raw", d);
}
