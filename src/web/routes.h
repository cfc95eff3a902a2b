/*
 * routes: the table of every route the server answers (see router.h for
 * patterns and access flags). Adding an endpoint is one line here, its
 * handler in an api_*.c, and its path in web/openapi.json (a unit test
 * checks that every /api/v1 route is documented there).
 */
#ifndef SHINSA_WEB_ROUTES_H
#define SHINSA_WEB_ROUTES_H

#include <stddef.h>

#include "web/router.h"

extern const struct route routes[];
extern const size_t n_routes;

#endif
