/*
 * page: how the web interface's pages are made. A page handler asks the
 * JSON API for what it shows (page_fetch) and renders a template over it
 * (page_render). It never calls a service itself: the page sees exactly
 * what the API gives the same person, checked by the same gate
 * (router_authorize) under the API route's own flags and action, so the
 * access rules live in one place and the pages cannot widen them. Pages
 * change nothing either: their forms send JSON to the API from
 * web/static/shinsa.js with the CSRF token the page carries.
 *
 * Templates are web/templates/NAME.html (formats/html_tmpl: escaped by
 * default), each starting {{> head}} and ending {{> foot}}; messages are
 * web/i18n/LANG-PART.json, one flat object of "key": "text" per file, the
 * files of a language merged (a key in two files is an error). Both are
 * compiled in (web/embedded.h) and loaded once, on first use.
 *
 * Page routes carry ROUTE_PAGE: the gate then answers a refusal as a page
 * (page_refused) instead of JSON.
 */
#ifndef SHINSA_WEB_PAGE_H
#define SHINSA_WEB_PAGE_H

#include <jansson.h>

#include "lib/err.h"
#include "web/http.h"
#include "web/lang.h"

struct route;
struct route_refusal;

/* The largest API answer a page reads (a submission is well under it). */
#define PAGE_FETCH_MAX ((size_t)16 << 20)

/*
 * Loads and checks the templates and messages: every template parses,
 * every partial exists, each language's files are JSON objects of strings
 * with no key twice, and both languages have the same keys. 0, or -1 with
 * the first problem ("web/i18n/en-bank.json: no message \"x\" that
 * ja has"). Loaded once per process; later calls give the same answer.
 */
int page_assets_check(struct err *e);

/* Message key in language l as written (placeholders unfilled), NULL when
 * there is none or the messages do not load: for texts made outside a
 * template (the audit log's words in its CSV). */
const char *page_message(enum lang l, const char *key);

/* The language of this request (lang.h: cookie, Accept-Language, ja). */
enum lang page_lang(const struct http_request *req);

/*
 * GET path (with its query, percent-encoded as a client would send it:
 * build values with text_percent_encode) through the API as the caller,
 * and the parsed JSON answer in *out (yours). Returns the HTTP status
 * (200 with *out set); any other status leaves *out NULL and, when
 * answer is true, answers resp with the page that fits
 * (page_refused). -1 if the answer could not be had at all (resp answered
 * 500 when answer is true).
 */
int page_fetch(struct http_request *req, struct http_response *resp, const char *path, bool answer,
	       json_t **out);

/* What the API answered a fetch that failed: its status (-1: its answer
 * could not be read, code "internal"), the error's code and message as it
 * gave them ("" when none; cut to fit, at a character's start) and its Retry-After ("" when none). */
struct page_error {
	int status;
	char code[32];
	char message[512];
	char retry_after[16];
};

/*
 * page_fetch() that answers nothing: for a page that handles some refusals
 * itself (a 404 meaning "none yet") and passes the others on with
 * page_refused_why(). Returns the status as page_fetch() does; *why says
 * what the API said (status 200 and "" when it gave 200).
 */
int page_fetch_why(struct http_request *req, struct http_response *resp, const char *path, json_t **out,
		   struct page_error *why);

/* page_refused() with the API's own status, code and message, and its
 * Retry-After kept on a 429. */
void page_refused_why(struct http_request *req, struct http_response *resp, const struct page_error *why);

/*
 * Renders template tmpl with data (stolen; NULL is {}) as the page's
 * answer with status. Every UTC time in data is first shown in JST
 * (page_times in page_time.h: "2026-12-04 06:58"; a share's expires_at
 * its last day in force). Adds to data, for head/foot and the page:
 *   lang, lang_other    "ja"/"en"
 *   title               the message title_key, in lang
 *   path                req->path (for the language switch's return)
 *   scripts             [] unless data has it: files of web/static/ the
 *                       page loads after shinsa.js
 *   csrf                the session's CSRF token ("" without a session)
 *   me                  {email, role, org, kind, totp, is} of the caller, if
 *                       any; is {ROLE: true, KIND: true} ({"editor": true,
 *                       "bank": true}) for the templates to word them
 *   connector, bank     the caller's kind, as booleans
 *   can                 {edit, submit, share, review, criteria, audit,
 *                       admin}: what the caller's role may do
 *   notify              {unread, email}: the caller's unread notifications
 *                       and whether they come by e-mail too (GET
 *                       /api/v1/notifications; absent if it failed)
 * A render error is a 500 (the template's fault: the log says where).
 */
void page_render(struct http_request *req, struct http_response *resp, int status, const char *tmpl,
		 const char *title_key, json_t *data);

/*
 * The page for a refusal: 401 (not signed in, or the session ended) is a
 * 303 to /login?next=PATH; 403 password_change_required a 303 to
 * /account/password; anything else the error page, in the person's
 * language ("error.STATUS" messages) with message as detail, its status:
 * 400, 403, 404, 409 and 429 (too many attempts: "try again shortly") as
 * given; any other 4xx (and anything below 500) 400; 5xx 500.
 */
void page_refused(struct http_request *req, struct http_response *resp, int status, const char *code,
		  const char *message);

/* Answers the gate's refusal of route (router_authorize): as a page
 * (page_refused) on a ROUTE_PAGE route, else as JSON (http_json_error);
 * nothing when why->status is 0 (resp already answered). */
void page_refusal_answer(const struct route *route, struct http_request *req, struct http_response *resp,
			 const struct route_refusal *why);

/* GET /api/v1/catalogs/{id} (id percent-encoded; NULL is "") as
 * page_fetch() does: the checklist a page shows its items by. */
int page_fetch_catalog(struct http_request *req, struct http_response *resp, const char *id, bool answer,
		       json_t **out);

/* The element of an API array of items ([{no, ...}]) whose "no" is no,
 * borrowed from items, or NULL. */
const json_t *page_item(const json_t *items, json_int_t no);

/* The text member name of obj (borrowed), "" when absent or not text. */
const char *page_text(const json_t *obj, const char *name);

/* A 303 to location (a path of ours). */
void page_redirect(struct http_response *resp, const char *location);

/* True if next is a path of this site to return to: "/" then not "/" or
 * "\", printable ASCII only, at most 512 bytes. Anything else would send
 * the person elsewhere (an open redirect). */
bool page_local_path(const char *next);

#endif
