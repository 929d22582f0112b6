/*
 * A table's order: count descending, then key bytes ascending.  An LSD
 * radix sort on (count, the key's first 8 bytes), refined 8 bytes at a
 * time where keys agree that far; a large table split between two threads.
 * Apart: it sees the keys only through item_key() (count-impl.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "count-impl.h"
#include "mem.h"

#define RADIX_MIN 256		/* fewer items take a comparison sort: a radix sort clears 16 KB of counts */

int
key_cmp(const void *a, const void *b, void *ctx)
{
	const struct keys *k = ctx;
	size_t la, lb;
	const char *pa = item_key(k, ((const struct item *)a)->id, &la);
	const char *pb = item_key(k, ((const struct item *)b)->id, &lb);

	return bytes_order(pa, la, pb, lb);
}

/* LSD radix sort on the bytes of (neg, prefix) that vary: 8 passes for prefix, 4 for neg. */
static void
radix(struct item *it, size_t n, int with_neg)
{
	size_t hist[16][256];	/* on the stack: two threads may sort at once */
	struct item *tmp = xmalloc(n * sizeof *tmp), *src = it, *dst = tmp;
	int digits = with_neg ? 12 : 8;

	huge_pages(tmp, n * sizeof *tmp);
	memset(hist, 0, sizeof hist);
	for (size_t i = 0; i < n; i++) {
		uint64_t p = it[i].prefix;
		uint32_t g = it[i].neg;

		for (int d = 0; d < 8; d++)
			hist[d][(p >> (8 * d)) & 255]++;
		for (int d = 8; d < digits; d++)
			hist[d][(g >> (8 * (d - 8))) & 255]++;
	}
	for (int d = 0; d < digits; d++) {
		size_t sum = 0, *h = hist[d];
		int shift = 8 * (d & 7), trivial = 0;

		for (int b = 0; b < 256; b++) {
			size_t t = h[b];

			if (t == n)
				trivial = 1;
			h[b] = sum;
			sum += t;
		}
		if (trivial)
			continue;
		for (size_t i = 0; i < n; i++) {
			uint64_t v = d < 8 ? src[i].prefix : src[i].neg;

			dst[h[(v >> shift) & 255]++] = src[i];
		}
		struct item *sw = src;

		src = dst;
		dst = sw;
	}
	if (src != it)
		memcpy(it, src, n * sizeof *it);
	free(tmp);
}

/* Items of one count whose keys agree up to their prefixes: by prefix, then by the whole key. */
static int
prefix_key_cmp(const void *a, const void *b, void *ctx)
{
	const struct item *x = a, *y = b;

	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	return key_cmp(a, b, ctx);
}

/* Too few items for a radix sort: insertion, or libc's sort. */
static void
sort_few(struct item *it, size_t n, const struct keys *k)
{
	if (n > 16) {
		qsort_r(it, n, sizeof *it, prefix_key_cmp, (void *)k);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct item x = it[i];
		size_t j = i;

		for (; j > 0 && prefix_key_cmp(&x, &it[j - 1], (void *)k) < 0; j--)
			it[j] = it[j - 1];
		it[j] = x;
	}
}

/*
 * Items of equal count whose keys agree on their first `depth` bytes: order
 * them by the next 8 bytes, and so on (an MSD radix sort by 8-byte steps);
 * keys that agree to their end differ only in length, shorter first.
 */
static void
refine(struct item *it, size_t n, const struct keys *k, size_t depth)
{
	int more = 0;

	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *key;

		prefetch_key(k, it, i, n);
		key = item_key(k, it[i].id, &len);
		it[i].prefix = len > depth ? prefix8(key + depth, len - depth) : 0;
		if (len > depth + 8)
			more = 1;
	}
	if (n < RADIX_MIN || !more) {
		sort_few(it, n, k);
		return;
	}
	radix(it, n, 0);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;

		while (j < n && it[j].prefix == it[i].prefix)
			j++;
		if (j - i > 1)
			refine(it + i, j - i, k, depth + 8);
		i = j;
	}
}

/* Count descending, then key bytes ascending; only the first `limit` in full order. */
void
sort_items(struct item *it, size_t n, const struct keys *k, size_t limit)
{
	if (n < 2)
		return;
	radix(it, n, 1);
	for (size_t i = 0; i < n && i < limit;) {
		size_t j = i + 1;

		while (j < n && it[j].neg == it[i].neg && it[j].prefix == it[i].prefix)
			j++;
		if (j - i > 1)
			refine(it + i, j - i, k, 8);
		i = j;
	}
}

struct sort_job {
	struct item *it;
	size_t n, limit;
	const struct keys *k;
};

static void *
sort_thread(void *arg)
{
	struct sort_job *j = arg;

	sort_items(j->it, j->n, j->k, j->limit);
	return NULL;
}

static inline int
item_less(const struct item *a, const struct item *b)
{
	return a->neg != b->neg ? a->neg < b->neg : a->prefix < b->prefix;
}

static int
item_cmp(const void *a, const void *b)
{
	return item_less(a, b) ? -1 : item_less(b, a);
}

/*
 * Split the items at the median of a sample of their (count, prefix),
 * sort the two parts at once, one here and one in a second thread: items
 * of equal (count, prefix) fall on the same side, so the parts follow
 * each other in the final order.
 */
void
sort_items_parallel(struct item *it, size_t n, const struct keys *k, size_t limit)
{
	struct item sample[255], pivot, t;
	struct sort_job job;
	pthread_t thread;
	size_t lo = 0;

	for (size_t i = 0; i < 255; i++)
		sample[i] = it[i * (n / 255)];
	qsort(sample, 255, sizeof *sample, item_cmp);
	pivot = sample[127];
	for (size_t i = 0; i < n; i++)
		if (item_less(&it[i], &pivot)) {
			t = it[lo];
			it[lo++] = it[i];
			it[i] = t;
		}
	job = (struct sort_job){ it + lo, n - lo, limit > lo ? limit - lo : 0, k };
	if (lo == 0 || job.limit == 0 || pthread_create(&thread, NULL, sort_thread, &job) != 0) {
		sort_items(it, lo, k, limit < lo ? limit : lo);
		if (job.limit)
			sort_items(job.it, job.n, k, job.limit);
		return;
	}
	sort_items(it, lo, k, lo);
	pthread_join(thread, NULL);
}
