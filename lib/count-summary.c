/*
 * Space-Saving (--memory, with a top N): the keys counted most, in a
 * summary of as many keys as the memory bound holds; a new key takes the
 * place of the least counted one, and its count as its error.  Apart from
 * exact counting: it shares nothing with it but the keys it is given.
 */
#include <stdlib.h>
#include <string.h>

#include "count-impl.h"
#include "mem.h"

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

void
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
size_t
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

/* A key not in the summary (ss_add has counted it in the total). */
void
ss_add_new(struct summary *s, const char *key, size_t len, uint64_t h, uint64_t w)
{
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

/* An empty summary of at most `limit` bytes. */
struct summary *
ss_new(size_t limit)
{
	struct summary *s = xcalloc(1, sizeof *s);

	s->limit = limit;
	s->mask = 1023;
	s->map = xcalloc(s->mask + 1, sizeof *s->map);
	return s;
}

void
ss_free(struct summary *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->e[i].key);
	free(s->e);
	free(s->heap);
	free(s->map);
	free(s);
}
