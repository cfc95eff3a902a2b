/*
 * clock: the time Shinsa believes it is.
 *
 * Everything that stamps or compares dates asks here, so tests can set the
 * clock with SHINSA_NOW (ISO-8601, e.g. 2026-04-01T09:00:00Z).
 */
#ifndef SHINSA_CLOCK_H
#define SHINSA_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "lib/err.h"

/* Bytes of a timestamp as clock_format() writes it, "YYYY-MM-DDTHH:MM:SSZ",
 * with its NUL: the size of every buffer that holds one. */
#define CLOCK_TEXT_SIZE 21

/* Seconds since the epoch: SHINSA_NOW if set and valid, else the real time. */
int clock_now(time_t *out, struct err *e);

/* t as "YYYY-MM-DDTHH:MM:SSZ" in out (at least CLOCK_TEXT_SIZE bytes). */
void clock_format(time_t t, char out[CLOCK_TEXT_SIZE]);

/* Now, as clock_format() writes it: what every stored timestamp is. */
int clock_stamp(char out[CLOCK_TEXT_SIZE], struct err *e);

/* True for a real calendar date written YYYY-MM-DD (1970 or later). */
bool clock_date_valid(const char *s);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD" (midnight UTC). */
int clock_parse(const char *s, time_t *out);

/* The CPU time the calling thread has used, in nanoseconds: what bounds
 * the work one request makes (the server runs several on its worker
 * threads). Not the clock above: SHINSA_NOW does not change it. */
uint64_t clock_thread_cpu_ns(void);

#endif
