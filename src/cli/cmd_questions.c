#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "service/questions.h"

static int questions_list_cmd(struct cli_ctx *ctx, int argc, char **argv);
static int questions_answer_cmd(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_list = {
	.name = "questions list", .args = "--org CONNECTOR --bank BANK [--json]",
	.summary = "a bank's supplementary questions with the connector's answers", .help = "",
	.exec = questions_list_cmd,
};
static const struct cli_command sub_answer = {
	.name = "questions answer", .args = "--org CONNECTOR --bank BANK --key KEY --text TEXT",
	.summary = "answer one of a bank's supplementary questions", .help = "", .exec = questions_answer_cmd,
};

/* Parses a subcommand that takes options only, each of them required:
 * 0, CLI_USAGE, or -1 after --help. */
static int options_only(struct cli_ctx *ctx, const struct cli_command *cmd, int argc, char **argv,
			const struct cli_opt *opts)
{
	int npos;
	int rc = cli_parse(ctx, cmd->name, cmd, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? -1 : rc;
	if (npos)
		return cli_usage(cmd->name, cmd, "unexpected argument \"%s\"", argv[0]);
	for (size_t i = 0; opts[i].name; i++)
		if (opts[i].value && !*opts[i].value)
			return cli_usage(cmd->name, cmd, "--%s is required", opts[i].name);
	return 0;
}

/* One question for people: key and category, its text, its answer. */
static void print_question(const struct question *q)
{
	printf("%s  %s\n  %s\n", q->key, q->category, q->text ? q->text : "(damaged: its text is lost)");
	if (q->answer)
		printf("  answer (%s by %s): %s\n", q->answered_at, q->answered_by, q->answer);
	else
		printf("  not answered\n");
}

static int questions_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *bank = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "bank", 0, &bank, NULL },
					{ "json", 0, NULL, &json }, { 0 } };
	int rc = options_only(ctx, &sub_list, argc, argv, opts);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct question_list *l = NULL;
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0) {
		rc = cli_fail("%s", e.msg);
	} else if (org->kind != ORG_CONNECTOR) {
		rc = cli_fail("%s is a bank: answers belong to connectors", org->name);
	} else if (questions_list(st, bank, org, &l, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		if (json)
			cli_print_json(questions_json(l));
		else if (l->n == 0)
			printf("%s has no supplementary questions\n", l->bank);
		for (size_t i = 0; !json && i < l->n; i++)
			print_question(&l->items[i]);
		rc = CLI_OK;
	}
	question_list_free(l);
	org_free(org);
	store_close(st);
	return rc;
}

static int questions_answer_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *org_name = NULL, *bank = NULL, *key = NULL, *text = NULL;
	const struct cli_opt opts[] = { { "org", 0, &org_name, NULL }, { "bank", 0, &bank, NULL },
					{ "key", 0, &key, NULL }, { "text", 0, &text, NULL }, { 0 } };
	int rc = options_only(ctx, &sub_answer, argc, argv, opts);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct question *q = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, org_name, &org, &e) < 0 ||
	    questions_answer(st, actor, org, bank, key, text, &q, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("%s %s's question %s\n", q->answer ? "answered" : "cleared the answer to", bank, key);
		rc = CLI_OK;
	}
	question_free(q);
	free(actor);
	org_free(org);
	store_close(st);
	return rc;
}

static int questions_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_list, &sub_answer, NULL };
	return cli_dispatch(ctx, &cmd_questions, subs, argc, argv);
}

const struct cli_command cmd_questions = {
	.name = "questions",
	.args = "list --org CONNECTOR --bank BANK [--json] | answer --org CONNECTOR --bank BANK --key KEY --text TEXT",
	.summary = "a bank's supplementary questions (criteria with no counterpart) and a connector's answers",
	.help = "  shinsa questions list --org CONNECTOR --bank BANK [--json]\n"
		"      the bank's criteria mapped \"none\" (no counterpart in the checklist), in\n"
		"      its list's order, with the connector's answers; --json prints [{key,\n"
		"      category, text, answer, answered_at, answered_by}] (null: unanswered)\n"
		"  shinsa questions answer --org CONNECTOR --bank BANK --key KEY --text TEXT\n"
		"      answers one for that bank only, outside the master answer set (at most\n"
		"      4000 characters); an empty TEXT clears the answer\n",
	.exec = questions_exec,
};
