/*
 * mkpackage: a test tool, not a test. Writes a package (formats/package.h)
 * of a small submission signed with a fixed test key, listing the files
 * given, so that tests/cli/verify_package.sh has a package with files
 * before the attachment store can seal any:
 *
 *   mkpackage OUT.zip [FILE TYPE ITEM]...
 *
 * Each file is listed under its base name, untitled, for item ITEM. The
 * key is made from 32 zero bytes: the same arguments give the same zip.
 * MKPACKAGE_CATALOG_SHA256 and MKPACKAGE_VERSION, when set, replace the
 * fixture's checklist hash and version, so that a server with the real
 * checklist can receive the package (tests/cli/receive.sh).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/submission.h"
#include "formats/package.h"
#include "lib/fsutil.h"
#include "lib/hash.h"
#include "lib/keys.h"
#include "lib/xalloc.h"
#include "testutil.h"

#define MAX_FILES 16

static int die(const char *msg)
{
	fprintf(stderr, "mkpackage: %s\n", msg);
	return 1;
}

int main(int argc, char **argv)
{
	if (argc < 2 || (argc - 2) % 3 != 0 || (argc - 2) / 3 > MAX_FILES || sodium_init() < 0)
		return die("usage: mkpackage OUT.zip [FILE TYPE ITEM]...");
	unsigned char seed[crypto_sign_SEEDBYTES] = { 0 }, pk[KEYS_PUBLIC_BYTES], sk[KEYS_PRIVATE_BYTES];
	char pk_hex[2 * KEYS_PUBLIC_BYTES + 1];
	crypto_sign_seed_keypair(pk, sk, seed);
	keys_hex(pk, sizeof pk, pk_hex);
	struct submission *s = fixture_submission(pk_hex);
	const char *cat_sha = getenv("MKPACKAGE_CATALOG_SHA256"), *version = getenv("MKPACKAGE_VERSION");
	if (cat_sha) {
		free(s->catalog_sha256);
		s->catalog_sha256 = xstrdup(cat_sha);
	}
	if (version)
		s->version = atoi(version);
	struct package_file files[MAX_FILES];
	char shas[MAX_FILES][HASH_HEX_LEN + 1];
	size_t n = 0;
	struct err e = { 0 };
	for (int i = 2; i + 2 < argc; i += 3, n++) {
		char *data;
		size_t len;
		if (fs_read_file(argv[i], 64u << 20, &data, &len, &e) < 0)
			return die(e.msg);
		hash_sha256_hex(data, len, shas[n]);
		files[n] = (struct package_file){ shas[n], data, len };
		const char *base = strrchr(argv[i], '/');
		struct submission_attachment *a = submission_add_attachment(s, shas[n], base ? base + 1 : argv[i], "",
									    argv[i + 1], (long long)len, NULL);
		submission_attachment_add_item(a, atoi(argv[i + 2]));
	}
	submission_sort(s);
	struct strbuf file = STRBUF_INIT, zip = STRBUF_INIT;
	fixture_seal(s, sk, &file);
	if (package_write(file.buf, file.len, files, n, NULL, 0, &zip, &e) < 0 ||
	    fs_write_file(argv[1], zip.buf, zip.len, &e) < 0)
		return die(e.msg);
	for (size_t i = 0; i < n; i++)
		free((char *)files[i].data);
	strbuf_release(&file);
	strbuf_release(&zip);
	submission_free(s);
	return 0;
}
