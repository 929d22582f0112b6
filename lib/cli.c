/* Option parsing shared by every tool. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "out.h"

#ifndef VERSION
#define VERSION "0"
#endif

static const char *cli_usage = "";
static const char *cli_help = "";

void
cli_init(const char *argv0, const char *usage, const char *help)
{
	setprogname(argv0);
	out_catch_signals();
	cli_usage = usage;
	cli_help = help;
}

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", cli_usage);
	exit(2);
}

int
cli_next(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char spec[128];
	int c;

	/* A leading ':' makes getopt report a missing argument as ':' and stay quiet. */
	snprintf(spec, sizeof spec, ":%s", shortopts);
	opterr = 0;
	c = getopt_long(argc, argv, spec, longopts, NULL);
	switch (c) {
	case CLI_HELP:
		fputs(cli_usage, stdout);
		fputs(cli_help, stdout);
		if (fflush(stdout) || ferror(stdout))
			die("write error:");
		exit(0);
	case CLI_VERSION:
		printf("%s %s\n", progname, VERSION);
		if (fflush(stdout) || ferror(stdout))
			die("write error:");
		exit(0);
	case '?':
		if (optopt)
			usage_error("unknown option: -%c", optopt);
		usage_error("unknown option: %s", argv[optind - 1]);
	case ':':
		if (optopt && optopt < 0x100)
			usage_error("option requires an argument: -%c", optopt);
		usage_error("option requires an argument: %s", argv[optind - 1]);
	}
	return c;
}

long long
cli_number(const char *option, const char *value, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(value, &end, 10);
	if (end == value || *end != '\0')
		usage_error("%s: not a number: %s", option, value);
	if (errno == ERANGE || v > max)
		usage_error("%s: too large: %s (at most %lld)", option, value, max);
	if (v < min)
		usage_error("%s: too small: %s (at least %lld)", option, value, min);
	return v;
}

double
cli_real(const char *option, const char *value, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(value, &end);
	if (errno || end == value || *end || !(v >= min && v <= max))
		usage_error("%s: not a number from %.15g to %.15g: %s", option, min, max, value);
	return v;
}
