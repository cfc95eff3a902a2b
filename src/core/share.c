#include "core/share.h"

#include <stdlib.h>
#include <string.h>

#include "lib/jpinput.h"
#include "lib/clock.h"
#include "lib/xalloc.h"

struct share *share_new(void)
{
	return xcalloc(1, sizeof(struct share));
}

void share_free(struct share *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_accesses; i++) {
		free(s->accesses[i].user);
		free(s->accesses[i].at);
	}
	free(s->accesses);
	free(s->sha256);
	free(s->connector_name);
	free(s->bank_name);
	free(s->created_by);
	free(s->created_at);
	free(s->expires_at);
	free(s->revoked_at);
	free(s);
}

void share_list_free(struct share **list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		share_free(list[i]);
	free(list);
}

void share_add_access(struct share *s, const char *user, const char *at)
{
	s->accesses = xrealloc(s->accesses, (s->n_accesses + 1) * sizeof *s->accesses);
	s->accesses[s->n_accesses].user = xstrdup(user);
	s->accesses[s->n_accesses].at = xstrdup(at);
	s->n_accesses++;
}

bool share_in_force(const struct share *s, const char *now)
{
	return !s->revoked_at && (!s->expires_at || strcmp(s->expires_at, now) > 0);
}

int share_expiry_parse(const char *text, time_t now, char out[CLOCK_TEXT_SIZE], struct err *e)
{
	time_t t;
	char day[11];
	if (clock_parse(text, &t) < 0) {
		/* A day as typed (2027/7/31, 令和9年7月31日): read as its YYYY-MM-DD. */
		if (jpinput_date(text, day, e) < 0) {
			err_prefix(e, "expiry");
			return -1;
		}
		text = day;
		if (clock_parse(text, &t) < 0)
			return -1; /* cannot happen: jpinput_date gives days clock_parse reads */
	}
	/* A date is a day the bank may still read on, so the whole day counts:
	 * people write "until 31 March" and mean the 31st too. */
	if (strlen(text) == 10)
		t += 86400;
	if (t <= now) {
		char stamp[CLOCK_TEXT_SIZE];
		clock_format(now, stamp);
		err_set(e, "expiry \"%s\" is in the past (it is now %s)", text, stamp);
		return -1;
	}
	clock_format(t, out);
	return 0;
}
