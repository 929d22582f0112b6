/*
 * A hash table that interns byte strings and gives each distinct key a
 * dense id (0, 1, 2, ...), so callers keep their values in plain arrays
 * indexed by id.  Keys live together in one arena; each slot holds the
 * key's hash, so most probes never touch key bytes.  Open addressing,
 * power-of-two capacity, load at most 1/2: fit for tens of millions of keys.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "mem.h"

struct slot {
	uint32_t hash;	/* high half of the key's 64-bit hash */
	uint32_t id1;	/* id + 1; 0 marks an empty slot */
};

struct table {
	struct slot *slots;
	size_t mask;		/* capacity - 1 */
	size_t n;		/* distinct keys */
	struct buf arena;	/* every key's bytes, in id order */
	uint64_t *off;		/* key id's bytes are arena[off[id], off[id+1]) */
	size_t offcap;
	int view;		/* slots, offsets and keys are a prepared image (table_view): read only, not freed */
};

uint64_t hash_bytes(const void *p, size_t n);

void table_init(struct table *t, size_t expect);
/* The id of key, adding it if new (*added says which, if not NULL). */
size_t table_intern(struct table *t, const char *key, size_t len, int *added);
/* As table_intern with a hash the caller computed with hash_bytes. */
size_t table_intern_hashed(struct table *t, const char *key, size_t len, uint64_t h, int *added);
/*
 * Make room for `keys` keys in all, rehashing at once with the slots
 * fetched ahead (much faster than the doubling of table_intern on tables
 * larger than the cache).  Callers that insert in batches call it when
 * a batch could cross the load limit.
 */
void table_reserve(struct table *t, size_t keys);
/*
 * Fetch into the cache what looking up the keys of these n hashes will
 * read (their slots, then the offsets and bytes of the keys that match),
 * so that the cache misses of a batch overlap instead of adding up.
 */
void table_prefetch(const struct table *t, const uint64_t *h, size_t n);
/*
 * Fetch into the cache the slot where the key of hash h is looked up or
 * added, some keys ahead.  A read hint: the tables looked up most are
 * shared by tag-entities' threads, and a write hint would take each line
 * from the other core's cache.
 */
static inline void
table_prefetch_slot(const struct table *t, uint64_t h)
{
	__builtin_prefetch(&t->slots[h & t->mask]);
}
/* Make room for the ids and bytes of `keys` keys of `bytes` bytes in all (a list of known size: no copies as they grow). */
void table_reserve_keys(struct table *t, size_t keys, size_t bytes);
/* The id of key, or -1. */
long long table_find(const struct table *t, const char *key, size_t len);
/*
 * Make t a read-only view of a table prepared at build time (the slots,
 * offsets and key bytes of a table built by table_intern, kept as they
 * were): looked up in place, no key added, nothing to free.  cap: slots.
 */
void table_view(struct table *t, const struct slot *slots, size_t cap, const uint64_t *off, size_t n, const char *keys);
void table_clear(struct table *t);	/* forget every key, keep the memory */
void table_free(struct table *t);

static inline const char *
table_key(const struct table *t, size_t id, size_t *len)
{
	*len = (size_t)(t->off[id + 1] - t->off[id]);
	return t->arena.data + t->off[id];
}

/*
 * A map of 64-bit keys that are hashes already (a line's key) to dense
 * ids, the key in its slot: one memory access a lookup, where a table
 * keeps its keys apart.  Cleared by a new stamp instead of a wipe: fit for
 * a map emptied per page.  Open addressing, load at most 1/2; the slots
 * in pages_alloc's memory: a map grown to megabytes costs a page fault per
 * 2 MB, not per 4 KB (1,480 faults of strip-boilerplate's 2,419 on the
 * English bench pages were its map's growth).
 */
struct keymap {
	struct keyslot {
		uint64_t key;
		uint32_t id;
		uint32_t stamp;	/* the slot is used if it is the map's */
	} *slot;
	struct pages pages;	/* slot's */
	size_t n;		/* keys */
	unsigned shift;		/* 64 - log2(slots) */
	uint32_t stamp;
};

