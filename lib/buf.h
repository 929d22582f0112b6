/* A growable byte buffer: the one buffer type every module and tool uses. */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Copy or compare n bytes, inline for 4 to 16 (two words of w bytes at
 * the two ends, which may overlap, never past either end): the keys of
 * count-values are mostly that short, and the calls into libc's memcpy
 * and memcmp cost more than the work.  w is a constant where inlined.
 */
static inline uint64_t
bytes_word(const char *p, size_t w)
{
	uint64_t v = 0;

	memcpy(&v, p, w);
	return v;
}

static inline void
copy_ends(char *d, const char *s, size_t n, size_t w)
{
	uint64_t first = bytes_word(s, w), last = bytes_word(s + n - w, w);

	memcpy(d, &first, w);
	memcpy(d + n - w, &last, w);
}

static inline int
ends_equal(const char *p, const char *q, size_t n, size_t w)
{
	return ((bytes_word(p, w) ^ bytes_word(q, w)) | (bytes_word(p + n - w, w) ^ bytes_word(q + n - w, w))) == 0;
}

static inline void
bytes_copy(void *dst, const void *src, size_t n)
{
	if (n >= 8 && n <= 16)
		copy_ends(dst, src, n, 8);
	else if (n >= 4 && n < 8)
		copy_ends(dst, src, n, 4);
	else if (n < 4)
		for (size_t i = 0; i < n; i++)
			((char *)dst)[i] = ((const char *)src)[i];
	else
		memcpy(dst, src, n);
}

static inline int
bytes_equal(const void *p, const void *q, size_t n)
{
	if (n >= 8 && n <= 16)
		return ends_equal(p, q, n, 8);
	if (n >= 4 && n < 8)
		return ends_equal(p, q, n, 4);
	return memcmp(p, q, n) == 0;
}

/* The order of two byte strings: memcmp's, and the shorter first where one begins the other. */
static inline int
bytes_order(const void *p, size_t np, const void *q, size_t nq)
{
	int r = memcmp(p, q, np < nq ? np : nq);

	if (r)
		return r;
	return np < nq ? -1 : np > nq;
}

struct buf {
	char *data;
	size_t len, cap;
};

void buf_reserve(struct buf *b, size_t extra);	/* room for `extra` more bytes */
void buf_free(struct buf *b);
void buf_u64(struct buf *b, uint64_t v);	/* in decimal */
/* v in decimal, its digits ending at end (at most U64_DIGITS before it); returns the first. */
#define U64_DIGITS 20
char *u64_decimal(uint64_t v, char *end);

static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)	/* an empty buffer's data may be NULL: no offset on it */
		return;
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
