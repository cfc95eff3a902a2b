#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cli_audit.h"
#include "cli/cli_submission.h"
#include "service/review_criteria.h"
#include "service/review_before.h"
#include "service/review_view.h"
#include "service/reviews.h"

static int review_show(struct cli_ctx *ctx, int argc, char **argv);
static int review_list(struct cli_ctx *ctx, int argc, char **argv);
static int review_export(struct cli_ctx *ctx, int argc, char **argv);
static int review_criteria(struct cli_ctx *ctx, int argc, char **argv);
static int review_receive(struct cli_ctx *ctx, int argc, char **argv);

static const struct cli_command sub_show = {
	.name = "review show", .args = "SUBMISSION-ID --bank NAME [--json]",
	.summary = "a bank's review of a submission", .help = "", .exec = review_show,
};
static const struct cli_command sub_list = {
	.name = "review list", .args = "--org NAME [--json]",
	.summary = "a bank's reviews, or the reviews of a connector's submissions", .help = "", .exec = review_list,
};
static const struct cli_command sub_export = {
	.name = "review export", .args = "SUBMISSION-ID --bank NAME -o FILE.json",
	.summary = "write a bank's signed decision to verify offline", .help = "", .exec = review_export,
};

static const struct cli_command sub_criteria = {
	.name = "review criteria", .args = "SUBMISSION-ID --org BANK [--json]",
	.summary = "a bank's review by its own criteria", .help = "", .exec = review_criteria,
};

static const struct cli_command sub_receive = {
	.name = "review receive", .args = "FILE.json",
	.summary = "record a bank's decision file received from its own server", .help = "", .exec = review_receive,
};

/* The one SUBMISSION-ID argument of a subcommand; CLI_OK or the usage status. */
static int submission_arg(const struct cli_command *sub, int npos, char **argv, long long *id)
{
	if (npos != 1)
		return npos ? cli_usage(sub->name, sub, "unexpected argument \"%s\"", argv[1])
			    : cli_usage(sub->name, sub, "which submission? give its id");
	if (cli_submission_id(argv[0], id) < 0)
		return cli_usage(sub->name, sub, "SUBMISSION-ID is a submission number, not \"%s\"", argv[0]);
	return CLI_OK;
}

/* One item for people: "item 5 (connector): 要改善 improvement, carried
 * from submission 1 (version 1, TIME)", the comment, bank answer and
 * thread indented below. */
static void print_item(const struct review_item *it)
{
	printf("item %d (%s): ", it->no, party_name(it->party));
	if (it->party == PARTY_BANK)
		printf("the bank's item");
	else if (it->verdict == VERDICT_PENDING)
		printf("pending");
	else
		printf("%s %s", review_verdict_label(it->verdict), review_verdict_name(it->verdict));
	if (it->carried)
		printf(", carried from submission %lld (version %d, %s)", it->carried_submission, it->carried_version,
		       it->verdict_at);
	putchar('\n');
	if (it->comment[0])
		printf("  comment: %s\n", it->comment);
	if (it->has_bank_answer)
		printf("  bank answer%s: %s%s%s%s%s\n", it->bank_answer_carried ? " (carried)" : "",
		       it->bank_answer.status ? answer_status_label(it->bank_answer.status) : "(no status)",
		       it->bank_answer.current[0] ? " / " : "", it->bank_answer.current,
		       it->bank_answer.notes[0] ? " / " : "", it->bank_answer.notes);
	for (size_t i = 0; i < it->n_messages; i++) {
		const struct review_message *m = &it->messages[i];
		printf("  %s %s (%s): %s\n", m->at, m->author, m->org, m->text);
		/* Each file as the page lists it, with the hash's first 12 digits
		 * to tell apart two files of one name. */
		for (size_t f = 0; f < m->n_files; f++)
			printf("    file %s  %lld bytes  sha256 %.12s\n", m->files[f].name, m->files[f].size,
			       m->files[f].sha256);
	}
}

static void print_review(struct store *st, const struct review *r)
{
	printf("review of submission %lld (version %d of %s) by %s, opened %s\n", r->submission_id, r->version,
	       r->connector_name, r->bank_name, r->opened_at);
	for (size_t i = 0; i < r->n_items; i++)
		print_item(&r->items[i]);
	if (r->decision == DECISION_NONE)
		printf("not decided\n");
	else
		printf("decided %s %s at %s by %s%s%s; sha256 %s, signature %s\n", review_decision_label(r->decision),
		       review_decision_name(r->decision), r->decided_at, r->decided_by, r->reason[0] ? ": " : "",
		       r->reason, r->decision_sha256, review_view_signature_valid(st, r) ? "valid" : "NOT VALID");
}

