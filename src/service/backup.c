#include "service/backup.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/clock.h"
#include "lib/fsutil.h"
#include "lib/keys.h"
#include "lib/xalloc.h"
#include "service/audit_log.h"
#include "store/store_audit.h"
#include "store/store_backup.h"
#include "store/store_org.h"

/* The three files of a backup in dir; free with paths_free(). */
struct paths {
	char *db, *secret, *manifest;
};

static struct paths paths_of(const char *dir)
{
	return (struct paths){
		xasprintf("%s/%s", dir, BACKUP_DATABASE_FILE),
		xasprintf("%s/%s", dir, BACKUP_SECRET_FILE),
		xasprintf("%s/%s", dir, BACKUP_MANIFEST_FILE),
	};
}

static void paths_free(struct paths *p)
{
	free(p->db);
	free(p->secret);
	free(p->manifest);
}

static bool exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0 || errno != ENOENT;
}

/* Makes dir for a new backup, or accepts an existing one without one;
 * *made says whether it was made here. */
static int prepare_dir(const char *dir, const struct paths *p, bool *made, struct err *e)
{
	*made = false;
	struct stat sb;
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode)) {
			err_set(e, "backup directory %s is not a directory", dir);
			return -1;
		}
		if (exists(p->db) || exists(p->secret) || exists(p->manifest)) {
			err_set(e, "backup directory %s already holds a backup: choose a new one", dir);
			return -1;
		}
		return 0;
	}
	if (mkdir(dir, 0700) < 0) {
		err_set(e, "cannot create backup directory %s: %s", dir, strerror(errno));
		return -1;
	}
	*made = true;
	return 0;
}

/* The copy's last audit event (none: 0 events and the genesis hash). Its
 * chain is checked at restore, where a broken one is refused; here the
 * backup is taken whatever the trail says, for a backup is most wanted
 * when something went wrong. */
static int copy_audit_end(const char *copy, struct backup_manifest *m, struct err *e)
{
	struct store *st = NULL;
	struct audit_event **evs = NULL;
	size_t n = 0;
	if (store_open(copy, STORE_EXISTING, &st, e) < 0 || store_audit_list(st, 0, NULL, 0, 1, &evs, &n, e) < 0) {
		store_close(st);
		return -1;
	}
	m->audit_events = n ? evs[0]->seq : 0;
	memcpy(m->audit_last_hash, n ? evs[0]->hash : audit_genesis_hash, HASH_HEX_LEN + 1);
	for (size_t i = 0; i < n; i++)
		audit_event_free(evs[i]);
	free(evs);
	store_close(st);
	return 0;
}

static int write_manifest(const struct backup_manifest *m, const char *path, struct err *e)
{
	struct strbuf text = STRBUF_INIT;
	backup_manifest_write(m, &text);
	int rc = fs_write_file(path, text.buf, text.len, e);
	strbuf_release(&text);
	return rc < 0 ? -1 : fs_sync(path, e);
}

static int log_backup(struct store *st, const char *dir, const char *actor, const struct backup_manifest *m,
		      struct err *e)
{
	json_t *details = json_pack("{s:s, s:s, s:I, s:s}", "dir", dir, "database_sha256", m->database_sha256,
				    "audit_events", (json_int_t)m->audit_events, "audit_last_hash", m->audit_last_hash);
	if (!details) {
		err_set(e, "backup directory %s: its name is not UTF-8", dir);
		return -1;
	}
	int rc = audit_log(st, actor, 0, AUDIT_BACKUP, details, e, "%s", "");
	json_decref(details);
	return rc;
}

int backup_make(struct store *st, const char *dir, const char *secret_path, const char *actor,
		struct backup_manifest *out, struct err *e)
{
	struct paths p = paths_of(dir);
	struct backup_manifest m = { .schema = store_schema_latest() };
	unsigned char secret[KEYS_SECRET_BYTES];
	bool made = false;
	int rc = -1;
	if (keys_secret_load(secret_path, secret, e) < 0 || prepare_dir(dir, &p, &made, e) < 0)
		goto done;
	/* On failure each file is removed only if this run made it: a backup
	 * racing into the same directory keeps its own (the copy and the
	 * secret refuse an existing file; the manifest follows the secret). */
	bool have_db = false, have_secret = false;
	if (clock_stamp(m.taken_at, e) < 0 || store_copy_into(st, p.db, e) < 0)
		goto undo;
	have_db = true;
	if (copy_audit_end(p.db, &m, e) < 0 || hash_sha256_file(p.db, m.database_sha256, e) < 0 ||
	    keys_secret_write(p.secret, secret, e) < 0)
		goto undo;
	have_secret = true;
	if (hash_sha256_file(p.secret, m.secret_sha256, e) < 0 || write_manifest(&m, p.manifest, e) < 0 ||
	    fs_sync(dir, e) < 0)
		goto undo;
	/* The backup is whole on disk; an event that cannot be written fails
	 * the command but leaves the backup, which is good. */
	rc = log_backup(st, dir, actor, &m, e);
	*out = m;
	goto done;
undo:
	if (have_secret) {
		unlink(p.manifest);
		unlink(p.secret);
	}
	if (have_db)
		unlink(p.db);
	if (made)
		rmdir(dir);
done:
	sodium_memzero(secret, sizeof secret);
	paths_free(&p);
	return rc;
}

