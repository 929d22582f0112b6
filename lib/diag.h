/* Diagnostics: every message starts with the program's name and is one line. */
#ifndef DIAG_H
#define DIAG_H

extern const char *progname;

void setprogname(const char *argv0);
/* A format ending in ':' appends ": strerror(errno)". */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));	/* exit 1 */
/*
 * While set, this thread's warnings are appended to *to (NULL: stderr), to
 * be written later in their place among its output; die() writes at once.
 */
struct buf;
void diag_capture(struct buf *to);

#endif
