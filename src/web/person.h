#ifndef SHINSA_WEB_PERSON_H
#define SHINSA_WEB_PERSON_H
/*
 * A person as the pages name them: 氏名（部署） where the user has given a
 * name, the e-mail address where not (so no one is ever shown blank).
 * The one helper every page uses for it, so a name reads the same way
 * wherever a person is named.
 *
 * Ownership: person_label returns a string the caller frees; person_book
 * returns a new reference the caller json_decref()s.
 */
#include <jansson.h>

struct http_request;
struct http_response;

/* "山田 花子（審査部）", "山田 花子" without a department, email without a
 * name (name or department NULL reads as ""). Full-width brackets on
 * either page: the names are Japanese as their owners wrote them. */
char *person_label(const char *name, const char *department, const char *email);

/* The organisation's users as the API gives this person (GET
 * /api/v1/users): an object from e-mail to {name, department}, and from
 * "user:ID" (an audit event's object) to {email, name, department}; empty
 * when the API refuses (a role without the users list), so every name
 * falls back to its e-mail. */
json_t *person_book(struct http_request *req, struct http_response *resp);

/* The label (person_label) of the user an audit object such as "user:8"
 * names, from book; NULL when book does not know it (another
 * organisation's user, or no users list). The caller frees it. */
char *person_label_of_object(json_t *book, const char *object);

/* Sets obj["who"] to {label, email, named} for the person whose e-mail is
 * obj[key_email], looked up in book (named: the label is a name, not the
 * e-mail, so the e-mail goes on a second line): what the partial
 * web/templates/person.html renders. Leaves obj alone when obj has no
 * string at key_email. */
void person_set(json_t *obj, const char *key_email, json_t *book);

/* The same from obj itself: the e-mail at key_email, the name and
 * department at key_email + "_name" and "_department" (as the review's
 * messages carry their author's). */
void person_set_own(json_t *obj, const char *key_email);

/* For an object naming several people (a decision: drafted_by,
 * approved_by, ...), each from its own KEY_name and KEY_department as
 * person_set_own reads them: obj[KEY + "_who"] = [{who}], a one-element
 * list so a template renders it with {{#each KEY_who}}{{> person}}{{/each}}
 * (the templates have no #with), and obj[KEY + "_label"], the label alone
 * for a sentence ({{t ... KEY_label}}). Leaves obj alone when obj has no
 * string at key_email. */
void person_set_named(json_t *obj, const char *key_email);

#endif
