/*
 * The tables out: the keys of each group (--by) gathered, sorted
 * (count-sort.c) and handed to a function row by row (counter_each), or
 * written as records (counter_write).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count-impl.h"
#include "mem.h"
#include "out.h"

static int
group_cmp(const void *a, const void *b, void *ctx)
{
	const struct table *g = ctx;
	size_t la, lb;
	const char *pa = table_key(g, *(const uint32_t *)a, &la);
	const char *pb = table_key(g, *(const uint32_t *)b, &lb);

	return bytes_order(pa, la, pb, lb);
}

/* The group of key id (--by): its id, the key's first bytes. */
static inline uint32_t
group_of(const struct counter *c, size_t id)
{
	size_t len;
	uint32_t gid;

	memcpy(&gid, table_key(&c->keys, id, &len), sizeof gid);
	return gid;
}

static inline uint64_t
count_of(const struct counter *c, uint32_t id)
{
	return c->ss ? c->ss->e[id].count : c->count[id];
}

/* The slow order for counts beyond 32 bits: count descending, then key. */
static int
count_cmp(const void *a, const void *b, void *ctx)
{
	const struct keys *k = ctx;
	uint64_t ca = count_of(k->c, ((const struct item *)a)->id);
	uint64_t cb = count_of(k->c, ((const struct item *)b)->id);

	if (ca != cb)
		return ca > cb ? -1 : 1;
	return key_cmp(a, b, ctx);
}

/*
 * Sort the keys ids[0..n) of one table (ids NULL: keys 0..n-1) and hand it
 * to fn: its start (row NULL), its rows, its end (row NULL).
 */
static void
emit_table(struct counter *c, const struct count_show *show, struct count_table *tab, const uint32_t *ids,
    size_t n, size_t skip, count_row_fn *fn, void *ctx)
{
	struct keys k = { c, skip };
	int reuse = c->spare && n * sizeof(struct item) <= c->spare_bytes;
	struct item *it = reuse ? c->spare : xmalloc((n ? n : 1) * sizeof *it);
	size_t m = 0;
	int big = 0;

	if (!reuse)
		huge_pages(it, n * sizeof *it);
	tab->total = 0;
	tab->keys = n;
	for (size_t i = 0; i < n; i++) {
		uint32_t id = ids ? ids[i] : (uint32_t)i;
		uint64_t cnt = count_of(c, id);
		size_t len;
		const char *key;

		add_to(&tab->total, cnt);
		big |= cnt > UINT32_MAX;
		if (cnt < show->min)
			continue;
		key = item_key(&k, id, &len);
		it[m].neg = ~(uint32_t)cnt;
		it[m].prefix = prefix8(key, len);
		it[m].id = id;
		m++;
	}
	if (c->ss)
		tab->total = c->ss->total;
	if (c->spec.weight2) {
		tab->distinct_total = 0;
		for (size_t i = 0; i < n; i++)
			tab->distinct_total += c->distinct[ids ? ids[i] : i];
	}
	if (big)
		qsort_r(it, m, sizeof *it, count_cmp, &k);
	else if (m >= PARALLEL_SORT && c->threads)
		sort_items_parallel(it, m, &k, show->top ? show->top : m);
	else
		sort_items(it, m, &k, show->top ? show->top : m);
	if (show->top && m > show->top)
		m = show->top;
	fn(tab, NULL, ctx);	/* the table begins */
	for (size_t i = 0; i < m; i++) {
		struct count_row row = { 0 };
		uint32_t id = it[i].id;

		prefetch_key(&k, it, i, m);
		row.key = item_key(&k, id, &row.klen);
		row.count = big ? count_of(c, id) : ~it[i].neg;	/* the item's: no fetch by id */
		if (c->ss)
			row.error = c->ss->e[id].err;
		if (c->distinct)
			row.distinct = c->distinct[id];
		fn(tab, &row, ctx);
	}
	fn(tab, NULL, ctx);	/* the table ends */
	if (!reuse)
		free(it);
}

