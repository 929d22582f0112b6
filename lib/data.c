/* Lookup of the data files linked into the program. */
#include <stdint.h>
#include <string.h>

#include "data.h"

/* Emitted by scripts/embed-data: one entry per file, ended by a NULL name. */
extern const struct {
	const char *name, *start, *end;
} data_table[];

const struct blob *
data_find(const char *name)
{
	static _Thread_local struct blob found;	/* taggers of several threads load their lists */

	for (size_t i = 0; data_table[i].name; i++)
		if (strcmp(data_table[i].name, name) == 0) {
			found.name = data_table[i].name;
			found.data = data_table[i].start;
			found.len = (size_t)(data_table[i].end - data_table[i].start);
			return &found;
		}
	return NULL;
}

int
data_next_line(const struct blob *b, size_t *pos, struct line *ln)
{
	while (*pos < b->len) {
		const char *s = b->data + *pos;
		const char *nl = memchr(s, '\n', b->len - *pos);
		size_t len = nl ? (size_t)(nl - s) : b->len - *pos;

		*pos += len + (nl != NULL);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0 || s[0] == '#')
			continue;
		ln->data = (char *)s;
		ln->len = len;
		return 1;
	}
	return 0;
}

/* Zeros up to the next multiple of 8 bytes. */
static void
image_align(struct buf *out)
{
	static const char zeros[8];

	buf_add(out, zeros, (8 - out->len % 8) % 8);
}

void
image_put(struct buf *out, const void *p, size_t n)
{
	uint64_t len = n;

	image_align(out);
	buf_add(out, (const char *)&len, sizeof len);
	buf_add(out, p, n);
	image_align(out);
}

/* A table as its slots, its key offsets and its key bytes (what table_view takes). */
void
image_put_table(struct buf *out, const struct table *t)
{
	image_put(out, t->slots, (t->mask + 1) * sizeof *t->slots);
	image_put(out, t->off, (t->n + 1) * sizeof *t->off);
	image_put(out, t->arena.data, t->off[t->n]);
}

const void *
image_get(const struct blob *b, size_t *pos, size_t *n)
{
	uint64_t len;
	const char *p;

	if ((uintptr_t)b->data % 8 || *pos % 8 || b->len - *pos < sizeof len)
		return NULL;
	memcpy(&len, b->data + *pos, sizeof len);
	if (len > b->len - *pos - sizeof len)
		return NULL;
	p = b->data + *pos + sizeof len;
	*n = (size_t)len;
	*pos += sizeof len + (size_t)len;
	*pos += (8 - *pos % 8) % 8;
	if (*pos > b->len)
		*pos = b->len;
	return p;
}

int
image_get_table(const struct blob *b, size_t *pos, struct table *t)
{
	size_t nslots, noff, nkeys;
	const struct slot *slots = image_get(b, pos, &nslots);
	const uint64_t *off = image_get(b, pos, &noff);
	const char *keys = image_get(b, pos, &nkeys);

	nslots /= sizeof *slots;
	noff /= sizeof *off;
	if (!slots || !off || !keys || nslots == 0 || (nslots & (nslots - 1)) || noff == 0 || off[noff - 1] != nkeys)
		return 0;
	table_view(t, slots, nslots, off, noff - 1, keys);
	return 1;
}
