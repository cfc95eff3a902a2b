#include "cli/cli_man.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/*
 * The environment, as docs/operations.md "Configuration" lists it: change
 * both together. (The variables are read where they take effect: main.c,
 * cli_secret_path, the service's clock and mailer.)
 */
static const struct {
	const char *name, *text;
} environment[] = {
	{ "SHINSA_DB", "The database, when --db is not given (default " CLI_DEFAULT_DB
		       ", relative to the working directory)." },
	{ "SHINSA_CATALOG_DIR", "Where shinsa init reads the catalogs, when --catalog-dir is not given (default: "
				"the directory under FILES: the source tree's catalog/ for a built binary, "
				"PREFIX/share/shinsa/catalog for an installed one)." },
	{ "SHINSA_SECRET", "The server secret, 64 hex digits; when set, no key file is used." },
	{ "SHINSA_SECRET_FILE", "The server secret's key file (default: secret.key beside the database)." },
	{ "SHINSA_NOW", "The clock, as YYYY-MM-DDTHH:MM:SSZ, instead of the real time; tests set it." },
	{ "SHINSA_SENDMAIL", "A sendmail-compatible program that shinsa reminders send pipes each notice to, "
			     "with -t -i (unset: delivery is off)." },
	{ "SHINSA_MAIL_FROM", "The notices' From: and the domain of their Message-ID (default shinsa@localhost)." },
	{ "SHINSA_LISTEN", "Where make run starts the server (default 127.0.0.1:8080)." },
	{ "SHINSA_IMPORT_CPU_MS", "The CPU time in milliseconds (1 to 3600000, default 5000) that reading one "
				  "imported workbook may take, on the command line and in the server." },
};

/*
 * Writes s as roff text: a backslash as \e, every hyphen as \- (options
 * must stay copyable as ASCII), and \& before a leading dot or quote so a
 * line is never read as a request.
 */
static void text(FILE *out, const char *s)
{
	bool line_start = true;
	for (; *s; s++) {
		if (line_start && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		line_start = *s == '\n';
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

/*
 * The help text is laid out for an 80-column terminal, and the page is
 * indented: so flush-left prose is filled again, and the rest (indented
 * lines, option lines starting with '-', blank lines) is kept line for
 * line in no-fill mode, as --help shows it.
 */
static void help(FILE *out, const char *s)
{
	bool nofill = false;
	while (*s) {
		size_t len = strcspn(s, "\n");
		bool prose = len > 0 && s[0] != ' ' && s[0] != '-';
		if (prose == nofill) {
			fputs(prose ? ".fi\n" : ".nf\n", out);
			nofill = !prose;
		}
		char *line = strndup(s, len);
		if (!line)
			abort();
		text(out, line);
		fputc('\n', out);
		free(line);
		s += len + (s[len] == '\n');
	}
	if (nofill)
		fputs(".fi\n", out);
}

static void command(FILE *out, const struct cli_command *cmd)
{
	fprintf(out, ".SS %s\n.B shinsa %s\n", cmd->name, cmd->name);
	if (cmd->args[0]) {
		text(out, cmd->args);
		fputc('\n', out);
	}
	fputs(".PP\n", out);
	text(out, cmd->summary);
	fputc('\n', out);
	if (cmd->help && cmd->help[0]) {
		fputs(".PP\n", out);
		help(out, cmd->help);
	}
}

/* A paragraph per string; ours hold no roff, only text() to escape. */
static void paragraphs(FILE *out, const char *const *ps)
{
	for (size_t i = 0; ps[i]; i++) {
		if (i > 0)
			fputs(".PP\n", out);
		text(out, ps[i]);
		fputc('\n', out);
	}
}

/* Shortened from the README's first paragraphs. */
static const char *const description[] = {
	"Shinsa is the system behind the Japanese open-banking API connection checklist. "
	"A connector (電子決済等代行業者) keeps one master answer set for the standard "
	"「API接続チェックリスト」, submits signed, versioned snapshots of it to each bank under explicit, "
	"revocable consent, and each bank reviews them through its own published criteria, follows "
	"improvement plans to closure and re-assesses on a schedule. The A3 Excel form imports and "
	"exports faithfully.",
	"shinsa is the command line and, with shinsa serve, the web server; the data is one SQLite database.",
	NULL,
};

static const char *const exit_status[] = {
	"0 on success, 1 on failure (one line on standard error, starting \"shinsa: \"), "
	"2 for bad usage (the message and the usage line).",
	NULL,
};

int cli_man_print(FILE *out)
{
	/* Left-aligned and unhyphenated: the usage lines are commands to copy. */
	fputs(".TH SHINSA 1 \"\" \"Shinsa\" \"User Commands\"\n.ad l\n.nh\n.SH NAME\nshinsa \\- ", out);
	text(out, CLI_TAGLINE);
	fputs("\n.SH SYNOPSIS\n.B shinsa\n[\\fB\\-\\-db\\fR \\fIPATH\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n"
	      ".br\n.B shinsa\n\\fICOMMAND\\fR \\fB\\-\\-help\\fR\n.SH DESCRIPTION\n",
	      out);
	paragraphs(out, description);
	fputs(".SH OPTIONS\nEvery command takes these, and its own (below).\n"
	      ".TP\n\\fB\\-\\-db\\fR \\fIPATH\\fR\nThe SQLite database (default: $SHINSA_DB, else ", out);
	text(out, CLI_DEFAULT_DB);
	fputs(").\n.TP\n\\fB\\-\\-help\\fR, \\fB\\-h\\fR\nPrint the command's usage and help, as below.\n"
	      ".SH COMMANDS\n", out);
	for (size_t i = 0; cli_commands[i]; i++)
		command(out, cli_commands[i]);
	fputs(".SH ENVIRONMENT\n", out);
	for (size_t i = 0; i < sizeof environment / sizeof environment[0]; i++) {
		fprintf(out, ".TP\n.B %s\n", environment[i].name);
		text(out, environment[i].text);
		fputc('\n', out);
	}
	fputs(".SH FILES\n.TP\n.I ", out);
	text(out, CLI_DEFAULT_DB);
	fputs("\nThe database (SQLite, in WAL mode: with it ", out);
	text(out, CLI_DEFAULT_DB);
	fputs("\\-wal and \\-shm while in use), relative to the working directory; shinsa init creates it.\n"
	      ".TP\n.I secret.key\nThe server secret, beside the database (see SHINSA_SECRET_FILE): it opens the "
	      "TOTP secrets and the signing keys. Back it up with the database (shinsa backup).\n"
	      ".TP\n.I ", out);
	text(out, SHINSA_CATALOG_DIR);
	fputs("\nThe shipped catalogs (the checklist, the sample bank criteria and their mapping) that "
	      "shinsa init loads, unless SHINSA_CATALOG_DIR or \\-\\-catalog\\-dir says otherwise.\n"
	      ".SH EXIT STATUS\n", out);
	paragraphs(out, exit_status);
	fputs(".SH SEE ALSO\nThe README.md and the docs/ directory of the source tree: docs/cli.md for the "
	      "command line, docs/operations.md for running the server, docs/HACKING.md for the code.\n", out);
	return ferror(out) ? -1 : 0;
}
