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
	{ "attachment_add", { "name" }, { NULL } },
	{ "attachment_set", { "#" }, { NULL } },
	{ "attachment_remove", { "name" }, { NULL } },
	{ "attachment_read", { "#", "bank", "name" }, { NULL } },
	{ "package_read", { "#", "bank" }, { NULL } },
	{ "review_file_add", { "#", "name" }, { NULL } },
	{ "review_file_read", { "#", "bank" }, { NULL } },
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

/* Where a key's coded values have their words already: the review page's
 * for a decision, a verdict, a relation, an answer's status. */
static const struct {
	const char *key, *prefix;
} value_words[] = {
	{ "decision", "review.d_" },
	{ "verdict", "review.v_" },
	{ "relation", "review.rel_" },
	{ "status", "review.st_" },
};

/* The words of value text of key k: audit.val_K_TEXT, else the review
 * page's (value_words), else NULL. */
static const char *coded_word(enum lang l, const char *k, const char *text)
{
	char prefix[72];
	int n = snprintf(prefix, sizeof prefix, "val_%s_", k);
	const char *word = n > 0 && (size_t)n < sizeof prefix ? word_of(l, prefix, text) : NULL;
	for (size_t i = 0; !word && i < sizeof value_words / sizeof *value_words; i++) {
		if (strcmp(value_words[i].key, k) != 0)
			continue;
		char key[96];
		n = snprintf(key, sizeof key, "%s%s", value_words[i].prefix, text);
		word = n > 0 && (size_t)n < sizeof key ? page_message(l, key) : NULL;
	}
	return word;
}

/* A message with {1} and {2} filled. */
static void add_filled(struct strbuf *sb, const char *text, const char *one, const char *two)
{
	for (const char *p = text; *p; p++) {
		if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}') {
			strbuf_addstr(sb, p[1] == '1' ? one : two);
			p += 2;
		} else {
			strbuf_addch(sb, *p);
		}
	}
}

static void add_value(struct strbuf *sb, enum lang l, const char *k, const json_t *v);

/* An object inside the details: {"no": N, "fields": [...]} (an item's
 * changed fields) as "通番4の対応状況・現状を変更"; any other as its keys
 * and values in words, in brackets — never JSON. */
static void add_object(struct strbuf *sb, enum lang l, const json_t *v)
{
	const json_t *no = json_object_get(v, "no"), *fields = json_object_get(v, "fields");
	if (json_is_integer(no) && json_is_array(fields) && json_object_size(v) == 2) {
		char *n = xasprintf("%lld", (long long)json_integer_value(no));
		struct strbuf fs = STRBUF_INIT;
		size_t i;
		const json_t *x;
		json_array_foreach(fields, i, x) {
			if (i)
				strbuf_addstr(&fs, page_message(l, "audit.field_sep"));
			add_value(&fs, l, "fields", json_is_object(x) ? json_object_get(x, "field") : x);
		}
		add_filled(sb, page_message(l, "audit.val_item_changed"), n, fs.buf ? fs.buf : "");
		strbuf_release(&fs);
		free(n);
		return;
	}
	strbuf_addstr(sb, page_message(l, "audit.open_bracket"));
	const char *k;
	json_t *x;
	size_t i = 0;
	json_object_foreach((json_t *)v, k, x) {
		const char *name = word_of(l, "key_", k);
		strbuf_addf(sb, "%s%s%s", i++ ? page_message(l, "audit.list_sep") : "", name ? name : k,
			    page_message(l, "audit.key_sep"));
		add_value(sb, l, k, x);
	}
	strbuf_addstr(sb, page_message(l, "audit.close_bracket"));
}

/* A detail's value in words: a value with a word of its own
 * (audit.val_KEY_VALUE: a reason, a result, a field's name; a decision's
 * or a verdict's as the review page says it), true and false, a list item
 * by item, an object in words; else as value_text() has it. */
static void add_value(struct strbuf *sb, enum lang l, const char *k, const json_t *v)
{
	if (!v || json_is_null(v)) {
		strbuf_addstr(sb, page_message(l, "audit.val_none"));
		return;
	}
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
	if (json_is_object(v)) {
		add_object(sb, l, v);
		return;
	}
	char *text = value_text(v);
	const char *word = json_is_boolean(v)		       ? word_of(l, "val_", text)
			   : json_is_string(v) && strcmp(k, "action") == 0 ? audit_words_action(l, text)
			   : json_is_string(v)			       ? coded_word(l, k, text)
								       : NULL;
	/* A plan closed by its answer: the system's reason "answer now STATUS". */
	static const char answer_now[] = "answer now ";
	if (!word && strcmp(k, "reason") == 0 && strncmp(text, answer_now, strlen(answer_now)) == 0) {
		const char *st = coded_word(l, "status", text + strlen(answer_now));
		if (st) {
			add_filled(sb, page_message(l, "audit.val_reason_answer_now"), st, "");
			free(text);
			return;
		}
	}
	strbuf_addstr(sb, word ? word : text);
	free(text);
}

/* Objects' kinds said in words (audit.obj_KIND, {1} the id). */
char *audit_words_object(enum lang l, const char *object)
{
	const char *colon = object ? strchr(object, ':') : NULL;
	if (!colon || colon == object || !colon[1])
		return xstrdup(object ? object : "");
	char key[64];
	int n = snprintf(key, sizeof key, "audit.obj_%.*s", (int)(colon - object), object);
	const char *text = n > 0 && (size_t)n < sizeof key ? page_message(l, key) : NULL;
	if (!text)
		return xstrdup(object);
	/* An answer set is named by its checklist: its words, not its id. */
	const char *id = colon + 1, *catalog = strcmp(key, "audit.obj_answer_set") == 0 ? coded_word(l, "catalog", id) : NULL;
	struct strbuf sb = STRBUF_INIT;
	add_filled(&sb, text, catalog ? catalog : id, "");
	return strbuf_detach(&sb);
}

char *audit_words_user(enum lang l, const char *label)
{
	const char *text = page_message(l, "audit.obj_user_named");
	struct strbuf sb = STRBUF_INIT;
	add_filled(&sb, text ? text : "{1}", label, "");
	return strbuf_detach(&sb);
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