void keymap_init(struct keymap *k, unsigned bits);	/* 2^bits slots to start with */
void keymap_grow(struct keymap *k);
void keymap_clear(struct keymap *k);	/* forget every key, keep the memory */
void keymap_free(struct keymap *k);

/* The slot of key: its own, or the empty one where it goes. */
static inline struct keyslot *
keymap_slot(const struct keymap *k, uint64_t key)
{
	size_t mask = ((size_t)1 << (64 - k->shift)) - 1;
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> k->shift);

	while (k->slot[i].stamp == k->stamp && k->slot[i].key != key)
		i = (i + 1) & mask;
	return &k->slot[i];
}

/* Fetch into the cache the slot where key is looked up, some keys ahead. */
static inline void
keymap_prefetch(const struct keymap *k, uint64_t key)
{
	__builtin_prefetch(&k->slot[(key * 0x9E3779B97F4A7C15ULL) >> k->shift]);
}

/* The id of key, added (the next id) if new: *added says which. */
static inline uint32_t
keymap_id(struct keymap *k, uint64_t key, int *added)
{
	struct keyslot *s = keymap_slot(k, key);

	*added = s->stamp != k->stamp;
	if (!*added)
		return s->id;
	if (2 * (k->n + 1) > ((size_t)1 << (64 - k->shift))) {	/* at most half full */
		keymap_grow(k);
		s = keymap_slot(k, key);
	}
	s->key = key;
	s->id = (uint32_t)k->n++;
	s->stamp = k->stamp;
	return s->id;
}

/* Is the key of id1 (a slot's) key[0..len)?  A word of 1-3 bytes compared in place, not by memcmp. */
static inline int
table_same_key(const struct table *t, uint32_t id1, const char *key, size_t len)
{
	size_t klen;
	const char *k = table_key(t, id1 - 1, &klen);

	if (klen != len)
		return 0;
	if (len < 4)	/* bytes 0, len / 2 and len - 1 are all of them */
		return len == 0 || (k[0] == key[0] && k[len / 2] == key[len / 2] && k[len - 1] == key[len - 1]);
	return bytes_equal(k, key, len);
}

/*
 * As table_find with a hash the caller computed with hash_bytes (a key
 * looked up in several tables).  Inline: tag-entities asks it at each token.
 */
static inline __attribute__((always_inline)) long long
table_find_hashed(const struct table *t, const char *key, size_t len, uint64_t h)
{
	uint32_t top = (uint32_t)(h >> 32);

	for (size_t i = (size_t)h & t->mask; t->slots[i].id1; i = (i + 1) & t->mask)
		if (t->slots[i].hash == top && table_same_key(t, t->slots[i].id1, key, len))
			return t->slots[i].id1 - 1;
	return -1;
}

/*
 * A bit per key in front of a table larger than the cache: most keys looked
 * up are in no table, and a key whose bit is clear is not in this one.
 * Keys are hashes already; their low KEYBITS bits pick the bit (256 KB).
 */
#define KEYBITS 21
struct keybits {
	uint64_t *bit;
};

void keybits_init(struct keybits *b);
void keybits_free(struct keybits *b);

/* The bit of a key: its low KEYBITS bits. */
static inline size_t
keybits_index(uint64_t key)
{
	return (size_t)key & (((size_t)1 << KEYBITS) - 1);
}

static inline void
keybits_add(struct keybits *b, uint64_t key)
{
	size_t i = keybits_index(key);

	b->bit[i / 64] |= 1ull << (i % 64);
}

/* May key be in the table: was a key of its bit added? */
static inline int
keybits_has(const struct keybits *b, uint64_t key)
{
	size_t i = keybits_index(key);

	return (int)(b->bit[i / 64] >> (i % 64) & 1);
}

/* Fetch key's bit into the cache ahead of keybits_has. */
static inline void
keybits_fetch(const struct keybits *b, uint64_t key)
{
	__builtin_prefetch(&b->bit[keybits_index(key) / 64]);
}

#endif
