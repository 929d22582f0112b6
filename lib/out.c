/* Buffered standard output with checked writes. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "escape.h"
#include "out.h"

char out_buf[OUT_SIZE];
size_t out_len;

static volatile sig_atomic_t writing, pending_signal;

/* Interrupted: write the complete records still buffered, then die of the signal. */
static void
on_signal(int sig)
{
	if (!writing) {
		char *nl = memrchr(out_buf, '\n', out_len);

		if (nl && write(STDOUT_FILENO, out_buf, (size_t)(nl - out_buf) + 1) < 0)
			(void)0;	/* nothing more can be done */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	pending_signal = sig;	/* write_all finishes its records first */
}

void
out_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART }, old;

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);	/* a signal ignored (nohup, &) stays ignored */
}

/*
 * Output to a pipe: ask for a larger pipe (the default holds 64 KB), so
 * that a stage that writes in bursts (strip-boilerplate, a block at a
 * time) keeps the next stage fed while it reads on.  A hint: if the
 * kernel refuses, nothing changes.
 */
static void
widen_pipe(void)
{
	static int done;
	struct stat st;

	if (done)
		return;
	done = 1;
	if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(STDOUT_FILENO, F_GETPIPE_SZ) < OUT_PIPE)	/* never narrowed */
		fcntl(STDOUT_FILENO, F_SETPIPE_SZ, OUT_PIPE);
}

static void
write_all(const char *p, size_t n)
{
	widen_pipe();
	writing = 1;
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
	writing = 0;
	if (pending_signal) {
		signal(pending_signal, SIG_DFL);
		raise(pending_signal);
	}
}

void
out_flush(void)
{
	write_all(out_buf, out_len);
	out_len = 0;
}

/*
 * The buffer is full: write its complete records and keep the partial last
 * one, so that output cut short (a signal) ends on a record boundary.
 */
void
out_write_slow(const void *p, size_t n)
{
	char *nl = memrchr(out_buf, '\n', out_len);
	size_t done = nl ? (size_t)(nl - out_buf) + 1 : out_len;

	write_all(out_buf, done);
	out_len -= done;
	memmove(out_buf, out_buf + done, out_len);
	if (OUT_SIZE - out_len < n) {	/* a record longer than the buffer */
		out_flush();
		write_all(p, n);
		return;
	}
	memcpy(out_buf + out_len, p, n);
	out_len += n;
}

void
out_records(const void *p, size_t n)
{
	if (OUT_SIZE - out_len < n)
		out_flush();
	if (n > OUT_SIZE) {
		write_all(p, n);
		return;
	}
	writing = 1;	/* a signal now waits: the copy may be half done */
	memcpy(out_buf + out_len, p, n);
	out_len += n;
	writing = 0;
	if (pending_signal)
		out_flush();	/* the records, then the signal's death */
}

void
out_u64(uint64_t v)
{
	char tmp[U64_DIGITS];
	const char *p = u64_decimal(v, tmp + sizeof tmp);

	out_write(p, (size_t)(tmp + sizeof tmp - p));
}

void
out_escaped(const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *run = s;

		s = escape_span(s, (size_t)(end - s));
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