void
counter_each(struct counter *c, const struct count_show *show, count_row_fn *fn, void *ctx)
{
	struct count_table tab = { 0 };

	finish_counting(c);
	/*
	 * From here keys are only read by id: the slots' memory holds the sort's
	 * items (fresh pages would have to be cleared by the kernel: slow here).
	 */
	if (c->keys.slots) {
		c->spare = c->keys.slots;
		c->spare_bytes = (c->keys.mask + 1) * sizeof *c->keys.slots;
		c->keys.slots = NULL;
		c->keys.mask = 0;
	}
	if (c->ss) {
		emit_table(c, show, &tab, NULL, c->ss->n, 0, fn, ctx);
		return;
	}
	if (!c->spec.by) {
		tab.distinct_total = c->gpairs.n;
		emit_table(c, show, &tab, NULL, c->keys.n, 0, fn, ctx);
		return;
	}

	/* Groups in key order; the keys of each group together. */
	size_t ng = c->groups.n;
	uint32_t *order = xmalloc((ng + 1) * sizeof *order);
	size_t *start = xcalloc(ng + 1, sizeof *start);
	uint64_t *gdistinct = xcalloc(ng + 1, sizeof *gdistinct);
	uint32_t *ids = xmalloc((c->keys.n + 1) * sizeof *ids);

	for (size_t g = 0; g < ng; g++)
		order[g] = (uint32_t)g;
	qsort_r(order, ng, sizeof *order, group_cmp, &c->groups);
	for (size_t i = 0; i < c->keys.n; i++)
		start[group_of(c, i) + 1]++;
	for (size_t g = 0; g < ng; g++)
		start[g + 1] += start[g];
	for (size_t i = 0; i < c->keys.n; i++)
		ids[start[group_of(c, i)]++] = (uint32_t)i;
	for (size_t g = ng; g > 0; g--)
		start[g] = start[g - 1];
	start[0] = 0;
	for (size_t i = 0; c->spec.distinct && i <= c->gpairs.mask; i++)
		if (c->gpairs.slot[i])
			gdistinct[(c->gpairs.slot[i] >> 32) - 1]++;
	for (size_t i = 0; i < ng; i++) {
		uint32_t g = order[i];

		tab.group = table_key(&c->groups, g, &tab.glen);
		tab.distinct_total = gdistinct[g];
		emit_table(c, show, &tab, ids + start[g], start[g + 1] - start[g], sizeof(uint32_t), fn, ctx);
	}
	free(order);
	free(start);
	free(gdistinct);
	free(ids);
}

/* ---- records out ---- */

struct writer {
	const struct count_show *show;
	int begun;
};

static void
out_percent(uint64_t part, uint64_t whole)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%.2f", whole ? 100.0 * (double)part / (double)whole : 0.0);

	out_write(tmp, (size_t)n);
}

static void
write_row(const struct count_table *t, const struct count_row *row, void *ctx)
{
	struct writer *w = ctx;
	const struct count_show *show = w->show;

	if (!row) {
		/* Called at the start and at the end of each table. */
		w->begun = !w->begun;
		if (w->begun || !show->total)
			return;
	}
	if (t->group) {
		out_write(t->group, t->glen);
		out_char('\t');
	}
	out_u64(row ? row->count : t->total);
	if (show->has_distinct) {
		out_char('\t');
		out_u64(row ? row->distinct : t->distinct_total);
	}
	if (show->percent) {
		out_char('\t');
		out_percent(row ? row->count : t->total, t->total);
	}
	out_char('\t');
	if (row)
		out_write(row->key, row->klen);
	else
		out_str("(total)");
	out_char('\n');
}

void
counter_write(struct counter *c, const struct count_show *show)
{
	struct writer w = { show, 0 };

	counter_each(c, show, write_row, &w);
}

int
counter_approximate(const struct counter *c, uint64_t *max_error, uint64_t *total, size_t *monitored)
{
	if (!c->ss || !c->ss->overflowed)
		return 0;
	*max_error = c->ss->n ? c->ss->e[c->ss->heap[0]].count : 0;
	*total = c->ss->total;
	*monitored = c->ss->n;
	return 1;
}
