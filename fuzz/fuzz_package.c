/*
 * libFuzzer target: the package reader, the whole path a zip takes in
 * `shinsa verify FILE.zip` (zip directory, member names, inflating within
 * limits, the submission's checks, each file's hash). Whatever the bytes,
 * it must return 0 or -1 with a message and a kind, never crash or leak.
 */
#include <sodium.h>
#include <stddef.h>
#include <stdint.h>

#include "formats/package.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready && sodium_init() < 0)
		__builtin_trap();
	ready = 1;
	struct err e = { 0 };
	struct package *p;
	enum package_fail fail;
	if (package_read((const char *)data, size, &p, &fail, &e) == 0)
		package_free(p);
	else if (!e.msg[0] || fail == PACKAGE_OK)
		__builtin_trap(); /* every failure must say why */
	return 0;
}
