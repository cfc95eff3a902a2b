/*
 * api_reply: what the API handlers share — the store of
 * the thread or a 503, a 500 that logs what failed and tells the client
 * nothing of the server, and an id from the path.
 */
#ifndef SHINSA_WEB_API_REPLY_H
#define SHINSA_WEB_API_REPLY_H

#include <stdbool.h>
#include <time.h>

#include <jansson.h>

#include "lib/err.h"
#include "service/outcome.h"
#include "store/store.h"
#include "web/http.h"

/* The store of this thread (never close it), or NULL having answered 503. */
struct store *api_store(struct http_request *req, struct http_response *resp);

/* 500 "internal"; e's message goes to the request's log line only. */
void api_internal(struct http_response *resp, const struct err *e);

/* The HTTP answer to a service outcome: the status and the error code. */
struct api_refusal {
	int status;
	const char *code;
};

/*
 * The one table from outcome (service/outcome.h) to HTTP:
 *   NOT_FOUND  404 not_found     INVALID    400 bad_request
 *   CONFLICT   409 conflict      REFUSED    403 forbidden
 *   CHOOSE     400 bad_request   INCOMPLETE 422 incomplete
 *   SHEET      422 invalid_workbook
 *   DENIED     401 unauthorized  THROTTLED  429 too_many_attempts
 *   FAILED, OK and anything else: 500 internal
 */
struct api_refusal api_refusal_of(enum outcome rc);

/*
 * A service outcome other than OUTCOME_OK as the one answer every handler
 * gives for it (api_refusal_of()), e's message as the error's, except:
 *   CHOOSE     "MESSAGE: say which with ?CHOOSE=ID"; choose is the query
 *              parameter that names one (NULL where there is none: then
 *              as FAILED)
 *   FAILED     api_internal()
 * INCOMPLETE and SHEET have their problems in the result: the handler
 * gives them with api_refusal_of()'s status and code. An e set with
 * err_coded() adds "problems": [api_problem_json(its data)] to the
 * error, as the workbook import's 422 has them.
 */
void api_refused(struct http_response *resp, enum outcome rc, const struct err *e, const char *choose);

/* One problem of a refused file as the API gives it, {"cell": CELL,
 * "code": CODE, "args": [the n values]} (a new object, yours; NULL when
 * cell or code is not UTF-8; a value that is not is left out). */
json_t *api_problem_json(const char *cell, const char *code, const char *const *args, size_t n);

/*
 * Route parameter name as an id (submissions_parse_id()); false having
 * answered 404 "no WHAT TEXT" when it is none, since no such object exists.
 */
bool api_id_param(const struct http_request *req, const char *name, const char *what, long long *id,
		  struct http_response *resp);

struct http_json_field;

/*
 * A JSON write's prologue, the same in most handlers: the store
 * (api_store()), the path's id when name is not NULL (api_id_param(), its
 * 404 naming what) and the body checked against fields (http_json_body(),
 * *body yours). NULL having answered, *body then NULL.
 */
struct store *api_json_request(struct http_request *req, struct http_response *resp, const char *name,
			       const char *what, long long *id, const struct http_json_field *fields, json_t **body);

/* An item number as in a path: 1 to 100000, digits only, no leading
 * zero; -1 for anything else (NULL included). */
int api_item_no(const char *text);

/*
 * The Content-Disposition value for a download called name (UTF-8):
 * attachment; filename="ASCII"; filename*=UTF-8''PERCENT-ENCODED, the ASCII
 * name being fallback (kept to letters, digits and . _ -). You own it.
 */
char *api_content_disposition(const char *name, const char *fallback);

/* OUTCOME_THROTTLED's answer, api_refused(), with Retry-After: the
 * seconds until until (at least 1). */
void api_throttled(struct http_response *resp, time_t until, const struct err *e);

/* api_refused() of an outcome that may be OUTCOME_THROTTLED (sign-in, or a
 * call that rechecked the caller's password: account_recheck()), which
 * is api_throttled() until retry_after. */
void api_refused_until(struct http_response *resp, enum outcome rc, time_t retry_after, const struct err *e);

/* Query parameter ?name as a whole number from 1 to max, else def when
 * absent: 0, or -1 answered 400 "NAME wants WANT, not \"TEXT\"" (want: "a
 * number from 1 to 10000"). */
int api_query_number(const struct http_request *req, struct http_response *resp, const char *name,
		     long long max, long long def, const char *want, long long *out);

#endif
