/*
 * api_banks: the banks a connector may share with, for the share form's
 * list (web/static/bank_picker.js).
 *
 *   GET /api/v1/banks?q=TEXT   connector, READ: 200 {"banks":[{"name":…}],
 *          "more":bool}, the banks on this server by name whose name key
 *          (lib/jpinput.h) holds q's (株式会社デモ, ﾃﾞﾓ and デモ all find
 *          デモ銀行); at most API_BANKS_MAX, "more" true when more matched
 *
 * A bank's name is no secret on one server: a connector needs it to share,
 * and the share itself already refuses an unknown name ("no bank").
 * Connectors' names are never listed (lookup_banks leaves them out).
 */
#ifndef SHINSA_WEB_API_BANKS_H
#define SHINSA_WEB_API_BANKS_H

#include "web/http.h"

#define API_BANKS_MAX 20

void api_banks_list(struct http_request *req, struct http_response *resp);

#endif