static int read_manifest(const char *dir, const struct paths *p, struct backup_manifest *m, struct err *e)
{
	struct stat sb;
	if (stat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		err_set(e, "backup directory %s does not exist", dir);
		return -1;
	}
	if (!exists(p->manifest)) {
		err_set(e, "%s holds no backup (no %s)", dir, BACKUP_MANIFEST_FILE);
		return -1;
	}
	char *text;
	if (fs_read_file(p->manifest, 65536, &text, NULL, e) < 0)
		return -1;
	int rc = backup_manifest_parse(text, m, e);
	free(text);
	if (rc < 0) {
		err_prefix(e, "%s", p->manifest);
		return -1;
	}
	if (m->schema != store_schema_latest()) {
		err_set(e, "backup %s has schema version %d, this shinsa needs %d (restore it with the shinsa that "
			   "made it, then run shinsa init)", dir, m->schema, store_schema_latest());
		return -1;
	}
	return 0;
}

static int check_sha(const char *dir, const char *path, const char *name, const char *want, struct err *e)
{
	char got[HASH_HEX_LEN + 1];
	if (hash_sha256_file(path, got, e) < 0)
		return -1;
	if (strcmp(got, want) != 0) {
		err_set(e, "backup %s is damaged: %s does not match its sha256 in the manifest", dir, name);
		return -1;
	}
	return 0;
}

/* The secret to write, after the refusals: *write is false when
 * SHINSA_SECRET is set and is the backup's. */
static int restore_secret(const char *dir, const struct paths *p, const struct backup_manifest *m,
			  const char *secret_path, unsigned char secret[KEYS_SECRET_BYTES], bool *write, struct err *e)
{
	*write = false;
	if (check_sha(dir, p->secret, BACKUP_SECRET_FILE, m->secret_sha256, e) < 0 ||
	    keys_secret_read(p->secret, secret, e) < 0)
		return -1;
	if (keys_secret_in_env()) {
		unsigned char env[KEYS_SECRET_BYTES];
		int rc = keys_secret_load(secret_path, env, e);
		bool same = rc == 0 && sodium_memcmp(env, secret, KEYS_SECRET_BYTES) == 0;
		sodium_memzero(env, sizeof env);
		if (rc < 0)
			return -1;
		if (!same) {
			err_set(e, "SHINSA_SECRET is set and is not the secret of backup %s: restore writes the secret as "
				   "a key file, so unset SHINSA_SECRET (SHINSA_SECRET_FILE says where the file goes), "
				   "or set it to the contents of %s", dir, p->secret);
			return -1;
		}
		return 0;
	}
	if (exists(secret_path)) {
		err_set(e, "server secret %s already exists: restore never overwrites one (move it away first)",
			secret_path);
		return -1;
	}
	*write = true;
	return 0;
}

struct chain_walk {
	struct audit_chain chain;
	struct err why;
};

static int chain_one(const struct audit_event *ev, void *arg)
{
	struct chain_walk *w = arg;
	return audit_chain_next(&w->chain, ev, &w->why) < 0 ? 1 : 0;
}

/* Whether secret is the one the copy's keys were sealed with: it must open
 * the first organisation's signing key (a copy without any has nothing
 * sealed yet). */
static int check_secret(struct store *st, const char *dir, const unsigned char secret[KEYS_SECRET_BYTES],
			struct err *e)
{
	struct org **orgs = NULL;
	size_t n = 0;
	char *sealed = NULL;
	unsigned char sk[KEYS_PRIVATE_BYTES];
	int rc = store_org_list(st, &orgs, &n, e);
	if (rc == 0 && n > 0 && (rc = store_org_sealed_key(st, orgs[0]->id, &sealed, e)) == 0) {
		struct err why = { 0 };
		if (keys_open(secret, sealed, sk, &why) < 0) {
			err_set(e, "backup %s: %s is not this database's secret (it does not open the signing key of %s)",
				dir, BACKUP_SECRET_FILE, orgs[0]->name);
			rc = -1;
		}
		sodium_memzero(sk, sizeof sk);
	}
	free(sealed);
	for (size_t i = 0; i < n; i++)
		org_free(orgs[i]);
	free(orgs);
	return rc == 0 ? 0 : -1;
}

