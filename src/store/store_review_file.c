#include "store/store_review_file.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

int store_review_upload_add(struct store *st, long long submission_id, long long org_id, const char *sha256,
			    const char *name, const char *by, const char *at, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO review_upload (submission_id, org_id, sha256, name, created_by, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?)", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, org_id);
	sql_bind_text(q, 3, sha256);
	sql_bind_text(q, 4, name);
	sql_bind_text(q, 5, by);
	sql_bind_text(q, 6, at);
	return sql_run(q, e);
}

/* The first column of q's one row as a string into *out: STORE_OK,
 * STORE_NOT_FOUND or -1. */
static int one_text(struct sql_stmt *q, char **out, struct err *e)
{
	*out = NULL;
	int rc = sql_step(q, e);
	if (rc == 1)
		*out = xstrdup(sql_text(q, 0));
	sql_finalize(q);
	return rc < 0 ? -1 : rc == 1 ? STORE_OK : STORE_NOT_FOUND;
}

int store_review_upload_name(struct store *st, long long submission_id, long long org_id, const char *sha256,
			     char **name, struct err *e)
{
	*name = NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT name FROM review_upload WHERE submission_id = ? AND org_id = ? AND sha256 = ?"
		" ORDER BY id DESC LIMIT 1", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, org_id);
	sql_bind_text(q, 3, sha256);
	return one_text(q, name, e);
}

int store_review_message_files(struct store *st, long long review_id, const char *const *sha256s,
			       const char *const *names, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		/* The message was added just before, in this transaction: the
		 * review's newest. */
		struct sql_stmt *q = sql_prepare(store_sql(st),
			"INSERT INTO review_message_file (message_id, seq, sha256, name)"
			" SELECT max(id), ?, ?, ? FROM review_message WHERE review_id = ?", e);
		if (!q)
			return -1;
		sql_bind_int(q, 1, (long long)i);
		sql_bind_text(q, 2, sha256s[i]);
		sql_bind_text(q, 3, names[i]);
		sql_bind_int(q, 4, review_id);
		if (sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

/* Sets the ids of r's messages: each item's thread holds them oldest
 * first, as the review's messages are read (by id). */
static int load_ids(struct store *st, struct review *r, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT id, item_key FROM review_message WHERE review_id = ? ORDER BY id", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, r->id);
	size_t *seen = xcalloc(r->n_items ? r->n_items : 1, sizeof *seen);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		for (size_t i = 0; i < r->n_items; i++) {
			struct review_item *it = &r->items[i];
			if (strcmp(it->item_key, sql_text(q, 1)) != 0 || seen[i] >= it->n_messages)
				continue;
			it->messages[seen[i]++].id = sql_int(q, 0);
			break;
		}
	}
	free(seen);
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

/* The message of r whose id is id, or NULL. */
static struct review_message *message_of(struct review *r, long long id)
{
	for (size_t i = 0; i < r->n_items; i++)
		for (size_t j = 0; j < r->items[i].n_messages; j++)
			if (r->items[i].messages[j].id == id)
				return &r->items[i].messages[j];
	return NULL;
}

int store_review_files_load(struct store *st, struct review *r, struct err *e)
{
	if (load_ids(st, r, e) < 0)
		return -1;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT f.message_id, f.sha256, f.name, b.type, b.size FROM review_message_file f"
		" JOIN review_message m ON m.id = f.message_id JOIN attachment_blob b ON b.sha256 = f.sha256"
		" WHERE m.review_id = ? ORDER BY f.message_id, f.seq", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, r->id);
	int rc;
	while ((rc = sql_step(q, e)) == 1) {
		struct review_message *m = message_of(r, sql_int(q, 0));
		if (m) /* always: the foreign key holds */
			review_message_add_file(m, sql_text(q, 1), sql_text(q, 2), sql_text(q, 3), sql_int(q, 4));
	}
	sql_finalize(q);
	return rc < 0 ? -1 : 0;
}

int store_review_file_find(struct store *st, long long submission_id, long long bank_id, long long org_id,
			   const char *sha256, char **name, struct err *e)
{
	*name = NULL;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT f.name FROM review_message_file f JOIN review_message m ON m.id = f.message_id"
		" JOIN review r ON r.id = m.review_id"
		" WHERE r.submission_id = ? AND (? = 0 OR r.bank_id = ?) AND f.sha256 = ?"
		" UNION ALL SELECT name FROM (SELECT name FROM review_upload"
		"  WHERE submission_id = ? AND org_id = ? AND sha256 = ? ORDER BY id DESC)"
		" LIMIT 1", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, submission_id);
	sql_bind_int(q, 2, bank_id);
	sql_bind_int(q, 3, bank_id);
	sql_bind_text(q, 4, sha256);
	sql_bind_int(q, 5, submission_id);
	sql_bind_int(q, 6, org_id);
	sql_bind_text(q, 7, sha256);
	return one_text(q, name, e);
}
