#include "service/people.h"

#include <stdio.h>

#include "core/user.h"
#include "store/store.h"
#include "store/store_user.h"

/* cache[email]: {name, department}, looked up once. NULL on a store failure. */
static json_t *person_of(struct store *st, json_t *cache, const char *email, struct err *e)
{
	json_t *p = json_object_get(cache, email);
	if (p)
		return p;
	struct user *u = NULL;
	int got = store_user_get_by_email(st, email, &u, e);
	if (got < 0)
		return NULL;
	p = json_pack("{s:s, s:s}", "name", got == STORE_OK ? u->name : "", "department",
		      got == STORE_OK ? u->department : "");
	user_free(u);
	json_object_set_new(cache, email, p);
	return p;
}

int people_name(struct store *st, json_t *cache, json_t *obj, const char *key, struct err *e)
{
	const char *email = json_string_value(json_object_get(obj, key));
	if (!email)
		return 0;
	json_t *p = person_of(st, cache, email, e);
	if (!p)
		return -1;
	char name[128], dept[128];
	int n1 = snprintf(name, sizeof name, "%s_name", key), n2 = snprintf(dept, sizeof dept, "%s_department", key);
	if (n1 < 0 || (size_t)n1 >= sizeof name || n2 < 0 || (size_t)n2 >= sizeof dept) {
		err_set(e, "people: key %s is too long", key);
		return -1;
	}
	json_object_set(obj, name, json_object_get(p, "name"));
	json_object_set(obj, dept, json_object_get(p, "department"));
	return 0;
}

int people_name_all(struct store *st, json_t *cache, json_t *arr, const char *key, struct err *e)
{
	size_t i;
	json_t *obj;
	json_array_foreach(arr, i, obj) {
		if (people_name(st, cache, obj, key, e) < 0)
			return -1;
	}
	return 0;
}
