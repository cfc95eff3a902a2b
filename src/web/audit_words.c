#include "web/audit_words.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "lib/strbuf.h"
#include "lib/xalloc.h"
#include "web/page.h"

/*
 * What fills a sentence's {1}, {2}, ...: "#" is the number after the
 * object's colon, any other name a member of the details; a member with a
 * words prefix is said as the message PREFIX+value ("review.v_query").
 */
struct says {
	const char *action;
	const char *fields[3];
	const char *prefix[3];
};

static const struct says sayings[] = {
	{ "login", { NULL }, { NULL } },
	{ "logout", { NULL }, { NULL } },
	{ "answer_edit", { "#" }, { NULL } },
	{ "submission_create", { "#" }, { NULL } },
	{ "share_create", { "#", "bank" }, { NULL } },
	{ "share_revoke", { "#", "bank", "submission" }, { NULL } },
	{ "review_verdict", { "no", "verdict", "submission" }, { NULL, "review.v_", NULL } },
	{ "audit_export", { "rows" }, { NULL } },
	{ "user_add", { "email", "role" }, { NULL, "role." } },
	{ "org_add", { "name", "kind" }, { NULL, "audit.val_kind_" } },
	{ "criteria_map", { "#", "relation" }, { NULL, "review.rel_" } },
	{ "criteria_import", { "criteria", "mapped" }, { NULL } },
	{ "submission_read", { "#", "bank" }, { NULL } },
	{ "review_read", { "#", "bank" }, { NULL } },
	{ "review_criteria_read", { "#", "bank" }, { NULL } },
	{ "questions_read", { "#", "bank" }, { NULL } },
	{ "plans_read", { "#", "bank" }, { NULL } },
	{ "review_open", { "#" }, { NULL } },
	{ "plan_create", { "no" }, { NULL } },
	{ "answers_export", { "file" }, { NULL } },
	{ "decision_export", { "submission", "bank" }, { NULL } },
	{ "password_reset", { "#" }, { NULL } },
	{ "totp_reset", { "#" }, { NULL } },
};

/* A detail's value as text: strings as they are, numbers in decimal,
 * anything else as compact JSON. You own it. */
static char *value_text(const json_t *v)
{
	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (json_is_integer(v))
		return xasprintf("%lld", (long long)json_integer_value(v));
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	char *out = xstrdup(s ? s : "");
	free(s);
	return out;
}

/* The value {i} takes, or NULL when the event lacks it. You own it. */
static char *field(enum lang l, const struct says *s, size_t i, const char *object, const json_t *details)
{
	if (strcmp(s->fields[i], "#") == 0) {
		const char *colon = object ? strchr(object, ':') : NULL;
		return colon && colon[1] ? xstrdup(colon + 1) : NULL;
	}
	const json_t *v = json_object_get(details, s->fields[i]);
	if (!v || json_is_null(v))
		return NULL;
	char *text = value_text(v);
	if (s->prefix[i]) {
		char *key = xasprintf("%s%s", s->prefix[i], text);
		const char *word = page_message(l, key);
		free(key);
		if (word) {
			free(text);
			text = xstrdup(word);
		}
	}
	return text;
}

/* The sentence, or NULL when the action has none or a value is missing. */
static char *sentence(enum lang l, const char *action, const char *object, const json_t *details)
{
	const struct says *s = NULL;
	for (size_t i = 0; i < sizeof sayings / sizeof *sayings; i++)
		if (strcmp(sayings[i].action, action) == 0)
			s = &sayings[i];
	char key[64];
	int n = snprintf(key, sizeof key, "audit.says_%s", action);
	const char *text = s && n > 0 && (size_t)n < sizeof key ? page_message(l, key) : NULL;
	if (!text)
		return NULL;
	char *vals[3] = { NULL };
	size_t nf = 0;
	bool whole = true;
	for (; nf < 3 && s->fields[nf]; nf++)
		whole = (vals[nf] = field(l, s, nf, object, details)) != NULL && whole;
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = text; whole && *p; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '0' + (int)nf && p[2] == '}') {
			strbuf_addstr(&sb, vals[p[1] - '1']);
			p += 2;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	for (size_t i = 0; i < nf; i++)
		free(vals[i]);
	if (!whole) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* The message audit.PREFIXname (spaces in name as "_"), or NULL. */
static const char *word_of(enum lang l, const char *prefix, const char *name)
{
	char key[96];
	int n = snprintf(key, sizeof key, "audit.%s%s", prefix, name);
	if (n < 0 || (size_t)n >= sizeof key)
		return NULL; /* no word has so long a name */
	for (char *p = key; *p; p++)
		if (*p == ' ')
			*p = '_';
	return page_message(l, key);
}

/* A detail's value in words: a value with a word of its own
 * (audit.val_KEY_VALUE: a reason, a result, a field's name), true and
 * false, a list item by item; else as value_text() has it. */
static void add_value(struct strbuf *sb, enum lang l, const char *k, const json_t *v)
{
	if (json_is_array(v)) {
		size_t i;
		const json_t *x;
		json_array_foreach(v, i, x) {
			if (i)
				strbuf_addstr(sb, page_message(l, "audit.list_sep"));
			add_value(sb, l, k, x);
		}
		return;
	}
	char *text = value_text(v);
	char prefix[72];
	int n = snprintf(prefix, sizeof prefix, "val_%s_", k);
	const char *word = json_is_boolean(v) ? word_of(l, "val_", text)
			   : n > 0 && (size_t)n < sizeof prefix && json_is_string(v) ? word_of(l, prefix, text)
			   : NULL;
	strbuf_addstr(sb, word ? word : text);
	free(text);
}

char *audit_words(enum lang l, const char *action, const char *object, const char *details)
{
	json_t *d = details ? json_loads(details, 0, NULL) : NULL;
	char *said = action ? sentence(l, action, object, d) : NULL;
	if (!said) {
		/* No sentence: the details as lines, in their stored order, each
		 * key and value in words where web/i18n has them. */
		struct strbuf sb = STRBUF_INIT;
		const char *k;
		json_t *v;
		json_object_foreach(d, k, v) {
			const char *name = word_of(l, "key_", k);
			strbuf_addf(&sb, "%s%s%s", sb.len ? "\n" : "", name ? name : k, page_message(l, "audit.key_sep"));
			add_value(&sb, l, k, v);
		}
		said = strbuf_detach(&sb);
	}
	json_decref(d);
	return said;
}

const char *audit_words_action(enum lang l, const char *action)
{
	/* The older actions' words are the account page's; newer ones ours. */
	static const char *const prefixes[] = { "account.audit_", "audit.action_" };
	for (size_t i = 0; i < 2; i++) {
		char key[64];
		int n = snprintf(key, sizeof key, "%s%s", prefixes[i], action);
		const char *word = n > 0 && (size_t)n < sizeof key ? page_message(l, key) : NULL;
		if (word)
			return word;
	}
	return action;
}
