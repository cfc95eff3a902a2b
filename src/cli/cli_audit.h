/*
 * cli_audit: who the command line is, for the audit trail.
 *
 * The command line has no login: whoever can run it can read and write the
 * database file. So its actor is what the operating system says about who
 * ran it: "cli:" + the name of the effective user (getpwuid(geteuid())),
 * e.g. "cli:alice", or "cli:uid=1001" for an account without a name. Web
 * requests record the user's email instead, so the two never look alike
 * (an email has an "@", a CLI actor starts "cli:"). The command line hands
 * it to the service, which writes every event (service/audit_log.h).
 */
#ifndef SHINSA_CLI_AUDIT_H
#define SHINSA_CLI_AUDIT_H

/* The command line's actor as above; you own it. */
char *cli_audit_actor(void);

#endif
