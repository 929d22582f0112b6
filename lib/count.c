/*
 * The counter (count.h): which fields of a record make its key and its
 * group, the counter made with room for its keys, and freed.  The work is
 * in the count-*.c files that count-impl.h lists.
 */
#include <stdlib.h>
#include <string.h>

#include "count-impl.h"
#include "mem.h"

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
	if (spec->memory)
		c->ss = ss_new(spec->memory);
	return c;
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
	if (c->ss)
		ss_free(c->ss);
	free(c);
}
