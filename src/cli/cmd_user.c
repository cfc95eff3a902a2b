#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "lib/strbuf.h"
#include "lib/text.h"
#include "service/account.h"
#include "service/users.h"

static int user_add(struct cli_ctx *ctx, int argc, char **argv);
static int user_list(struct cli_ctx *ctx, int argc, char **argv);
static int user_update(struct cli_ctx *ctx, int argc, char **argv);
static int user_reset(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_add = {
	.name = "user add",
	.args = "--org NAME --email E --role admin|editor|reviewer|viewer|approver [--name 氏名] [--department 部署] "
		"[--password-stdin]",
	.summary = "add a user", .help = "", .exec = user_add,
};
static const struct cli_command sub_list = {
	.name = "user list", .args = "--org NAME [--json]", .summary = "an organisation's users", .help = "",
	.exec = user_list,
};
static const struct cli_command sub_update = {
	.name = "user update", .args = "--email E [--name 氏名] [--department 部署]",
	.summary = "set a user's name and department", .help = "", .exec = user_update,
};
static const struct cli_command sub_reset = {
	.name = "user reset", .args = "EMAIL", .summary = "give a user a new one-time password", .help = "",
	.exec = user_reset,
};

/*
 * The password as the first line of stdin (the line break dropped, a
 * "\r\n" too). Read up to one byte past the limit so that a long one is
 * refused rather than cut.
 */
static int read_password(char buf[PASSWORD_MAX_BYTES + 3], struct err *e)
{
	size_t n = fread(buf, 1, PASSWORD_MAX_BYTES + 2, stdin);
	buf[n] = '\0';
	if (ferror(stdin)) {
		err_set(e, "cannot read the password from stdin");
		return -1;
	}
	if (memchr(buf, '\0', n)) {
		err_set(e, "the password contains a NUL byte");
		return -1;
	}
	char *nl = strchr(buf, '\n');
	if (nl) {
		if (nl[1] != '\0') {
			err_set(e, "the password must be one line");
			return -1;
		}
		*nl = '\0';
		if (nl > buf && nl[-1] == '\r')
			nl[-1] = '\0';
	}
	if (strlen(buf) > PASSWORD_MAX_BYTES || (!nl && !feof(stdin))) {
		err_set(e, "the password is too long: at most %d bytes", PASSWORD_MAX_BYTES);
		return -1;
	}
	return 0;
}

static int user_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *email = NULL, *role_name = NULL;
	struct user_profile p = { 0 };
	bool from_stdin = false;
	const struct cli_opt opts[] = {
		{ "org", 0, &org_name, NULL },	 { "email", 0, &email, NULL },
		{ "role", 0, &role_name, NULL }, { "password-stdin", 0, NULL, &from_stdin },
		{ "name", 0, &p.name, NULL },	 { "department", 0, &p.department, NULL },
		{ 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "user add", &sub_add, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("user add", &sub_add, "unexpected argument \"%s\"", argv[0]);
	if (!org_name || !email || !role_name)
		return cli_usage("user add", &sub_add, "--org, --email and --role are required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct user *u = NULL;
	char password[PASSWORD_MAX_BYTES + 3] = "", generated[PASSWORD_GENERATED_LEN + 1] = "";
	char *actor = cli_audit_actor();
	enum user_role role = user_role_parse(role_name);
	if (!role) {
		err_set(&e, "unknown role \"%s\" (want admin, editor, reviewer, viewer or approver)", role_name);
		goto fail;
	}
	if ((from_stdin && read_password(password, &e) < 0) || cli_open_store(ctx, &st, &e) < 0 ||
	    cli_load_org(st, org_name, &org, &e) < 0 ||
	    account_user_add_named(st, org->id, email, role, &p, from_stdin ? password : NULL, generated, actor, &u,
				   &e) < 0)
		goto fail;
	printf("added %s %s to %s (user %lld)\n", user_role_name(u->role), u->email, org->name, u->id);
	if (!from_stdin)
		printf("one-time password (shown only now; it must be changed at first sign-in):\n%s\n", generated);
	rc = CLI_OK;
	goto done;
fail:
	rc = cli_fail("%s", e.msg);
done:
	sodium_memzero(password, sizeof password);
	sodium_memzero(generated, sizeof generated);
	free(actor);
	user_free(u);
	org_free(org);
	store_close(st);
	return rc;
}

/* A blank 氏名 or 部署 in the list: a dash, so the columns stay columns. */
static const char *list_cell(const char *s)
{
	return s && *s ? s : "-";
}

/* s's width on a terminal: two columns for a wide character. */
static size_t list_width(const char *s)
{
	size_t w = 0;
	while (*s) {
		uint32_t cp = text_utf8_next(&s);
		w += text_is_wide(cp) ? 2 : 1;
	}
	return w;
}

static size_t list_max(size_t w, const char *s)
{
	size_t v = list_width(s);
	return v > w ? v : w;
}

/* s, then spaces up to width columns and two more between columns. */
static void list_pad(struct strbuf *line, const char *s, size_t width)
{
	strbuf_addstr(line, s);
	for (size_t w = list_width(s); w < width + 2; w++)
		strbuf_addch(line, ' ');
}

static int user_list(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	int rc = cli_parse(ctx, "user list", &sub_list, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("user list", &sub_list, "unexpected argument \"%s\"", argv[0]);
	if (!org_name)
		return cli_usage("user list", &sub_list, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct user **users;
	size_t n;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0 ||
	    users_list(st, org->id, &users, &n, &e) < 0) {
		org_free(org);
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	org_free(org);
	store_close(st);
	json_t *arr = json_array();
	/* The widths of the e-mail, 氏名 and 部署 columns, in terminal
	 * columns (a kanji takes two), so the names line up. */
	size_t w_email = 0, w_name = 0, w_dept = 0;
	for (size_t i = 0; i < n; i++) {
		w_email = list_max(w_email, users[i]->email);
		w_name = list_max(w_name, list_cell(users[i]->name));
		w_dept = list_max(w_dept, list_cell(users[i]->department));
	}
	for (size_t i = 0; i < n; i++) {
		const struct user *u = users[i];
		if (json) {
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s}", "id",
							     (json_int_t)u->id, "email", u->email, "name", u->name,
							     "department", u->department, "role",
							     user_role_name(u->role), "must_change_password",
							     u->must_change_password, "totp_enabled", u->totp_enabled,
							     "disabled", u->disabled, "created_at", u->created_at));
		} else {
			struct strbuf line = STRBUF_INIT;
			strbuf_addf(&line, "%-9s ", user_role_name(u->role));
			list_pad(&line, u->email, w_email);
			list_pad(&line, list_cell(u->name), w_name);
			list_pad(&line, list_cell(u->department), w_dept);
			if (u->must_change_password)
				strbuf_addstr(&line, "[one-time password");
			if (u->totp_enabled)
				strbuf_addstr(&line, line.buf[line.len - 1] == ' ' ? "[TOTP" : ", TOTP");
			if (u->disabled)
				strbuf_addstr(&line, line.buf[line.len - 1] == ' ' ? "[disabled" : ", disabled");
			if (line.buf[line.len - 1] != ' ')
				strbuf_addch(&line, ']');
			/* No spaces at the end of a line: diff and grep see none. */
			while (line.len && line.buf[line.len - 1] == ' ')
				line.buf[--line.len] = '\0';
			printf("%s\n", line.buf);
			strbuf_release(&line);
		}
		user_free(users[i]);
	}
	free(users);
	if (json)
		cli_print_json(arr);
	else
		json_decref(arr);
	return CLI_OK;
}

static int user_update(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *email = NULL;
	struct users_change c = { .disabled = -1 };
	const struct cli_opt opts[] = {
		{ "email", 0, &email, NULL },
		{ "name", 0, &c.name, NULL },
		{ "department", 0, &c.department, NULL },
		{ 0 },
	};
	int npos;
	int rc = cli_parse(ctx, "user update", &sub_update, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos)
		return cli_usage("user update", &sub_update, "unexpected argument \"%s\"", argv[0]);
	if (!email || (!c.name && !c.department))
		return cli_usage("user update", &sub_update, "--email and --name or --department are required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct user *u = NULL, *now = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || users_find(st, email, &u, &e) != 0 ||
	    users_update(st, u->org_id, 0, u->id, &c, actor, &now, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		char *label = user_label(now);
		printf("%s is now %s\n", now->email, label);
		free(label);
		rc = CLI_OK;
	}
	user_free(now);
	user_free(u);
	free(actor);
	store_close(st);
	return rc;
}

static int user_reset(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	int rc = cli_parse(ctx, "user reset", &sub_reset, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1)
		return cli_usage("user reset", &sub_reset, "give one EMAIL");
	struct err e = { 0 };
	struct store *st = NULL;
	struct user *u = NULL;
	char otp[PASSWORD_GENERATED_LEN + 1] = "";
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || users_find(st, argv[0], &u, &e) != 0 ||
	    users_reset_password(st, u->org_id, 0, u->id, actor, otp, NULL, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("reset the password of %s; their sessions are ended\n"
		       "one-time password (shown only now; it must be changed at next sign-in):\n%s\n",
		       u->email, otp);
		rc = CLI_OK;
	}
	sodium_memzero(otp, sizeof otp);
	user_free(u);
	free(actor);
	store_close(st);
	return rc;
}

static int user_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_add, &sub_list, &sub_update, &sub_reset, NULL };
	return cli_dispatch(ctx, &cmd_user, subs, argc, argv);
}

const struct cli_command cmd_user = {
	.name = "user",
	.args = "add --org NAME --email E --role R [--name N] [--department D] [--password-stdin] | list --org NAME "
		"[--json] | update --email E [--name N] [--department D] | reset EMAIL",
	.summary = "add, list and change the people who sign in",
	.help = "  shinsa user add --org NAME --email E --role admin|editor|reviewer|viewer|approver [--password-stdin]\n"
		"      adds a user to an organisation. With --password-stdin the password is\n"
		"      the first line of stdin (10 characters to 1024 bytes); without it a\n"
		"      one-time password is generated, printed once as the last line, and\n"
		"      must be changed at first sign-in. Emails are unique and kept in lower case.\n"
		"      --name and --department: 氏名 and 部署, shown on pages beside the e-mail\n"
		"      (up to 100 characters each).\n"
		"      Roles: admin (everything, including users and the audit trail),\n"
		"      editor (edit answers, submit, share), reviewer (review what banks\n"
		"      receive), viewer (read only), approver (a bank's 承認者: approves or\n"
		"      rejects a decision another user drafted, and reviews)\n"
		"  shinsa user list --org NAME [--json]\n"
		"      one line per user: role, email and [one-time password, TOTP, disabled];\n"
		"      --json prints [{id, email, role, must_change_password, totp_enabled,\n"
		"      disabled, created_at}]\n"
		"  shinsa user update --email E [--name 氏名] [--department 部署]\n"
		"      sets a user's name and department (\"\" clears one); event user_update\n"
		"  shinsa user reset EMAIL\n"
		"      gives the user a new one-time password, printed once as the last line:\n"
		"      the old one stops working, it must be changed at next sign-in, and the\n"
		"      user's sessions end; event password_reset\n",
	.exec = user_exec,
};
