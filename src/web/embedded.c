#include "web/embedded.h"

#include <string.h>

const struct embedded_file *embedded_find(const char *path)
{
	/* A few dozen files, looked up by a page's static links: a scan is enough. */
	for (size_t i = 0; i < embedded_n_files; i++)
		if (strcmp(embedded_files[i].path, path) == 0)
			return &embedded_files[i];
	return NULL;
}
