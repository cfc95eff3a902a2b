/*
 * cli_man: the manual page shinsa(1), in roff (the man macros), made from
 * the command table: each command's name, args, summary and help, the
 * same strings `shinsa help` and `--help` print, so the two never differ.
 * The build writes it to build/shinsa.1 with `shinsa help --man`.
 */
#ifndef SHINSA_CLI_MAN_H
#define SHINSA_CLI_MAN_H

#include <stdio.h>

/* Writes the whole page to out. Returns 0, or -1 when out has an error. */
int cli_man_print(FILE *out);

#endif
