/* Frequency tables: exact with an interning hash table, or Space-Saving under a memory bound. */
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "count.h"
#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "out.h"
#include "utf8.h"

#define BATCH 32		/* keys looked up together, their memory fetched ahead */
#define CHUNK 8192		/* records handed to the counting thread at a time */
/*
 * Chunks counted in the reading thread before the counting thread starts:
 * on a smaller input (under about 6 MB of mentions) the second thread
 * costs more than it gains, in CPU and in time.
 */
#define THREAD_AFTER 16
#define SHOW_BAD 10		/* malformed records reported one by one per input */
/*
 * The hash slots start with room for this many keys (256 KB: the cache
 * holds them) and double up to SLOTS_JUMP keys, then make room for
 * keys_ahead at once: a few thousand keys touch no 16 MB of slots, a
 * crawl's keys are rehashed a few times only.
 */
#define SLOTS_FIRST 16384
#define SLOTS_JUMP 65536
#define RADIX_MIN 256		/* fewer items take a comparison sort: a radix sort clears 16 KB of counts */

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

static void
sel_from_list(struct sel *s, const struct fieldlist *fl)
{
	s->max = fl->max;
	s->open_from = fl->open_from;
	s->chosen = xcalloc(s->max + 1, 1);
	for (size_t i = 1; i <= s->max; i++)
		s->chosen[i] = (unsigned char)fieldlist_has(fl, i);
	s->need = fieldlist_need(fl);
}

/* Every field but those of spec's weights and groups. */
static void
sel_complement(struct sel *s, const struct count_spec *spec)
{
	size_t top = spec->weight > spec->weight2 ? spec->weight : spec->weight2;
	const struct fieldlist *by = spec->by;

	if (by && by->max > top)
		top = by->max;
	if (by && by->open_from) {
		if (by->open_from - 1 > top)
			top = by->open_from - 1;
	}
	s->max = top;
	s->chosen = xcalloc(top + 1, 1);
	for (size_t i = 1; i <= top; i++)
		s->chosen[i] = i != spec->weight && i != spec->weight2 && !(by && fieldlist_has(by, i));
	s->open_from = by && by->open_from ? 0 : top + 1;
	/* The named fields must be there; and the key too, when no field before them is left for it. */
	s->need = by && by->open_from ? by->open_from : memchr(s->chosen + 1, 1, top) ? top : top + 1;
}

/* The list of chosen fields, so that a key's fields are found without a look at every field. */
static void
sel_picks(struct sel *s)
{
	s->pick = xcalloc(s->max + 1, sizeof *s->pick);
	for (size_t i = 1; i <= s->max; i++)
		if (s->chosen[i] && (!s->open_from || i < s->open_from))
			s->pick[s->npick++] = i;
}

static size_t
sel_last(const struct sel *s)
{
	return s->open_from > s->max ? s->open_from : s->max;
}

/*
 * A zeroed block for an array that grows with the keys: huge pages asked
 * for; large, so malloc gives it pages of its own (mmap) and it grows by
 * mremap, without a copy.
 */
static void *
fresh_block(size_t n)
{
	void *p = xcalloc(1, n);

	huge_pages(p, n);
	return p;
}

