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

char *
u64_decimal(uint64_t v, char *end)
{
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

void
buf_u64(struct buf *b, uint64_t v)
{
	char tmp[U64_DIGITS];
	const char *p = u64_decimal(v, tmp + sizeof tmp);

	buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}
