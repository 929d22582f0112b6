/*
 * The inside of count-values' counter (count.h), shared by its files: the
 * counter's structures and what each file gives the others.
 *
 *   count.c          the counter: which fields make a key and a group; made and freed
 *   count-records.c  records read into keys, groups, weights and values (counter_add)
 *   count-exact.c    exact counting: keys looked up in batches, in a thread of their
 *                    own; sets of pairs (-d)
 *   count-summary.c  Space-Saving (--memory): the most counted keys in bounded memory
 *   count-sort.c     a table's order: radix sorts, refined where prefixes agree, in two threads
 *   count-table.c    the tables handed out row by row (counter_each) and written (counter_write)
 */
#ifndef COUNT_IMPL_H
#define COUNT_IMPL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "count.h"
#include "diag.h"
#include "hash.h"

#define CHUNK 8192		/* records handed to the counting thread at a time */
/*
 * The hash slots start with room for this many keys (256 KB: the cache
 * holds them) and double up to SLOTS_JUMP keys, then make room for
 * keys_ahead at once: a few thousand keys touch no 16 MB of slots, a
 * crawl's keys are rehashed a few times only.
 */
#define SLOTS_FIRST 16384
#define SLOTS_JUMP 65536

/* Which fields of a record make a key or a group. */
struct sel {
	unsigned char *chosen;	/* chosen[i] for fields 1..max below open_from */
	size_t max;
	size_t open_from;	/* the rest of the record from this field (0: none) */
	size_t need;		/* fields a record must have */
	size_t *pick, npick;	/* the chosen fields below open_from, in order */
};

/* A set of 64-bit values (never 0): distinct (key, value) pairs. */
struct pairset {
	uint64_t *slot;
	size_t mask, n;
};

struct pending {
	uint64_t h, w, w2;
	uint32_t off, len, vid;
};

/* Records parsed by the reading thread, for the counting thread: keys in one buffer. */
struct chunk {
	struct pending *pend;
	size_t n;
	struct buf keys;
	int hashed;	/* the keys' hashes are in pend (else the counting thread computes them) */
};

/* Space-Saving: at most as many entries as the memory bound holds. */
struct ssent {
	char *key;
	size_t klen;
	uint64_t count, err;
	size_t heap;		/* position in the min-heap */
};

struct summary {
	struct ssent *e;
	size_t n, cap;
	size_t *heap;		/* entry indices, least count first */
	uint32_t *map;		/* entry index + 1, by key hash; 0 empty */
	size_t mask;
	size_t used, limit;	/* bytes */
	uint64_t total;
	int overflowed;
};

struct counter {
	struct count_spec spec;
	int whole;		/* the key is the whole line */
	struct sel key, by;
	size_t split;		/* fields to find in a record */
	size_t need;
	struct table keys, groups, values;
	uint64_t *count, *distinct;
	uint32_t *lastv;	/* last value id + 1 seen with a key: repeats skip the set */
	size_t cap;
	struct pairset pairs, gpairs;
	struct buf keybuf, groupbuf;
	/*
	 * Two threads: this one reads and parses into chunk[fill] while the
	 * counting thread looks up the other chunk's keys (it alone touches
	 * keys, count, distinct, lastv and pairs until counter_each).
	 */
	struct chunk chunk[2];
	int fill;
	int ready[2], done, started, threads;
	size_t submitted;	/* chunks, while the counting thread is not started */
	pthread_t worker;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const char **fstart, **fend;
	unsigned long bad;	/* malformed records in this input */
	uint64_t wsum, w2sum;	/* -w: the weights counted so far */
	struct summary *ss;
	/* The table's slots once counting ends: pages already touched, reused for the sort's items. */
	void *spare;
	size_t spare_bytes;
};

/* Add w to a count or a sum: beyond 2^64-1 ends the program. */
static inline void
add_to(uint64_t *sum, uint64_t w)
{
	if (__builtin_add_overflow(*sum, w, sum))
		die("a count exceeds %llu", (unsigned long long)UINT64_MAX);
}

/* ---- sorting (count-sort.c; count-table.c makes the items) ---- */

/* 16 bytes: counts above 2^32-1 take a slower comparison sort instead. */
struct item {
	uint64_t prefix;	/* the key's first 8 bytes, big-endian */
	uint32_t neg;		/* ~count: ascending order is count descending */
	uint32_t id;
};

struct keys {
	const struct counter *c;
	size_t skip;		/* bytes of group id before the key */
};

static inline const char *
item_key(const struct keys *k, uint32_t id, size_t *len)
{
	const char *p;

	if (k->c->ss) {
		*len = k->c->ss->e[id].klen;
		return k->c->ss->e[id].key;
	}
	p = table_key(&k->c->keys, id, len);
	*len -= k->skip;
	return p + k->skip;
}

/* Fetch ahead the key of it[i + 8] and the offset of it[i + 16]: sorted ids jump about the arena. */
static inline void
prefetch_key(const struct keys *k, const struct item *it, size_t i, size_t n)
{
	const struct table *t = &k->c->keys;

	if (k->c->ss)
		return;
	if (i + 16 < n)
		__builtin_prefetch(&t->off[it[i + 16].id]);
	if (i + 8 < n)
		__builtin_prefetch(t->arena.data + t->off[it[i + 8].id] + k->skip);
}

static inline uint64_t
prefix8(const char *p, size_t n)
{
	unsigned char b[8] = { 0 };
	uint64_t v;

	memcpy(b, p, n < 8 ? n : 8);
	memcpy(&v, b, 8);
	return __builtin_bswap64(v);
}

#ifndef PARALLEL_SORT
#define PARALLEL_SORT 65536	/* items from which the sort is split between two threads */
#endif

/* count-exact.c */
/* Add v to the set: 1 if it was not there. */
int pairset_add(struct pairset *s, uint64_t v);
/* The filled chunk counted, here or by the counting thread; the other chunk to fill. */
void submit_chunk(struct counter *c);
/* Count what is left and stop the counting thread. */
void finish_counting(struct counter *c);

/* count-summary.c: ss_new(), ss_free() and ss_add() below are all that the others call. */
struct summary *ss_new(size_t limit);
void ss_free(struct summary *s);
size_t ss_find(const struct summary *s, const char *key, size_t len, uint64_t h);
void ss_down(struct summary *s, size_t i);
void ss_add_new(struct summary *s, const char *key, size_t len, uint64_t h, uint64_t w);

/*
 * Count key (w times) in the summary.  Inline in counter_add: a key
 * already there (most records) costs no call of its own; out of line, 19
 * instructions a record more under --memory (callgrind).
 */
static inline void
ss_add(struct summary *s, const char *key, size_t len, uint64_t w)
{
	uint64_t h = hash_bytes(key, len);
	size_t i = ss_find(s, key, len, h);

	add_to(&s->total, w);
	if (s->map[i]) {
		struct ssent *e = &s->e[s->map[i] - 1];

		add_to(&e->count, w);
		ss_down(s, e->heap);
		return;
	}
	ss_add_new(s, key, len, h, w);
}

/* count-sort.c */
/* Two items by their keys' bytes, shorter first where one is the other's start (qsort_r). */
int key_cmp(const void *a, const void *b, void *ctx);
/* Count descending, then key bytes ascending; only the first `limit` in full order. */
void sort_items(struct item *it, size_t n, const struct keys *k, size_t limit);
/* The same, split between this thread and a second one (PARALLEL_SORT items and more). */
void sort_items_parallel(struct item *it, size_t n, const struct keys *k, size_t limit);

#endif
