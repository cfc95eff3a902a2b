/*
 * testutil: what every cmocka unit test includes.
 *
 * Tests run from the repository root (scripts/test.sh makes sure), so paths
 * like "catalog/" and "tests/data/" work as they stand.
 */
#ifndef SHINSA_TESTUTIL_H
#define SHINSA_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
