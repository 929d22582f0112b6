/* Interning hash table: open addressing with linear probing. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "mem.h"

static inline uint64_t
mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/*
 * The last n < 8 bytes as memcpy into a zeroed word would give them, from
 * at most two loads: a byte-wise copy through memory stalls the load that
 * follows it (most keys of count-values end here).
 */
static inline uint64_t
tail_word(const unsigned char *s, size_t n)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t lo, hi;

	if (n >= 4) {	/* two words that overlap: the same bytes in the same places */
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return s[0] | (uint64_t)s[n / 2] << (8 * (n / 2)) | (uint64_t)s[n - 1] << (8 * (n - 1));
#else
	uint64_t w = 0;

	memcpy(&w, s, n);
	return w;
#endif
}

/* A small multiply-mix hash over 8-byte words (in the manner of wyhash). */
uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = mix(h ^ w, 0xA0761D6478BD642FULL);
	}
	w = tail_word(s, n);
	return mix(h ^ w ^ ((uint64_t)n << 56), 0xE7037ED1A0B428DBULL);
}

void
table_init(struct table *t, size_t expect)
{
	size_t cap = 64;

	memset(t, 0, sizeof *t);
	while (cap < 2 * expect)
		cap *= 2;
	t->slots = xcalloc(cap, sizeof *t->slots);
	huge_pages(t->slots, cap * sizeof *t->slots);
	t->mask = cap - 1;
	t->off = xgrow(NULL, &t->offcap, 1, sizeof *t->off);
	t->off[0] = 0;
	buf_reserve(&t->arena, 64);	/* key bytes are never NULL, even the empty key's */
}

/*
 * Move the keys to `cap` slots, in id order (the layout the insertions
 * would give), each key's new slot fetched ahead: on tables larger than
 * the cache the stores of a rehash miss it one by one otherwise.
 */
static void
rehash(struct table *t, size_t cap)
{
	size_t mask = cap - 1;
	enum { AHEAD = 16 };
	uint64_t ahead[AHEAD] = { 0 };	/* the hashes of the next keys, a ring */
	struct slot *slots = xcalloc(cap, sizeof *slots);

	huge_pages(slots, cap * sizeof *slots);
	for (size_t id = 0; id < t->n + AHEAD; id++) {	/* the arena in order: no cache misses */
		uint64_t h = ahead[id % AHEAD];

		if (id < t->n) {
			size_t len;
			const char *key = table_key(t, id, &len);

			ahead[id % AHEAD] = hash_bytes(key, len);
			__builtin_prefetch(&slots[(size_t)ahead[id % AHEAD] & mask], 1);
		}
		if (id < AHEAD)
			continue;
		size_t i = (size_t)h & mask;	/* key id - AHEAD */

		while (slots[i].id1)
			i = (i + 1) & mask;
		slots[i].hash = (uint32_t)(h >> 32);
		slots[i].id1 = (uint32_t)(id - AHEAD + 1);
	}
	free(t->slots);
	t->slots = slots;
	t->mask = mask;
}

static void
grow(struct table *t)
{
	rehash(t, 2 * (t->mask + 1));
}

void
table_reserve(struct table *t, size_t keys)
{
	size_t cap = t->mask + 1;

	if (2 * keys <= cap)
		return;
	while (cap < 2 * keys)
		cap *= 2;
	rehash(t, cap);
}

void
table_reserve_keys(struct table *t, size_t keys, size_t bytes)
{
	t->off = xgrow(t->off, &t->offcap, keys + 1, sizeof *t->off);
	buf_reserve(&t->arena, bytes);
}

