/*
 * Standard output through one large buffer, written a whole number of
 * records at a time.  A write error ends the program at once (status 1,
 * one message); a closed pipe ends it silently.
 */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define OUT_SIZE (1 << 16)
/* The size asked for a pipe on standard output (Linux's default limit for a user). */
#define OUT_PIPE (1 << 20)

extern char out_buf[OUT_SIZE];
extern size_t out_len;

void out_flush(void);
void out_write_slow(const void *p, size_t n);
/* Whole records p[0..n), many at once, for a writer of whole records only: a signal never finds them half copied. */
void out_records(const void *p, size_t n);
void out_u64(uint64_t v);
void out_escaped(const char *s, size_t n);	/* a text field, escaped per the contract */
int out_close(void);
/* On SIGINT, SIGTERM or SIGHUP, write the complete records buffered, then die of the signal. */
void out_catch_signals(void);	/* flush and close stdout; 1 (after a message) on error */

static inline void
out_write(const void *p, size_t n)
{
	if (OUT_SIZE - out_len < n) {
		out_write_slow(p, n);
		return;
	}
	memcpy(out_buf + out_len, p, n);
	out_len += n;
}

static inline void
out_char(char c)
{
	if (out_len == OUT_SIZE) {
		out_write_slow(&c, 1);
		return;
	}
	out_buf[out_len++] = c;
}

static inline void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

#endif
