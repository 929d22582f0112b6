/*
 * Scans of 16 bytes at a time (SSE2), where the compiler targets it; each
 * user keeps a byte-at-a-time path beside it for other machines.
 */
#ifndef SIMD_H
#define SIMD_H

#ifdef __SSE2__
#include <emmintrin.h>

/* 0xFF in the bytes of v from lo to hi (unsigned, lo <= hi), 0 in the others. */
static inline __m128i
bytes_in(__m128i v, unsigned char lo, unsigned char hi)
{
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));

	return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)(hi - lo))), d);
}
#endif

#endif
