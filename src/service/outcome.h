/*
 * outcome: what a service call that did not succeed tells its front end,
 * the same numbers in every service so that each front end maps them in
 * one place (web/api_reply.h api_refused(); the command line prints the
 * message and exits 1). A service names them with its own prefix
 * (REVIEWS_NOT_FOUND is OUTCOME_NOT_FOUND) and documents which it returns
 * and with which messages; e always says why.
 *
 *   0                  done
 *   OUTCOME_NOT_FOUND  no such thing, or one the caller may not know of
 *                      (the same message either way, so nothing leaks)
 *   OUTCOME_INVALID    what was asked cannot be done as asked: a bad
 *                      value, a missing one, a rule it breaks
 *   OUTCOME_CONFLICT   it could be done, but not in the state things are
 *                      in (decided, revoked, pending items)
 *   OUTCOME_REFUSED    the caller's kind or organisation may not do it
 *   OUTCOME_CHOOSE     more than one candidate and none named: the front
 *                      end says how to name one
 *   OUTCOME_OWN + n    a service's own outcome (its header says)
 *   -1                 a failure of the system (the store, memory)
 */
#ifndef SHINSA_SERVICE_OUTCOME_H
#define SHINSA_SERVICE_OUTCOME_H

#define OUTCOME_NOT_FOUND 1
#define OUTCOME_INVALID 2
#define OUTCOME_CONFLICT 3
#define OUTCOME_REFUSED 4
#define OUTCOME_CHOOSE 5
#define OUTCOME_OWN 16

#endif
