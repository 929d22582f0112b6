/* Fuzz target: count-values' core; the counts add up to the records counted. */
#include <stdint.h>
#include <stdlib.h>

#include "count.h"
#include "fuzzlib.h"

static uint64_t sum;

static void
add_row(const struct count_table *t, const struct count_row *row, void *ctx)
{
	(void)t;
	(void)ctx;
	if (row)
		sum += row->count;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct fieldlist key;
	static struct buf text;
	const char *why;
	struct line ln;
	size_t pos = 0;
	uint64_t counted = 0;

	if (!key.max && fieldlist_parse(&key, "2,4-", &why) < 0)
		abort();
	struct count_spec spec = { .key = &key };
	struct count_show show = { 0 };
	struct counter *c = counter_new(&spec);

	fuzz_text(&text, data, size);
	while (fuzz_line(&text, &pos, &ln))
		if (counter_add(c, "fuzz", 1, ln.data, ln.len) == 0)
			counted++;
	counter_end_input(c, "fuzz");
	sum = 0;
	counter_each(c, &show, add_row, NULL);
	if (sum != counted)
		abort();
	counter_free(c);
	return 0;
}