struct counter *
counter_new(const struct count_spec *spec)
{
	struct counter *c = xcalloc(1, sizeof *c);

	c->spec = *spec;
	c->whole = !spec->key && !spec->by && !spec->weight && !spec->distinct;
	if (spec->key)
		sel_from_list(&c->key, spec->key);
	else if (!c->whole)
		sel_complement(&c->key, spec);
	if (spec->by)
		sel_from_list(&c->by, spec->by);
	sel_picks(&c->key);
	c->split = sel_last(&c->key);
	if (sel_last(&c->by) > c->split)
		c->split = sel_last(&c->by);
	c->need = c->key.need > c->by.need ? c->key.need : c->by.need;
	size_t single[] = { spec->weight, spec->weight2, spec->distinct };
	for (size_t i = 0; i < 3; i++) {
		if (single[i] > c->split)
			c->split = single[i];
		if (single[i] > c->need)
			c->need = single[i];
	}
	c->fstart = xcalloc(c->split + 2, sizeof *c->fstart);
	c->fend = xcalloc(c->split + 2, sizeof *c->fend);
	/*
	 * Room for spec->keys_ahead keys: the key offsets, arena and counts
	 * are allocated whole but touched only where used (fresh pages are
	 * zero), so that they never grow by copying below that many keys; the
	 * slots, touched all over, grow (SLOTS_FIRST).  A caller with small
	 * inputs (a test, a fuzz target) asks for few.
	 */
	size_t ahead = spec->keys_ahead ? spec->keys_ahead : 1024;
	table_init(&c->keys, ahead < SLOTS_FIRST ? ahead : SLOTS_FIRST);
	free(c->keys.off);	/* fresh blocks, not small ones grown where a copy follows */
	c->keys.offcap = ahead;
	c->keys.off = fresh_block(ahead * sizeof *c->keys.off);
	free(c->keys.arena.data);
	c->keys.arena.cap = ahead * 16;	/* an empty first key leaves no arena NULL either */
	c->keys.arena.data = fresh_block(c->keys.arena.cap);
	c->cap = ahead;
	c->count = fresh_block(c->cap * sizeof *c->count);
	if (spec->distinct || spec->weight2)
		c->distinct = fresh_block(c->cap * sizeof *c->distinct);
	if (spec->distinct)
		c->lastv = fresh_block(c->cap * sizeof *c->lastv);
	table_init(&c->groups, 16);
	table_init(&c->values, 1024);
	/* An empty first key would leave an arena NULL, and memcmp(NULL, ..., 0) is undefined. */
	buf_reserve(&c->groups.arena, 64);
	buf_reserve(&c->values.arena, 1024);
	for (int i = 0; i < 2; i++) {
		c->chunk[i].pend = xmalloc(CHUNK * sizeof *c->chunk[i].pend);
		c->chunk[i].hashed = 1;
	}
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	c->threads = !spec->memory && spec->jobs != 1;	/* Space-Saving counts in one thread */
	if (spec->memory) {
		c->ss = xcalloc(1, sizeof *c->ss);
		c->ss->limit = spec->memory;
		c->ss->mask = 1023;
		c->ss->map = xcalloc(c->ss->mask + 1, sizeof *c->ss->map);
	}
	return c;
}

/* ---- sets of pairs ---- */

static inline size_t
pair_slot(uint64_t v, size_t mask)
{
	v *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(v ^ (v >> 29)) & mask;
}

static int
pairset_add(struct pairset *s, uint64_t v)
{
	if (2 * (s->n + 1) > s->mask + 1) {
		size_t cap = s->slot ? 2 * (s->mask + 1) : 1024;
		uint64_t *slot = xcalloc(cap, sizeof *slot);

		for (size_t i = 0; s->slot && i <= s->mask; i++) {
			if (!s->slot[i])
				continue;
			size_t j = pair_slot(s->slot[i], cap - 1);

			while (slot[j])
				j = (j + 1) & (cap - 1);
			slot[j] = s->slot[i];
		}
		free(s->slot);
		s->slot = slot;
		s->mask = cap - 1;
	}
	for (size_t i = pair_slot(v, s->mask);; i = (i + 1) & s->mask) {
		if (s->slot[i] == v)
			return 0;
		if (!s->slot[i]) {
			s->slot[i] = v;
			s->n++;
			return 1;
		}
	}
}

/* ---- exact counting ---- */

static void
grow_arrays(struct counter *c, size_t need)
{
	size_t old = c->cap, cap = old;

	c->count = xgrow(c->count, &cap, need, sizeof *c->count);
	memset(c->count + old, 0, (cap - old) * sizeof *c->count);
	if (c->spec.distinct || c->spec.weight2) {
		cap = old;
		c->distinct = xgrow(c->distinct, &cap, need, sizeof *c->distinct);
		memset(c->distinct + old, 0, (cap - old) * sizeof *c->distinct);
	}
	if (c->spec.distinct) {
		cap = old;
		c->lastv = xgrow(c->lastv, &cap, need, sizeof *c->lastv);
		memset(c->lastv + old, 0, (cap - old) * sizeof *c->lastv);
	}
	c->cap = cap;
}

