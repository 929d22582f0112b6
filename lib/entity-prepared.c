/*
 * tag-entities' built-in tables (the cues with their flags, the built-in
 * lexicons, the places and countries) prepared at build time: built from
 * the lists by scripts/prepare-tables into entity-tables.bin, which each
 * tagger looks up in place instead of building them again (data.h).
 */
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "entity-impl.h"
#include "mem.h"

/* The entries as arrays of fields, the padding zeroed: the image is the same bytes on every build. */
static void
put_entries(struct buf *out, const struct lexicon *l)
{
	struct entry *e = xcalloc(l->phrase.n ? l->phrase.n : 1, sizeof *e);

	for (size_t id = 0; id < l->phrase.n; id++) {
		e[id].type = l->e[id].type;
		e[id].prio = l->e[id].prio;
		e[id].capitals = l->e[id].capitals;
		e[id].value = l->e[id].value;
		e[id].vlen = l->e[id].vlen;
	}
	image_put(out, e, l->phrase.n * sizeof *e);
	free(e);
}

static void
put_lexicon(struct buf *out, const struct lexicon *l)
{
	uint64_t sizes[2] = { l->maxlen, (uint64_t)l->first_cue };

	image_put_table(out, &l->phrase);
	image_put_table(out, &l->first);
	put_entries(out, l);
	image_put(out, l->values.data, l->values.len);
	image_put(out, sizes, sizeof sizes);
}

void
tagger_tables_image(const struct tagger *t, struct buf *out)
{
	const struct lexicon *const lexicons[] = { &t->builtin, &t->known, &t->terms };

	image_put_table(out, &t->types);
	image_put_table(out, &t->cue);
	image_put(out, t->cuekind, t->cue.n * sizeof *t->cuekind);
	for (size_t k = 0; k < sizeof lexicons / sizeof *lexicons; k++)
		put_lexicon(out, lexicons[k]);
	image_put_table(out, &t->place);
	image_put_table(out, &t->country);
	image_put(out, t->country_at, t->country.n * sizeof *t->country_at);
	image_put(out, t->country_en.data, t->country_en.len);
	image_put_table(out, &t->country_start);
}

/* The reading of one image, its place and its name for messages. */
struct image {
	const struct blob *b;
	size_t pos;
};

static void
get_table(struct image *im, struct table *t)
{
	if (!image_get_table(im->b, &im->pos, t))
		die("built-in %s: malformed", im->b->name);
}

/* The next array, which must hold `want` bytes (SIZE_MAX: any number). */
static const void *
get_array(struct image *im, size_t want, size_t *n)
{
	const void *p = image_get(im->b, &im->pos, n);

	if (!p || (want != SIZE_MAX && *n != want))
		die("built-in %s: malformed", im->b->name);
	return p;
}

/* A read-only buffer over n bytes of the image. */
static struct buf
image_bytes(const char *p, size_t n)
{
	struct buf b = { 0 };

	b.data = (char *)p;	/* never written: the lexicons built in take no phrase */
	b.len = n;
	return b;
}

static void
get_lexicon(struct image *im, struct lexicon *l)
{
	const uint64_t *sizes;
	const char *values;
	size_t n;

	get_table(im, &l->phrase);
	get_table(im, &l->first);
	l->e = (struct entry *)get_array(im, l->phrase.n * sizeof *l->e, &n);
	values = get_array(im, SIZE_MAX, &n);
	l->values = image_bytes(values, n);
	sizes = get_array(im, 2 * sizeof *sizes, &n);
	l->maxlen = (size_t)sizes[0];
	l->first_cue = (int)sizes[1];
}

void
tagger_tables_view(struct tagger *t, const struct blob *image)
{
	struct lexicon *const lexicons[] = { &t->builtin, &t->known, &t->terms };
	struct image im = { image, 0 };
	struct table types;
	const char *en;
	size_t n;

	get_table(&im, &types);	/* the types stay a table of the tagger's: a dictionary may add one */
	for (size_t id = 0; id < types.n; id++) {
		const char *name = table_key(&types, id, &n);

		tagger_type(t, name, n);
	}
	get_table(&im, &t->cue);
	t->cuekind = (unsigned *)get_array(&im, t->cue.n * sizeof *t->cuekind, &n);
	for (size_t k = 0; k < sizeof lexicons / sizeof *lexicons; k++)
		get_lexicon(&im, lexicons[k]);
	get_table(&im, &t->place);
	get_table(&im, &t->country);
	t->country_at = (size_t *)get_array(&im, t->country.n * sizeof *t->country_at, &n);
	en = get_array(&im, SIZE_MAX, &n);
	t->country_en = image_bytes(en, n);
	get_table(&im, &t->country_start);
	if (im.pos != image->len)
		die("built-in %s: malformed", image->name);
}
