/*
 * attachments: evidence files a connector attaches to the items of its
 * checklist (issue 18). Layer: service. For the command line and the
 * server; later parts seal the current ones into a submission
 * (attachments_current()), serve the bytes by SHA-256 under consent and
 * store received files once by hash (attachments_store_blob()).
 *
 * Rules:
 *   - only a connector has attachments (a bank has no master answers):
 *     OUTCOME_REFUSED "NAME is a bank: files are attached to a connector's
 *     answers"; the server's routes are ROUTE_CONNECTOR with ACTION_READ
 *     (list, download) and ACTION_ANSWERS_EDIT (add, set, remove): the
 *     roles admin and editor write, viewer reads (router_authorize);
 *   - the content decides the kind (formats/sniff.h), and the name's
 *     extension must agree; refusals are coded (OUTCOME_INVALID);
 *   - a file is at most ATTACHMENTS_FILE_MAX bytes: OUTCOME_TOO_LARGE
 *     (413) "file \"NAME\" is 20.5 MiB: at most 20 MiB may be attached",
 *     code attachment_too_large {name, MiB, max MiB};
 *   - an organisation's current attachments take at most its quota
 *     (ATTACHMENTS_QUOTA_DEFAULT unless set, `org set --attachment-quota`),
 *     each distinct file once: OUTCOME_CONFLICT (409: the file is fine,
 *     the organisation's space is not) "file \"NAME\" (1.0 MiB) does not
 *     fit: ORG has 0.5 MiB of its 1 MiB for files left", code
 *     attachment_quota {name, MiB, left MiB, quota MiB};
 *   - items: at least one, each an item of the checklist answered by the
 *     connector or by both (共通); codes attachment_no_items,
 *     attachment_item_unknown {no}, attachment_item_bank {no};
 *   - title at most ATTACHMENTS_TITLE_MAX characters (too_long);
 *     valid_until a day as jpinput_date() reads it (its codes);
 *   - the bytes are stored once by SHA-256 and never changed or deleted
 *     (a submission may name them); removal marks the attachment only.
 *
 * Audit events (the connector's trail, in the transaction of the change):
 *   attachment_add     attachment:ID  {name, sha256, size, type, items}
 *   attachment_set     attachment:ID  {title, items, valid_until} (after)
 *   attachment_remove  attachment:ID  {name, sha256}
 *   org_setting        org:ID         {attachment_quota} (null: default)
 *
 * Not found (another organisation's, removed, none): OUTCOME_NOT_FOUND
 * "no attachment N", the same either way.
 */
#ifndef SHINSA_SERVICE_ATTACHMENTS_H
#define SHINSA_SERVICE_ATTACHMENTS_H

#include <jansson.h>
#include <stddef.h>

#include "core/org.h"
#include "formats/sniff.h"
#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"
#include "store/store_attachment.h"

/* The largest file, in bytes: the one figure the server's upload route
 * (its body limit) and this service read. */
#define ATTACHMENTS_FILE_MAX (20LL * 1024 * 1024)
/* An organisation's room for files unless it has its own quota. */
#define ATTACHMENTS_QUOTA_DEFAULT (1024LL * 1024 * 1024)
#define ATTACHMENTS_TITLE_MAX 200

/* A file to attach; all borrowed. valid_until as typed (NULL or "":
 * none). */
struct attachment_new {
	const char *name;
	const char *title;
	const char *valid_until;
	const int *items;
	size_t n_items;
	const void *data;
	size_t len;
};

/* What attachments_set() changes: NULL (items: n_items 0 and items NULL)
 * keeps the field; valid_until "" or "none" clears it. */
struct attachment_change {
	const char *title;
	const char *valid_until;
	const int *items;
	size_t n_items;
};

/* Attaches in->data to the connector org's items: blob stored (or kept),
 * attachment and items written and audited, in one transaction. *out (may
 * be NULL) gets the attachment, yours (attachment_clear()). */
enum outcome attachments_add(struct store *st, const char *actor, const struct org *org,
			     const struct attachment_new *in, struct attachment *out, struct err *e);

/* org's current attachments, by name then sha256 (then id), each with its
 * items ascending, size, type (sniff token), valid_until, who and when;
 * removed ones are not listed. *out is yours (attachments_free()), NULL
 * when none. This is the list later parts seal into a submission:
 * {sha256, name, title, type, size, valid_until, items[]}. */
enum outcome attachments_current(struct store *st, const struct org *org, struct attachment **out, size_t *n,
				 struct err *e);

/* org's current attachment id into *out (yours, attachment_clear()). */
enum outcome attachments_get(struct store *st, const struct org *org, long long id, struct attachment *out,
			     struct err *e);

/* Changes title, items and valid_until of org's attachment id; audited
 * when something changed. *out (may be NULL) gets it after. */
enum outcome attachments_set(struct store *st, const char *actor, const struct org *org, long long id,
			     const struct attachment_change *c, struct attachment *out, struct err *e);

/* Removes org's attachment id (removed_at; the file is kept). */
enum outcome attachments_remove(struct store *st, const char *actor, const struct org *org, long long id,
				struct err *e);

/* The bytes of sha256 for org, which must have a current attachment with
 * that hash: *data yours (free()), *kind its sniffed kind.
 * OUTCOME_NOT_FOUND "no file SHA256" otherwise. */
enum outcome attachments_bytes(struct store *st, const struct org *org, const char *sha256, void **data, size_t *len,
			       enum sniff_kind *kind, struct err *e);

/* The refusal of a file named name of len bytes, over
 * ATTACHMENTS_FILE_MAX (OUTCOME_TOO_LARGE): the one wording, for the
 * service and for the server, which refuses such a body before it is read
 * (ROUTE_FILE_UPLOAD). */
void attachments_too_large(const char *name, long long len, struct err *e);

/* Inside the caller's transaction: whether a file of len bytes with
 * sha256, named name, fits org's quota beside its current files (one it
 * already holds takes no more room): OUTCOME_OK, or the refusal above
 * (OUTCOME_CONFLICT, attachment_quota). For a thread's file too. */
enum outcome attachments_fits(struct store *st, const struct org *org, const char *name, const char *sha256,
			      long long len, struct err *e);

/* Stores data[0..len) of kind once by its SHA-256 (hex into sha256), for
 * a caller inside its own transaction (a received package, a thread's
 * file): no attachment row, no audit. 0 or -1. */
int attachments_store_blob(struct store *st, const void *data, size_t len, enum sniff_kind kind,
			   char sha256[65], struct err *e);

/* Reads a size: bytes ("1048576"), or a number with KiB, MiB, GiB (also
 * KB/MB/GB as their binary kin, case aside; "500MiB", "2 GiB"). -1 with
 * e (code not_a_size) otherwise. */
int attachments_parse_size(const char *text, long long *bytes, struct err *e);

/* Sets org's quota (bytes; -1 back to the default), audited as
 * org_setting. */
enum outcome attachments_set_quota(struct store *st, const char *actor, const struct org *org, long long quota,
				   struct err *e);
/* org's quota (its own or the default) and what its files take now. */
enum outcome attachments_usage(struct store *st, const struct org *org, long long *quota, long long *used,
			       struct err *e);

/* {id, name, title, sha256, type, size, valid_until, items, created_by,
 * created_at}. */
json_t *attachments_item_json(const struct attachment *a);
/* [attachments_item_json()...]. */
json_t *attachments_json(const struct attachment *list, size_t n);

#endif