static inline void
add_to(uint64_t *sum, uint64_t w)
{
	if (__builtin_add_overflow(*sum, w, sum))
		die("a count exceeds %llu", (unsigned long long)UINT64_MAX);
}

/*
 * Look the pending keys up together: fetch their slots, then the key
 * offsets and bytes of the slots that match, before the lookups proper,
 * so that the cache misses of a batch overlap instead of adding up.
 */
static void
count_batch(struct counter *c, struct pending *pend, size_t n, const char *keys)
{
	struct table *t = &c->keys;
	uint32_t ids[BATCH];


	if (2 * (t->n + n) > t->mask + 1) {	/* grow before the batch, faster than table_intern would */
		size_t keys = t->n + n;

		table_reserve(t, keys < SLOTS_JUMP || keys > c->spec.keys_ahead ? keys : c->spec.keys_ahead);
	}
	for (size_t i = 0; i < n; i++)
		__builtin_prefetch(&t->slots[pend[i].h & t->mask]);
	for (size_t i = 0; i < n; i++) {
		struct slot s = t->slots[pend[i].h & t->mask];

		if (s.id1 && s.hash == (uint32_t)(pend[i].h >> 32))
			__builtin_prefetch(&t->off[s.id1 - 1]);
	}
	for (size_t i = 0; i < n; i++) {
		struct slot s = t->slots[pend[i].h & t->mask];

		if (s.id1 && s.hash == (uint32_t)(pend[i].h >> 32)) {
			__builtin_prefetch(t->arena.data + t->off[s.id1 - 1]);
			__builtin_prefetch(&c->count[s.id1 - 1], 1);
		}
	}
	for (size_t i = 0; i < n; i++) {
		struct pending *p = &pend[i];

		ids[i] = (uint32_t)table_intern_hashed(t, keys + p->off, p->len, p->h, NULL);
		if (ids[i] >= c->cap)
			grow_arrays(c, (size_t)ids[i] + 1);
	}
	for (size_t i = 0; i < n; i++) {
		struct pending *p = &pend[i];
		uint32_t id = ids[i];

		add_to(&c->count[id], p->w);
		if (c->spec.weight2)
			add_to(&c->distinct[id], p->w2);
		if (c->spec.distinct && c->lastv[id] != p->vid + 1) {
			c->lastv[id] = p->vid + 1;
			if (pairset_add(&c->pairs, ((uint64_t)(id + 1) << 32) | p->vid))
				c->distinct[id]++;
		}
	}
}

static void
count_chunk(struct counter *c, struct chunk *ch)
{
	for (size_t i = 0; !ch->hashed && i < ch->n; i++)
		ch->pend[i].h = hash_bytes(ch->keys.data + ch->pend[i].off, ch->pend[i].len);
	for (size_t i = 0; i < ch->n; i += BATCH)
		count_batch(c, ch->pend + i, ch->n - i < BATCH ? ch->n - i : BATCH, ch->keys.data);
}

static void *
counting_thread(void *arg)
{
	struct counter *c = arg;
	int next = 0;

	for (;;) {
		pthread_mutex_lock(&c->mu);
		while (!c->ready[next] && !c->done)
			pthread_cond_wait(&c->cv, &c->mu);
		if (!c->ready[next]) {
			pthread_mutex_unlock(&c->mu);
			return NULL;
		}
		pthread_mutex_unlock(&c->mu);
		count_chunk(c, &c->chunk[next]);
		pthread_mutex_lock(&c->mu);
		c->ready[next] = 0;
		pthread_cond_broadcast(&c->cv);
		pthread_mutex_unlock(&c->mu);
		next ^= 1;
	}
}

/*
 * Hand the filled chunk to the counting thread (started at the
 * THREAD_AFTER-th chunk: the ones before are counted here), take the
 * other.  The hashing of keys goes to the thread that has time: the
 * reading one after it had to wait for the other chunk, else the
 * counting one (few distinct keys: its lookups hit the cache).
 */
