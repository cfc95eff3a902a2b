#include "web/person.h"

#include <stdlib.h>
#include <string.h>

#include "lib/strbuf.h"
#include "web/page.h"

char *person_label(const char *name, const char *department, const char *email)
{
	struct strbuf sb = STRBUF_INIT;
	if (name && *name) {
		strbuf_addstr(&sb, name);
		if (department && *department)
			strbuf_addf(&sb, "（%s）", department);
	} else {
		strbuf_addstr(&sb, email ? email : "");
	}
	return strbuf_detach(&sb);
}

json_t *person_book(struct http_request *req, struct http_response *resp)
{
	json_t *book = json_object(), *users = NULL;
	/* false: a refusal is no answer of this page, only no names. */
	if (page_fetch(req, resp, "/api/v1/users", false, &users) != 200)
		return book;
	size_t i;
	json_t *u;
	json_array_foreach(users, i, u) {
		const char *email = json_string_value(json_object_get(u, "email"));
		if (!email)
			continue;
		json_t *name = json_object_get(u, "name"), *department = json_object_get(u, "department");
		json_object_set_new(book, email, json_pack("{s:O, s:O}", "name", name, "department", department));
		json_t *id = json_object_get(u, "id");
		char key[32];
		int n = json_is_integer(id) ? snprintf(key, sizeof key, "user:%lld", (long long)json_integer_value(id)) : -1;
		if (n > 0 && (size_t)n < sizeof key)
			json_object_set_new(book, key,
					    json_pack("{s:s, s:O, s:O}", "email", email, "name", name, "department", department));
	}
	json_decref(users);
	return book;
}

char *person_label_of_object(json_t *book, const char *object)
{
	const json_t *p = object ? json_object_get(book, object) : NULL;
	const char *email = json_string_value(json_object_get(p, "email"));
	if (!email)
		return NULL;
	return person_label(json_string_value(json_object_get(p, "name")),
			    json_string_value(json_object_get(p, "department")), email);
}

static void set_who(json_t *obj, const char *email, const char *name, const char *department)
{
	char *label = person_label(name, department, email);
	json_object_set_new(obj, "who",
			    json_pack("{s:s, s:s, s:b}", "label", label, "email", email, "named", strcmp(label, email) != 0));
	free(label);
}

void person_set(json_t *obj, const char *key_email, json_t *book)
{
	const char *email = json_string_value(json_object_get(obj, key_email));
	if (!email)
		return;
	json_t *p = json_object_get(book, email);
	set_who(obj, email, json_string_value(json_object_get(p, "name")),
		json_string_value(json_object_get(p, "department")));
}

void person_set_own(json_t *obj, const char *key_email)
{
	const char *email = json_string_value(json_object_get(obj, key_email));
	if (!email)
		return;
	struct strbuf name = STRBUF_INIT, dept = STRBUF_INIT;
	strbuf_addf(&name, "%s_name", key_email);
	strbuf_addf(&dept, "%s_department", key_email);
	set_who(obj, email, json_string_value(json_object_get(obj, name.buf)),
		json_string_value(json_object_get(obj, dept.buf)));
	strbuf_release(&name);
	strbuf_release(&dept);
}

/* sb = key + suffix, anew. */
static const char *key_of(struct strbuf *sb, const char *key, const char *suffix)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "%s%s", key, suffix);
	return sb->buf;
}

void person_set_named(json_t *obj, const char *key_email)
{
	if (!json_is_string(json_object_get(obj, key_email)))
		return;
	static const char *const own[] = { "", "_name", "_department" };
	struct strbuf key = STRBUF_INIT;
	json_t *one = json_object();
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
		const char *k = key_of(&key, key_email, own[i]);
		json_object_set(one, k, json_object_get(obj, k));
	}
	person_set_own(one, key_email);
	json_t *who = json_object_get(one, "who");
	json_object_set(obj, key_of(&key, key_email, "_label"), json_object_get(who, "label"));
	json_object_set_new(obj, key_of(&key, key_email, "_who"), json_pack("[{s:O}]", "who", who));
	json_decref(one);
	strbuf_release(&key);
}