size_t
table_intern_hashed(struct table *t, const char *key, size_t len, uint64_t h, int *added)
{
	uint32_t top = (uint32_t)(h >> 32);
	size_t i = (size_t)h & t->mask;

	for (; t->slots[i].id1; i = (i + 1) & t->mask)
		if (t->slots[i].hash == top && table_same_key(t, t->slots[i].id1, key, len)) {
			if (added)
				*added = 0;
			return t->slots[i].id1 - 1;
		}
	if (t->n >= UINT32_MAX - 1 || t->view)
		abort();	/* four billion keys: beyond what an id holds; or a key added to a prepared table */
	size_t id = t->n++;

	buf_add(&t->arena, key, len);
	t->off = xgrow(t->off, &t->offcap, t->n + 1, sizeof *t->off);
	t->off[id + 1] = t->arena.len;
	t->slots[i].hash = top;
	t->slots[i].id1 = (uint32_t)(id + 1);
	if (2 * t->n > t->mask + 1)
		grow(t);
	if (added)
		*added = 1;
	return id;
}

size_t
table_intern(struct table *t, const char *key, size_t len, int *added)
{
	return table_intern_hashed(t, key, len, hash_bytes(key, len), added);
}

void
table_prefetch(const struct table *t, const uint64_t *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		table_prefetch_slot(t, h[i]);
	for (size_t i = 0; i < n; i++) {
		struct slot s = t->slots[h[i] & t->mask];

		if (s.id1 && s.hash == (uint32_t)(h[i] >> 32))
			__builtin_prefetch(&t->off[s.id1 - 1]);
	}
	for (size_t i = 0; i < n; i++) {
		struct slot s = t->slots[h[i] & t->mask];

		if (s.id1 && s.hash == (uint32_t)(h[i] >> 32))
			__builtin_prefetch(t->arena.data + t->off[s.id1 - 1]);
	}
}

long long
table_find(const struct table *t, const char *key, size_t len)
{
	return table_find_hashed(t, key, len, hash_bytes(key, len));
}

void
table_view(struct table *t, const struct slot *slots, size_t cap, const uint64_t *off, size_t n, const char *keys)
{
	memset(t, 0, sizeof *t);
	t->slots = (struct slot *)slots;	/* never written: a view takes no key */
	t->mask = cap - 1;
	t->n = n;
	t->off = (uint64_t *)off;
	t->arena.data = (char *)keys;
	t->arena.len = off[n];
	t->view = 1;
}

void
table_clear(struct table *t)
{
	if (t->view)
		abort();
	memset(t->slots, 0, (t->mask + 1) * sizeof *t->slots);
	t->n = 0;
	t->arena.len = 0;
}

void
table_free(struct table *t)
{
	if (t->view) {
		memset(t, 0, sizeof *t);
		return;
	}
	free(t->slots);
	free(t->off);
	buf_free(&t->arena);
	memset(t, 0, sizeof *t);
}

void
keymap_init(struct keymap *k, unsigned bits)
{
	k->slot = pages_alloc(&k->pages, ((size_t)1 << bits) * sizeof *k->slot);
	k->shift = 64 - bits;
	k->n = 0;
	k->stamp = 1;
}

/* Twice the slots, the keys in use moved over. */
void
keymap_grow(struct keymap *k)
{
	struct keymap old = *k;
	size_t n = (size_t)1 << (64 - old.shift);

	keymap_init(k, 64 - old.shift + 1);
	k->n = old.n;
	for (size_t i = 0; i < n; i++)
		if (old.slot[i].stamp == old.stamp) {
			struct keyslot *s = keymap_slot(k, old.slot[i].key);

			*s = old.slot[i];
			s->stamp = k->stamp;
		}
	pages_free(&old.pages);
}

/* A new stamp: the slots are wiped only when it wraps. */
void
keymap_clear(struct keymap *k)
{
	k->n = 0;
	if (++k->stamp == 0) {
		memset(k->slot, 0, ((size_t)1 << (64 - k->shift)) * sizeof *k->slot);
		k->stamp = 1;
	}
}

void
keymap_free(struct keymap *k)
{
	pages_free(&k->pages);
	memset(k, 0, sizeof *k);
}

void
keybits_init(struct keybits *b)
{
	b->bit = xcalloc(((size_t)1 << KEYBITS) / 64, sizeof *b->bit);
}

void
keybits_free(struct keybits *b)
{
	free(b->bit);
	memset(b, 0, sizeof *b);
}
