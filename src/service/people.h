#ifndef SHINSA_SERVICE_PEOPLE_H
#define SHINSA_SERVICE_PEOPLE_H
/*
 * Names beside e-mails in the JSON views: the API names a person by the
 * e-mail the signed records hold, and adds KEY_name and KEY_department
 * (氏名 and 部署 as the user gave them now; "" for none, for a cli: actor
 * or for a user since removed) so the pages can say 山田 花子（審査部）.
 * The signed documents themselves are never touched.
 *
 * Ownership: a people cache is a json_t the caller makes with json_object()
 * and json_decref()s; it keeps each e-mail's look-up so a view asks the
 * store once per person, not once per row.
 */
#include <jansson.h>

#include "lib/err.h"

struct store;

/* Sets obj[key + "_name"] and obj[key + "_department"] for the user whose
 * e-mail is obj[key], through cache (see above). obj without a string at
 * key is left alone. 0, or -1 with e set (a store failure). */
int people_name(struct store *st, json_t *cache, json_t *obj, const char *key, struct err *e);

/* The same for every element of arr (an array of objects). */
int people_name_all(struct store *st, json_t *cache, json_t *arr, const char *key, struct err *e);

#endif
