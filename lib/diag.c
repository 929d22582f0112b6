/* Diagnostics on stderr, prefixed with the program's name. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

const char *progname = "?";
static _Thread_local struct buf *captured;

void
diag_capture(struct buf *to)
{
	captured = to;
}

/* The message into the buffer that captures this thread's messages. */
static void
capture(const char *fmt, va_list ap, const char *why)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	buf_adds(captured, progname);
	buf_adds(captured, ": ");
	if (n > 0) {
		buf_reserve(captured, (size_t)n + 1);
		vsnprintf(captured->data + captured->len, (size_t)n + 1, fmt, ap);
		captured->len += (size_t)n;
	}
	if (why) {
		buf_addc(captured, ' ');
		buf_adds(captured, why);
	}
	buf_addc(captured, '\n');
}

void
setprogname(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
}

static void
vwarn(const char *fmt, va_list ap, int may_capture)
{
	int saved = errno;
	size_t n = strlen(fmt);

	if (captured && may_capture) {
		capture(fmt, ap, n > 0 && fmt[n - 1] == ':' ? strerror(saved) : NULL);
		return;
	}
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 1);
	va_end(ap);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap, 0);	/* the end: at once, not held with a batch */
	va_end(ap);
	exit(1);
}
