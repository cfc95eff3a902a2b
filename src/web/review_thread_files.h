/*
 * review_thread_files: what the review page (web/page_review.h) adds for
 * files in threads and expired evidence (issue 18). Pure reshaping of the
 * page's data (review_screen_build()'s), in place:
 *   each message file  href (GET /api/v1/reviews/{submission}/files/{sha256})
 *                      and size_kb (its size in KB, at least 1; "0" when empty)
 *   thread_file_max    the largest file a thread takes, in bytes
 *                      (ATTACHMENTS_FILE_MAX), for the page's script to
 *                      refuse a bigger one before sending it, and
 *                      thread_file_max_mib the same in MiB
 * The items' expired_files come from the API as they are.
 */
#ifndef SHINSA_WEB_REVIEW_THREAD_FILES_H
#define SHINSA_WEB_REVIEW_THREAD_FILES_H

#include <jansson.h>

void review_thread_files_add(json_t *data, long long submission);

#endif
