/* Growable byte buffer. */
#include <stdlib.h>

#include "buf.h"
#include "mem.h"

void
buf_reserve(struct buf *b, size_t extra)
{
	b->data = xgrow(b->data, &b->cap, b->len + extra, 1);
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_u64(struct buf *b, uint64_t v)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}
