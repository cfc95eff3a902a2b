/*
 * outcome: what a service call tells its front end, one type for every
 * service so that each front end maps it in one place: the server in
 * web/api_reply.h (api_refusal_of(), api_refused()), the command line in
 * cli/cli.h (cli_refused(): the message, exit 1). Each service's header
 * says which outcomes a function returns and with which messages; e
 * always says why.
 *
 *   OUTCOME_OK          done
 *   OUTCOME_FAILED      a failure of the system (the store, memory): -1,
 *                       so that "rc < 0" still reads as "it broke"
 *   OUTCOME_NOT_FOUND   no such thing, or one the caller may not know of
 *                       (the same message either way, so nothing leaks)
 *   OUTCOME_INVALID     what was asked cannot be done as asked: a bad
 *                       value, a missing one, a rule it breaks, a wrong
 *                       current password
 *   OUTCOME_CONFLICT    it could be done, but not in the state things are
 *                       in (decided, revoked, pending items)
 *   OUTCOME_REFUSED     the caller's kind or organisation may not do it
 *   OUTCOME_CHOOSE      more than one candidate and none named: the front
 *                       end says how to name one
 *   OUTCOME_INCOMPLETE  a submission with answers missing (the problems
 *                       are in the result)
 *   OUTCOME_SHEET       an imported workbook with errors (listed in the
 *                       result)
 *   OUTCOME_DENIED      the caller is not signed in, or signing in failed
 *   OUTCOME_THROTTLED   too many failed attempts: the account is locked
 *                       for now (the result says until when)
 *   OUTCOME_TOO_LARGE   what was sent is larger than its limit (a file
 *                       over the most an attachment may be)
 */
#ifndef SHINSA_SERVICE_OUTCOME_H
#define SHINSA_SERVICE_OUTCOME_H

enum outcome {
	OUTCOME_FAILED = -1,
	OUTCOME_OK = 0,
	OUTCOME_NOT_FOUND,
	OUTCOME_INVALID,
	OUTCOME_CONFLICT,
	OUTCOME_REFUSED,
	OUTCOME_CHOOSE,
	OUTCOME_INCOMPLETE,
	OUTCOME_SHEET,
	OUTCOME_DENIED,
	OUTCOME_THROTTLED,
	OUTCOME_TOO_LARGE,
};

#endif
