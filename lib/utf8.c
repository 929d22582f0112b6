/* UTF-8 validation (ASCII 16 or 8 bytes at a time, the rest by Unicode's table of well-formed sequences) and repair. */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "utf8.h"

/*
 * Length of the well-formed sequence at s, whose lead byte is not ASCII,
 * or 0 (The Unicode Standard, table 3-7: no overlong forms, no surrogates,
 * nothing above U+10FFFF; what utf8proc_iterate accepts).
 */
static inline size_t
valid_at(const unsigned char *s, size_t n)
{
	unsigned lead = s[0], lo = 0x80, hi = 0xBF;
	size_t len;

	if (lead < 0xC2 || lead > 0xF4)
		return 0;
	len = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
	if (n < len)
		return 0;
	if (lead == 0xE0)
		lo = 0xA0;
	else if (lead == 0xED)
		hi = 0x9F;
	else if (lead == 0xF0)
		lo = 0x90;
	else if (lead == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

size_t
utf8_valid_prefix(const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;

	while (i < n) {
#ifdef __SSE2__
		if (i + 16 <= n) {
			/* The bytes that are not ASCII, as a bit mask. */
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));

			if (!m) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz(m);
		} else
#endif
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			w &= 0x8080808080808080ULL;
			if (!w) {
				i += 8;
				continue;
			}
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			i += (size_t)__builtin_ctzll(w) >> 3;	/* to the first byte that is not ASCII */
#endif
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = valid_at(s + i, n - i);

		if (!k)
			return i;
		i += k;
	}
	return n;
}

int
utf8_valid(const char *s, size_t n)
{
	return utf8_valid_prefix(s, n) == n;
}

size_t
utf8_repair(struct buf *out, const char *s, size_t n)
{
	static const char replacement[] = "\xEF\xBF\xBD";
	size_t bad = 0;

	while (n > 0) {
		size_t ok = utf8_valid_prefix(s, n);

		buf_add(out, s, ok);
		s += ok;
		n -= ok;
		if (n == 0)
			break;
		/* Skip one invalid lead byte and the continuation bytes that follow it. */
		size_t skip = 1;

		while (skip < n && skip < 4 && ((unsigned char)s[skip] & 0xC0) == 0x80)
			skip++;
		buf_add(out, replacement, 3);
		bad++;
		s += skip;
		n -= skip;
	}
	return bad;
}

size_t
utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	/* Back off continuation bytes: the cut falls before the character they belong to. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}
