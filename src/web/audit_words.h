/*
 * audit_words: an audit event said in words in the page's language, for
 * the /audit page and its CSV download. Layer: web (the words are
 * web/i18n's, web/i18n/LANG-audit.json).
 *
 * An action with a sentence (audit.says_ACTION) says it with the values
 * its details and object hold ("通番3の判定を照会にしました（提出番号1）");
 * one without, or whose details lack a value the sentence needs, gives its
 * details as "key: value" lines — never the raw JSON.
 */
#ifndef SHINSA_WEB_AUDIT_WORDS_H
#define SHINSA_WEB_AUDIT_WORDS_H

#include "web/lang.h"

/* The words of an event of action (its name) on object (KIND:ID) with
 * details (JSON text; NULL or "{}" for none). "" when there is nothing to
 * say. You own it. */
char *audit_words(enum lang l, const char *action, const char *object, const char *details);

/* The object (KIND:ID) in words, "審査（番号1）", "通番5の回答"; the
 * object itself when its kind has no words. You own it. */
char *audit_words_object(enum lang l, const char *object);
/* A user object named by its label (web/person.h): 「ユーザー「山田 花子（審査部）」」;
 * the caller frees it. */
char *audit_words_user(enum lang l, const char *label);

/* The action's own name in words (account.audit_ACTION), else the name. */
const char *audit_words_action(enum lang l, const char *action);

#endif
