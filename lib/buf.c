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
