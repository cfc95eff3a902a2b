/*
 * embedded: the files kept in the repository and compiled into the binary
 * as bytes (scripts/embed.sh writes build/gen/embedded.c): the OpenAPI
 * document, the page templates (web/templates/), their messages
 * (web/i18n/) and the static files (web/static/). The program never reads
 * them from disk, so it does not depend on where it was started from.
 *
 * The bytes are static and end with a NUL that len does not count.
 */
#ifndef SHINSA_WEB_EMBEDDED_H
#define SHINSA_WEB_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *path;            /* as in the repository: "web/static/shinsa.css" */
	const unsigned char *bytes;
	size_t len;
};

extern const struct embedded_file embedded_files[];
extern const size_t embedded_n_files;

/* The file at path, or NULL. */
const struct embedded_file *embedded_find(const char *path);

#endif
