/* A growable byte buffer: the one buffer type every module and tool uses. */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Copy or compare n bytes, inline for up to 16 (two loads that may
 * overlap, never past either end): the keys of count-values are mostly
 * that short, and the calls into libc's memcpy and memcmp cost more than
 * the work.
 */
static inline void
bytes_copy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	if (n >= 8 && n <= 16) {
		uint64_t a, b;

		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(d, &a, 4);
		memcpy(d + n - 4, &b, 4);
	} else if (n < 4) {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		memcpy(d, s, n);
	}
}

static inline int
bytes_equal(const void *x, const void *y, size_t n)
{
	const char *p = x, *q = y;

	if (n >= 8 && n <= 16) {
		uint64_t a, b, c, d;

		memcpy(&a, p, 8);
		memcpy(&b, q, 8);
		memcpy(&c, p + n - 8, 8);
		memcpy(&d, q + n - 8, 8);
		return ((a ^ b) | (c ^ d)) == 0;
	}
	if (n >= 4 && n < 8) {
		uint32_t a, b, c, d;

		memcpy(&a, p, 4);
		memcpy(&b, q, 4);
		memcpy(&c, p + n - 4, 4);
		memcpy(&d, q + n - 4, 4);
		return ((a ^ b) | (c ^ d)) == 0;
	}
	return memcmp(p, q, n) == 0;
}

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
	bytes_copy(b->data + b->len, p, n);
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
