/* Fuzz target: strip-boilerplate's core; every line gets a class and a score. */
#include <math.h>
#include <stdlib.h>

#include "boilerplate.h"
#include "fuzzlib.h"
#include "mem.h"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct bp_model model;
	static int ready;
	static struct buf text;
	static struct bp_line *lines;
	static size_t cap;
	struct line ln;
	size_t pos = 0, n = 0;
	unsigned long lineno = 0;

	if (!ready) {
		struct bp_options o;

		bp_defaults(&o);
		if (bp_init(&model, &o) < 0)
			abort();
		ready = 1;
	}
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
	bp_count(&model, lines, n);
	bp_classify(&model, lines, n, NULL);
	for (size_t i = 0; i < n; i++)
		if (lines[i].class > BP_TITLE || isnan(lines[i].score))
			abort();
	return 0;
}
