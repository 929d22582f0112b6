/* Escaping and unescaping of text fields. */
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "simd.h"

const unsigned char escape_needed[256] = {
	['\\'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
};

const char *
escape_span(const char *s, size_t n)
{
	const char *end = s + n;

#ifdef __SSE2__
	/* 16 bytes at a time: text fields are long runs with nothing to escape. */
	for (; end - s >= 16; s += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)s);
		unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')), bytes_in(v, '\t', '\r')));	/* \t \n (and \v \f) \r */

		for (; hit; hit &= hit - 1)
			if (escape_needed[(unsigned char)s[__builtin_ctz(hit)]])
				return s + __builtin_ctz(hit);
	}
#endif
	while (s < end && !escape_needed[(unsigned char)*s])
		s++;
	return s;
}

void
escape_into(struct buf *out, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *run = s;

		s = escape_span(s, (size_t)(end - s));
		buf_add(out, run, (size_t)(s - run));
		if (s < end) {
			buf_addc(out, '\\');
			buf_addc(out, escape_letter(*s));
			s++;
		}
	}
}

size_t
unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t r, w;

	if (!bs)
		return n;
	for (r = w = (size_t)(bs - s); r < n; r++) {
		char c = s[r];

		if (c == '\\' && r + 1 < n) {
			char e = s[r + 1];
			char d = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == '\\' ? '\\' : 0;

			if (d) {
				s[w++] = d;
				r++;
				continue;
			}
		}
		s[w++] = c;
	}
	return w;
}
