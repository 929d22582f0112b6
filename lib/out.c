/* Buffered standard output with checked writes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "escape.h"
#include "out.h"

char out_buf[OUT_SIZE];
size_t out_len;

static void
write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)	/* reader went away: stop quietly */
				exit(1);
			die("write error:");
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(void)
{
	write_all(out_buf, out_len);
	out_len = 0;
}

void
out_write_slow(const void *p, size_t n)
{
	out_flush();
	if (n >= OUT_SIZE)
		write_all(p, n);
	else {
		memcpy(out_buf, p, n);
		out_len = n;
	}
}

void
out_u64(uint64_t v)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	out_write(p, (size_t)(tmp + sizeof tmp - p));
}

void
out_escaped(const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *run = s;

		while (s < end && !escape_needed[(unsigned char)*s])
			s++;
		out_write(run, (size_t)(s - run));
		if (s < end) {
			char pair[2] = { '\\', escape_letter(*s) };

			out_write(pair, 2);
			s++;
		}
	}
}

int
out_close(void)
{
	out_flush();
	if (close(STDOUT_FILENO) < 0 && errno != EBADF) {
		warn("write error:");
		return 1;
	}
	return 0;
}
