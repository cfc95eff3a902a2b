#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "service/reminders.h"

static int reminders_run_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int reminders_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int reminders_send_cmd(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_run = {
	.name = "reminders run", .args = "", .summary = "write due and overdue notices to the outbox", .help = "",
	.exec = reminders_run_cmd,
};
static const struct cli_command sub_list = {
	.name = "reminders list", .args = "[--json]", .summary = "the outbox", .help = "", .exec = reminders_list_cmd,
};
static const struct cli_command sub_send = {
	.name = "reminders send", .args = "", .summary = "hand unsent notices to $SHINSA_SENDMAIL", .help = "",
	.exec = reminders_send_cmd,
};

/* Parses a subcommand without arguments but options. */
static int no_args(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
		   const struct cli_opt *opts)
{
	int npos;
	int rc = cli_parse(ctx, cmd->name, cmd, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? -1 : rc;
	if (npos)
		return cli_usage(cmd->name, cmd, "unexpected argument \"%s\"", argv[0]);
	return 0;
}

static int reminders_run_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	int rc = no_args(ctx, &sub_run, argc, argv, NULL);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct reminders_result r;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || reminders_run(st, actor, &r, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("wrote %zu notice%s (%zu already in the outbox)\n", r.written, r.written == 1 ? "" : "s",
		       r.already);
		rc = CLI_OK;
	}
	free(actor);
	store_close(st);
	return rc;
}

static int reminders_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	bool json = false;
	const struct cli_opt opts[] = { { "json", 0, NULL, &json }, { 0 } };
	int rc = no_args(ctx, &sub_list, argc, argv, opts);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct notice **list = NULL;
	size_t n = 0;
	if (cli_open_store(ctx, &st, &e) < 0 || reminders_list(st, &list, &n, &e) < 0) {
		store_close(st);
		return cli_fail("%s", e.msg);
	}
	json_t *arr = json ? json_array() : NULL;
	for (size_t i = 0; i < n; i++) {
		const struct notice *m = list[i];
		if (json)
			json_array_append_new(arr, reminders_json(m));
		else
			printf("notice %lld  %s  %s  to %s <%s>  %s%s\n  %s\n", m->id, m->created_at,
			       notice_kind_name(m->kind), m->org, *m->recipients ? m->recipients : "no admin",
			       m->sent_at ? "sent " : "unsent", m->sent_at ? m->sent_at : "", m->subject);
	}
	if (json)
		cli_print_json(arr);
	else if (n == 0)
		printf("the outbox is empty\n");
	notice_list_free(list, n);
	store_close(st);
	return CLI_OK;
}

static int reminders_send_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	int rc = no_args(ctx, &sub_send, argc, argv, NULL);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	const char *program = getenv("SHINSA_SENDMAIL");
	const char *from = getenv("SHINSA_MAIL_FROM");
	if (!program || !*program)
		return cli_fail("delivery is off: set SHINSA_SENDMAIL to a sendmail-compatible program");
	struct err e = { 0 };
	struct store *st = NULL;
	struct reminders_result r = { 0 };
	/* A program that exits early must not kill us with SIGPIPE: its exit
	 * status says what happened. */
	signal(SIGPIPE, SIG_IGN);
	if (!from || !*from)
		from = "shinsa@localhost";
	char *actor = cli_audit_actor();
	rc = cli_open_store(ctx, &st, &e) < 0 || reminders_send(st, actor, program, from, &r, &e) < 0;
	free(actor);
	printf("sent %zu notice%s", r.sent, r.sent == 1 ? "" : "s");
	if (r.skipped)
		printf(" (%zu without recipients: their organisations have no admin)", r.skipped);
	printf("\n");
	rc = rc ? cli_fail("%s", e.msg) : CLI_OK;
	store_close(st);
	return rc;
}

static int reminders_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_run, &sub_list, &sub_send, NULL };
	return cli_dispatch(ctx, &cmd_reminders, subs, argc, argv);
}

const struct cli_command cmd_reminders = {
	.name = "reminders",
	.args = "run | list [--json] | send",
	.summary = "re-assessment and plan reminders: the outbox and its delivery",
	.help = "  shinsa reminders run\n"
		"      writes a notice to the outbox for every re-assessment due within 30 days\n"
		"      or overdue (to the bank and the connector) and every overdue plan (to the\n"
		"      connector and each bank that sees it), addressed to each organisation's\n"
		"      admins; a notice already in the outbox is not written again\n"
		"  shinsa reminders list [--json]\n"
		"      the outbox, oldest first; --json prints [{id, kind, org, recipients[],\n"
		"      subject, body, created_at, sent_at}]\n"
		"  shinsa reminders send\n"
		"      pipes each unsent notice (reminders, and the e-mails of events such as\n"
		"      a share or a query, kind event) to $SHINSA_SENDMAIL -t -i (From:\n"
		"      $SHINSA_MAIL_FROM, default shinsa@localhost) and marks it sent; delivery\n"
		"      is off while SHINSA_SENDMAIL is unset\n",
	.exec = reminders_exec,
};
