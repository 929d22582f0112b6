/*
 * Exact counting: each key interned in lib/hash.h's table, its count, sum
 * and distinct values in arrays by id.  The keys of a chunk of records are
 * looked up in batches, in a thread of their own while the reading thread
 * parses the next chunk (count-records.c fills the chunks).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "count-impl.h"
#include "mem.h"

#define BATCH 32		/* keys looked up together, their memory fetched ahead */
/*
 * Chunks counted in the reading thread before the counting thread starts:
 * on a smaller input (under about 6 MB of mentions) the second thread
 * costs more than it gains, in CPU and in time.
 */
#define THREAD_AFTER 16

/* ---- sets of pairs ---- */

static inline size_t
pair_slot(uint64_t v, size_t mask)
{
	v *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(v ^ (v >> 29)) & mask;
}

int
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
void
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
void
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
