/*
 * notify: what the product tells a person about something someone else
 * did — a share, a query, a reply, a decision, a required date, a revoke.
 * Layer: core (no SQL, no HTTP). service/notify.h decides who and stores
 * them; this module names the kinds and words the e-mail.
 *
 * A notification belongs to one user (user_id) and is read or not
 * (read_at). The fields say what it is about; which of them a kind uses:
 *   shared        submission, bank, connector       (to the bank)
 *   revoked       submission, bank, connector       (to the bank)
 *   query         submission, no, bank, connector   (to the connector)
 *   improvement   submission, no, bank, connector   (to the connector)
 *   bank_message  submission, no, bank, connector   (to the connector)
 *   reply         submission, no, bank, connector   (to the bank)
 *   decision      submission, bank, connector, detail: the decision's
 *                 name (meets, conditional, does_not_meet)
 *                                                   (to the connector)
 *   required_date plan, no, bank, connector, detail: the date
 *                                                   (to the connector)
 *   drafted       submission, bank, connector, detail: the decision's
 *                 name                              (to the bank's approvers)
 *   approved      submission, bank, connector       (to the drafter)
 *   rejected      submission, bank, connector       (to the drafter; the
 *                 reason stays in Shinsa)
 * A kind added later is one more name here and one more wording in
 * notify_mail_text().
 */
#ifndef SHINSA_CORE_NOTIFY_H
#define SHINSA_CORE_NOTIFY_H

#include <stddef.h>

enum notify_kind {
	NOTIFY_SHARED = 1,
	NOTIFY_REVOKED,
	NOTIFY_QUERY,
	NOTIFY_IMPROVEMENT,
	NOTIFY_BANK_MESSAGE,
	NOTIFY_REPLY,
	NOTIFY_DECISION,
	NOTIFY_REQUIRED_DATE,
	NOTIFY_DRAFTED,
	NOTIFY_APPROVED,
	NOTIFY_REJECTED,
};

/* "shared", "revoked", ... (NULL for none); and back (0 for none). */
const char *notify_kind_name(enum notify_kind k);
enum notify_kind notify_kind_parse(const char *s);

struct notification {
	long long id;
	long long user_id;
	enum notify_kind kind;
	long long submission_id; /* 0: none */
	int no;                  /* the item; 0: none */
	long long plan_id;       /* 0: none */
	char *bank;
	char *connector;
	char *detail; /* "" unless the kind says */
	char *actor;  /* who did it */
	char *created_at;
	char *read_at; /* NULL: unread */
};

struct notification *notification_new(void);
void notification_free(struct notification *n);
void notification_list_free(struct notification **list, size_t n);

/*
 * The e-mail of n for a person of to (the recipient organisation's name):
 * a Japanese subject, and a body in Japanese then English, as the
 * reminders write theirs. The body says what happened and where, never
 * what was written (a query's text stays in Shinsa: e-mail is not where a
 * connector's weaknesses should travel). Both yours.
 */
void notify_mail_text(const struct notification *n, const char *to, char **subject, char **body);

#endif
