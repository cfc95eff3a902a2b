#include "store/store_user.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "lib/xalloc.h"
#include "store/store.h"
#include "store/store_sql.h"

#define USER_COLUMNS                                                                                  \
	"id, org_id, email, role, password_hash, must_change_password, totp_sealed, totp_enabled, " \
	"totp_last_step, created_at, disabled, name, department"

static void user_decode(struct sql_stmt *q, void *slot)
{
	struct user *u = user_new();
	u->id = sql_int(q, 0);
	u->org_id = sql_int(q, 1);
	u->email = xstrdup(sql_text(q, 2));
	u->role = user_role_parse(sql_text(q, 3));
	u->password_hash = xstrdup(sql_text(q, 4));
	u->must_change_password = sql_int(q, 5) != 0;
	u->totp_sealed = xstrdup(sql_text(q, 6)); /* NULL stays NULL */
	u->totp_enabled = sql_int(q, 7) != 0;
	u->totp_last_step = sql_int(q, 8);
	u->created_at = xstrdup(sql_text(q, 9));
	u->disabled = sql_int(q, 10) != 0;
	u->name = xstrdup(sql_text(q, 11));
	u->department = xstrdup(sql_text(q, 12));
	*(struct user **)slot = u;
}

static void user_drop(void *slot)
{
	user_free(*(struct user **)slot);
}

int store_user_add(struct store *st, struct user *u, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	free(u->created_at);
	u->created_at = xstrdup(stamp);
	/* One statement, so that of two adds of one email at once the second
	 * is told so in words, on any backend and in or out of a transaction. */
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"INSERT INTO user_account (org_id, email, role, password_hash, must_change_password, totp_sealed,"
		" totp_enabled, totp_last_step, created_at, disabled, name, department)"
		" VALUES (?, ?, ?, ?, ?, NULL, 0, 0, ?, 0, ?, ?)"
		" ON CONFLICT (email) DO NOTHING RETURNING id", e);
	sql_bind_int(q, 1, u->org_id);
	sql_bind_text(q, 2, u->email);
	sql_bind_text(q, 3, user_role_name(u->role));
	sql_bind_text(q, 4, u->password_hash);
	sql_bind_int(q, 5, u->must_change_password);
	sql_bind_text(q, 6, u->created_at);
	sql_bind_text(q, 7, u->name ? u->name : "");
	sql_bind_text(q, 8, u->department ? u->department : "");
	int rc = sql_write_one(q, &u->id, e);
	if (rc == STORE_NOT_FOUND)
		err_set(e, "a user with email %s already exists", u->email);
	return rc == STORE_OK ? 0 : -1;
}

int store_user_get_by_email(struct store *st, const char *email, struct user **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " USER_COLUMNS " FROM user_account WHERE email = ?", e);
	sql_bind_text(q, 1, email);
	return sql_get_one(q, sizeof *out, user_decode, out, e);
}

int store_user_get(struct store *st, long long id, struct user **out, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "SELECT " USER_COLUMNS " FROM user_account WHERE id = ?", e);
	sql_bind_int(q, 1, id);
	return sql_get_one(q, sizeof *out, user_decode, out, e);
}

int store_user_list(struct store *st, long long org_id, struct user ***out, size_t *n, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT " USER_COLUMNS " FROM user_account WHERE org_id = ? ORDER BY email", e);
	sql_bind_int(q, 1, org_id);
	return sql_collect(q, sizeof **out, user_decode, user_drop, out, n, e);
}

int store_user_set_password(struct store *st, long long id, const char *hash, bool must_change, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE user_account SET password_hash = ?, must_change_password = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, hash);
	sql_bind_int(q, 2, must_change);
	sql_bind_int(q, 3, id);
	return sql_run(q, e);
}

int store_user_set_totp(struct store *st, long long id, const char *sealed, bool enabled, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE user_account SET totp_sealed = ?, totp_enabled = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, sealed);
	sql_bind_int(q, 2, enabled);
	sql_bind_int(q, 3, id);
	return sql_run(q, e);
}

int store_user_take_totp_step(struct store *st, long long id, long long step, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE user_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ? RETURNING id", e);
	sql_bind_int(q, 1, step);
	sql_bind_int(q, 2, id);
	sql_bind_int(q, 3, step);
	return sql_write_one(q, NULL, e);
}

int store_user_set_role(struct store *st, long long id, enum user_role role, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE user_account SET role = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, user_role_name(role));
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}

int store_user_set_disabled(struct store *st, long long id, bool disabled, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE user_account SET disabled = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, disabled);
	sql_bind_int(q, 2, id);
	return sql_run(q, e);
}

int store_user_set_profile(struct store *st, long long id, const char *name, const char *department, struct err *e)
{
	struct sql_stmt *q = sql_prepare(store_sql(st), "UPDATE user_account SET name = ?, department = ? WHERE id = ?", e);
	if (!q)
		return -1;
	sql_bind_text(q, 1, name);
	sql_bind_text(q, 2, department);
	sql_bind_int(q, 3, id);
	return sql_run(q, e);
}

int store_recovery_replace(struct store *st, long long user_id, const char (*hashes)[HASH_HEX_LEN + 1], size_t n,
			   struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	struct sql_stmt *q = sql_prepare(store_sql(st), "DELETE FROM recovery_code WHERE user_id = ?", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, user_id);
	if (sql_run(q, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		q = sql_prepare(store_sql(st),
				"INSERT INTO recovery_code (user_id, code_hash, created_at, used_at) VALUES (?, ?, ?, NULL)",
				e);
		if (!q)
			return -1;
		sql_bind_int(q, 1, user_id);
		sql_bind_text(q, 2, hashes[i]);
		sql_bind_text(q, 3, stamp);
		if (sql_run(q, e) < 0)
			return -1;
	}
	return 0;
}

int store_recovery_use(struct store *st, long long user_id, const char *hash, struct err *e)
{
	char stamp[CLOCK_TEXT_SIZE];
	if (clock_stamp(stamp, e) < 0)
		return -1;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL"
		" RETURNING user_id", e);
	sql_bind_text(q, 1, stamp);
	sql_bind_int(q, 2, user_id);
	sql_bind_text(q, 3, hash);
	return sql_write_one(q, NULL, e);
}

int store_recovery_left(struct store *st, long long user_id, size_t *n, struct err *e)
{
	*n = 0;
	struct sql_stmt *q = sql_prepare(store_sql(st),
		"SELECT count(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL", e);
	if (!q)
		return -1;
	sql_bind_int(q, 1, user_id);
	int rc = sql_step(q, e);
	if (rc == 1)
		*n = (size_t)sql_int(q, 0);
	sql_finalize(q);
	return rc == 1 ? 0 : -1;
}