static void
submit_chunk(struct counter *c)
{
	struct chunk *ch = &c->chunk[c->fill];

	if (c->threads && !c->started && ++c->submitted >= THREAD_AFTER) {
		if (pthread_create(&c->worker, NULL, counting_thread, c) == 0)
			c->started = 1;
		else
			c->threads = 0;	/* count here instead */
	}
	if (!c->started) {
		count_chunk(c, ch);
	} else {
		pthread_mutex_lock(&c->mu);
		c->ready[c->fill] = 1;
		pthread_cond_broadcast(&c->cv);
		c->fill ^= 1;
		int behind = c->ready[c->fill];	/* the counting thread: hash the next chunk's keys here */

		while (c->ready[c->fill])
			pthread_cond_wait(&c->cv, &c->mu);
		pthread_mutex_unlock(&c->mu);
		ch = &c->chunk[c->fill];
		ch->hashed = behind;
	}
	ch->n = 0;
	ch->keys.len = 0;
}

/* Count what is left and stop the counting thread. */
static void
finish_counting(struct counter *c)
{
	struct chunk *ch = &c->chunk[c->fill];

	if (ch->n && !c->started) {	/* a small input: no thread at all */
		count_chunk(c, ch);
		ch->n = 0;
	} else if (ch->n)
		submit_chunk(c);
	if (c->started) {
		pthread_mutex_lock(&c->mu);
		c->done = 1;
		pthread_cond_broadcast(&c->cv);
		pthread_mutex_unlock(&c->mu);
		pthread_join(c->worker, NULL);
		c->started = 0;
	}
}

/* ---- Space-Saving ---- */

#define SS_OVERHEAD (sizeof(struct ssent) + sizeof(size_t) + 2 * sizeof(uint32_t) + 16)

static inline int
ss_less(const struct summary *s, size_t a, size_t b)
{
	return s->e[s->heap[a]].count < s->e[s->heap[b]].count;
}

static void
ss_swap(struct summary *s, size_t a, size_t b)
{
	size_t t = s->heap[a];

	s->heap[a] = s->heap[b];
	s->heap[b] = t;
	s->e[s->heap[a]].heap = a;
	s->e[s->heap[b]].heap = b;
}

static void
ss_down(struct summary *s, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < s->n && ss_less(s, l, m))
			m = l;
		if (r < s->n && ss_less(s, r, m))
			m = r;
		if (m == i)
			return;
		ss_swap(s, i, m);
		i = m;
	}
}

