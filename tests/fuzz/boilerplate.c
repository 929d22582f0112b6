/* Fuzz target: strip-boilerplate's core; every line gets a class and a score. */
#include <stdlib.h>

#include "boilerplate.h"
#include "fuzzlib.h"
#include "mem.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct buf text;
	static struct bp_line *lines;
	static size_t cap;
	struct line ln;
	size_t pos = 0, n = 0;
	unsigned long lineno = 0;

	fuzz_text(&text, data, size);
	while (fuzz_line(&text, &pos, &ln)) {
		lineno++;
		if (ln.len == 0)
			continue;
		lines = xgrow(lines, &cap, n + 1, sizeof *lines);
		memset(&lines[n], 0, sizeof *lines);
		lines[n].text = ln.data;
		lines[n].len = ln.len;
		lines[n].lineno = lineno;
		n++;
	}
	fuzz_bp_classify(lines, n, NULL);
	return 0;
}
