/*
 * timed FILE COMMAND [ARG...]: run COMMAND and write to FILE its wall-clock
 * seconds and peak memory in KB ("0.041327 5120").  For scripts/bench: the
 * clock runs from just before the fork to the child's end, so a row of
 * 40 ms is not swollen by the forks of date(1) and /usr/bin/time (about
 * 15 ms here).  Peak memory is that of wait4(2), as /usr/bin/time reports
 * it: the largest of the command and the children it waited for.  Exits
 * with the command's status.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct rusage use;
	double start;
	FILE *report;
	pid_t pid;
	int status;

	if (argc < 3) {
		fprintf(stderr, "usage: timed FILE COMMAND [ARG...]\n");
		return 2;
	}
	start = now();
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "timed: cannot fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timed: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &status, 0, &use) < 0)
		if (errno != EINTR) {
			fprintf(stderr, "timed: wait: %s\n", strerror(errno));
			return 2;
		}
	report = fopen(argv[1], "w");
	if (!report || fprintf(report, "%.6f %ld\n", now() - start, use.ru_maxrss) < 0 || fclose(report) != 0) {
		fprintf(stderr, "timed: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