static void
ss_up(struct summary *s, size_t i)
{
	while (i > 0 && ss_less(s, i, (i - 1) / 2)) {
		ss_swap(s, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

/* The map slot holding key, or the empty slot where it would go. */
static size_t
ss_find(const struct summary *s, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & s->mask;

	for (; s->map[i]; i = (i + 1) & s->mask) {
		const struct ssent *e = &s->e[s->map[i] - 1];

		if (e->klen == len && memcmp(e->key, key, len) == 0)
			break;
	}
	return i;
}

static void
ss_map_put(struct summary *s, size_t idx)
{
	const struct ssent *e = &s->e[idx];
	size_t i = ss_find(s, e->key, e->klen, hash_bytes(e->key, e->klen));

	s->map[i] = (uint32_t)(idx + 1);
}

/* Remove the key at map slot i, shifting later entries of its run back. */
static void
ss_map_remove(struct summary *s, size_t i)
{
	size_t j = i;

	s->map[i] = 0;
	for (;;) {
		j = (j + 1) & s->mask;
		if (!s->map[j])
			return;
		const struct ssent *e = &s->e[s->map[j] - 1];
		size_t home = (size_t)hash_bytes(e->key, e->klen) & s->mask;

		/* j's entry may move to i if its home is not cyclically within (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
			s->map[i] = s->map[j];
			s->map[j] = 0;
			i = j;
		}
	}
}

static void
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
	if (s->n > 0 && s->used + SS_OVERHEAD + len > s->limit) {
		/* Full: the least counted key gives its place, and its count as error. */
		size_t idx = s->heap[0];
		struct ssent *e = &s->e[idx];

		s->overflowed = 1;
		ss_map_remove(s, ss_find(s, e->key, e->klen, hash_bytes(e->key, e->klen)));
		s->used -= e->klen;
		free(e->key);
		e->key = xstrndup(key, len);
		e->klen = len;
		s->used += len;
		e->err = e->count;
		add_to(&e->count, w);
		ss_map_put(s, idx);
		ss_down(s, 0);
		return;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap;

		s->e = xgrow(s->e, &cap, s->n + 1, sizeof *s->e);
		s->heap = xrealloc(s->heap, cap * sizeof *s->heap);
		s->cap = cap;
	}
	if (2 * (s->n + 1) > s->mask + 1) {
		free(s->map);
		s->mask = 2 * s->mask + 1;
		s->map = xcalloc(s->mask + 1, sizeof *s->map);
		for (size_t k = 0; k < s->n; k++)
			ss_map_put(s, k);
	}
	size_t idx = s->n++;
	struct ssent *e = &s->e[idx];

	e->key = xstrndup(key, len);
	e->klen = len;
	e->count = w;
	e->err = 0;
	e->heap = idx;
	s->heap[idx] = idx;
	s->used += SS_OVERHEAD + len;
	s->map[ss_find(s, key, len, h)] = (uint32_t)(idx + 1);
	ss_up(s, idx);
}

/* ---- records ---- */

/* The first TAB in [p, end), or end: 8 bytes at a time (fields are short, memchr's call costs more). */
static inline const char *
find_tab(const char *p, const char *end)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (end - p >= 8) {
		uint64_t w, x, t;

		memcpy(&w, p, 8);
		x = w ^ 0x0909090909090909ULL;
		t = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
		if (t)	/* the lowest flagged byte is a true TAB (little-endian) */
			return p + (__builtin_ctzll(t) >> 3);
		p += 8;
	}
#endif
	while (p < end && *p != '\t')
		p++;
	return p;
}

/* Split the record [p, end) into fstart/fend up to field c->split; returns the fields found. */
static size_t
split_fields(struct counter *c, const char *p, const char *end)
{
	const char *q = p;	/* the TABs before q are taken */
	size_t nf = 0;

#ifdef __SSE2__
	/*
	 * The TABs of 16 bytes at a time, as a bit mask: records have many
	 * short fields.  The last 1 to 16 bytes are the record's last 16,
	 * less those already seen: no byte-wise loop at its end.
	 */
	const __m128i tabs = _mm_set1_epi8('\t');

	if (end - p >= 16) {
		for (;;) {
			size_t left = (size_t)(end - q);
			unsigned m = left >= 16 ?
			    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)q), tabs)) :
			    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(end - 16)), tabs)) >> (16 - left);

			for (; m; m &= m - 1) {
				const char *tab = q + __builtin_ctz(m);

				nf++;
				c->fstart[nf] = p;
				c->fend[nf] = tab;
				p = tab + 1;
				if (nf == c->split)
					return nf;
			}
			if (left <= 16)
				break;
			q += 16;
		}
		nf++;
		c->fstart[nf] = p;
		c->fend[nf] = end;
		return nf;
	}
#endif
	for (;;) {
		const char *tab = find_tab(q, end);

		nf++;
		c->fstart[nf] = p;
		c->fend[nf] = tab;
		if (tab == end || nf == c->split)
			return nf;
		p = q = tab + 1;
	}
}

/* A key built from fields: a span of the line while they are adjacent, else copied. */
struct keyspan {
	const char *s;
	size_t n;
	int started, copied;
	struct buf *b;
};

static inline void
span_add(struct keyspan *k, const char *p, size_t n)
{
	if (!k->started) {
		k->s = p;
		k->n = n;
		k->started = 1;
	} else if (!k->copied && k->s + k->n + 1 == p) {
		k->n = (size_t)(p + n - k->s);
	} else {
		if (!k->copied) {
			k->b->len = 0;
			buf_add(k->b, k->s, k->n);
			k->copied = 1;
		}
		buf_addc(k->b, '\t');
		buf_add(k->b, p, n);
	}
}