static int review_show(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *bank = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "bank", 0, &bank, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "review show", &sub_show, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = submission_arg(&sub_show, npos, argv, &id)) != CLI_OK)
		return rc;
	if (!bank)
		return cli_usage("review show", &sub_show, "--bank is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct review *r = NULL;
	/* The command line reads as the connector's record: nothing is opened. */
	if (cli_open_store(ctx, &st, &e) < 0 || reviews_get(st, 0, id, bank, &r, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else if (json) {
		json_t *view = review_view_json(st, r, &e);
		/* As the connector's API read: the command line acts for anyone. */
		if (view && review_before_add(st, NULL, r, view, &e) < 0) {
			json_decref(view);
			view = NULL;
		}
		if (view)
			cli_print_json(view);
		rc = view ? CLI_OK : cli_fail("%s", e.msg);
	} else {
		print_review(st, r);
		rc = CLI_OK;
	}
	review_free(r);
	store_close(st);
	return rc;
}

/* "submission 1 (version 1 of ORG) by BANK, opened T: 0 pending, 1 query, 1 improvement, conditional". */
static void print_listed(const json_t *v, const struct org *org)
{
	(void)org;
	const char *d = json_string_value(json_object_get(v, "decision"));
	printf("submission %lld (version %lld of %s) by %s, opened %s: %lld pending, %lld query, %lld improvement, %s\n",
	       (long long)json_integer_value(json_object_get(v, "submission")),
	       (long long)json_integer_value(json_object_get(v, "version")),
	       json_string_value(json_object_get(v, "connector")), json_string_value(json_object_get(v, "bank")),
	       json_string_value(json_object_get(v, "opened_at")),
	       (long long)json_integer_value(json_object_get(v, "pending")),
	       (long long)json_integer_value(json_object_get(v, "query")),
	       (long long)json_integer_value(json_object_get(v, "improvement")), d ? d : "not decided");
}

static void print_no_reviews(const struct org *org)
{
	printf("%s has no reviews\n", org->name);
}

static int review_list(struct cli_ctx *ctx, int argc, char **argv)
{
	return cli_org_list(ctx, &sub_list, argc, argv, review_view_list, print_listed, print_no_reviews);
}

static int review_export(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *bank = NULL, *out = NULL;
	const struct cli_opt opts[] = { { "bank", 0, &bank, NULL }, { "output", 'o', &out, NULL }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "review export", &sub_export, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = submission_arg(&sub_export, npos, argv, &id)) != CLI_OK)
		return rc;
	if (!bank || !out)
		return cli_usage("review export", &sub_export, "%s", !bank ? "--bank is required" : "missing -o FILE.json");
	struct err e = { 0 };
	struct store *st = NULL;
	struct review *r = NULL;
	char *actor = cli_audit_actor();
	if (cli_open_store(ctx, &st, &e) < 0 || reviews_get(st, 0, id, bank, &r, &e) != 0 ||
	    review_view_decision_export(st, actor, r->connector_id, r, out, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else {
		printf("wrote %s: %s's decision on submission %lld (version %d of %s), %s\n", out, r->bank_name,
		       r->submission_id, r->version, r->connector_name, review_decision_name(r->decision));
		rc = CLI_OK;
	}
	free(actor);
	review_free(r);
	store_close(st);
	return rc;
}

/* One criterion for people: "(1)-1 met: equal; items 1 accepted, 2 pending". */
static void print_criterion(const json_t *c)
{
	/* relation is JSON null, not absent, while a row is not mapped. */
	const char *rel = json_string_value(json_object_get(c, "relation"));
	size_t i;
	const json_t *it;
	printf("%s %s: %s", json_string_value(json_object_get(c, "key")),
	       json_string_value(json_object_get(c, "state")), rel ? rel : "not mapped yet");
	json_array_foreach(json_object_get(c, "items"), i, it) {
		const char *v = json_string_value(json_object_get(it, "verdict"));
		printf("%s %lld %s", i ? "," : "; items", (long long)json_integer_value(json_object_get(it, "no")),
		       v ? v : "-");
	}
	putchar('\n');
}

static int review_criteria(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *bank = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "org", 0, &bank, NULL }, { "json", 0, NULL, &json }, { 0 } };
	int npos;
	long long id;
	int rc = cli_parse(ctx, "review criteria", &sub_criteria, argc, argv, opts, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if ((rc = submission_arg(&sub_criteria, npos, argv, &id)) != CLI_OK)
		return rc;
	if (!bank)
		return cli_usage("review criteria", &sub_criteria, "--org is required");
	struct err e = { 0 };
	struct store *st = NULL;
	struct org *org = NULL;
	struct review *r = NULL;
	json_t *out = NULL;
	/* As `review show`: the command line reads, nothing is opened. */
	if (cli_open_store(ctx, &st, &e) < 0 || cli_load_org(st, bank, &org, &e) < 0 ||
	    reviews_get(st, 0, id, org->name, &r, &e) != 0 || review_criteria_view(st, org, r, &out, &e) != 0) {
		rc = cli_fail("%s", e.msg);
	} else if (json) {
		cli_print_json(out);
		out = NULL;
		rc = CLI_OK;
	} else {
		const json_t *sum = json_object_get(out, "summary");
		size_t i;
		json_t *c;
		printf("review of submission %lld (version %d of %s) by %s: %lld met, %lld met with a plan, "
		       "%lld partly met, %lld open, %lld not covered\n",
		       id, r->version, r->connector_name, r->bank_name,
		       (long long)json_integer_value(json_object_get(sum, "met")),
		       (long long)json_integer_value(json_object_get(sum, "met_with_plan")),
		       (long long)json_integer_value(json_object_get(sum, "partly_met")),
		       (long long)json_integer_value(json_object_get(sum, "open")),
		       (long long)json_integer_value(json_object_get(sum, "not_covered")));
		json_array_foreach(json_object_get(out, "criteria"), i, c)
			print_criterion(c);
		rc = CLI_OK;
	}
	json_decref(out);
	review_free(r);
	org_free(org);
	store_close(st);
	return rc;
}

static int review_receive(struct cli_ctx *ctx, int argc, char **argv)
{
	int npos;
	int rc = cli_parse(ctx, "review receive", &sub_receive, argc, argv, NULL, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos < 1)
		return cli_usage("review receive", &sub_receive, "missing FILE.json");
	if (npos > 1)
		return cli_usage("review receive", &sub_receive, "unexpected argument \"%s\"", argv[1]);
	struct receive_result r;
	if ((rc = cli_receive(ctx, argv[0], NULL, &r)) != CLI_OK)
		return rc;
	printf("received %s: %s's decision %s on submission %lld (version %d)\n", argv[0], r.org_name, r.decision,
	       r.submission_id, r.version);
	cli_print_pinned(&r, "bank");
	return CLI_OK;
}

static int review_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_command *const subs[] = { &sub_show, &sub_list, &sub_criteria, &sub_export,
							  &sub_receive, NULL };
	return cli_dispatch(ctx, &cmd_review, subs, argc, argv);
}

const struct cli_command cmd_review = {
	.name = "review",
	.args = "show SUBMISSION-ID --bank NAME [--json] | list --org NAME [--json] | "
		"criteria SUBMISSION-ID --org BANK [--json] | export SUBMISSION-ID --bank NAME -o FILE.json | "
		"receive FILE.json",
	.summary = "banks' reviews: verdicts, threads, carried verdicts and the signed decision",
	.help = "  shinsa review show SUBMISSION-ID --bank NAME [--json]\n"
		"      the bank's review of that submission: every item with its verdict (or\n"
		"      pending), where a carried verdict came from, the comment, the bank's own\n"
		"      answer and the thread (each message's files: name, size, the sha256's\n"
		"      first 12 digits); the decision with its signature re-checked. --json\n"
		"      prints what GET /api/v1/reviews/ID gives. Reviews are made over the API\n"
		"  shinsa review list --org NAME [--json]\n"
		"      a bank's reviews, or the reviews of a connector's submissions by every\n"
		"      bank; --json prints [{submission, version, connector, bank, opened_at,\n"
		"      pending, query, improvement, decision, decided_at}]\n"
		"  shinsa review export SUBMISSION-ID --bank NAME -o FILE.json\n"
		"      the bank's signed decision as GET /api/v1/reviews/ID/decision gives it, for\n"
		"      shinsa verify to check with nothing but the file\n"
		"  shinsa review receive FILE.json\n"
		"      on the connector's server: verifies a bank's decision file and records it\n"
		"      beside the submission it names (by sha256); the bank is created on first\n"
		"      receipt with its key pinned; another key is refused until shinsa org pin.\n"
		"      shinsa submission show then lists it as received\n"
		"  shinsa review criteria SUBMISSION-ID --org BANK [--json]\n"
		"      the bank's review by its own criteria: each criterion's relation, the\n"
		"      verdicts of the items it maps to and its state (met, met_with_plan, partly_met, open,\n"
		"      not_covered); --json prints what GET /api/v1/reviews/ID/criteria gives\n",
	.exec = review_exec,
};
