/*
 * libFuzzer target: a backup directory's manifest.json, read by `shinsa
 * restore` from a directory that may have been tampered with. Whatever the
 * bytes, the parser returns 0 or -1 with a message; a manifest it accepts
 * is written back and read again to the same values.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "formats/backup_manifest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1); /* restore reads the file as a string */
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct err e = { 0 };
	struct backup_manifest m, again;
	if (backup_manifest_parse(text, &m, &e) == 0) {
		struct strbuf out = STRBUF_INIT;
		backup_manifest_write(&m, &out);
		if (backup_manifest_parse(out.buf, &again, &e) != 0 || again.schema != m.schema ||
		    again.audit_events != m.audit_events || strcmp(again.taken_at, m.taken_at) ||
		    strcmp(again.database_sha256, m.database_sha256) || strcmp(again.secret_sha256, m.secret_sha256) ||
		    strcmp(again.audit_last_hash, m.audit_last_hash))
			__builtin_trap(); /* what is accepted must survive a round trip */
		strbuf_release(&out);
	} else if (!e.msg[0]) {
		__builtin_trap(); /* every failure must say why */
	}
	free(text);
	return 0;
}