/* Append the fields s chooses to b, TAB between them (the record has nf fields and ends at end). */
static void
append_fields(const struct counter *c, const struct sel *s, struct buf *b, size_t nf, const char *end)
{
	int first = 1;

	for (size_t k = 0; k < s->npick && s->pick[k] <= nf; k++) {
		size_t i = s->pick[k];

		if (!first)
			b->data[b->len++] = '\t';
		first = 0;
		bytes_copy(b->data + b->len, c->fstart[i], (size_t)(c->fend[i] - c->fstart[i]));
		b->len += (size_t)(c->fend[i] - c->fstart[i]);
	}
	if (s->open_from && s->open_from <= nf) {
		size_t n = (size_t)(end - c->fstart[s->open_from]);

		if (!first)
			b->data[b->len++] = '\t';
		memcpy(b->data + b->len, c->fstart[s->open_from], n);
		b->len += n;
	}
}

/* The fields s chooses of a record split into nf fields (line ends at end). */
static void
select_fields(const struct counter *c, const struct sel *s, struct keyspan *k, size_t nf, const char *end)
{
	size_t last = s->max < nf ? s->max : nf;

	if (s->open_from && last >= s->open_from)
		last = s->open_from - 1;
	for (size_t i = 1; i <= last; i++)
		if (s->chosen[i])
			span_add(k, c->fstart[i], (size_t)(c->fend[i] - c->fstart[i]));
	if (s->open_from && s->open_from <= nf)
		span_add(k, c->fstart[s->open_from], (size_t)(end - c->fstart[s->open_from]));
}

static int
parse_weight(const char *p, size_t n, uint64_t *w)
{
	uint64_t v = 0;

	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9 || __builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, d, &v))
			return -1;
	}
	*w = v;
	return 0;
}

/* Report record `lineno` of input `name` (the first SHOW_BAD of an input); returns 1, counter_add's status. */
static int __attribute__((format(printf, 4, 5)))
malformed(struct counter *c, const char *name, unsigned long lineno, const char *fmt, ...)
{
	char why[128];
	va_list ap;

	if (++c->bad > SHOW_BAD)
		return 1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	warn("%s:%lu: %s", name, lineno, why);
	return 1;
}

int
counter_add(struct counter *c, const char *name, unsigned long lineno, const char *line, size_t len)
{
	const char *key = line, *end = line + len;
	size_t klen = len, nf = 0;
	uint64_t w = 1, w2 = 0;
	uint32_t vid = 0, gid = 0;

	if (!c->whole) {
		nf = split_fields(c, line, end);
		if (nf < c->need)
			return malformed(c, name, lineno, "%zu field%s, want at least %zu", nf, nf == 1 ? "" : "s", c->need);
		if (c->spec.weight) {
			const char *f = c->fstart[c->spec.weight];
			size_t n = (size_t)(c->fend[c->spec.weight] - f);

			if (parse_weight(f, n, &w) < 0)
				return malformed(c, name, lineno, "weight is not a number: %.*s", (int)utf8_cut(f, n, 40), f);
		}
		if (c->spec.weight2) {
			const char *f = c->fstart[c->spec.weight2];
			size_t n = (size_t)(c->fend[c->spec.weight2] - f);

			if (parse_weight(f, n, &w2) < 0)
				return malformed(c, name, lineno, "distinct count is not a number: %.*s", (int)utf8_cut(f, n, 40), f);
		}
		/* No count or total can overflow later (in the counting thread) if the sums of all weights do not. */
		if (c->spec.weight && (c->wsum + w < w || c->w2sum + w2 < w2))
			return malformed(c, name, lineno, "the weights add up beyond 2^64-1");
		c->wsum += w;
		c->w2sum += w2;
		if (c->ss) {
			struct keyspan k = { .b = &c->keybuf };

			select_fields(c, &c->key, &k, nf, end);
			key = k.copied ? c->keybuf.data : k.s;
			klen = k.copied ? c->keybuf.len : k.n;
		}
		if (c->spec.by) {
			struct keyspan g = { .b = &c->groupbuf };

			select_fields(c, &c->by, &g, nf, end);
			gid = (uint32_t)table_intern(&c->groups, g.copied ? c->groupbuf.data : g.s,
			    g.copied ? c->groupbuf.len : g.n, NULL);
		}
		if (c->spec.distinct) {
			size_t d = c->spec.distinct;

			vid = (uint32_t)table_intern(&c->values, c->fstart[d], (size_t)(c->fend[d] - c->fstart[d]), NULL);
			pairset_add(&c->gpairs, ((uint64_t)(gid + 1) << 32) | vid);	/* for the totals */
		}
	}
	if (c->ss) {
		ss_add(c->ss, key, klen, w);
		return 0;
	}

	struct chunk *ch = &c->chunk[c->fill];
	struct pending *pd = &ch->pend[ch->n++];

	/* The key goes straight to the chunk: a record's fields take at most its length. */
	if (ch->keys.cap - ch->keys.len < len + sizeof gid + 1)
		buf_reserve(&ch->keys, len + sizeof gid + 1);
	pd->off = (uint32_t)ch->keys.len;
	if (c->spec.by)
		buf_add(&ch->keys, &gid, sizeof gid);
	if (c->whole)
		buf_add(&ch->keys, line, len);
	else
		append_fields(c, &c->key, &ch->keys, nf, end);
	pd->len = (uint32_t)(ch->keys.len - pd->off);
	if (ch->hashed)
		pd->h = hash_bytes(ch->keys.data + pd->off, pd->len);
	pd->w = w;
	pd->w2 = w2;
	pd->vid = vid;
	if (ch->n == CHUNK || ch->keys.len > (1u << 20))
		submit_chunk(c);
	return 0;
}

