/*
 * The counting core of count-values: records in, a frequency table out.
 * Exact by default (keys interned in lib/hash.h's table, counts in arrays
 * by id); with a memory bound and a top N, a Space-Saving summary instead.
 */
#ifndef COUNT_H
#define COUNT_H

#include <stddef.h>
#include <stdint.h>

#include "fieldlist.h"

struct count_spec {
	const struct fieldlist *key;	/* -f; NULL: the whole line, less the -w and --by fields */
	const struct fieldlist *by;	/* --by; NULL: one table */
	size_t weight;			/* -w: field summed into COUNT (0: add 1) */
	size_t weight2;			/* -w F,G: field G summed into DISTINCT (0: none) */
	size_t distinct;		/* -d: field whose distinct values are counted per key (0: none) */
	size_t memory;			/* --memory: bytes for the Space-Saving summary (0: exact) */
	size_t top;			/* -n (0: all); needed with memory */
	int jobs;			/* -j: 2 reads in one thread and counts in another (0 as 2), 1 does all in one */
	size_t keys_ahead;		/* distinct keys to make room for from the start (0: a few) */
};

/* One row of a table; key bytes as read (escaped fields joined by TAB). */
struct count_row {
	const char *key;
	size_t klen;
	uint64_t count;
	uint64_t distinct;	/* -d or -w F,G */
	uint64_t error;		/* Space-Saving: count may exceed the true count by this much */
};

/* One table: the whole input, or one group of --by. */
struct count_table {
	const char *group;
	size_t glen;
	uint64_t total;		/* sum of the counts of every key of the table, shown or not */
	uint64_t distinct_total;	/* -d: distinct values over the table; -w F,G: their sum */
	size_t keys;		/* distinct keys of the table */
};

struct count_show {
	size_t top;		/* -n (0: all) */
	uint64_t min;		/* --min */
	int percent, total;	/* --percent, --total */
	int has_distinct;	/* a DISTINCT column */
};

/* Called for each table, then each of its rows in order, then at its end (row NULL). */
typedef void count_row_fn(const struct count_table *t, const struct count_row *row, void *ctx);

struct counter;

struct counter *counter_new(const struct count_spec *spec);
/*
 * Count one record of input `name` (its line `lineno`).  A malformed record
 * is reported on stderr and skipped: returns 1 then, else 0.
 */
int counter_add(struct counter *c, const char *name, unsigned long lineno, const char *line, size_t len);
/* At the end of an input: reports how many malformed records were not shown. */
void counter_end_input(struct counter *c, const char *name);
/* Sort and hand every table and row to fn; once, after the last counter_add. */
void counter_each(struct counter *c, const struct count_show *show, count_row_fn *fn, void *ctx);
/* Write the tables as records through out.h: [GROUP] COUNT [DISTINCT] [PERCENT] KEY. */
void counter_write(struct counter *c, const struct count_show *show);
/* With memory: 1 if the summary overflowed (counts are then upper bounds). */
int counter_approximate(const struct counter *c, uint64_t *max_error, uint64_t *total, size_t *monitored);
void counter_free(struct counter *c);

#endif
