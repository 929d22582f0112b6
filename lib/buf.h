/* A growable byte buffer: the one buffer type every module and tool uses. */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *data;
	size_t len, cap;
};

void buf_reserve(struct buf *b, size_t extra);	/* room for `extra` more bytes */
void buf_free(struct buf *b);

static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n)
		buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len == b->cap)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
}

static inline void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

#endif
