#include "web/routes.h"

#include "web/api_catalog.h"
#include "web/api_meta.h"

/*
 * Access is ROUTE_SIGNED_IN unless a line says ROUTE_PUBLIC (router.h).
 * body_limit 0 is ROUTE_BODY_DEFAULT (1 MiB); an upload route names its own
 * (the xlsx import will take 20 MiB).
 */
const struct route routes[] = {
	{ "GET", "/healthz", api_healthz, ROUTE_PUBLIC, 0 },
	{ "GET", "/api/v1/openapi.json", api_openapi, ROUTE_PUBLIC, 0 },
	/* Public only until accounts exist: then ROUTE_SIGNED_IN (drop the flag). */
	{ "GET", "/api/v1/catalogs", api_catalog_list, ROUTE_PUBLIC, 0 },
	{ "GET", "/api/v1/catalogs/{id}", api_catalog_show, ROUTE_PUBLIC, 0 },
};

const size_t n_routes = sizeof routes / sizeof routes[0];