void
counter_end_input(struct counter *c, const char *name)
{
	if (c->bad > SHOW_BAD)
		warn("%s: %lu more malformed records skipped", name, c->bad - SHOW_BAD);
	c->bad = 0;
}

/* ---- sorting ---- */

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

static int
key_cmp(const void *a, const void *b, void *ctx)
{
	const struct keys *k = ctx;
	size_t la, lb;
	const char *pa = item_key(k, ((const struct item *)a)->id, &la);
	const char *pb = item_key(k, ((const struct item *)b)->id, &lb);
	int r = memcmp(pa, pb, la < lb ? la : lb);

	if (r)
		return r;
	return la < lb ? -1 : la > lb;
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
static void
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

#ifndef PARALLEL_SORT
#define PARALLEL_SORT 65536	/* items from which the sort is split between two threads */
#endif

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
static void
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

static int
group_cmp(const void *a, const void *b, void *ctx)
{
	const struct table *g = ctx;
	size_t la, lb;
	const char *pa = table_key(g, *(const uint32_t *)a, &la);
	const char *pb = table_key(g, *(const uint32_t *)b, &lb);
	int r = memcmp(pa, pb, la < lb ? la : lb);

	if (r)
		return r;
	return la < lb ? -1 : la > lb;
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
	for (size_t i = 0; i < c->keys.n; i++) {
		size_t len;
		uint32_t gid;

		memcpy(&gid, table_key(&c->keys, i, &len), sizeof gid);
		start[gid + 1]++;
	}
	for (size_t g = 0; g < ng; g++)
		start[g + 1] += start[g];
	for (size_t i = 0; i < c->keys.n; i++) {
		size_t len;
		uint32_t gid;

		memcpy(&gid, table_key(&c->keys, i, &len), sizeof gid);
		ids[start[gid]++] = (uint32_t)i;
	}
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

void
counter_free(struct counter *c)
{
	table_free(&c->keys);
	free(c->spare);
	table_free(&c->groups);
	table_free(&c->values);
	free(c->count);
	free(c->distinct);
	free(c->lastv);
	free(c->pairs.slot);
	free(c->gpairs.slot);
	free(c->key.chosen);
	free(c->key.pick);
	free(c->by.chosen);
	free(c->fstart);
	free(c->fend);
	buf_free(&c->keybuf);
	buf_free(&c->groupbuf);
	for (int i = 0; i < 2; i++) {
		free(c->chunk[i].pend);
		buf_free(&c->chunk[i].keys);
	}
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
	if (c->ss) {
		for (size_t i = 0; i < c->ss->n; i++)
			free(c->ss->e[i].key);
		free(c->ss->e);
		free(c->ss->heap);
		free(c->ss->map);
		free(c->ss);
	}
	free(c);
}