/* Checks the database copy at path and appends the restore event to it. */
static int check_and_record(const char *dir, const char *path, const struct backup_manifest *m,
			    const unsigned char secret[KEYS_SECRET_BYTES], const char *actor, struct err *e)
{
	struct store *st = NULL;
	struct chain_walk w = { .chain = AUDIT_CHAIN_INIT };
	json_t *details = NULL;
	int rc = -1;
	/* The copy was just written here from bytes whose sha256 matched: if
	 * SQLite cannot even open it (its schema pages are what is damaged),
	 * that is the same damage integrity_check would name. */
	if (store_open(path, STORE_EXISTING, &st, e) < 0) {
		err_prefix(e, "backup %s: the database is damaged", dir);
		goto done;
	}
	if (store_check_intact(st, e) < 0) {
		err_prefix(e, "backup %s", dir);
		goto done;
	}
	int walked = store_audit_walk(st, chain_one, &w, e);
	if (walked < 0)
		goto done;
	if (walked > 0) {
		err_set(e, "backup %s: its audit trail is broken: %s", dir, w.why.msg);
		goto done;
	}
	const char *last = w.chain.n ? w.chain.last_hash : audit_genesis_hash;
	if (w.chain.n != m->audit_events || strcmp(last, m->audit_last_hash) != 0) {
		err_set(e, "backup %s: its audit trail does not end where the manifest says (event %lld, %s)", dir,
			m->audit_events, m->audit_last_hash);
		goto done;
	}
	if (check_secret(st, dir, secret, e) < 0)
		goto done;
	details = json_pack("{s:s, s:s, s:s}", "dir", dir, "taken_at", m->taken_at, "database_sha256",
			    m->database_sha256);
	if (!details) {
		err_set(e, "backup directory %s: its name is not UTF-8", dir);
		goto done;
	}
	rc = audit_log(st, actor, 0, AUDIT_RESTORE, details, e, "%s", "");
done:
	json_decref(details);
	store_close(st);
	return rc;
}

int backup_restore(const char *dir, const char *db_path, const char *secret_path, const char *actor,
		   struct backup_restored *out, struct err *e)
{
	struct paths p = paths_of(dir);
	struct backup_manifest m;
	unsigned char secret[KEYS_SECRET_BYTES];
	bool write_secret = false, secret_placed = false;
	char *db_tmp = NULL, *secret_tmp = NULL;
	int rc = -1;
	if (read_manifest(dir, &p, &m, e) < 0)
		goto done;
	if (exists(db_path)) {
		err_set(e, "database %s already exists: restore never overwrites one (move it away first)", db_path);
		goto done;
	}
	if (restore_secret(dir, &p, &m, secret_path, secret, &write_secret, e) < 0)
		goto done;
	/* The copy beside its place is what gets checked, so what is checked
	 * is what is put in place. */
	if (!(db_tmp = fs_tmp_named(db_path, e)) || fs_copy_file(p.db, db_tmp, e) < 0 ||
	    check_sha(dir, db_tmp, BACKUP_DATABASE_FILE, m.database_sha256, e) < 0 ||
	    check_and_record(dir, db_tmp, &m, secret, actor, e) < 0 || fs_sync(db_tmp, e) < 0)
		goto done;
	if (write_secret) {
		/* Named by the process, so that one left by a killed restore
		 * (0600, beside where the secret goes) never stops the next. */
		secret_tmp = xasprintf("%s.tmp-%ld", secret_path, (long)getpid());
		if (keys_secret_write(secret_tmp, secret, e) < 0) {
			free(secret_tmp);
			secret_tmp = NULL;
			goto done;
		}
		if (fs_place(secret_tmp, secret_path, e) < 0)
			goto done;
		secret_placed = true;
	}
	if (fs_place(db_tmp, db_path, e) < 0)
		goto done;
	out->manifest = m;
	out->secret_written = write_secret;
	rc = 0;
done:
	if (rc < 0 && secret_placed)
		unlink(secret_path);
	/* Each name is gone already once placed. */
	if (secret_tmp)
		unlink(secret_tmp);
	free(secret_tmp);
	if (db_tmp)
		unlink(db_tmp);
	free(db_tmp);
	sodium_memzero(secret, sizeof secret);
	paths_free(&p);
	return rc;
}
