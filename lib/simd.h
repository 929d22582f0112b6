/*
 * Many bytes at a time: 8 in a 64-bit word on every machine, 16 in a
 * vector (SSE2) where the compiler targets it, each user of those keeping
 * a byte-at-a-time path beside it for other machines.
 */
#ifndef SIMD_H
#define SIMD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The ASCII capitals of 8 bytes in lower case, the other bytes as they are (no carry crosses a byte). */
static inline uint64_t
lower8(uint64_t x)
{
	uint64_t low7 = x & 0x7f7f7f7f7f7f7f7fULL;
	uint64_t from_a = low7 + 0x3f3f3f3f3f3f3f3fULL;	/* bit 7 set where low7 >= 'A' */
	uint64_t past_z = low7 + 0x2525252525252525ULL;	/* where low7 > 'Z' */

	return x | ((from_a & ~past_z & ~x & 0x8080808080808080ULL) >> 2);
}

/*
 * s[0..n) with its ASCII capitals in lower case into d (d == s or apart):
 * 8 or 4 bytes at a time, the last ones overlapping those before (lower
 * case twice is lower case).
 */
static inline void
lower_bytes(char *d, const char *s, size_t n)
{
	if (n >= 8) {
		for (size_t i = 0;; i += 8) {
			size_t at = i + 8 <= n ? i : n - 8;
			uint64_t x;

			memcpy(&x, s + at, 8);
			x = lower8(x);
			memcpy(d + at, &x, 8);
			if (at == n - 8)
				break;
		}
	} else if (n >= 4) {
		uint32_t x, y;

		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		x = (uint32_t)lower8(x);
		y = (uint32_t)lower8(y);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	}
}

#ifdef __SSE2__
#include <emmintrin.h>

/* 0xFF in the bytes of v from lo to hi (unsigned, lo <= hi), 0 in the others. */
static inline __m128i
bytes_in(__m128i v, unsigned char lo, unsigned char hi)
{
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));

	return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)(hi - lo))), d);
}

/* 0xFF in the bytes of v that are ASCII letters (either case: '@', '[' and '`' are not). */
static inline __m128i
ascii_letters(__m128i v)
{
	return bytes_in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
}
#endif

#endif
