/*
 * The one option convention: getopt_long, --help on stdout (exit 0),
 * --version as "NAME VERSION" (exit 0), bad usage as a one-line reason
 * and the usage line on stderr (exit 2).
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>

#define CLI_HELP 0x100
#define CLI_VERSION 0x101
/* End every tool's long option table with these. */
#define CLI_LONGOPTS \
	{ "help", no_argument, NULL, CLI_HELP }, \
	{ "version", no_argument, NULL, CLI_VERSION }, \
	{ NULL, 0, NULL, 0 }

/* usage: the synopsis line(s); help: the text --help prints after them. */
void cli_init(const char *argv0, const char *usage, const char *help);
/* getopt_long that handles --help, --version and bad options itself. */
int cli_next(int argc, char **argv, const char *shortopts, const struct option *longopts);
_Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An integer option's value within [min, max], or a usage error naming the option. */
long long cli_number(const char *option, const char *value, long long min, long long max);
/* A real option's value within [min, max], or a usage error naming the option. */
double cli_real(const char *option, const char *value, double min, double max);

#endif
