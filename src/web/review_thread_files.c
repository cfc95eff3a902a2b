#include "web/review_thread_files.h"

#include <stdio.h>
#include <stdlib.h>

#include "lib/xalloc.h"
#include "service/attachments.h"

/* href and size_kb on each file of each message of row. */
static void files_of_row(json_t *row, long long submission)
{
	size_t i, k;
	json_t *m, *f;
	json_array_foreach(json_object_get(row, "messages"), i, m) {
		json_array_foreach(json_object_get(m, "files"), k, f) {
			char *href = xasprintf("/api/v1/reviews/%lld/files/%s", submission,
					       json_string_value(json_object_get(f, "sha256")) ?: "");
			json_object_set_new(f, "href", json_string(href));
			free(href);
			json_int_t size = json_integer_value(json_object_get(f, "size"));
			/* A file of a few bytes is still "1 KB", not "0 KB". */
			json_object_set_new(f, "size_kb", json_integer(size ? (size + 1023) / 1024 : 0));
		}
	}
}

void review_thread_files_add(json_t *data, long long submission)
{
	size_t g, i;
	json_t *group, *row;
	json_array_foreach(json_object_get(data, "groups"), g, group)
		json_array_foreach(json_object_get(group, "items"), i, row)
			files_of_row(row, submission);
	json_object_set_new(data, "thread_file_max", json_integer(ATTACHMENTS_FILE_MAX));
	json_object_set_new(data, "thread_file_max_mib", json_integer(ATTACHMENTS_FILE_MAX / (1024 * 1024)));
}
